"""Start-up benchmark. Usage: python bench/startup.py [--repeats 7]

Inference must not pay for the training stack. Prints, as medians over interleaved runs of fresh processes:
the wall time of `python -c "import torch"` (the floor: every command needs torch), of `facetriplet swap --help`,
and of `python -c "import facetriplet.training"` (the training stack), with their ratios to the floor; and which
heavy modules `import facetriplet.checkpoint, facetriplet.faces` loads (goal: none of fastai, sklearn, pandas,
matplotlib, torchvision.models).
"""
import argparse, shutil, statistics, subprocess, sys, time

HEAVY = ('fastai', 'sklearn', 'pandas', 'matplotlib', 'torchvision.models')
COMMANDS = {'import torch': [sys.executable, '-c', 'import torch'],
            'facetriplet swap --help': [shutil.which('facetriplet') or 'facetriplet', 'swap', '--help'],
            'import facetriplet.training': [sys.executable, '-c', 'import facetriplet.training']}

def wall(cmd):
    t = time.perf_counter(); subprocess.run(cmd, check=True, capture_output=True); return time.perf_counter() - t

if __name__ == '__main__':
    p = argparse.ArgumentParser(); p.add_argument('--repeats', type=int, default=7); a = p.parse_args()
    for cmd in COMMANDS.values(): wall(cmd)                                   # warm the file cache
    times = {k: [] for k in COMMANDS}
    for _ in range(a.repeats):
        for k, cmd in COMMANDS.items(): times[k].append(wall(cmd))
    floor = statistics.median(times['import torch'])
    for k, v in times.items(): print(f'{k:30s} {statistics.median(v):6.2f} s   {statistics.median(v) / floor:5.2f} x import torch')
    check = f"import facetriplet.checkpoint, facetriplet.faces, sys; print([m for m in {HEAVY!r} if m in sys.modules])"
    print('heavy modules loaded by facetriplet.checkpoint + facetriplet.faces:', subprocess.run([sys.executable, '-c', check], capture_output=True, text=True).stdout.strip())
