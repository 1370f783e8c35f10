"""SIGKILL `facetriplet train` at random moments, resume each time, compare every loss with an uninterrupted run.

Usage: python bench/kills.py [--kills 20] [--steps 160] [--seed 0] [--out results/kills.json]

A tiny run (32 px, batch 4, 2 groups, a checkpoint every 2 steps, fp32, one thread so CPU kernels are deterministic)
is trained once without interruption. Then the same run is started and killed with SIGKILL `--kills` times: at a
random moment of the start-up (loading, restoring), 0-6 steps after this process's first new checkpoint, or
the instant a checkpoint's temporary file appears, i.e. during a checkpoint write (each a third of the kills). After each kill the checkpoint must still be readable (`read_checkpoint`) and its loss log must be a prefix of
the uninterrupted run's; the next start resumes from it (`--resume`). Finally the run completes and its whole log
must equal the uninterrupted one, every loss term of every step. Prints and writes
"k of N resumed on the identical trajectory, c corrupt checkpoints".
"""
import argparse, json, os, random, signal, subprocess, sys, tempfile, time
from pathlib import Path

ARGS = ['--size', '32', '--bs', '4', '--groups', '2', '--every', '2', '--precision', 'fp32']

def start(out:Path, steps:int, cache:Path, resume:bool):
    env = {**os.environ, 'OMP_NUM_THREADS': '1', 'FACETRIPLET_CACHE': str(cache)}
    return subprocess.Popen([sys.executable, '-c', 'from facetriplet.cli import main; main()', 'train', *ARGS, '--steps', str(steps),
                             '--out', str(out), *(['--resume'] if resume else [])], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

def log_of(path:Path):
    from facetriplet.checkpoint import read_checkpoint
    return json.loads(read_checkpoint(path)['log'])

def kills(n:int, steps:int, seed:int, work:Path, show=print, cache:Path|None=None) -> dict:
    "`cache`: where the runs read their pools (default: a fresh folder under `work`, so the timing includes rendering them)."
    rng, cache = random.Random(seed), Path(cache) if cache else work / 'cache'
    t = time.time(); p = start(work / 'warm-up', 1, cache, False); _, err = p.communicate()    # renders the pools once
    if p.returncode: raise SystemExit(f'the warm-up run failed: {err[-2000:]}')
    t = time.time(); p = start(work / 'warm-up2', 1, cache, False); p.communicate(); startup = time.time() - t   # start-up + 1 step
    t = time.time(); p = start(work / 'reference', steps, cache, False); _, err = p.communicate()
    if p.returncode: raise SystemExit(f'the uninterrupted run failed: {err[-2000:]}')
    ref, ref_seconds = log_of(work / 'reference' / 'model.pth'), time.time() - t
    step = max(ref_seconds - startup, 0.1) / steps
    run, ckpt = work / 'killed', work / 'killed' / 'model.pth'
    results = []
    for i in range(n):
        p = start(run, steps, cache, ckpt.exists())
        mode = ('startup', 'training', 'write')[i % 3]          # while loading, while training, while a checkpoint is written
        seen = ckpt.stat().st_mtime_ns if ckpt.exists() else 0
        t0, deadline = time.time(), None
        if mode == 'startup': deadline = t0 + rng.uniform(0.2, 1.0) * startup
        while p.poll() is None and time.time() < t0 + 300:
            now = time.time()
            if mode == 'write' and any(run.glob('model.pth.*.tmp')): break
            if mode == 'training' and deadline is None and ckpt.exists() and ckpt.stat().st_mtime_ns != seen:
                deadline = now + rng.uniform(0, 6) * step              # this process is training: 0-6 steps more
            if deadline is not None and now >= deadline: break
            time.sleep(0.002)
        finished = p.poll() is not None
        if not finished: p.send_signal(signal.SIGKILL); p.wait()
        r = {'kill': i, 'moment': mode, 'finished_before_kill': finished}
        if ckpt.exists():
            try: got = log_of(ckpt); r.update(readable=True, steps_saved=len(got), prefix=got == ref[:len(got)])
            except Exception as e: r.update(readable=False, error=str(e)[:200])
        else: r.update(readable=True, steps_saved=0, prefix=True)                # killed before the first checkpoint
        results.append(r); show(json.dumps(r))
        if finished: break
    p = start(run, steps, cache, ckpt.exists()); _, err = p.communicate()
    if p.returncode: raise SystemExit(f'the final resume failed: {err[-2000:]}')
    final = log_of(ckpt)
    identical = final == ref
    k = sum(r['readable'] and r['prefix'] for r in results) if identical else 0
    corrupt = sum(not r['readable'] for r in results)
    return {'kills': len(results), 'identical_final_trajectory': identical, 'resumed_identically': k, 'corrupt_checkpoints': corrupt,
            'kills_during_checkpoint_write': sum(r['moment'] == 'write' for r in results), 'steps': steps, 'seed': seed,
            'uninterrupted_seconds': ref_seconds, 'startup_seconds': startup, 'runs': results,
            'summary': f"{k} of {len(results)} resumed on the identical trajectory, {corrupt} corrupt checkpoints"}

if __name__ == '__main__':
    a = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument('--kills', type=int, default=20); a.add_argument('--steps', type=int, default=160)
    a.add_argument('--seed', type=int, default=0); a.add_argument('--out', default='results/kills.json')
    a = a.parse_args()
    with tempfile.TemporaryDirectory() as d:
        res = kills(a.kills, a.steps, a.seed, Path(d))
    res['command'] = f'python bench/kills.py --kills {a.kills} --steps {a.steps} --seed {a.seed}'
    Path(a.out).parent.mkdir(parents=True, exist_ok=True); Path(a.out).write_text(json.dumps(res, indent=1))
    print(res['summary'])
