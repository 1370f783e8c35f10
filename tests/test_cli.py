import subprocess, sys
from PIL import Image
from facetriplet.core import is_marked_synthetic

def run(*args, cwd=None):
    return subprocess.run(['facetriplet', *args], capture_output=True, text=True, cwd=cwd, timeout=300)

def test_render_writes_a_marked_png(tmp_path):
    r = run('render', '--out', str(tmp_path / 'faces.png'), '--identities', '2', '--attributes', '3', '--triplets', '2', '--size', '48')
    assert r.returncode == 0, r.stderr
    im = Image.open(tmp_path / 'faces.png')
    assert is_marked_synthetic(tmp_path / 'faces.png') and im.text['made_by'] == 'facetriplet render'
    # grid: 3 columns x 2 rows of 48 px faces with 2 px padding; 8 px gap; triplets: 3 columns x 2 rows
    assert im.size == (3 * 48 + 4 * 2, (2 * 48 + 3 * 2) + 8 + (2 * 48 + 3 * 2))

def test_bad_input_is_one_line_and_exit_2(tmp_path):
    r = run('render', '--size', '10', '--out', str(tmp_path / 'x.png'))
    assert r.returncode == 2
    assert r.stderr.strip().splitlines()[-1] == 'error: size must be an integer >= 32, got 10'
    assert 'Traceback' not in r.stderr and not (tmp_path / 'x.png').exists()

def test_unknown_command():
    r = run('paint')
    assert r.returncode == 2 and "unknown command 'paint'" in r.stderr

def _faces(tmp_path, n=2):
    from facetriplet.triplets import test_triplets
    from facetriplet.core import save_image
    t = test_triplets(64, n=n, show_progress=False)
    for name in ('source', 'first'): save_image(getattr(t, name)[0], tmp_path / f'{name}.png')
    return t

def test_swap_with_the_shipped_model_writes_a_marked_png(tmp_path):
    from facetriplet.checkpoint import SHIPPED_SWAPPER
    assert SHIPPED_SWAPPER.exists(), 'the shipped swap model is missing'
    _faces(tmp_path)
    r = run('swap', '--source', str(tmp_path / 'source.png'), '--first', str(tmp_path / 'first.png'), '-o', str(tmp_path / 'out.png'))
    assert r.returncode == 0, r.stderr
    im = Image.open(tmp_path / 'out.png')
    assert im.size == (64, 64) and is_marked_synthetic(tmp_path / 'out.png') and im.text['made_by'] == 'facetriplet swap'

def _hopper():
    import matplotlib
    from pathlib import Path
    return Path(matplotlib.get_data_path()) / 'sample_data' / 'grace_hopper.jpg'    # a real photo shipped with matplotlib

def test_swap_into_a_photo_pastes_back_at_full_size_as_marked_jpeg(tmp_path):
    from facetriplet.synth import sample_identity, sample_attributes, render
    from facetriplet.triplets import split_seeds
    from facetriplet.core import save_image
    save_image(render(sample_identity(split_seeds('test', 1)), sample_attributes(split_seeds('test', 1, 'attributes')), 256).image[0], tmp_path / 'person.png')
    r = run('swap', '--source', str(tmp_path / 'person.png'), '--first', str(_hopper()), '-o', str(tmp_path / 'out.jpg'))
    assert r.returncode == 0, r.stderr
    out, photo = Image.open(tmp_path / 'out.jpg'), Image.open(_hopper())
    assert out.size == photo.size and is_marked_synthetic(tmp_path / 'out.jpg')
    import numpy as np
    diff = np.abs(np.asarray(out, dtype=float) - np.asarray(photo, dtype=float)).sum(-1)
    assert diff[:60].mean() < 10 and diff[150:350, 170:350].mean() > 40          # background kept, face replaced
    r = run('swap', '--source', str(tmp_path / 'person.png'), '--first', str(_hopper()), '--face', '3', '-o', str(tmp_path / 'x.jpg'))
    assert r.returncode == 2 and 'the first photo has 1 face(s)' in r.stderr and not (tmp_path / 'x.jpg').exists()
    Image.new('RGB', (300, 200), (90, 120, 200)).save(tmp_path / 'sky.jpg')
    r = run('swap', '--source', str(tmp_path / 'person.png'), '--first', str(tmp_path / 'sky.jpg'), '-o', str(tmp_path / 'x.jpg'))
    assert r.returncode == 2 and r.stderr.strip().splitlines()[-1] == 'error: no face found in the first photo'

def test_swap_picks_the_face_asked_for_and_says_when_there_are_several(tmp_path):
    import numpy as np
    from facetriplet.synth import sample_identity, sample_attributes, render
    from facetriplet.triplets import split_seeds
    from facetriplet.core import save_image
    save_image(render(sample_identity(split_seeds('test', 1)), sample_attributes(split_seeds('test', 1, 'attributes')), 256).image[0], tmp_path / 'person.png')
    hopper = Image.open(_hopper())
    small = hopper.resize((hopper.width * 2 // 3, hopper.height * 2 // 3))
    two = Image.new('RGB', (hopper.width + small.width, hopper.height), (200, 200, 200))
    two.paste(hopper, (0, 0)); two.paste(small, (hopper.width, 0)); two.save(tmp_path / 'two.png')
    r = run('swap', '--source', str(tmp_path / 'person.png'), '--first', str(tmp_path / 'two.png'), '-o', str(tmp_path / 'a.png'))
    assert r.returncode == 0 and 'note: --first has 2 faces; used face 0: box' in r.stderr, r.stderr
    r = run('swap', '--source', str(tmp_path / 'person.png'), '--first', str(tmp_path / 'two.png'), '--face', '1', '-o', str(tmp_path / 'b.png'))
    assert r.returncode == 0, r.stderr
    a, b, orig = (np.asarray(Image.open(p), dtype=float) for p in (tmp_path / 'a.png', tmp_path / 'b.png', tmp_path / 'two.png'))
    W = hopper.width
    assert np.abs(a - orig)[:, :W].mean() > 3 * np.abs(a - orig)[:, W:].mean()      # face 0: the large one on the left
    assert np.abs(b - orig)[:, W:].mean() > 3 * np.abs(b - orig)[:, :W].mean()      # face 1: the small one on the right
