"""The CUDA paths in one short run on a lent GPU. Usage: python bench/gpu.py --out DIR [--budget 420] [--steps 300]

Stages, each timed and recorded in DIR/gpu.json as soon as it ends (a stage that fails records its error and the
next one runs):
1. render: the renderer on the GPU against the CPU for the same 64 seeds (largest pixel difference, share of
   segmentation labels that agree), then the train and valid pools rendered on the GPU (seconds).
2. precision: `--steps` steps of the default `triplet` recipe from seed 0 in bf16, fp16 (GradScaler) and fp32:
   seconds per step after warm-up, peak GPU memory, any non-finite loss, and the valid benchmark of each.
3. cli: `facetriplet train` 30 steps straight, twice, and 15 + `--resume` to 30 (are the losses identical?), then
   `facetriplet swap` and `facetriplet eval` on the GPU.
4. readme_job: the README's main job (`facetriplet train --steps 1200`) and `facetriplet eval` on the test split.
5. long: one run for the minutes left (`--minutes`), scored on the test split and exported (fp16) to DIR.
The test and valid benchmark pools are read from $FACETRIPLET_CACHE when present (copied from a CPU machine, so
scores compare with the CPU's exactly).
"""
import argparse, json, os, shutil, subprocess, sys, time, traceback, warnings
from pathlib import Path
warnings.filterwarnings('ignore')
import torch

R, T0 = {}, time.time()
DEV = 'cuda' if torch.cuda.is_available() else 'cpu'       # cpu: a dry run of this script before spending GPU time
def sync(): DEV == 'cuda' and torch.cuda.synchronize()
FT = [sys.executable, '-c', 'from facetriplet.cli import main; main()']

def left(a): return a.budget - (time.time() - T0)

def record(name, fn, *args):
    t = time.time()
    print(f'== {name} ({left(args[0]):.0f} s left)', flush=True)
    try: R[name] = {'ok': True, **fn(*args)}
    except Exception as e: R[name] = {'ok': False, 'error': f'{type(e).__name__}: {e}', 'trace': traceback.format_exc()[-2000:]}
    R[name]['seconds'] = round(time.time() - t, 1)
    print(json.dumps({k: v for k, v in R[name].items() if k != 'trace'}, indent=1)[:3000], flush=True)
    (a_out / 'gpu.json').write_text(json.dumps(R, indent=1))

def cli(*args, timeout=600):
    t = time.time()
    p = subprocess.run(FT + [str(x) for x in args], capture_output=True, text=True, timeout=timeout)
    tail = (p.stdout + p.stderr)[-1500:]
    if p.returncode: raise RuntimeError(f"facetriplet {' '.join(map(str, args))} -> exit {p.returncode}: {tail}")
    return time.time() - t, tail

def scores(path, split, dev=DEV):
    from facetriplet.checkpoint import Swapper
    from facetriplet.evaluation import benchmark, load_evaluators, evaluate
    sw, ev = Swapper.load(path).to(dev), load_evaluators().to(dev)
    m = evaluate(sw, benchmark(sw.size, split=split), ev, device=dev)
    return {k: m[k] for k in ('psnr', 'psnr_face', 'id_retrieval', 'id_cosine', 'pose_error', 'expression_error', 'frechet', 'video_psnr') if k in m}

