"""Does bf16 cost quality? Usage: python bench/precision.py [--steps 300] [--threads 1] [--out assets/precision.png]

Trains the `triplet` recipe from the same seed in fp32 and in bf16 (64 px, batch 16, the default pools) and
prints each run's step time and held-out metrics; saves both loss curves in one figure.
"""
import argparse, json, tempfile, time, warnings
import torch, matplotlib; matplotlib.use('Agg')
import matplotlib.pyplot as plt
warnings.filterwarnings('ignore')
from facetriplet.training import TrainConfig, train

if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('--steps', type=int, default=300); p.add_argument('--threads', type=int, default=1)
    p.add_argument('--out', default='assets/precision.png')
    a = p.parse_args(); torch.set_num_threads(a.threads)
    logs = {}
    for precision in ('fp32', 'bf16'):
        with tempfile.TemporaryDirectory() as d:
            t = time.perf_counter()
            m = train(TrainConfig(steps=a.steps, precision=precision, seed=0), d, show_progress=False)
            s = (time.perf_counter() - t) / a.steps
            logs[precision] = json.loads(torch.load(f'{d}/model.pth', weights_only=True)['log'])
        print(f"{precision}: {s:.2f} s/step (incl. set-up and metrics), held-out PSNR {m['psnr']:.2f} dB (copy first {m['psnr_copy_first']:.2f}), "
              f"identity cosine {m['identity_cosine']:.3f}; mean total loss over the last 50 steps {sum(r['total'] for r in logs[precision][-50:]) / 50:.3f}")
    fig, axes = plt.subplots(1, 3, figsize=(13, 3.2))
    for ax, key in zip(axes, ('total', 'reconstruction', 'identity')):
        for prec, log in logs.items():
            v = torch.tensor([r[key] for r in log])
            ax.plot(torch.arange(len(v)), torch.nn.functional.avg_pool1d(v[None, None], 10, 1)[0, 0].tolist() + [float('nan')] * 9, label=prec)
        ax.set_title(f'{key} (10-step mean)'); ax.set_xlabel('step'); ax.legend()
    fig.savefig(a.out, dpi=80, bbox_inches='tight')
    print(f'wrote {a.out}')
