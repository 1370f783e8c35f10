"""The attribute encoder that `LossWeights.attribute` reads: a regressor of pose and expression for a *training* loss,
kept apart from the evaluators of `facetriplet eval` (which never enter a loss).

Usage: python bench/attribute_encoder.py [--epochs 10] [--max-blur 1.5] [--seed 3] [--threads 2] [--out runs/evaluators/attribute_encoder.pth]

It differs from the attribute evaluator in architecture (the identity encoder's residual net, `IdentityEncoder(
IdentityConfig(dim=7, normalize=False, pooled=True))`, against the evaluator's plain CNN) and in seed, so that a
generator cannot pass the evaluator by learning one net's blind spots. Trained on the train pool with blur
augmentation (it should read expression, not sharpness). Writes the encoder (its held-out errors on sharp test
renders and this command inside) and prints those errors; `--out facetriplet/weights/attribute_encoder.pth` replaces
the shipped one, any other file is used by `facetriplet train --weights attribute_net=FILE`.
"""
import argparse, time, torch
from facetriplet.identity import IdentityEncoder, IdentityConfig, save_identity_encoder
from facetriplet.evaluation import train_attribute_evaluator

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--epochs', type=int, default=10); ap.add_argument('--max-blur', type=float, default=1.5)
    ap.add_argument('--seed', type=int, default=3); ap.add_argument('--width', type=int, default=24)
    ap.add_argument('--threads', type=int, default=2); ap.add_argument('--out', default='runs/evaluators/attribute_encoder.pth')
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    t0 = time.time()
    net = IdentityEncoder(IdentityConfig(dim=7, width=a.width, normalize=False, pooled=True))
    net, m = train_attribute_evaluator(epochs=a.epochs, max_blur=a.max_blur, seed=a.seed, net=net, show_progress=False)
    command = (f'python bench/attribute_encoder.py --epochs {a.epochs} --max-blur {a.max_blur:g} --seed {a.seed} --width {a.width} '
               f'--threads {a.threads} --out {a.out}')
    save_identity_encoder(net, a.out, {**m, 'minutes': (time.time() - t0) / 60, 'command': command}, kind='attribute_encoder')
    print(f'wrote {a.out} in {(time.time() - t0) / 60:.1f} min: ' + ', '.join(f'{k} {v:.3f}' for k, v in m.items()))

if __name__ == '__main__': main()
