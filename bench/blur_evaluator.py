"""An attribute evaluator that reads expression rather than sharpness: the regressor of `facetriplet eval` trained with
half of each batch blurred (`train_attribute_evaluator(max_blur=...)`), for `bench/attribute_yardstick.py --evaluator`.

Usage: python bench/blur_evaluator.py [--max-blur 1.5] [--epochs 10] [--threads 1] [--out runs/evaluators/attribute_blur1.5.pth]

Same pool, seed, width and schedule as the shipped evaluator (`facetriplet train-evaluators`), so the blur is the only
difference. Writes the evaluator (with its held-out errors on sharp test renders and this command inside) and prints
those errors.
"""
import argparse, sys, time, torch
from facetriplet.evaluation import train_attribute_evaluator, save_evaluator

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--max-blur', type=float, default=1.5); ap.add_argument('--epochs', type=int, default=10)
    ap.add_argument('--threads', type=int, default=1); ap.add_argument('--out')
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    out = a.out or f'runs/evaluators/attribute_blur{a.max_blur:g}.pth'
    t0 = time.time()
    net, m = train_attribute_evaluator(epochs=a.epochs, max_blur=a.max_blur, show_progress=False)
    command = f'python bench/blur_evaluator.py --max-blur {a.max_blur:g} --epochs {a.epochs} --threads {a.threads} --out {out}'
    save_evaluator(net, out, 'attribute_evaluator', {**m, 'minutes': (time.time() - t0) / 60, 'command': command})
    print(f'wrote {out} in {(time.time() - t0) / 60:.1f} min: ' + ', '.join(f'{k} {v:.3f}' for k, v in m.items()))

if __name__ == '__main__': main()
