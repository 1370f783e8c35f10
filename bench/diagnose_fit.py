"""Where a swap model's error comes from: does it fit its training triplets better than held-out ones, and how much
would knowing the target's identity perfectly help?

Usage: python bench/diagnose_fit.py MODEL [--n 512] [--threads 1]

Prints full and face PSNR of MODEL (a swap model or training checkpoint) on `--n` triplets of the train pool and of
the valid pool (same sampling), then on the valid triplets with the *target itself* given as `source` (the same
person in the very pose and light of the answer: an upper bound on what better identity information could add).
"""
import argparse, torch
from facetriplet.triplets import TripletPool, PoolConfig
from facetriplet.splits import TRAIN_GROUPS
from facetriplet.checkpoint import Swapper
from facetriplet.metrics import psnr, masked_psnr
from facetriplet.losses import face_region

def scores(sw, source, t):
    out, face = sw(source, t.first), face_region(t.target_segmentation)
    return psnr(out, t.target).mean().item(), masked_psnr(out, t.target, face).mean().item()

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('model'); ap.add_argument('--n', type=int, default=512); ap.add_argument('--threads', type=int, default=1)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    sw = Swapper.load(a.model)
    for split, groups in (('train', TRAIN_GROUPS), ('valid', TRAIN_GROUPS // 4)):
        pool = TripletPool.load(PoolConfig(split, groups), show_progress=False)
        t = pool.triplets(torch.randint(0, pool.n_targets * 4, (a.n,), generator=torch.Generator().manual_seed(0)))
        full, face = scores(sw, t.source, t)
        print(f'{split:5s} triplets: full {full:.2f} dB, face {face:.2f} dB')
    full, face = scores(sw, t.target, t)
    print(f'valid, target given as source: full {full:.2f} dB, face {face:.2f} dB')
