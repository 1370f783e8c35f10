"""Step time of levers, measured side by side. Usage: python bench/lever_time.py dec [mm ...] [--threads 1] [--blocks 5] [--steps 10]

Builds one Learner per lever (the `default` one first, overrides of `bench/levers.py`), warms each up, then times
them in interleaved blocks of `--steps` training steps, so that the machine's drift falls on all of them alike.
Prints, per lever, the median seconds per step, its ratio to `default`, the step's FLOPs
(torch.utils.flop_counter) and the steps a run of the README's main job (1 500 default steps) gets at equal minutes.
"""
import argparse, statistics, sys, time, warnings
from pathlib import Path
warnings.filterwarnings('ignore')
import torch
from torch.utils.flop_counter import FlopCounterMode
sys.path.insert(0, str(Path(__file__).parent))
from levers import combine, warm_learner

def step_flops(learn) -> float:
    from facetriplet.training import train_steps
    with FlopCounterMode(display=False) as fc, learn.no_logging(): train_steps(learn, learn.triplet_gan.step + 1)
    return fc.get_total_flops()

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('levers', nargs='+', help="levers of bench/levers.py ('+' joins several)")
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--blocks', type=int, default=5)
    ap.add_argument('--steps', type=int, default=10)
    ap.add_argument('--seed', type=int, default=0)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    from facetriplet.training import train_steps
    names = ['default'] + [n for n in a.levers if n != 'default']
    learns = {n: warm_learner(combine(n), a.seed) for n in names}
    flops = {n: step_flops(l) for n, l in learns.items()}
    times = {n: [] for n in names}
    for _ in range(a.blocks):
        for n, l in learns.items():
            t = time.perf_counter()
            with l.no_logging(): train_steps(l, l.triplet_gan.step + a.steps)
            times[n].append((time.perf_counter() - t) / a.steps)
    base = statistics.median(times['default'])
    print(f'threads {a.threads}, {a.blocks} interleaved blocks of {a.steps} steps, batch {learns["default"].dls.bs}')
    print('| lever | s/step (median) | blocks min-max | ratio | GFLOP/step | steps at the main job\'s minutes |')
    print('|---|---|---|---|---|---|')
    for n in names:
        med = statistics.median(times[n])
        print(f'| {n} | {med:.3f} | {min(times[n]):.3f}-{max(times[n]):.3f} | {med / base:.3f} | {flops[n] / 1e9:.1f} | {round(1500 * base / med)} |', flush=True)

if __name__ == '__main__': main()