def render_stage(a):
    from facetriplet.synth import render, sample_identity, sample_attributes
    from facetriplet.triplets import TripletPool, PoolConfig, TRAIN_GROUPS
    ids, atts = torch.arange(1000, 1064), torch.arange(5000, 5064)
    faces = lambda i, a, dev: render(sample_identity(i).to(dev), sample_attributes(a).to(dev), 64)
    cpu, gpu = faces(ids, atts, 'cpu'), faces(ids, atts, DEV)
    u8 = lambda x: x.add(1).mul(127.5).round().to(torch.uint8).cpu().int()
    diff = (u8(cpu.image) - u8(gpu.image)).abs()
    out = {'max_pixel_diff_u8': diff.max().item(), 'share_pixels_differing': (diff > 0).float().mean().item(),
           'segmentation_agreement': (cpu.segmentation == gpu.segmentation.cpu()).float().mean().item()}
    k = torch.arange(256)
    t = time.time(); faces(k, k, 'cpu'); out['cpu_seconds_256_pictures'] = time.time() - t
    sync(); t = time.time(); faces(k, k, DEV); sync()
    out['gpu_seconds_256_pictures'] = time.time() - t
    for cfg in (PoolConfig('train', TRAIN_GROUPS), PoolConfig('valid', TRAIN_GROUPS // 4)):
        t = time.time()
        try: TripletPool.load(cfg, show_progress=False, device=DEV)
        except Exception as e:                               # keep the later stages alive: render on the CPU
            out[f'{cfg.split}_pool_gpu_error'] = f'{type(e).__name__}: {e}'; TripletPool.load(cfg, show_progress=False)
        out[f'{cfg.split}_pool_seconds'] = time.time() - t
    return out

def precision_stage(a):
    from facetriplet.recipes import TrainConfig
    from facetriplet.training import swap_learner, train_steps, save_checkpoint
    out = {}
    for p in (('bf16', 'fp16', 'fp32') if DEV == 'cuda' else ('fp32',)):   # fp16 autocast on a CPU crawls
        if DEV == 'cuda': torch.cuda.reset_peak_memory_stats()
        learn = swap_learner(TrainConfig(steps=a.steps, precision=p, seed=0))
        learn.remove_cb(learn.progress)
        with learn.no_logging(): train_steps(learn, 20)
        sync(); t = time.time()
        with learn.no_logging(): train_steps(learn, a.steps)
        sync(); sec = (time.time() - t) / (a.steps - 20)
        log = learn.triplet_gan.log
        finite = all(all(v == v and abs(v) != float('inf') for k, v in r.items()) for r in log)
        path = Path(a.runs) / f'precision-{p}.pth'; path.parent.mkdir(parents=True, exist_ok=True)
        save_checkpoint(learn, path)
        out[p] = {'seconds_per_step': sec, 'peak_gpu_mib': torch.cuda.max_memory_allocated() / 2**20 if DEV == 'cuda' else None, 'all_losses_finite': finite,
                  'total_loss_last50': sum(r['total'] for r in log[-50:]) / 50, 'valid': scores(path, 'valid')}
        print(p, out[p], flush=True)
    return out

def cli_stage(a):
    runs = Path(a.runs); out = {}
    logs = {}
    for name, steps in (('straight', 30), ('straight2', 30), ('resumed', 15)):
        cli('train', '--steps', steps, '--every', 15, '--out', runs / name, timeout=240)
    cli('train', '--steps', 30, '--every', 15, '--out', runs / 'resumed', '--resume', timeout=240)
    for name in ('straight', 'straight2', 'resumed'):
        logs[name] = json.loads(torch.load(runs / name / 'model.pth', weights_only=True)['log'])
    def maxdiff(x, y): return max(abs(r[k] - s[k]) for r, s in zip(x, y) for k in r if isinstance(r[k], float))
    out['steps_logged'] = {k: len(v) for k, v in logs.items()}
    out['max_loss_diff_straight_vs_straight2'] = maxdiff(logs['straight'], logs['straight2'])
    out['max_loss_diff_straight_vs_resumed'] = maxdiff(logs['straight'], logs['resumed'])
    from facetriplet.triplets import test_triplets
    from facetriplet.core import save_image
    t = test_triplets(64, n=2, show_progress=False)
    save_image(t.source[0], runs / 'source.png'); save_image(t.first[1], runs / 'first.png')
    out['swap_seconds'], _ = cli('swap', '--source', runs / 'source.png', '--first', runs / 'first.png', '--out', a_out / 'swapped_cli.png', '--model', runs / 'straight' / 'model.pth')
    from PIL import Image
    out['swap_png_info'] = {k: str(v)[:80] for k, v in Image.open(a_out / 'swapped_cli.png').info.items()}
    out['eval_seconds'], out['eval_tail'] = cli('eval', '--model', runs / 'straight' / 'model.pth', '--n', 64, '--videos', 1)
    return out

def job_stage(a, name, steps, minutes=0):
    d = Path(a.runs) / name
    sec, tail = cli('train', '--steps', steps, '--out', d, *(['--minutes', minutes] if minutes else []), timeout=int(left(a)) + 60)
    ck = torch.load(d / 'model.pth', weights_only=True)
    done = len(json.loads(ck['log']))
    out = {'train_seconds': sec, 'steps_done': done, 'train_tail': tail[-600:], 'test': scores(d / 'model.pth', 'test')}
    shutil.copy(d / 'samples.png', a_out / f'samples_{name}.png')
    shutil.copy(d / 'losses.png', a_out / f'losses_{name}.png')
    if name == 'long':
        cli('export', '--checkpoint', d / 'model.pth', '--out', a_out / 'swapper_gpu_long.pth', '--n', 64)
    return out

if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('--out', required=True); p.add_argument('--budget', type=float, default=420)
    p.add_argument('--steps', type=int, default=300); p.add_argument('--runs', default='runs/gpu')
    p.add_argument('--stages', default='render,precision,cli,readme_job,long', help='comma-separated; render also caches the pools')
    a = p.parse_args(); a_out = Path(a.out); a_out.mkdir(parents=True, exist_ok=True)
    R['machine'] = {'gpu': torch.cuda.get_device_name() if DEV == 'cuda' else 'none (dry run)', 'torch': torch.__version__, 'cuda': torch.version.cuda,
                    'bf16_supported': DEV == 'cuda' and torch.cuda.is_bf16_supported()}
    from facetriplet.training import resolve_precision
    R['machine']['auto_precision'] = resolve_precision('auto', DEV)
    stages = a.stages.split(',')
    for name, fn in (('render', render_stage), ('precision', precision_stage), ('cli', cli_stage)):
        if name in stages: record(name, fn, a)
    sec = R.get('precision', {}).get('bf16', {}).get('seconds_per_step', 1.)
    if 'readme_job' not in stages: pass
    elif left(a) > 1200 * sec * 1.3 + 90: record('readme_job', lambda a: job_stage(a, 'readme_job', 1200), a)
    else: R['readme_job'] = {'ok': False, 'error': f'skipped: {left(a):.0f} s left, step {sec:.3f} s'}
    if 'long' in stages and left(a) > 100: record('long', lambda a: job_stage(a, 'long', 10**6, round((left(a) - 70) / 60, 2)), a)
    R['total_seconds'] = time.time() - T0
    (a_out / 'gpu.json').write_text(json.dumps(R, indent=1))
    print('done in', round(R['total_seconds']), 's')
