"Data-parallel training under torchrun: 2 CPU processes (gloo) must end with identical weights."
import os, sys, json, subprocess
from dataclasses import asdict
from pathlib import Path
import pytest, torch
from facetriplet.triplets import triplet_dataloaders
from facetriplet.generator import Generator, GeneratorConfig

@pytest.mark.parametrize('recipe', ['triplet', pytest.param('simswap', marks=pytest.mark.slow)])
def test_two_processes_hold_identical_weights(tmp_path, recipe):
    cache = tmp_path / 'cache'
    triplet_dataloaders(size=32, n_groups=2, group_size=4, n_attributes=4, bs=4, cache=cache, show_progress=False)  # render once
    env = {**os.environ, 'OMP_NUM_THREADS': '1'}
    cmd = [sys.executable, '-m', 'torch.distributed.run', '--standalone', '--nproc_per_node', '2',
           str(Path(__file__).parent / 'ddp_worker.py'), str(tmp_path), str(cache), recipe]
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    a, b = (torch.load(tmp_path / f'rank{i}.pth', weights_only=True) for i in (0, 1))
    assert a['world'] == b['world'] == 2
    assert a['wrapped'] == 'Generator'                                  # unwrapped again after the fit
    for part in ('generator', 'discriminator'):
        assert a[part].keys() == b[part].keys()
        for k in a[part]: assert torch.equal(a[part][k], b[part][k]), f'{part}.{k} differs between ranks'
    log_a, log_b = json.loads(a['log']), json.loads(b['log'])
    assert len(log_a) == len(log_b) == 3
    assert [r['reconstruction'] for r in log_a] != [r['reconstruction'] for r in log_b]   # each rank saw its own batches
    torch.manual_seed(0)                                                # weights moved away from the common start
    start = Generator(GeneratorConfig(size=32, width=8)).state_dict()
    assert any(not torch.equal(start[k], a['generator'][k]) for k in start if start[k].is_floating_point())
