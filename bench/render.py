"""Renderer and data-delivery throughput. Usage: python bench/render.py [--threads 2] [--batch 256]

Prints images/s at 64 and 128 px (one batch of `--batch`), peak memory, triplets/s delivered by the
DataLoaders from a cached pool, and the ratio to the step rate of a training-sized proxy network.
"""
import argparse, resource, tempfile, time, torch
from facetriplet.synth import sample_identity, sample_attributes, render
from facetriplet.triplets import triplet_dataloaders

def peak_rss_gb(): return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20

def timed(f, repeat=1):
    f()                                                           # warm-up
    t = time.perf_counter()
    for _ in range(repeat): f()
    return (time.perf_counter() - t) / repeat

def proxy_step_rate(bs=32, size=64):
    "Triplets/s a generator-sized conv net (~1.1 M parameters, U-Net-like widths) trains on: forward + backward + Adam."
    net = torch.nn.Sequential(torch.nn.Conv2d(6, 64, 3, padding=1), torch.nn.ReLU(), torch.nn.Conv2d(64, 128, 4, 2, 1), torch.nn.ReLU(),
                              torch.nn.Conv2d(128, 256, 4, 2, 1), torch.nn.ReLU(), torch.nn.ConvTranspose2d(256, 128, 4, 2, 1), torch.nn.ReLU(),
                              torch.nn.ConvTranspose2d(128, 64, 4, 2, 1), torch.nn.ReLU(), torch.nn.Conv2d(64, 3, 3, padding=1))
    opt = torch.optim.Adam(net.parameters())
    x, y = torch.randn(bs, 6, size, size), torch.randn(bs, 3, size, size)
    def step():
        loss = (net(x) - y).abs().mean(); opt.zero_grad(); loss.backward(); opt.step()
    return bs / timed(step, 3), sum(p.numel() for p in net.parameters())

if __name__ == '__main__':
    p = argparse.ArgumentParser(); p.add_argument('--threads', type=int, default=2); p.add_argument('--batch', type=int, default=256)
    a = p.parse_args(); torch.set_num_threads(a.threads)
    print(f'torch {torch.__version__}, {a.threads} threads, batch {a.batch}')
    idt, att = sample_identity(torch.arange(a.batch)), sample_attributes(torch.arange(a.batch))
    for size in (64, 128):
        s = timed(lambda: render(idt, att, size))
        print(f'render {size:3d} px: {a.batch / s:7.1f} images/s   (peak RSS so far {peak_rss_gb():.2f} GB)')
    with tempfile.TemporaryDirectory() as d:
        t = time.perf_counter()
        dls = triplet_dataloaders(size=64, n_groups=32, group_size=8, n_attributes=8, bs=32, cache=d, show_progress=False)
        print(f'pool of {32 * 64 + 8 * 64} pictures rendered and cached in {time.perf_counter() - t:.1f} s')
        t = time.perf_counter(); n = sum(len(b[0]) for b in dls.train); took = time.perf_counter() - t
    data_rate = n / took
    step_rate, n_params = proxy_step_rate()
    print(f'DataLoader: {data_rate:9.0f} triplets/s (64 px, bs 32, cached pool)')
    print(f'proxy training step ({n_params / 1e6:.1f} M params, bs 32, 64 px): {step_rate:.0f} triplets/s')
    print(f'data delivery / training consumption = {data_rate / step_rate:.0f}x')
    print(f'peak RSS {peak_rss_gb():.2f} GB')
