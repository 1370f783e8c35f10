"""Training-step benchmark. Usage: python bench/train_step.py [--threads 2] [--precision auto] [--bs 32]

For one generator + critic step of the `triplet` recipe (batch `--bs`) at 64 and 128 px it prints:
- images/s through fastai's Learner (the `TripletGAN` callback) and through a plain PyTorch loop calling the
  library's `training_step` (same networks, losses, optimiser and DataLoader), timed in interleaved blocks of `--steps` steps (each
  fastai block is one `fit`, so its set-up is included: use blocks of 10 or more); fastai's overhead in %;
- the step's FLOPs (torch.utils.flop_counter) and FLOP rate as a fraction of a plain GEMM in the same precision,
  measured in the same run;
- the 128 px / 64 px step-time ratio and peak memory.
"""
import argparse, copy, resource, statistics, tempfile, time, warnings
import torch, torch.nn.functional as F
from torch.utils.flop_counter import FlopCounterMode
warnings.filterwarnings('ignore')
from facetriplet.training import TrainConfig, swap_learner, train_steps, resolve_precision, training_step, adam
from facetriplet.recipes import get_recipe
TRIPLET = get_recipe('triplet')

def peak_mem_gb():
    if torch.cuda.is_available(): return torch.cuda.max_memory_allocated() / 2**30
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20

def sync():
    if torch.cuda.is_available(): torch.cuda.synchronize()

def autocast(device, precision):
    dtype = {'bf16': torch.bfloat16, 'fp16': torch.float16}.get(precision)
    return torch.autocast(device.type, dtype=dtype, enabled=dtype is not None)

def plain_step(G, D, swap_loss, g_opt, d_opt, batch, device, precision):
    "The library's `training_step` (the step `TripletGAN` runs inside fastai) as a plain loop body, under autocast."
    with autocast(device, precision): training_step(G, D, g_opt, d_opt, swap_loss, TRIPLET, batch)

def gemm_rate(device, precision, n=2048):
    dtype = {'bf16': torch.bfloat16, 'fp16': torch.float16}.get(precision, torch.float32)
    a, b = torch.randn(n, n, device=device, dtype=dtype), torch.randn(n, n, device=device, dtype=dtype)
    a @ b; sync(); t = time.perf_counter()
    for _ in range(5): a @ b
    sync(); return 5 * 2 * n**3 / (time.perf_counter() - t)

def bench(size, a, cache):
    config = TrainConfig(size=size, bs=a.bs, steps=10**9, precision=a.precision)
    learn = swap_learner(config, cache=cache, data=dict(n_groups=8, show_progress=False))
    learn.remove_cb(learn.progress)
    device, precision = torch.device(learn.dls.device or 'cpu'), resolve_precision(a.precision, learn.dls.device)
    with learn.no_logging(): train_steps(learn, 1)                      # warm-up; creates the optimisers
    G, D = copy.deepcopy(learn.model.generator), copy.deepcopy(learn.model.discriminator)
    G.set_identity_encoder(learn.model.generator.__dict__['_identity_encoder'])
    g_opt, d_opt = adam(G.parameters(), config.lr_g), adam(D.parameters(), config.lr_d)
    swap_loss = learn.triplet_gan.swap_loss
    batch = learn.dls.train.one_batch()
    plain_step(G, D, swap_loss, g_opt, d_opt, batch, device, precision)
    with FlopCounterMode(display=False) as fc: plain_step(G, D, swap_loss, g_opt, d_opt, batch, device, precision)
    flops = fc.get_total_flops()
    fastai_t, plain_t = [], []
    for _ in range(a.repeats):                                          # interleaved blocks of a.steps steps
        sync(); t = time.perf_counter()
        with learn.no_logging(): train_steps(learn, learn.triplet_gan.step + a.steps)
        sync(); fastai_t.append((time.perf_counter() - t) / a.steps)
        t = time.perf_counter()                                         # the plain loop also draws its batches
        for _, b in zip(range(a.steps), learn.dls.train): plain_step(G, D, swap_loss, g_opt, d_opt, b, device, precision)
        sync(); plain_t.append((time.perf_counter() - t) / a.steps)
    return dict(fastai=statistics.median(fastai_t), plain=statistics.median(plain_t), flops=flops, precision=precision,
                device=device, params=sum(p.numel() for p in G.parameters()) + sum(p.numel() for p in D.parameters()))

if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('--threads', type=int, default=2); p.add_argument('--precision', default='auto')
    p.add_argument('--bs', type=int, default=32); p.add_argument('--steps', type=int, default=10); p.add_argument('--repeats', type=int, default=3)
    a = p.parse_args(); torch.set_num_threads(a.threads)
    print(f'torch {torch.__version__}, {a.threads} threads, batch {a.bs}, {a.steps} steps x {a.repeats} interleaved blocks')
    res = {}
    with tempfile.TemporaryDirectory() as cache:
        for size in (64, 128):
            r = res[size] = bench(size, a, cache)
            g = gemm_rate(r['device'], r['precision'])
            rate = r['flops'] / r['plain']
            print(f"{size:3d} px {r['precision']} on {r['device']}: fastai {a.bs / r['fastai']:6.1f} images/s ({r['fastai']:.3f} s/step), "
                  f"plain loop {a.bs / r['plain']:6.1f} images/s ({r['plain']:.3f} s/step), fastai overhead {100 * (r['fastai'] / r['plain'] - 1):+.1f} %")
            print(f"        {r['flops'] / a.bs / 1e9:.2f} GFLOP per image per step, {rate / 1e9:.1f} GFLOP/s = {100 * rate / g:.0f} % of a "
                  f"{r['precision']} GEMM ({g / 1e9:.1f} GFLOP/s); peak memory so far {peak_mem_gb():.2f} GB")
    print(f"128 px / 64 px step time: fastai {res[128]['fastai'] / res[64]['fastai']:.2f}, plain {res[128]['plain'] / res[64]['plain']:.2f}")
