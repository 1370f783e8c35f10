"""Quality levers at equal CPU minutes. Usage: python bench/levers.py [--minutes 9] [--threads 1] [--only default,ttur,before+ema] [--seed 0]

Each lever is a set of overrides of the default `TrainConfig` (the `triplet` recipe); `before` restores the defaults
of before the first round, so `before+ema` is that round's EMA row whatever the defaults become; each result file
also stores the whole resolved config. Every run gets the same
CPU budget: a probe of 12 steps measures the lever's step time with `--threads` threads, the run's `steps` are
budget / step time (so learning-rate schedules end where the budget ends), and it trains from the same seed.
It is then scored on the *valid* benchmark (512 triplets of 128 validation people, 4 videos; the test split is
kept for the final report) by the evaluator nets, which never enter a loss.

Resumable: a finished lever writes results/levers/<name>-s<seed>.json (committed) and is skipped next time; an
interrupted one resumes from runs/levers/<name>-s<seed>/model.pth with its recorded step count.
`python bench/levers.py --table` prints the Markdown table of every result file.
"""
import argparse, json, os, sys, time, warnings
from dataclasses import asdict
from pathlib import Path
warnings.filterwarnings('ignore')
import torch

LEVERS = {                                                    # overrides of TrainConfig(); join with '+' to combine
    'default': {},
    # the defaults before this table was made (2026-11-27); round 1 measured every lever on top of them
    'before': dict(ema_kimg=0., lr_g=2e-4, lr_d=2e-4, lr_decay=0., generator=dict(width=32, source_dim=0, warp=0., skip_warp=0.), weights=dict(detail=0., frequency=0., face=0., mse=0., adversarial=1., attribute=0.)),
    'no_warp': dict(lr_g=2e-4, lr_d=2e-4, lr_decay=0., generator=dict(width=32, warp=0., skip_warp=0.), weights=dict(face=0., mse=0., adversarial=1., attribute=0.)),   # the defaults of rounds 2-4 (`default` rows before round 5)
    'lr_old': dict(lr_g=2e-4, lr_d=2e-4, lr_decay=0.),   # the schedule of rounds 1-7 (`warp` = the default of rounds 5-7 with it)
    'ema': dict(ema_kimg=10.),
    'decay': dict(lr_decay=0.5),
    'ttur': dict(lr_d=4e-4, lr_g=1e-4),
    'lr2x': dict(lr_g=4e-4, lr_d=4e-4),
    'bs8': dict(bs=8),
    'beta0': dict(beta1=0.),
    'source': dict(generator=dict(source_dim=128)),
    'detail': dict(weights=dict(detail=10.)),
    'frequency': dict(weights=dict(frequency=100.)),
    'perc_id': dict(weights=dict(perceptual=10., perceptual_net='identity')),
    'perc_eff': dict(weights=dict(perceptual=10., perceptual_net='efficientnet')),
    'wide': dict(generator=dict(width=48)),
    'narrow': dict(generator=dict(width=24)),   # the default since round 15
    'attn': dict(generator=dict(source_heads=4)),   # the bottleneck of `first` reads the source's feature map by attention
    'blocks4': dict(generator=dict(id_blocks=4)),
    'dec': dict(generator=dict(decoder_blocks=1)),   # an identity block after the decoder stages at H/2 and H (rounds 24-26; at equal minutes, two seeds: identity retrieval +3 points, Fréchet lower, PSNR level, video PSNR lower; not adopted)
    'skipwarp': dict(generator=dict(skip_warp=6.)),   # (the default since round 15) a coarse flow (from H/4) moves the skips of `first` before the decoder draws
    'face10': dict(weights=dict(face=10.)),   # (the default of round 15, shipped for a day) an extra L1 on the face region (skin and features), weight 10
    'face20': dict(weights=dict(face=20.)),   # (the default of rounds 16-23) the face term at weight 20
    'face40': dict(weights=dict(face=40.)),   # (the default since round 24) the face term at twice the weight of rounds 16-23
    'detail40': dict(weights=dict(detail=40.)),   # eyes, brows, lips and glasses at 4x today's weight (round 20: the expression error lives there)
    'mm': dict(weights=dict(mismatch=.5)),   # matching-aware critic (GAN-CLS): half the fake side is the real target beside another row's source or first (round 25, two seeds: +0.13 dB full, +0.2 face, softer, expression level; not adopted)
    'expr': dict(weights=dict(expression_negatives=.25)),   # a quarter of the critic's fake side: the target re-rendered with another expression (round 26, two seeds: the critic never tells them from real; level; not adopted)
    'attr': dict(weights=dict(attribute=20.)),   # (the default since round 27) output and target must read the same pose and expression to a frozen regressor made for training (bench/attribute_encoder.py)
    'r26': dict(weights=dict(attribute=0.)),   # the defaults of rounds 24-26 (the shipped swapper's, since round 25)
    'adv2': dict(weights=dict(adversarial=2.)),   # the critic's term at 2 (round 20; the default since round 22)
    'adv4': dict(weights=dict(adversarial=4.)),   # the critic's term at 4x: the only term that asks for sharp edges where an L1 or MSE settles for blur
    'face_ramp': dict(weights=dict(face_ramp=.5)),   # the face weight rises from 0 over the first half of the run
    'mask1': dict(weights=dict(mask=1.)),   # the blend mask learns, by L1, where `target` differs from `first`
    'mse100': dict(weights=dict(mse=100.)),   # (the default of rounds 19-21) squared error, the quantity PSNR scores, beside the L1 terms
    'mse300': dict(weights=dict(mse=300.)),   # (the default since round 22, with adv2)
    'no_mse': dict(weights=dict(mse=0.)),   # with r21: the defaults of rounds 16-18 (the swapper shipped before round 20)
    'r21': dict(weights=dict(adversarial=1., mse=100., face=20., attribute=0.)),   # the defaults of rounds 19-21 (the swapper shipped in rounds 20-23)
    'r23': dict(weights=dict(face=20., attribute=0.)),   # the defaults of rounds 22-23 (the swapper shipped in round 24)
    'gate': dict(generator=dict(flow_gate=True)),   # a per-pixel gate scales the flow that moves `first` (round 19)
    'id_src1': dict(weights=dict(identity=1.)),   # output<->source similarity 5 -> 1; output<->target stays 5
    'no_adv': dict(weights=dict(adversarial=0., feature_matching=0.)),
    'id_low': dict(weights=dict(identity=1., target_feature=1.)),
    'rec20': dict(weights=dict(reconstruction=20.)),
    'warp': dict(generator=dict(width=32, warp=4., skip_warp=0.), weights=dict(face=0., mse=0., adversarial=1., attribute=0.), lr_g=2e-4, lr_d=2e-4, lr_decay=0.),   # the default of rounds 5-7
    'r14': dict(generator=dict(width=32, skip_warp=0.), weights=dict(face=0., mse=0., adversarial=1., attribute=0.)),   # the defaults of rounds 7-14 (the reproduction)
}

