import json, subprocess, torch, pytest
from dataclasses import asdict
from facetriplet.checkpoint import read_checkpoint
from facetriplet.training import TrainConfig, train, swap_learner, train_steps, Checkpointer
from facetriplet.triplets import triplet_dataloaders
from facetriplet.identity import IdentityEncoder, IdentityConfig
from facetriplet.generator import GeneratorConfig

@pytest.fixture(scope='module')
def tiny(tmp_path_factory):
    cache = tmp_path_factory.mktemp('pools')
    enc = IdentityEncoder(IdentityConfig(width=8)).eval()
    def make(recipe='triplet', steps=4):
        # a constant learning rate: these tests stop runs planned shorter, whose decay would end earlier (by design)
        cfg = TrainConfig(recipe=recipe, size=32, bs=4, steps=steps, lr_decay=0., generator=asdict(GeneratorConfig(width=8)))
        dls = triplet_dataloaders(size=32, n_groups=2, group_size=4, n_attributes=4, bs=4, cache=cache, show_progress=False)
        return cfg, enc, dls
    return make

def test_train_writes_outputs_and_resumes(tiny, tmp_path):
    cfg, enc, dls = tiny(steps=3)
    m = train(cfg, tmp_path, identity_encoder=enc, dls=dls, show_progress=False)
    assert {p.name for p in tmp_path.iterdir()} == {'model.pth', 'samples.png', 'losses.png', 'metrics.json'}
    assert json.loads((tmp_path / 'metrics.json').read_text())['steps'] == 3 and m['n'] == 16
    assert read_checkpoint(tmp_path / 'model.pth')['step'] == 3
    cfg.steps = 6
    assert train(cfg, tmp_path, resume=True, identity_encoder=enc, dls=dls, show_progress=False)['steps'] == 6

def test_interrupted_run_continues_the_same_trajectory(tiny, tmp_path):
    for recipe in ('triplet', 'simswap'):
        cfg, enc, dls = tiny(recipe, steps=9)
        full = swap_learner(cfg, enc, dls, cbs=[Checkpointer(tmp_path / f'{recipe}-full.pth', 100)])
        with full.no_logging(): train_steps(full, 9)
        cfg, enc, dls = tiny(recipe, steps=5)
        part = swap_learner(cfg, enc, dls, cbs=[Checkpointer(tmp_path / f'{recipe}.pth', 5)])
        with part.no_logging(): train_steps(part, 5)
        cfg, enc, dls = tiny(recipe, steps=9)
        cfg.seed = 99                                            # everything must come from the checkpoint
        rest = swap_learner(cfg, enc, dls, cbs=[Checkpointer(tmp_path / f'{recipe}.pth', 100, resume_from=tmp_path / f'{recipe}.pth')])
        with rest.no_logging(): train_steps(rest, 9)
        assert [r['total'] for r in rest.triplet_gan.log] == [r['total'] for r in full.triplet_gan.log]

def test_a_run_stopped_and_resumed_twice_continues_the_same_trajectory(tiny, tmp_path):
    cfg, enc, dls = tiny(steps=9)
    full = swap_learner(cfg, enc, dls)
    with full.no_logging(): train_steps(full, 9)
    ck = tmp_path / 'model.pth'
    for stop in (3, 6, 9):                                       # the second resume starts from a checkpoint a resumed run wrote
        cfg, enc, dls = tiny(steps=stop)
        part = swap_learner(cfg, enc, dls, cbs=[Checkpointer(ck, 100, resume_from=ck if ck.exists() else None)])
        with part.no_logging(): train_steps(part, stop)
    assert part.triplet_gan.log == full.triplet_gan.log

def test_damaged_checkpoint_is_a_clear_error_and_nothing_is_lost(tiny, tmp_path):
    cfg, enc, dls = tiny(steps=2)
    train(cfg, tmp_path, identity_encoder=enc, dls=dls, show_progress=False)
    good = (tmp_path / 'model.pth').read_bytes()
    (tmp_path / 'model.pth').write_bytes(good[:len(good) // 2])
    with pytest.raises(ValueError, match='not a readable checkpoint'):
        train(cfg, tmp_path, resume=True, identity_encoder=enc, dls=dls, show_progress=False)
    assert (tmp_path / 'model.pth').read_bytes() == good[:len(good) // 2]    # the file is left as it was

