"""Photo swap latency, split into detect / align / swap / paste back, so users know where the time goes.

Usage: python bench/photo.py [--threads 2] [--repeats 5] [--detector mediapipe] [--figure assets/photo_swap.png]
Photo: matplotlib's grace_hopper.jpg (512x600, one face; ships with matplotlib); source: a rendered person at
256 px. Median of --repeats calls of `swap_photos` with the shipped model; detection runs on both pictures
(MediaPipe's detector and mesh by default, or dlib's HOG detector and 68 landmarks).
--figure also writes the README's before/after: a rendered person and a real photo (tests/photos/astronaut.jpg,
public domain) put into the Grace Hopper photo by the shipped model, as it is.
"""
import argparse, statistics, time
from pathlib import Path
import matplotlib, torch
from facetriplet.core import to_uint8
from facetriplet.synth import sample_identity, sample_attributes, render
from facetriplet.triplets import split_seeds
from facetriplet.checkpoint import Swapper
from facetriplet.faces import read_photo, swap_photos

def figure(sw, person, photo, path):
    "source | first | output | aligned first, output, mask; one row per source (a render, a photo)."
    import numpy as np
    from PIL import Image
    from facetriplet.faces import save_marked
    astronaut = read_photo(Path(__file__).resolve().parents[1] / 'tests' / 'photos' / 'astronaut.jpg')
    H = photo.shape[0]
    rows = []
    for src in (person, astronaut):
        r = swap_photos(sw, src, photo)
        crops = [to_uint8(r.crops[k] if k != 'mask' else r.crops[k].expand(3, -1, -1) * 2 - 1) for k in ('first', 'output', 'mask')]
        side = H // 3
        col = np.concatenate([np.asarray(Image.fromarray(c).resize((side, side), Image.NEAREST)) for c in crops], 0)
        s = np.asarray(Image.fromarray(src).resize((H * src.shape[1] // src.shape[0], H)))
        rows.append(np.concatenate([s, photo, r.image, np.pad(col, ((0, H - col.shape[0]), (0, 0), (0, 0)), constant_values=255)], 1))
    w = max(x.shape[1] for x in rows)
    grid = np.concatenate([np.pad(x, ((0, 8), (0, w - x.shape[1]), (0, 0)), constant_values=255) for x in rows], 0)[:-8]
    save_marked(grid, path, made_by='bench/photo.py --figure')
    print(f'wrote {path}')

def main(threads=2, repeats=5, detector='mediapipe', fig=''):
    torch.set_num_threads(threads)
    photo = read_photo(Path(matplotlib.get_data_path()) / 'sample_data' / 'grace_hopper.jpg')
    person = to_uint8(render(sample_identity(split_seeds('test', 1)), sample_attributes(split_seeds('test', 1, 'attributes')), 256).image)[0]
    sw = Swapper.load()
    swap_photos(sw, person, photo, detector=detector)                         # warm-up: loads the detector's models
    runs = []
    for _ in range(repeats):
        t = time.perf_counter(); r = swap_photos(sw, person, photo, detector=detector); runs.append({**r.seconds, 'total': time.perf_counter() - t})
    med = {k: statistics.median(x[k] for x in runs) for k in runs[0]}
    print(f'photo {photo.shape[1]}x{photo.shape[0]}, source {person.shape[1]}x{person.shape[0]}, model {sw.size} px, {detector}, {threads} threads, median of {repeats}')
    for k, v in med.items(): print(f'  {k:7s} {1000 * v:8.1f} ms  {100 * v / med["total"]:5.1f} %')
    if fig: figure(sw, person, photo, fig)

if __name__ == '__main__':
    p = argparse.ArgumentParser(); p.add_argument('--threads', type=int, default=2); p.add_argument('--repeats', type=int, default=5)
    p.add_argument('--detector', default='mediapipe'); p.add_argument('--figure', default='')
    a = p.parse_args(); main(a.threads, a.repeats, a.detector, a.figure)
