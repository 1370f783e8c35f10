"""Photo swap latency, split into detect / align / swap / paste back, so users know where the time goes.

Usage: python bench/photo.py [--threads 2] [--repeats 5]
Photo: matplotlib's grace_hopper.jpg (512x600, one face; ships with matplotlib); source: a rendered person at
256 px. Median of --repeats calls of `swap_photos` with the shipped model; detection is dlib's HOG detector
(upsample 1) on both photos plus 68 landmarks.
"""
import argparse, statistics, time
from pathlib import Path
import matplotlib, torch
from facetriplet.core import to_uint8
from facetriplet.synth import sample_identity, sample_attributes, render
from facetriplet.triplets import split_seeds
from facetriplet.checkpoint import Swapper
from facetriplet.faces import read_photo, swap_photos

def main(threads=2, repeats=5):
    torch.set_num_threads(threads)
    photo = read_photo(Path(matplotlib.get_data_path()) / 'sample_data' / 'grace_hopper.jpg')
    person = to_uint8(render(sample_identity(split_seeds('test', 1)), sample_attributes(split_seeds('test', 1, 'attributes')), 256).image)[0]
    sw = Swapper.load()
    swap_photos(sw, person, photo)                                            # warm-up: loads dlib's models
    runs = []
    for _ in range(repeats):
        t = time.perf_counter(); r = swap_photos(sw, person, photo); runs.append({**r.seconds, 'total': time.perf_counter() - t})
    med = {k: statistics.median(x[k] for x in runs) for k in runs[0]}
    print(f'photo {photo.shape[1]}x{photo.shape[0]}, source {person.shape[1]}x{person.shape[0]}, model {sw.size} px, {threads} threads, median of {repeats}')
    for k, v in med.items(): print(f'  {k:7s} {1000 * v:8.1f} ms  {100 * v / med["total"]:5.1f} %')

if __name__ == '__main__':
    p = argparse.ArgumentParser(); p.add_argument('--threads', type=int, default=2); p.add_argument('--repeats', type=int, default=5)
    a = p.parse_args(); main(a.threads, a.repeats)
