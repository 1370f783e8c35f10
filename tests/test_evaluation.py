"Evaluation harness, evaluators and video: what a user runs (facetriplet eval / reproduce) and the Python API."
import json, subprocess, torch, pytest
from facetriplet.core import is_marked_synthetic
from facetriplet.evaluation import (benchmark, load_evaluators, evaluate, score, reference_rows, copy_first, identity_metrics,
                                    attribute_metrics, ID_EVALUATOR, ATTRIBUTE_EVALUATOR, frechet_distance)
from facetriplet.video import swap_video, video_metrics, save_gif

def run(*args, cwd=None):
    return subprocess.run(['facetriplet', *args], capture_output=True, text=True, cwd=cwd, timeout=600)

@pytest.fixture(scope='module')
def bench(): return benchmark(n=128, n_videos=2, n_frames=16)

@pytest.fixture(scope='module')
def evaluators(): return load_evaluators()

@pytest.mark.slow
def test_shipped_evaluators_meet_their_goals_on_held_out_renders(evaluators):
    "Re-measured here, not read from the file: identity evaluator >= 99 % verification; attribute regressor pose error."
    m = identity_metrics(evaluators.identity)
    assert m['verification'] >= 0.99 and m['retrieval_top1'] >= 0.95, m
    a = attribute_metrics(evaluators.attributes)
    assert a['pose_error'] <= 2.0 and a['expression_error'] <= 0.1, a
    assert abs(a['pose_error'] - evaluators.attributes.metrics['pose_error']) < 1e-3       # the file tells the truth
    b = attribute_metrics(evaluators.attributes_blur)                                      # the one trained on blurred pictures too
    assert b['pose_error'] <= 2.0 and b['expression_error'] <= 0.1, b
    assert abs(b['pose_error'] - evaluators.attributes_blur.metrics['pose_error']) < 1e-3

def test_evaluators_are_not_the_training_encoder(evaluators):
    from facetriplet.identity import load_identity_encoder, IdentityEncoder
    enc = load_identity_encoder()
    assert type(evaluators.identity) is not IdentityEncoder and type(enc) is IdentityEncoder

def test_harness_scores_any_callable_against_the_ground_truth(bench, evaluators):
    from facetriplet.checkpoint import Swapper
    refs = reference_rows(bench, evaluators)
    gt, cf = refs['ground truth'], refs['copy first']
    assert gt['id_retrieval'] >= 0.95 and gt['psnr'] > 90 and gt['temporal_error'] == 0
    assert cf['id_retrieval'] < 0.05                                # copying first keeps first's identity
    ours = evaluate(Swapper.load(), bench, evaluators)
    # the shipped model moves the identity towards the source and beats copying on the face, where the swap happens
    assert ours['id_retrieval'] > cf['id_retrieval'] + 0.3 and ours['id_cosine'] > cf['id_cosine'] + 0.3, ours
    assert ours['psnr_face'] > cf['psnr_face'] + 2 and ours['psnr'] > cf['psnr'], ours
    # a student's method: half the pixels from the target, half from first -> between the two rows
    t = bench.triplets
    lookup = {f.sum().item(): tg for f, tg in zip(t.first, t.target)}
    def half(s, f): return torch.stack([(x + lookup.get(x.sum().item(), x)) / 2 for x in f])
    m = evaluate(half, bench, evaluators)
    assert cf['psnr'] < m['psnr'] < gt['psnr']

def test_blur_robust_columns_read_expression_not_sharpness(bench, evaluators):
    import torchvision.transforms.functional as TF
    sharp = score(bench.triplets.target, bench, evaluators)
    soft = score(TF.gaussian_blur(bench.triplets.target, [7, 7], [1., 1.]), bench, evaluators)   # the ground truth, blurred by 1 px
    assert sharp['expression_error_blur_robust'] < 0.12 and sharp['pose_error_blur_robust'] < 2, sharp
    # the first regressor reads the blur as another expression (round 20: 0.08 -> 0.28); the second hardly moves (-> 0.10)
    assert soft['expression_error'] - sharp['expression_error'] > 0.1, (sharp, soft)
    assert soft['expression_error_blur_robust'] - sharp['expression_error_blur_robust'] < 0.04, (sharp, soft)

def test_score_rejects_wrong_outputs(bench, evaluators):
    with pytest.raises(ValueError, match="outputs must have the targets' shape"): score(bench.triplets.target[:5], bench, evaluators)

def test_frechet_distance_grows_with_the_shift():
    a = torch.randn(1000, 8)
    assert frechet_distance(a, a + 0.1) < frechet_distance(a, a + 1.0)

def test_video_swap_metrics_and_marked_gif(tmp_path, bench):
    from facetriplet.checkpoint import Swapper
    sw, ours, copy = Swapper.load(), [], []
    for clip in bench.videos:
        out = swap_video(sw, clip.source, clip.first)
        ours.append(video_metrics(out, clip.target)); copy.append(video_metrics(clip.first, clip.target))
    assert ours[0]['per_frame_psnr'].shape == (16,)
    # over the clips (one clip alone can go either way: the shipped model's is 0.0300 against 0.0286 on clip 0)
    mean = lambda rows, k: sum(r[k] for r in rows) / len(rows)
    assert mean(ours, 'psnr') > mean(copy, 'psnr') + 2, (mean(ours, 'psnr'), mean(copy, 'psnr'))
    assert mean(ours, 'temporal_error') < mean(copy, 'temporal_error'), (mean(ours, 'temporal_error'), mean(copy, 'temporal_error'))
    assert is_marked_synthetic(save_gif([clip.first, out], tmp_path / 'v.gif'))

def test_eval_cli_prints_the_table_and_writes_json(tmp_path):
    r = run('eval', '--n', '64', '--videos', '1', '-o', str(tmp_path / 'm.json'))
    assert r.returncode == 0, r.stderr
    assert '| *copy first* |' in r.stdout and '| *ground truth* |' in r.stdout and '| shipped swapper.pth |' in r.stdout
    rows = json.loads((tmp_path / 'm.json').read_text())
    assert rows['shipped swapper.pth']['n'] == 64 and 'temporal_error' in rows['copy first']
    assert 'pose ° blur-robust' in r.stdout and 'expression_error_blur_robust' in rows['shipped swapper.pth']

