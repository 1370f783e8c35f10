"""What a face PSNR means on this benchmark: the true target, blurred or shifted, scored like a swap; and where a
model's error sits, by segmentation class.

Usage: python bench/psnr_yardstick.py [--model MODEL] [--threads 1]

Prints full and face PSNR of the 512 test targets against themselves after a Gaussian blur (sigma in pixels) and
after a shift by whole pixels (to the right). With `--model` (a swap model or training checkpoint), also its PSNR,
its PSNR against the blurred targets (an output that is mainly blurred scores higher there), and per segmentation
class of the target: share of pixels, mean squared error and share of the face region's squared error; then the
error on the pixels where `first` already equals the target, split by whether the mask keeps `first` there.
"""
import argparse, torch, torch.nn.functional as F
from facetriplet.triplets import test_triplets
from facetriplet.synth import SEG_CLASSES
from facetriplet.checkpoint import Swapper
from facetriplet.metrics import psnr, masked_psnr
from facetriplet.losses import face_region

def blur(x, sigma:float, radius:int=3):
    "Separable Gaussian blur of `x` `(B,3,H,W)`, replicate padding."
    k = torch.arange(-radius, radius + 1).float()
    g = torch.exp(-k ** 2 / (2 * sigma ** 2)); g = g / g.sum()
    x = F.conv2d(F.pad(x, (radius, radius, 0, 0), mode='replicate'), g.view(1, 1, 1, -1).repeat(3, 1, 1, 1), groups=3)
    return F.conv2d(F.pad(x, (0, 0, radius, radius), mode='replicate'), g.view(1, 1, -1, 1).repeat(3, 1, 1, 1), groups=3)

def row(name, x, y, face): print(f'| {name} | {psnr(x, y).mean():.2f} | {masked_psnr(x, y, face).mean():.2f} |')

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--model'); ap.add_argument('--threads', type=int, default=1)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    t = test_triplets(64, show_progress=False)
    face = face_region(t.target_segmentation)
    print('| the true target, degraded | full PSNR | face PSNR |\n|---|---|---|')
    for s in (0.5, 0.75, 1.0, 1.5): row(f'blurred, sigma {s} px', blur(t.target, s), t.target, face)
    for px in (1, 2): row(f'shifted {px} px', torch.roll(t.target, px, -1), t.target, face)
    if a.model:
        sw = Swapper.load(a.model)
        out, mask = sw(t.source, t.first, return_mask=True)                    # (B,3,H,W), (B,1,H,W)
        print(f'\n| {a.model} | full PSNR | face PSNR |\n|---|---|---|')
        row('against the target', out, t.target, face)
        for s in (1.0, 1.5): row(f'against the target blurred, sigma {s} px', out, blur(t.target, s), face)
        err, seg = (out - t.target).pow(2).mean(1), t.target_segmentation      # (B,H,W) each
        in_face = (err * face[:, 0]).sum()
        print('\n| class of the target | share of pixels | MSE | share of the face error |\n|---|---|---|---|')
        for c, name in enumerate(SEG_CLASSES):
            r = (seg == c).float()
            if r.sum() == 0: continue
            print(f'| {name} | {r.mean():.3f} | {(err * r).sum() / r.sum():.4f} | {(err * r * face[:, 0]).sum() / in_face:.3f} |')
        # pixels where `first` already is the answer: any error there is the fusion's (mask) or the flow's (moved `first`)
        same = (t.target - t.first).abs().amax(1) <= 0.02                       # (B,H,W)
        kept = mask[:, 0] < 0.01                                                 # the mask keeps `first` (moved by the flow)
        print('\n| pixels where first = target (max abs difference <= 0.02) | share of pixels | MSE | share of all squared error |\n|---|---|---|---|')
        for name, r in (('all of them', same), ('... where the mask keeps first (< 0.01)', same & kept), ('... where it does not', same & ~kept)):
            r = r.float()
            print(f'| {name} | {r.mean():.3f} | {(err * r).sum() / r.sum().clamp(min=1):.4f} | {(err * r).sum() / err.sum():.3f} |')
        print(f'\ncopying `first` where it equals the target: full PSNR {psnr(torch.where(same[:, None], t.first, out), t.target).mean():.2f}')
