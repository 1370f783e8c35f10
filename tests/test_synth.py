import pytest, torch
from facetriplet.synth import (sample_identity, sample_attributes, render, render_faces, hash_uniform, Identity,
                               SEG_CLASSES, FACE, FEATURES, HAIR, GLASSES, BACKGROUND)

def test_same_seeds_same_pixels_whatever_the_batch():
    a = render_faces([5, 6, 7], [50, 60, 70], 64)
    assert torch.equal(a.image, render_faces([5, 6, 7], [50, 60, 70], 64).image)      # the same call: bit for bit
    b = render_faces([7, 1, 5, 8, 9, 10, 11, 12, 13], [70, 2, 50, 1, 2, 3, 4, 5, 6], 64)
    assert (a.image[0] - b.image[2]).abs().max() < 1e-5 and (a.image[2] - b.image[0]).abs().max() < 1e-5   # float rounding only
    assert torch.equal(a.segmentation[0], b.segmentation[2]) and torch.equal(a.segmentation[2], b.segmentation[0])

def test_identity_is_what_changes_the_face():
    "Under fixed attributes, two people differ in the face region far more than rendering noise (zero)."
    att = sample_attributes(torch.full((20,), 3))
    out = render(sample_identity(torch.arange(20)), att, 64)
    face = (out.segmentation == FACE) | (out.segmentation == FEATURES)
    d = (out.image[1:] - out.image[:1]).abs().mean(1)                  # (19, H, W)
    per_pair = (d * face[1:]).sum((1, 2)) / face[1:].sum((1, 2))
    assert per_pair.min() > 0.02                                      # every pair visibly differs

def test_many_distinct_identities():
    "10^5 identity seeds give 10^5 distinct parameter vectors, none closer than a visible step in some feature."
    idt = sample_identity(torch.arange(100_000))
    scal = torch.stack([idt.head_width, idt.jaw_width, idt.eye_size, idt.eye_spacing, idt.nose_length, idt.nose_width,
                        idt.mouth_width, idt.lip_lower, idt.brow_arch, idt.chin_size], 1)
    params = torch.cat([scal, idt.skin, idt.iris], 1)
    assert len(torch.unique(params, dim=0)) == 100_000
    sample = params[:3000]
    dist = torch.cdist(sample, sample) + torch.eye(3000) * 10
    assert dist.min() > 0.05                                           # nearest pair still differs by > 5% of a range

def test_attributes_move_only_what_they_should():
    idt = sample_identity([4]).repeat(2)
    base = sample_attributes([9]).replace(yaw=0., glasses=0.)
    out = render(idt, type(base).cat([base, base.replace(glasses=1.)]), 64)
    assert (out.segmentation[1] == GLASSES).sum() > 20 and (out.segmentation[0] == GLASSES).sum() == 0
    bg = (out.segmentation[0] == BACKGROUND) & (out.segmentation[1] == BACKGROUND)
    assert torch.equal(out.image[0][:, bg], out.image[1][:, bg])     # glasses leave the background alone

def test_expression_is_visible_at_64px():
    idt = sample_identity([1]).repeat(2)
    base = sample_attributes([2]).replace(yaw=0., pitch=0., roll=0., smile=0., mouth_open=0., blink=0., glasses=0.)
    for field in ('smile', 'mouth_open', 'blink', 'brow_raise'):
        out = render(idt, type(base).cat([base, base.replace(**{field: 1.})]), 64).image
        changed = ((out[0] - out[1]).abs().amax(0) > 0.1).sum()
        assert changed >= 15, f'{field} changes only {changed} pixels at 64 px'

@pytest.mark.parametrize('size', [32, 64, 128, 100])
def test_sizes(size):
    out = render_faces([1], [1], size)
    assert out.image.shape == (1, 3, size, size) and out.segmentation.shape == (1, size, size)
    assert out.image.min() >= -1 and out.image.max() <= 1
    assert set(out.segmentation.unique().tolist()) <= set(range(len(SEG_CLASSES)))

@pytest.mark.parametrize('call, message', [
    (lambda: render_faces([1], [1], 31), 'size must be an integer >= 32'),
    (lambda: render_faces([1], [1], 64.0), 'size must be an integer'),
    (lambda: render_faces([-3], [1], 64), 'non-negative'),
    (lambda: render(sample_identity([1]), sample_attributes([1]).replace(pitch=80.), 64), 'pitch must lie in'),
    (lambda: render(sample_identity([1]), sample_attributes([1]).replace(hair_style=9.), 64), 'hair_style must lie in'),
    (lambda: render(sample_identity([1]).replace(eye_size=2.), sample_attributes([1]), 64), 'eye_size must lie in [0, 1]'),
    (lambda: render(sample_identity([1]), sample_identity([1]), 64), 'expected Attributes'),
    (lambda: render(sample_identity([1]), sample_attributes([1]), 64, supersample=0), 'supersample'),
    (lambda: hash_uniform([[1, 2]], 3), '1-D'),
])
def test_bad_input_gets_a_clear_error(call, message):
    with pytest.raises(ValueError, match=None) as e: call()
    assert message in str(e.value) and '\n' not in str(e.value)
