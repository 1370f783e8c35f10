"""Evaluation throughput, and the cost of swapping video frame by frame against a bare generator forward.

Usage: python bench/eval.py [--threads 2] [--repeats 5]
Reports: seconds to score the shipped swap model on the whole benchmark (512 test triplets + 4 test videos of
32 frames: swap, evaluator nets, metrics); test-set images/s; and video swap frames/s through `swap_video`
(the Swapper with its input checks, batching, copies back to CPU) against calling the generator directly on the
same frames, in batches of 32 frames and one frame at a time (streaming). Goal: ratio <= 1.2.
Timings are medians of --repeats, interleaved so machine noise hits both sides alike.
"""
import argparse, time, statistics, torch
from facetriplet.checkpoint import Swapper
from facetriplet.evaluation import benchmark, load_evaluators, evaluate
from facetriplet.video import swap_video

def timed(f):
    t = time.perf_counter(); f(); return time.perf_counter() - t

def main(threads=2, repeats=5):
    torch.set_num_threads(threads)
    sw, ev = Swapper.load(), load_evaluators()
    bench = benchmark()
    G = sw.generator
    evaluate(sw, bench, ev)                                                   # warm-up (allocations, caches)
    t_eval = statistics.median(timed(lambda: evaluate(sw, bench, ev)) for _ in range(max(1, repeats // 2)))
    n_img = len(bench) + sum(len(v.first) for v in bench.videos)
    print(f'benchmark (512 triplets + {len(bench.videos)} videos, all metrics): {t_eval:.1f} s, {n_img / t_eval:.0f} swapped images/s scored')
    clip = bench.videos[0]
    T = len(clip.first)
    for bs in (32, 1):
        def bare():
            with torch.no_grad():
                for f in clip.first.split(bs): G(clip.source.expand(len(f), -1, -1, -1), f)
        wrapped = lambda: swap_video(sw, clip.source, clip.first, bs=bs)
        bare(); wrapped()
        a, b = [], []
        for _ in range(repeats): a.append(timed(bare)); b.append(timed(wrapped))
        ta, tb = statistics.median(a), statistics.median(b)
        print(f'video swap, {bs:2d} frame(s) per call: swap_video {T / tb:6.1f} frames/s, bare generator {T / ta:6.1f} frames/s, ratio {tb / ta:.3f}')

if __name__ == '__main__':
    p = argparse.ArgumentParser(); p.add_argument('--threads', type=int, default=2); p.add_argument('--repeats', type=int, default=5)
    a = p.parse_args(); main(a.threads, a.repeats)
