"""The README's main job with levers switched: `facetriplet train --steps 1500` plus the overrides of `bench/levers.py`.
Usage: python bench/readme_job.py NAME [--levers lr2x+decay] [--seed 0] [--steps 1500] [--threads 2] [--score-only]

Trains into runs/NAME_job (resumes an interrupted run), scores the model on the valid and the test benchmark and
writes results/readme_job/NAME.json. Levers are chosen on the valid split; test is for the report. Pose and
expression are also scored by the attribute evaluator trained on blurred pictures (`*_blur_robust`, as `facetriplet
eval` does; BENCHMARKS round 23). `--score-only` scores a finished run again (a new evaluator) and keeps the rest of its
results file.
"""
import argparse, json, sys, time, warnings
from pathlib import Path
warnings.filterwarnings('ignore')
import torch
sys.path.insert(0, str(Path(__file__).parent))
from levers import combine, config_for

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('name')
    ap.add_argument('--levers', default='default', help="levers of bench/levers.py joined by '+'")
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--steps', type=int, default=1500)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--score-only', action='store_true', help='score a finished run again, keep the rest of its results file')
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    from facetriplet.training import train
    from facetriplet.checkpoint import Swapper
    from facetriplet.evaluation import benchmark, load_evaluators, evaluate
    out, res_file = Path(f'runs/{a.name}_job'), Path(f'results/readme_job/{a.name}.json')
    overrides = combine(a.levers)
    config = config_for(overrides, a.seed, a.steps)
    if a.score_only:
        if not res_file.exists(): sys.exit(f'--score-only: {res_file} not found; run without it first')
        res = json.loads(res_file.read_text())
    else:
        t = time.perf_counter()
        m = train(config, out, resume=(out / 'model.pth').exists(), show_progress=False)
        if m.get('interrupted'): sys.exit(f"{m['interrupted']}: stopped at step {m['steps']}, checkpoint saved; the same command resumes it")   # never score a half run
        res = {'command': f'python bench/readme_job.py {a.name} --levers {a.levers} --seed {a.seed} --steps {a.steps} --threads {a.threads}',
               'overrides': overrides, 'config': json.loads(config.to_json()), 'train_minutes_this_sitting': (time.perf_counter() - t) / 60}
    sw, ev = Swapper.load(out / 'model.pth'), load_evaluators()
    for split in ('valid', 'test'): res[split] = evaluate(sw, benchmark(sw.size, split=split), ev)
    res_file.parent.mkdir(parents=True, exist_ok=True); res_file.write_text(json.dumps(res, indent=1))
    print(a.name, {s: {k: round(res[s][k], 3) for k in ('psnr', 'psnr_face', 'id_retrieval', 'pose_error')} for s in ('valid', 'test')}, flush=True)

if __name__ == '__main__': main()
