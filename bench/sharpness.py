"""How sharp a swap model's outputs are beside the true targets: the perception-distortion trade of a squared-error loss.

Usage: python bench/sharpness.py MODEL [MODEL ...] [--threads 1]

For each model (a swap model or training checkpoint), on the 512 test triplets: full PSNR, and the mean absolute
Laplacian (3x3, per channel) of its outputs divided by that of the targets. 1 is as sharp as the ground truth; a
blurred output scores lower. A loss that moves outputs toward the conditional mean (the squared error) raises PSNR
and lowers this ratio (Blau & Michaeli, "The perception-distortion tradeoff", CVPR 2018).
"""
import argparse, torch, torch.nn.functional as F
from facetriplet.triplets import test_triplets
from facetriplet.checkpoint import Swapper
from facetriplet.metrics import psnr

LAPLACIAN = torch.tensor([[0., 1, 0], [1, -4, 1], [0, 1, 0]]).view(1, 1, 3, 3)

def high_frequency(x:torch.Tensor) -> float:
    "Mean |Laplacian| of pictures `(B,3,H,W)`, replicate padding."
    return F.conv2d(F.pad(x.float(), (1, 1, 1, 1), mode='replicate'), LAPLACIAN.repeat(3, 1, 1, 1), groups=3).abs().mean().item()

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('models', nargs='+'); ap.add_argument('--threads', type=int, default=1)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    t = test_triplets(64, show_progress=False)
    print('| model | full PSNR | sharpness (output / target) |\n|---|---|---|')
    print(f'| copy `first` | {psnr(t.first, t.target).mean():.2f} | {high_frequency(t.first) / high_frequency(t.target):.3f} |')
    for m in a.models:
        out = Swapper.load(m)(t.source, t.first)
        print(f'| {m} | {psnr(out, t.target).mean():.2f} | {high_frequency(out) / high_frequency(t.target):.3f} |')