def config_for(overrides:dict, seed:int, steps:int):
    from facetriplet.recipes import TrainConfig
    base = TrainConfig()
    kw = {k: v for k, v in overrides.items() if k not in ('generator', 'weights')}
    gen = {**base.generator, **overrides.get('generator', {})}
    weights = {**base.weights, **overrides.get('weights', {})}
    return TrainConfig(**{**kw, 'seed': seed, 'steps': steps, 'generator': gen, 'weights': weights})

def combine(names:str) -> dict:
    "Overrides of several levers joined by '+', applied left to right, e.g. 'before+ema'."
    out = {}
    for n in names.split('+'):
        if n not in LEVERS: sys.exit(f"error: unknown lever {n!r}; levers: {', '.join(LEVERS)}")
        for k, v in LEVERS[n].items(): out[k] = {**out.get(k, {}), **v} if isinstance(v, dict) else v
    return out

def warm_learner(overrides:dict, seed:int):
    "A Learner of this lever, without a progress bar, after two warm-up steps (which create the optimisers)."
    from facetriplet.training import swap_learner, train_steps
    learn = swap_learner(config_for(overrides, seed, 10**9))
    learn.remove_cb(learn.progress)
    with learn.no_logging(): train_steps(learn, 2)
    return learn

def probe_seconds(overrides:dict, seed:int, n:int=12) -> float:
    "Seconds per training step of this lever (steps 3..n, after warm-up)."
    from facetriplet.training import train_steps
    learn = warm_learner(overrides, seed)
    t = time.perf_counter()
    with learn.no_logging(): train_steps(learn, n)
    return (time.perf_counter() - t) / (n - 2)

