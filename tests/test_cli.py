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
