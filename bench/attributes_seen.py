"""Is a swap model's pose and expression error a failure to fit or a failure to generalise? The same scores on 512
triplets of the training people (which it was fitted on) and of the test people.

Usage: python bench/attributes_seen.py [--model MODEL] [--threads 1]

For each split: the pose and expression errors (both attribute regressors) of the true target and of the model's
output against the target's true attributes, and the least-squares slope of the output's predicted expression on the
target's (blur-robust regressor; 1 keeps the expression, 0 loses it) and, in one fit with it, on the source's (0: no
leak; > 0: the output takes on the expression of the source picture). Train triplets are spread over the whole pool
(every pairing the data loader can draw), test triplets likewise over the test pool.
"""
import argparse, torch
from facetriplet.checkpoint import Swapper
from facetriplet.triplets import TripletPool, PoolConfig, TRAIN_GROUPS
from facetriplet.evaluation import (load_evaluators, predict_attributes, pool_attribute_values, POSE, EXPRESSION, TEST_POOL,
                                    ATTRIBUTE_NAMES)

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--model'); ap.add_argument('--threads', type=int, default=1); ap.add_argument('--n', type=int, default=512)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    ev, sw = load_evaluators(), Swapper.load(a.model)
    print('| split | pictures | pose, first | expression, first | pose, blur-robust | expression, blur-robust | '
          + ' | '.join(f'slope {n} (target / source)' for n in ATTRIBUTE_NAMES[EXPRESSION]) + ' |\n|---|---|---|---|---|---|' + '---|' * 4)
    for cfg in (PoolConfig('train', TRAIN_GROUPS, size=sw.size), PoolConfig('test', TEST_POOL.n_groups, TEST_POOL.group_size, TEST_POOL.n_attributes, sw.size)):
        p = TripletPool.load(cfg, show_progress=False)
        idx = torch.linspace(0, p.n_targets * (cfg.group_size - 1) - 1, a.n).long()      # (N,) over every pairing
        g, s, _, x, _ = p.triplet_index(idx)
        t, true = p.triplets(idx), pool_attribute_values(cfg)[g, s, x]                  # true: (N,7) the target's attributes
        with torch.no_grad(): out = torch.cat([sw(u, f).float() for u, f in zip(t.source.split(64), t.first.split(64))])
        pt, ps, po = (predict_attributes(ev.attributes_blur, im) for im in (t.target, t.source, out))   # (N,7) each
        # output_k ~ a_k target_k + b_k source_k + c_k, least squares per expression attribute k
        slopes = [torch.linalg.lstsq(torch.stack([pt[:, k], ps[:, k], torch.ones(len(po))], 1), po[:, k:k + 1]).solution[:2, 0].tolist()
                  for k in range(EXPRESSION.start, EXPRESSION.stop)]
        for what, im in (('target', t.target), ('output', out)):
            e1, e2 = [(predict_attributes(R, im) - true).abs() for R in (ev.attributes, ev.attributes_blur)]
            cells = [f'{e1[:, POSE].mean():.2f}°', f'{e1[:, EXPRESSION].mean():.3f}', f'{e2[:, POSE].mean():.2f}°', f'{e2[:, EXPRESSION].mean():.3f}']
            cells += [f'{a:.2f} / {b:.2f}' for a, b in slopes] if what == 'output' else [''] * 4
            print(f'| {cfg.split} | {what} | ' + ' | '.join(cells) + ' |', flush=True)

if __name__ == '__main__': main()
