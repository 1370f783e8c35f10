"""Can the critic see expression at all? Usage: python bench/critic_expression.py [--steps 300] [--threads 2] [--conditions triplet,first]

Trains a fresh critic (today's `DiscriminatorConfig`, hinge loss, Adam at the training's `lr_d`, batch 16, 64 px) on one
task only: the real tuple `(source, first, target)` against the same tuple with the target re-rendered with another
expression (`shift_expression`, nb 02). Triplets come from the cached train pool: groups 0-127 to train, groups
128-255 (other people) to score. Prints, every `--every` steps, the share of held-out rows whose real tuple scores
above its shifted one and the mean score margin. A critic that cannot learn this alone cannot teach the generator
expression through `LossWeights.expression_negatives` either (round 26).
"""
import argparse, time, warnings
warnings.filterwarnings('ignore')
import torch

def score(D, source, first, x):
    "Mean over scales of each row's mean score `(B,)`."
    scores, _ = D(source, first, x)
    return torch.stack([s.flatten(1).mean(1) for s in scores]).mean(0)

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--steps', type=int, default=300)
    ap.add_argument('--every', type=int, default=50)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--conditions', default='triplet,first', help="critic conditions to try: 'triplet' (source, first, x), 'first' (first, x)")
    ap.add_argument('--n-eval', type=int, default=256)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    from facetriplet.triplets import train_valid_pools, TripletPool, TripletDataLoader
    from facetriplet.discriminator import Discriminator, DiscriminatorConfig
    from facetriplet.losses import discriminator_loss
    from facetriplet.recipes import TrainConfig
    pool, _ = train_valid_pools(64, show_progress=False)
    shifted = TripletPool.load(pool.config, shifted=True, show_progress=True)
    per_group = pool.images.shape[1] * pool.images.shape[2]
    half = pool.images.shape[0] // 2 * per_group                              # targets of groups 0..127 | 128..255
    fetch = TripletDataLoader(pool, shifted=shifted).fetch                  # (source, first, target, segmentation, shifted target)
    def batch(index): s, f, t, _, ts = fetch(index); return s, f, t, ts
    gen = torch.Generator().manual_seed(0)
    held = batch(half + torch.randperm(half, generator=gen)[:a.n_eval])
    for cond in a.conditions.split(','):
        torch.manual_seed(0)
        D = Discriminator(DiscriminatorConfig(cond))
        opt = torch.optim.Adam(D.parameters(), TrainConfig.lr_d, betas=(.5, .999))
        t0 = time.perf_counter()
        for step in range(1, a.steps + 1):
            s, f, t, ts = batch(torch.randint(0, half, (16,), generator=gen))
            sc, _ = D(torch.cat([s, s]), torch.cat([f, f]), torch.cat([t, ts]))   # real rows, then the shifted ones
            loss = discriminator_loss([x[:16] for x in sc], [x[16:] for x in sc], 'hinge')
            opt.zero_grad(); loss.backward(); opt.step()
            if step % a.every == 0 or step == a.steps:
                D.eval()
                with torch.no_grad():
                    s, f, t, ts = held
                    right, wrong = torch.cat([score(D, s[i:i + 64], f[i:i + 64], t[i:i + 64]) for i in range(0, len(t), 64)]), \
                                   torch.cat([score(D, s[i:i + 64], f[i:i + 64], ts[i:i + 64]) for i in range(0, len(t), 64)])
                D.train()
                print(f'{cond:8} step {step:4}: held-out real above shifted {(right > wrong).float().mean():.1%}, margin {(right - wrong).mean():+.3f}, '
                      f'train loss {loss.item():.3f}, {time.perf_counter() - t0:.0f} s', flush=True)

if __name__ == '__main__': main()
