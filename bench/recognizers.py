"""Real-world face recognisers of `eval --data` compared: dlib's 128-D descriptor against FaceNet (the facenet extra).

Usage: python bench/recognizers.py --photos DIR [--out results/recognizers.json]

DIR is laid out as for bench/detectors.py (DIR/faces/*.jpg). Every face dlib finds is one sample; its person is the
file name up to the first digit, '_' or '.' (so obama.jpg, obama2.jpg and obama_partial_face.jpg are one person), and
the faces of a group photo (DIR/counts.json) are all different people. For each recogniser: ROC AUC of
"same person" against "different person" over all pairs, and the score ranges of both (dlib: distance, lower is
closer; FaceNet: cosine, higher is closer).
"""
import argparse, json, re
from pathlib import Path
import numpy as np

def person(name:str) -> str: return re.split(r'[\d._]', name, maxsplit=1)[0] or name

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--photos', required=True)
    ap.add_argument('--out', default='results/recognizers.json')
    a = ap.parse_args()
    from facetriplet.faces import read_photo
    from facetriplet.face_detection import detect_faces
    from facetriplet.photo_folders import recognizers
    recs = recognizers()
    labels, vecs = [], {r: [] for r in recs}
    for p in sorted((Path(a.photos) / 'faces').iterdir()):
        photo = read_photo(p)
        for i, face in enumerate(detect_faces(photo, 'dlib')):
            labels.append(f'{p.name}#{i}' if i else person(p.name))
            for r, fn in recs.items(): vecs[r].append(fn(photo, face))
    labels = np.array(labels)
    iu = np.triu_indices(len(labels), 1)
    same = (labels[:, None] == labels[None])[iu]
    rows = {}
    for r, v in vecs.items():
        v = np.stack(v)
        score = -np.linalg.norm(v[:, None] - v[None], axis=-1)[iu] if r == 'dlib' else (v @ v.T)[iu]   # higher = closer
        pos, neg = score[same], score[~same]
        auc = float((pos[:, None] > neg[None]).mean() + 0.5 * (pos[:, None] == neg[None]).mean())
        sign = -1 if r == 'dlib' else 1
        rng = lambda x: sorted((round(float(sign * x.min()), 2), round(float(sign * x.max()), 2)))
        rows[r] = dict(auc=auc, same=rng(pos), different=rng(neg))
        print(f"{r}: ROC AUC {auc:.3f}, same person {rows[r]['same']}, different people {rows[r]['different']}")
    res = dict(faces=len(labels), same_pairs=int(same.sum()), different_pairs=int((~same).sum()), recognizers=rows,
               command=f'python bench/recognizers.py --photos {a.photos}')
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    Path(a.out).write_text(json.dumps(res, indent=1))

if __name__ == '__main__': main()
