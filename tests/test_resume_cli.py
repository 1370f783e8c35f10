"`facetriplet train` stopped by SIGINT or SIGKILL and resumed continues the uninterrupted loss trajectory exactly."
import os, sys, json, time, signal, subprocess
from pathlib import Path
import pytest
from facetriplet.checkpoint import read_checkpoint

ARGS = ['--size', '32', '--bs', '4', '--groups', '2', '--steps', '30', '--every', '2', '--precision', 'fp32']

def _train(out, *extra, cache):
    env = {**os.environ, 'OMP_NUM_THREADS': '1', 'FACETRIPLET_CACHE': str(cache)}
    return subprocess.Popen([sys.executable, '-c', 'from facetriplet.cli import main; main()', 'train', *ARGS, '--out', str(out), *extra],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

def _log(out): return json.loads(read_checkpoint(Path(out) / 'model.pth')['log'])

@pytest.fixture(scope='module')
def reference(tmp_path_factory):
    d = tmp_path_factory.mktemp('ref')
    p = _train(d / 'full', cache=d / 'cache')
    _, err = p.communicate(timeout=600)
    assert p.returncode == 0, err[-2000:]
    return d

@pytest.mark.parametrize('sig', [signal.SIGINT])                          # SIGKILL: test_killed_at_random_moments_resumes_exactly
def test_interrupted_run_resumes_exactly(reference, tmp_path, sig):
    out, cache = tmp_path / 'run', reference / 'cache'
    p = _train(out, cache=cache)
    deadline = time.time() + 300
    while time.time() < deadline:                                        # wait until it is training
        ck = out / 'model.pth'
        if ck.exists() and read_checkpoint(ck)['step'] >= 4: break
        time.sleep(0.05)
    p.send_signal(sig)
    _, err = p.communicate(timeout=300)
    stopped = read_checkpoint(out / 'model.pth')['step']
    assert 4 <= stopped < 30, f'the run was not interrupted in training (step {stopped})'
    if sig == signal.SIGINT:
        assert p.returncode == 130 and 'continue with --resume' in err, err[-2000:]
        assert not (out / 'metrics.json').exists()
    q = _train(out, '--resume', cache=cache)
    _, err = q.communicate(timeout=600)
    assert q.returncode == 0, err[-2000:]
    full, resumed = _log(reference / 'full'), _log(out)
    assert len(resumed) == len(full) == 30
    assert resumed == full                                               # every loss term of every step, exactly

def test_killed_at_random_moments_resumes_exactly(tmp_path):
    "The short version of bench/kills.py: three SIGKILLs (one during a checkpoint write), three resumes, the same losses."
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / 'bench'))
    from kills import kills
    r = kills(3, 40, 1, tmp_path, show=lambda m: None, cache=os.environ.get('FACETRIPLET_CACHE'))   # the session's pools
    assert r['corrupt_checkpoints'] == 0 and r['identical_final_trajectory'], r
    assert r['resumed_identically'] == r['kills'] >= 2, r

def test_export_then_swap(reference, tmp_path):
    "A training checkpoint becomes a compact swap model with its metrics, and `swap --model` uses it."
    import torch
    from PIL import Image
    from facetriplet.checkpoint import Swapper
    from facetriplet.core import save_image, is_marked_synthetic
    from facetriplet.triplets import test_triplets
    env = {**os.environ, 'OMP_NUM_THREADS': '1', 'FACETRIPLET_CACHE': str(reference / 'cache')}
    cli = [sys.executable, '-c', 'from facetriplet.cli import main; main()']
    r = subprocess.run([*cli, 'export', '--checkpoint', str(reference / 'full' / 'model.pth'), '-o', str(tmp_path / 'sw.pth'), '--n', '16'],
                       env=env, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    sw = Swapper.load(tmp_path / 'sw.pth')
    assert sw.size == 32 and sw.metrics['n'] == 16 and sw.metrics['steps'] == 30
    assert (tmp_path / 'sw.pth').stat().st_size < 0.6 * (reference / 'full' / 'model.pth').stat().st_size
    t = test_triplets(32, n=1, show_progress=False)
    save_image(t.source[0], tmp_path / 's.png'); save_image(t.first[0], tmp_path / 'f.png')
    r = subprocess.run([*cli, 'swap', '--source', str(tmp_path / 's.png'), '--first', str(tmp_path / 'f.png'), '--model', str(tmp_path / 'sw.pth'),
                        '-o', str(tmp_path / 'o.png')], env=env, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    assert Image.open(tmp_path / 'o.png').size == (32, 32) and is_marked_synthetic(tmp_path / 'o.png')

def test_weights_option(reference, tmp_path):
    "`--weights` sets the loss the run trains on and stores it; `--resume` with other weights fails before touching the run."
    out, cache = tmp_path / 'w', reference / 'cache'
    p = _train(out, '--weights', 'adversarial=4,mse=0', '--steps', '2', cache=cache)
    _, err = p.communicate(timeout=600)
    assert p.returncode == 0, err[-2000:]
    stored = json.loads(read_checkpoint(out / 'model.pth')['config'])['weights']
    assert stored['adversarial'] == 4.0 and stored['mse'] == 0.0 and stored['reconstruction'] == 10.0
    before = (out / 'model.pth').read_bytes()
    q = _train(out, '--weights', 'adversarial=1', '--resume', '--steps', '3', cache=cache)
    _, err = q.communicate(timeout=600)
    assert q.returncode == 2 and 'adversarial 4.0 (stored) vs 1.0' in err and 'Traceback' not in err, err[-2000:]
    assert (out / 'model.pth').read_bytes() == before
    q = _train(out, '--weights', 'adversarial=4', '--resume', '--steps', '3', cache=cache)   # the same weights: resumes
    _, err = q.communicate(timeout=600)
    assert q.returncode == 0 and read_checkpoint(out / 'model.pth')['step'] == 3, err[-2000:]