def run(name:str, a) -> dict:
    from facetriplet.training import train
    from facetriplet.checkpoint import Swapper
    from facetriplet.evaluation import benchmark, load_evaluators, evaluate
    overrides = combine(name)
    run_dir = Path(a.runs) / f'{name}-s{a.seed}'
    plan = run_dir / 'plan.json'
    if plan.exists(): p = json.loads(plan.read_text())
    else:
        sec = probe_seconds(overrides, a.seed)
        p = dict(seconds_per_step=sec, steps=max(10, int(a.minutes * 60 / sec)))
        run_dir.mkdir(parents=True, exist_ok=True); plan.write_text(json.dumps(p))
    config = config_for(overrides, a.seed, p['steps'])
    t = time.perf_counter()
    train(config, run_dir, resume=(run_dir / 'model.pth').exists(), checkpoint_every=100, show_progress=False)
    minutes = (time.perf_counter() - t) / 60
    sw = Swapper.load(run_dir / 'model.pth')
    ev = load_evaluators()
    m = evaluate(sw, benchmark(sw.size, split='valid'), ev)
    return {'lever': name, 'overrides': overrides, 'config': json.loads(config.to_json()), 'seed': a.seed, 'threads': a.threads, 'steps': p['steps'],
            'probe_seconds_per_step': p['seconds_per_step'], 'train_minutes_this_sitting': minutes, 'budget_minutes': a.minutes,
            'split': 'valid', **m, 'command': f'python bench/levers.py --only {name} --minutes {a.minutes} --threads {a.threads} --seed {a.seed}'}

COLS = ('steps', 'psnr', 'psnr_face', 'id_retrieval', 'id_cosine', 'pose_error', 'expression_error', 'frechet', 'video_psnr', 'temporal_error')

def table(out:Path) -> str:
    order = {n: i for i, n in enumerate(LEVERS)}
    rows = sorted((json.loads(p.read_text()) for p in out.glob('*.json')), key=lambda r: ([order.get(n, len(order)) for n in r['lever'].split('+')], r['seed']))
    lines = ['| lever | budget min | ' + ' | '.join(COLS) + ' |', '|---|---|' + '---|' * len(COLS)]
    for r in rows:
        f = lambda c: f"{r[c]:.1%}" if c == 'id_retrieval' else (str(r[c]) if c == 'steps' else f"{r[c]:.3f}" if c in ('id_cosine', 'expression_error', 'temporal_error') else f"{r[c]:.2f}")
        lines.append(f"| {r['lever']} (s{r['seed']}) | {r['budget_minutes']:g} | " + ' | '.join(f(c) for c in COLS) + ' |')
    return '\n'.join(lines)

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--minutes', type=float, default=9.)
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--only', default='', help="comma-separated levers; combine levers with '+', e.g. ema+decay")
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--out', default='results/levers')
    ap.add_argument('--runs', default='runs/levers')
    ap.add_argument('--table', action='store_true')
    a = ap.parse_args()
    out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
    if a.table: print(table(out)); return
    torch.set_num_threads(a.threads)
    for name in (a.only.split(',') if a.only else LEVERS):
        res = out / f'{name}-s{a.seed}.json'
        if res.exists(): print(f'{name}: done ({res})'); continue
        r = run(name, a)
        res.write_text(json.dumps(r, indent=1))
        print(f"{name}: {r['steps']} steps, full {r['psnr']:.2f} dB, face {r['psnr_face']:.2f} dB, ID retrieval {r['id_retrieval']:.1%}", flush=True)

if __name__ == '__main__': main()
