"""Real photos: only faces are offered as faces, the face used is named, nothing outside the face changes, a gray
photo stays gray. On the photos the repository may ship (tests/photos/README.md) and matplotlib's public-domain portrait."""
import contextlib, io
from pathlib import Path
import numpy as np, pytest
from PIL import Image
from facetriplet.faces import read_photo, change_outside_face, is_grayscale
from facetriplet.face_detection import detect_faces, DETECTORS

PHOTOS = Path(__file__).parent / 'photos'

def _hopper():
    import matplotlib
    return Path(matplotlib.get_data_path()) / 'sample_data' / 'grace_hopper.jpg'

@pytest.mark.parametrize('name,n_faces', [('astronaut.jpg', 1), ('camera.jpg', 1), ('chelsea.jpg', 0), ('coffee.jpg', 0), ('hopper', 1)])
def test_only_faces_are_offered_as_faces(name, n_faces):
    photo = read_photo(_hopper() if name == 'hopper' else PHOTOS / name)
    faces = detect_faces(photo)
    assert len(faces) == n_faces, [f.describe() for f in faces]
    for f in faces:
        assert 0.5 <= f.score <= 1 and f.landmarks.shape == (68, 2) and f.outline.shape == (468, 2)
        x0, y0, x1, y1 = f.box
        assert (f.landmarks[:, 0] >= x0 - 2).all() and (f.landmarks[:, 1] <= y1 + 2).all()

def test_the_astronauts_mission_patch_is_not_a_face():
    "dlib's HOG detector offers the patch on the suit as a second face; the default detector must not."
    photo = read_photo(PHOTOS / 'astronaut.jpg')
    (face,) = detect_faces(photo)
    assert face.box[3] < 200                                                     # the head, in the top of the picture
    assert any(f.box[1] > 300 for f in detect_faces(photo, 'dlib'))             # why dlib is not the default

def test_a_small_face_in_a_large_photo_is_found_where_it_is():
    photo = read_photo(PHOTOS / 'astronaut.jpg')
    big = np.full((3000, 4000, 3), 90, np.uint8)
    big[1500:1756, 2600:2856] = np.asarray(Image.fromarray(photo).resize((256, 256)))   # the head is about 50 px of a 4000 px photo
    faces = detect_faces(big)
    assert len(faces) == 1, [f.describe() for f in faces]
    x0, y0, x1, y1 = faces[0].box
    assert 2600 < x0 < x1 < 2856 and 1500 < y0 < y1 < 1756

def _cli(*argv):
    from facetriplet.cli import main
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()): main([str(a) for a in argv])
    return err.getvalue()

def test_swap_into_a_gray_photo_with_two_faces(tmp_path):
    "The face used is named, the gray photo stays gray, nothing outside the face hull moves, --source-face picks the source."
    hopper, astronaut = read_photo(_hopper()), read_photo(PHOTOS / 'astronaut.jpg')
    two = np.full((600, 1100, 3), 180, np.uint8); two[:, :512] = hopper; two[44:556, 560:1072] = astronaut
    Image.fromarray(two).convert('L').save(tmp_path / 'two_gray.png')
    Image.fromarray(two).save(tmp_path / 'two.png')
    err = _cli('swap', '--source', tmp_path / 'two.png', '--first', tmp_path / 'two_gray.png', '--face', 1, '-o', tmp_path / 'a.png')
    notes = [l for l in err.splitlines() if l.startswith('note:')]
    assert any('--first has 2 faces; used face 1: box' in l for l in notes), err
    assert any('--source has 2 faces; used face 0' in l for l in notes), err
    assert any('trained on rendered faces only' in l for l in notes), err
    gray, out = read_photo(tmp_path / 'two_gray.png'), read_photo(tmp_path / 'a.png')
    assert is_grayscale(out)
    face = detect_faces(gray)[1]
    mean, p99 = change_outside_face(gray, out, face)
    assert mean < 2 and p99 < 8, (mean, p99)
    x0, y0, x1, y1 = (int(v) for v in face.box)
    assert np.abs(out[y0:y1, x0:x1].astype(float) - gray[y0:y1, x0:x1]).mean() > 2    # the face did change
    _cli('swap', '--source', tmp_path / 'two.png', '--first', tmp_path / 'two_gray.png', '--face', 1, '--source-face', 1, '-o', tmp_path / 'b.png')
    b = read_photo(tmp_path / 'b.png')
    assert np.abs(b[y0:y1, x0:x1].astype(float) - out[y0:y1, x0:x1]).mean() > 0.5      # another source face, another result

@pytest.mark.parametrize('detector', DETECTORS)
def test_both_detectors_swap_a_photo(detector, tmp_path):
    from facetriplet.core import save_image
    from facetriplet.synth import sample_identity, sample_attributes, render
    from facetriplet.splits import split_seeds
    save_image(render(sample_identity(split_seeds('test', 1)), sample_attributes(split_seeds('test', 1, 'attributes')), 256).image[0], tmp_path / 'person.png')
    _cli('swap', '--source', tmp_path / 'person.png', '--first', _hopper(), '--detector', detector, '-o', tmp_path / 'out.jpg')
    photo, out = read_photo(_hopper()), read_photo(tmp_path / 'out.jpg')
    face = detect_faces(photo, detector)[0]
    mean, p99 = change_outside_face(photo, out, face)
    assert mean < 2 and p99 < 8, (mean, p99)                                     # JPEG noise included
