"""What the attribute evaluator's pose and expression errors mean: the true target, blurred or shifted, scored like a
swap; and, with a model, where its expression error sits (its output with the target's eyes, brows and lips pasted in).

Usage: python bench/attribute_yardstick.py [--model MODEL] [--evaluator ATTRIBUTE_EVALUATOR] [--threads 1]

Prints, for the 512 test triplets, the pose error (degrees) and the expression error (mean absolute error of smile,
mouth open, blink and brow raise, each in [0, 1]) that `facetriplet eval` reports, and the four expression errors
one by one. With `--model`: the model's output, then mixes of output and target by the target's segmentation; and
a fit of the output's predicted expression on the target's (predicted) and the source's (true) expression, to tell
a leak of the source's expression (weight on the source) from expression that is lost (slope under 1 on the target).
`--evaluator` scores with another attribute evaluator (e.g. one trained on blurred pictures by `bench/blur_evaluator.py`).
"""
import argparse, sys, torch
from pathlib import Path
sys.path.insert(0, str(Path(__file__).parent))
from psnr_yardstick import blur
from facetriplet.checkpoint import Swapper
from facetriplet.evaluation import (benchmark, load_evaluators, predict_attributes, pool_attribute_values, POSE, EXPRESSION,
                                    ATTRIBUTE_NAMES, TEST_POOL)
from facetriplet.triplets import TripletPool, PoolConfig
from facetriplet.losses import detail_region, face_region

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--model'); ap.add_argument('--evaluator'); ap.add_argument('--threads', type=int, default=1)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    R = load_evaluators(attribute_path=a.evaluator).attributes
    b = benchmark(64, split='test'); t = b.triplets
    names = ATTRIBUTE_NAMES[EXPRESSION]
    print(f'| pictures scored | pose ° | expression | {" | ".join(names)} |\n|---|---|---|' + '---|' * len(names))
    def row(name, images):
        e = (predict_attributes(R, images) - b.target_attributes).abs()            # (N,7)
        print(f'| {name} | {e[:, POSE].mean():.2f} | {e[:, EXPRESSION].mean():.3f} | ' + ' | '.join(f'{v:.3f}' for v in e[:, EXPRESSION].mean(0)) + ' |')
    row('the true target', t.target)
    for s in (0.5, 0.75, 1.0): row(f'the target blurred, sigma {s} px', blur(t.target, s))
    row('the target shifted 1 px', torch.roll(t.target, 1, -1))
    row('copy `first`', t.first)
    if not a.model: return
    out = Swapper.load(a.model)(t.source, t.first)                                  # (N,3,H,W)
    det, face = detail_region(t.target_segmentation), face_region(t.target_segmentation)
    row(f'{a.model}', out)
    row('... with the target\'s eyes, brows, lips, glasses pasted in', torch.lerp(out, t.target, det))
    row('the target with the output\'s eyes, brows, lips, glasses', torch.lerp(t.target, out, det))
    row('... with the target\'s whole face pasted in', torch.lerp(out, t.target, face))
    # leak or loss? regress the output's predicted expression on the target's predicted and the source's true one
    cfg = PoolConfig('test', TEST_POOL.n_groups, TEST_POOL.group_size, TEST_POOL.n_attributes, 64)
    g, p, _, _, y = TripletPool.load(cfg, show_progress=False).triplet_index(torch.arange(len(t.source)))
    source_true = pool_attribute_values(cfg)[g, p, y]                               # (N,7) the source's own expression
    po, pt = predict_attributes(R, out), predict_attributes(R, t.target)
    print('\n| attribute | slope on the target | slope on the source | intercept |\n|---|---|---|---|')
    for k in range(EXPRESSION.start, EXPRESSION.stop):
        X = torch.stack([pt[:, k], source_true[:, k], torch.ones(len(po))], 1)
        c = torch.linalg.lstsq(X, po[:, k:k + 1]).solution[:, 0]
        print(f'| {ATTRIBUTE_NAMES[k]} | {c[0]:.2f} | {c[1]:.2f} | {c[2]:.2f} |')

if __name__ == '__main__': main()
