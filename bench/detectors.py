"""Face detectors compared: MediaPipe (BlazeFace + face mesh, the default) against dlib (HOG + 68 landmarks).

Usage: python bench/detectors.py [--photos DIR] [--out results/detectors.json]

Photos: the repository's own (tests/photos: one astronaut, one grayscale cameraman, a cat, a cup of coffee;
matplotlib's Grace Hopper) plus pictures made from them (two faces side by side, a face of ~60 px in a
4000x3000 photo, grayscale, rotated 20 degrees), and, with --photos, a folder of your own laid out as
DIR/faces/*.jpg (one face each unless DIR/counts.json says {"name.jpg": n}) and DIR/none/*.jpg (no face).
For each detector: faces found of faces present, false faces (more faces than present, or any in a photo
without one), seconds per photo, and the spread of the five alignment points over 48 frontal renders
(a steadier landmark model aligns more consistently).
"""
import argparse, json, sys, time
from pathlib import Path
import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]

def own_photos() -> list:
    "(name, photo, faces present) for the photos the repository may ship and pictures made from them."
    import matplotlib
    from facetriplet.faces import read_photo
    ph = {n: read_photo(ROOT / 'tests' / 'photos' / f'{n}.jpg') for n in ('astronaut', 'camera', 'chelsea', 'coffee')}
    ph['hopper'] = read_photo(Path(matplotlib.get_data_path()) / 'sample_data' / 'grace_hopper.jpg')
    two = np.full((600, 1100, 3), 180, np.uint8); two[:, :512] = ph['hopper']; two[44:556, 560:1072] = ph['astronaut']
    big = np.full((3000, 4000, 3), 90, np.uint8); big[1500:1812, 2600:2912] = np.asarray(Image.fromarray(ph['astronaut']).resize((312, 312)))
    gray = np.repeat(np.asarray(Image.fromarray(ph['hopper']).convert('L'))[..., None], 3, -1)
    tilted = np.asarray(Image.fromarray(ph['astronaut']).rotate(20, fillcolor=(128, 128, 128)))
    cats = np.concatenate([ph['chelsea'][:300, :450], np.asarray(Image.fromarray(ph['coffee']).resize((450, 300)))], 1)
    return [('astronaut', ph['astronaut'], 1), ('camera (gray, half profile)', ph['camera'], 1), ('hopper', ph['hopper'], 1),
            ('two faces side by side', two, 2), ('60 px face in 4000x3000', big, 1), ('hopper in gray', gray, 1),
            ('astronaut tilted 20 deg', tilted, 1), ('chelsea (a cat)', ph['chelsea'], 0), ('coffee', ph['coffee'], 0),
            ('cat + coffee', cats, 0)]

def folder_photos(d:Path) -> list:
    from facetriplet.faces import read_photo
    counts = json.loads((d / 'counts.json').read_text()) if (d / 'counts.json').exists() else {}
    out = []
    for sub, default in (('faces', 1), ('none', 0)):
        for f in sorted((d / sub).glob('*')):
            if f.suffix.lower() in ('.jpg', '.jpeg', '.png', '.webp'): out.append((f'{sub}/{f.name}', read_photo(f), counts.get(f.name, default)))
    return out

def alignment_spread(detect) -> float:
    "Std of the five alignment points (fraction of the side) over 48 frontal renders of training people."
    from facetriplet.synth import sample_identity, sample_attributes, render
    from facetriplet.splits import split_seeds
    from facetriplet.core import to_uint8
    atts = sample_attributes(split_seeds('train', 48, 'attributes')).replace(yaw=0., pitch=0., roll=0., shift_x=0., shift_y=0., scale=1.)
    renders = to_uint8(render(sample_identity(split_seeds('train', 48)), atts, 160).image)
    five = np.stack([f[0].five / 160 for f in map(detect, renders) if f])
    return float(five.std(0).mean()), len(five)

def compare(photos:list) -> dict:
    from facetriplet.face_detection import detect_faces, DETECTORS
    out = {}
    for det in DETECTORS:
        detect_faces(photos[0][1], det)                                           # load the models before timing
        rows = []
        for name, photo, n in photos:
            t = time.perf_counter(); faces = detect_faces(photo, det); dt = time.perf_counter() - t
            rows.append(dict(photo=name, present=n, found=min(len(faces), n), false=max(len(faces) - n, 0), seconds=dt,
                             faces=[f.describe() for f in faces]))
        spread, n_renders = alignment_spread(lambda r: detect_faces(r, det))
        present = sum(r['present'] for r in rows)
        out[det] = dict(found=sum(r['found'] for r in rows), present=present, false_faces=sum(r['false'] for r in rows),
                        photos=len(rows), seconds_per_photo=float(np.mean([r['seconds'] for r in rows])),
                        renders_detected=n_renders, five_point_spread=spread, rows=rows)
    return out

def table(res:dict, title:str) -> str:
    lines = [f'{title}', '', '| detector | faces found | false faces | s / photo | renders found | five-point spread |', '|---|---|---|---|---|---|']
    for det, r in res.items():
        lines.append(f"| {det} | {r['found']} of {r['present']} | {r['false_faces']} | {r['seconds_per_photo']:.2f} | {r['renders_detected']} of 48 | {r['five_point_spread']:.4f} |")
    lines += ['', '| photo | faces | ' + ' | '.join(res) + ' |', '|---|---|' + '---|' * len(res)]
    for k, row in enumerate(next(iter(res.values()))['rows']):
        lines.append(f"| {row['photo']} | {row['present']} | " + ' | '.join(f"{res[d]['rows'][k]['found'] + res[d]['rows'][k]['false']} found, {res[d]['rows'][k]['seconds']:.2f} s" for d in res) + ' |')
    return '\n'.join(lines)

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--photos', default='', help='a folder with faces/ and none/ (your photos; not committed)')
    ap.add_argument('--out', default=str(ROOT / 'results' / 'detectors.json'))
    a = ap.parse_args()
    res = {'own': compare(own_photos())}
    print(table(res['own'], 'The repository\'s photos and pictures made from them'))
    if a.photos:
        res['folder'] = compare(folder_photos(Path(a.photos)))
        print(); print(table(res['folder'], f'Photos in {a.photos}'))
    Path(a.out).parent.mkdir(parents=True, exist_ok=True); Path(a.out).write_text(json.dumps(res, indent=1))
    print(f'\nwrote {a.out}')
