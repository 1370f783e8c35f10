"""The bad-input corpus: every command, every kind of input it takes, broken in every way a user manages to break it.

Each case must end with exit status 2 and one last stderr line `error: ...` naming the problem, print no traceback,
write no output file and leave every existing file unchanged. Unusual but valid pictures (grayscale, RGBA, 16-bit,
CMYK, EXIF-rotated) must be accepted instead. Commands run in-process (`facetriplet.cli.main`), so the corpus costs
seconds, not a Python start-up per case. `python tests/test_bad_input.py` prints the table with the pass rate.
"""
import contextlib, hashlib, io, json, os, sys, traceback
from pathlib import Path
import numpy as np, pytest, torch
from PIL import Image

def _snapshot(root:Path) -> dict:
    return {str(p.relative_to(root)): (hashlib.sha1(p.read_bytes()).hexdigest() if p.is_file() else 'dir')
            for p in sorted(root.rglob('*')) if not os.path.islink(p)}

def attempt(argv:list, root:Path) -> dict:
    "Run `facetriplet *argv` in-process; what it printed, how it ended, and which files under `root` it touched."
    from facetriplet.cli import main
    before, err, out = _snapshot(root), io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        try: main([str(a) for a in argv])
        except SystemExit as e: code = e.code if isinstance(e.code, int) else 1
        except BaseException: code = 'exception'; err.write(traceback.format_exc())
    after = _snapshot(root)
    changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    return dict(code=code, stderr=err.getvalue(), stdout=out.getvalue(), changed=changed)

def judged_bad(r:dict) -> str:
    "'' when the case ended as a bad input must, else what went wrong."
    lines = [l for l in r['stderr'].strip().splitlines() if l.strip()]
    if r['code'] != 2: return f"exit {r['code']}"
    if 'Traceback' in r['stderr']: return 'traceback'
    if not lines or not lines[-1].startswith('error: '): return 'no error line'
    if sum(l.startswith('error: ') for l in lines) != 1: return 'several error lines'
    if r['changed']: return f"files changed: {r['changed'][:3]}"
    return ''

# ---------------------------------------------------------------- the inputs
def _face(seed=0, size=64):
    from facetriplet.synth import sample_identity, sample_attributes, render
    from facetriplet.splits import split_seeds
    img = render(sample_identity(split_seeds('test', seed + 1)[-1:]), sample_attributes(split_seeds('test', seed + 1, 'attributes')[-1:]), size).image[0]
    return img.add(1).mul(127.5).round().clamp(0, 255).byte().permute(1, 2, 0).numpy()     # (H,W,3) uint8

def make_inputs(d:Path) -> dict:
    "Every picture, checkpoint and folder the corpus uses, written under `d`; returns name -> path."
    from facetriplet.checkpoint import SHIPPED_SWAPPER
    from facetriplet.identity import SHIPPED_IDENTITY
    d.mkdir(parents=True, exist_ok=True)
    p = {k: d / k for k in ('face.png', 'face2.png', 'face48.png', 'empty.png', 'text.png', 'text.jpg', 'trunc.png', 'trunc.jpg',
                           'one.png', 'sixteen.png', 'gray.png', 'rgba.png', 'deep.png', 'cmyk.jpg', 'exif.jpg', 'huge.jpg',
                           'noface.jpg', 'swapper.pth', 'trunc.pth', 'nan.pth', 'evil.pth', 'text.pth', 'file.txt', 'folder')}
    face, face2 = _face(0), _face(1)
    Image.fromarray(face).save(p['face.png']); Image.fromarray(face2).save(p['face2.png'])
    Image.fromarray(_face(2, 48)).save(p['face48.png'])
    p['empty.png'].write_bytes(b''); p['text.png'].write_text('not a picture'); p['text.jpg'].write_text('not a picture')
    full = io.BytesIO(); Image.fromarray(face).save(full, 'PNG'); p['trunc.png'].write_bytes(full.getvalue()[:len(full.getvalue()) // 2])
    full = io.BytesIO(); Image.fromarray(face).save(full, 'JPEG'); p['trunc.jpg'].write_bytes(full.getvalue()[:len(full.getvalue()) // 2])
    Image.new('RGB', (1, 1)).save(p['one.png']); Image.fromarray(face).resize((16, 16)).save(p['sixteen.png'])
    Image.fromarray(face).convert('L').save(p['gray.png']); Image.fromarray(face).convert('RGBA').save(p['rgba.png'])
    Image.fromarray((face[..., 0].astype(np.uint16) * 257)).save(p['deep.png'])                # 16-bit grayscale PNG
    Image.fromarray(face).convert('CMYK').save(p['cmyk.jpg'])
    ex = Image.fromarray(np.ascontiguousarray(np.rot90(face))).getexif(); ex[0x0112] = 8       # stored rotated, EXIF turns it upright
    Image.fromarray(np.ascontiguousarray(np.rot90(face))).save(p['exif.jpg'], exif=ex)
    Image.new('RGB', (6000, 6000), (120, 110, 100)).save(p['huge.jpg'], quality=50)
    y = np.linspace(0, 255, 300, dtype=np.uint8)[:, None, None].repeat(400, 1).repeat(3, 2)
    Image.fromarray(y).save(p['noface.jpg'])                                                    # 400x300, no face
    p['swapper.pth'].write_bytes(SHIPPED_SWAPPER.read_bytes())
    p['trunc.pth'].write_bytes(SHIPPED_SWAPPER.read_bytes()[:1 << 20])
    d_nan = torch.load(SHIPPED_SWAPPER, weights_only=True)
    k = next(k for k, v in d_nan['generator'].items() if v.is_floating_point()); d_nan['generator'][k] = torch.full_like(d_nan['generator'][k], float('nan'))
    torch.save(d_nan, p['nan.pth'])
    torch.save(_Evil(), p['evil.pth'])
    p['text.pth'].write_text('not a checkpoint'); p['file.txt'].write_text('a file'); p['folder'].mkdir()
    p['identity.pth'] = SHIPPED_IDENTITY                                                        # a checkpoint of the wrong kind
    # --data folders
    def people(name, n_people, n_each, nested=False, bad=False):
        root = d / name
        for i in range(n_people):
            sub = root / f'person{i}' / ('more' if nested else '')
            sub.mkdir(parents=True, exist_ok=True)
            for j in range(n_each): Image.fromarray(_face(10 * i + j, 128)).save(sub / f'{j}.png')
            if bad: (sub / 'broken.jpg').write_text('not a picture')
        return root
    p['one_person'] = people('one_person', 1, 3)
    p['one_each'] = people('one_each', 3, 1)
    p['nested'] = people('nested', 2, 2, nested=True)
    p['unreadable'] = people('unreadable', 2, 0, bad=True)
    p['empty_dir'] = d / 'empty_dir'; p['empty_dir'].mkdir()
    return p

class _Evil:
    "A pickle that would run code when loaded without weights_only."
    def __reduce__(self): return (os.system, ('echo pwned > /tmp/facetriplet-pwned',))

def corpus(p:dict, out:Path) -> list:
    "(name, argv) for every bad input; `out` is a folder for outputs that must stay empty."
    o = lambda name: out / name
    sw = lambda s, f, *x: ['swap', '--source', p[s], '--first', f if isinstance(f, Path) else p[f], '-o', o('swap.png'), *x]
    cases = []
    for bad in ('missing', 'empty.png', 'text.png', 'text.jpg', 'trunc.png', 'trunc.jpg', 'one.png', 'sixteen.png', 'folder'):
        src = p.get(bad, out / 'missing.png')
        cases += [(f'swap --source {bad}', ['swap', '--source', src, '--first', p['face.png'], '-o', o('swap.png')]),
                  (f'swap --first {bad}', ['swap', '--source', p['face.png'], '--first', src, '-o', o('swap.png')])]
    cases += [('swap photo without a face', sw('face.png', 'noface.jpg')),
              ('swap 6000x6000 photo without a face', sw('face.png', 'huge.jpg')),
              ('swap mismatched sizes --align no', sw('face.png', 'noface.jpg', '--align', 'no')),
              ('swap --face 5 of one face', sw('face.png', 'noface.jpg', '--face', '5')),
              ('swap --face -1', sw('face.png', 'face2.png', '--face', '-1')),
              ('swap --source-face 5 of one face', sw('face.png', 'noface.jpg', '--source-face', '5')),
              ('swap --source-face -1', sw('face.png', 'face2.png', '--source-face', '-1')),
              ('swap --detector opencv', sw('face.png', 'face2.png', '--detector', 'opencv')),
              ('swap --align maybe', sw('face.png', 'face2.png', '--align', 'maybe')),
              ('swap --out .gif', ['swap', '--source', p['face.png'], '--first', p['face2.png'], '-o', o('swap.gif')]),
              ('swap --out under a file', ['swap', '--source', p['face.png'], '--first', p['face2.png'], '-o', p['file.txt'] / 'x.png']),
              ('swap --out is a folder', ['swap', '--source', p['face.png'], '--first', p['face2.png'], '-o', p['folder']]),
              ('swap no --source', ['swap', '--first', p['face.png'], '-o', o('swap.png')])]
    models = {'missing': out / 'none.pth', 'folder': p['folder'], 'text': p['text.pth'], 'truncated': p['trunc.pth'], 'NaN weights': p['nan.pth'],
              'code-running pickle': p['evil.pth'], 'identity encoder (wrong kind)': p['identity.pth'], 'picture': p['face.png']}
    for what, m in models.items():
        cases += [(f'swap --model {what}', sw('face.png', 'face2.png', '--model', m)),
                  (f'eval --model {what}', ['eval', '--model', m, '--n', 8, '--videos', 0]),
                  (f'export --checkpoint {what}', ['export', '--checkpoint', m, '--out', o('export.pth')]),
                  (f'train --first-stage {what}', ['train', '--recipe', 'bootstrap', '--first-stage', m, '--steps', 1, '--groups', 1, '--size', 32, '--out', o('run')])]
    cases += [('export without --checkpoint', ['export', '--out', o('export.pth')]),
              ('export --n 0', ['export', '--checkpoint', p['swapper.pth'], '--n', 0, '--out', o('export.pth')]),
              ('export --out under a file', ['export', '--checkpoint', p['swapper.pth'], '--n', 4, '--out', p['file.txt'] / 'x.pth']),
              ('eval --n 0', ['eval', '--n', 0]), ('eval --n 513', ['eval', '--n', 513]), ('eval --videos 17', ['eval', '--videos', 17]),
              ('eval --split train', ['eval', '--split', 'train', '--n', 8, '--videos', 0]),
              ('eval --out under a file', ['eval', '--n', 4, '--videos', 0, '--out', p['file.txt'] / 'x.json']),
              ('render --size 10', ['render', '--size', 10, '--out', o('r.png')]),
              ('render --identities 0', ['render', '--identities', 0, '--out', o('r.png')]),
              ('render --attributes -1', ['render', '--attributes', -1, '--out', o('r.png')]),
              ('render --triplets -1', ['render', '--triplets', -1, '--out', o('r.png')]),
              ('render --out .txt', ['render', '--out', o('r.txt')]),
              ('render --out under a file', ['render', '--out', p['file.txt'] / 'r.png']),
              ('render --out is a folder', ['render', '--out', p['folder']])]
    tr = lambda *x: ['train', '--steps', 1, '--groups', 1, '--size', 32, '--out', o('run'), *x]
    for what, x in {'--steps -1': ['--steps', -1], '--steps 0': ['--steps', 0], '--bs 0': ['--bs', 0], '--size 60': ['--size', 60],
                    '--size 16': ['--size', 16], '--groups 0': ['--groups', 0], '--every 0': ['--every', 0], '--minutes -1': ['--minutes', -1],
                    '--precision fp8': ['--precision', 'fp8'], '--weights critic=4': ['--weights', 'critic=4'],
                    '--weights mse=-1': ['--weights', 'mse=-1'], '--weights mse=lots': ['--weights', 'mse=lots'], '--recipe faceshifter': ['--recipe', 'faceshifter'],
                    '--resume without a checkpoint': ['--resume'], '--out under a file': ['--out', p['file.txt'] / 'run'],
                    'bootstrap without --first-stage': ['--recipe', 'bootstrap'], '--data missing': ['--data', out / 'nobody'],
                    '--data is a file': ['--data', p['file.txt']], '--data empty folder': ['--data', p['empty_dir']],
                    '--data one person': ['--data', p['one_person']], '--data one picture each': ['--data', p['one_each']],
                    '--data nested folders': ['--data', p['nested']], '--data unreadable files': ['--data', p['unreadable']],
                    '--data with the triplet recipe': ['--data', p['one_person'], '--recipe', 'triplet']}.items():
        cases.append((f'train {what}', tr(*x)))
    for what, m in models.items():                               # a damaged checkpoint where --resume expects one
        cases.append((f'train --resume onto {what}', ['resume', m]))
    cases += [('eval --data one person', ['eval', '--data', p['one_person'], '--pairs', 2]),
              ('eval --data missing', ['eval', '--data', out / 'nobody']),
              ('eval --data --pairs 0', ['eval', '--data', p['nested'], '--pairs', 0]),
              ('reproduce --steps 0', ['reproduce', '--steps', 0, '--out', o('rep')]),
              ('reproduce --seeds 0', ['reproduce', '--seeds', 0, '--out', o('rep')]),
              ('reproduce --bs 0', ['reproduce', '--bs', 0, '--out', o('rep')]),
              ('reproduce --recipes nonsense', ['reproduce', '--recipes', 'nonsense', '--out', o('rep')]),
              ('reproduce --recipes bootstrap without its first stage', ['reproduce', '--recipes', 'bootstrap', '--out', o('rep')]),
              ('reproduce --recipes empty', ['reproduce', '--recipes', ',', '--out', o('rep')]),
              ('reproduce --ablation-seeds above --seeds', ['reproduce', '--seeds', 1, '--ablation-seeds', 2, '--out', o('rep')]),
              ('reproduce --curve-every -1', ['reproduce', '--curve-every', -1, '--out', o('rep')]),
              ('reproduce --results under a file', ['reproduce', '--results', p['file.txt'] / 'res', '--out', o('rep')]),
              ('reproduce --out under a file', ['reproduce', '--out', p['file.txt'] / 'rep', '--steps', 1, '--seeds', 1, '--recipes', 'triplet']),
              ('train-identity --epochs 0', ['train-identity', '--epochs', 0, '--out', o('id.pth')]),
              ('train-identity --views 1', ['train-identity', '--views', 1, '--out', o('id.pth')]),
              ('train-identity --out is a folder', ['train-identity', '--out', p['folder']]),
              ('train-identity --out under a file', ['train-identity', '--epochs', 1, '--groups', 1, '--out', p['file.txt'] / 'id.pth']),
              ('train-evaluators --identity-epochs 0', ['train-evaluators', '--identity-epochs', 0, '--out', o('ev')]),
              ('train-evaluators --attribute-epochs -1', ['train-evaluators', '--attribute-epochs', -1, '--out', o('ev')]),
              ('train-evaluators --out under a file', ['train-evaluators', '--out', p['file.txt'] / 'ev'])]
    return cases

GOOD_PICTURES = ('gray.png', 'rgba.png', 'deep.png', 'cmyk.jpg', 'exif.jpg', 'face48.png')

def run_case(argv, p, root):
    if argv[0] == 'resume':                                      # put the bad file where --resume looks, then resume
        run_dir = root / 'resume_run'; run_dir.mkdir(exist_ok=True)
        (run_dir / 'model.pth').write_bytes(Path(argv[1]).read_bytes() if Path(argv[1]).is_file() else b'')
        if Path(argv[1]).is_dir(): (run_dir / 'model.pth').unlink(); (run_dir / 'model.pth').mkdir()
        r = attempt(['train', '--steps', 1, '--groups', 1, '--size', 32, '--out', run_dir, '--resume'], root)
        import shutil; shutil.rmtree(run_dir)
        return r
    return attempt(argv, root)

@pytest.fixture(scope='module')
def inputs(tmp_path_factory):
    root = tmp_path_factory.mktemp('corpus')
    return make_inputs(root / 'in'), root

def test_bad_input_corpus(inputs):
    p, root = inputs
    out = root / 'out'; out.mkdir(exist_ok=True)
    failures = []
    cases = corpus(p, out)
    for name, argv in cases:
        why = judged_bad(run_case(argv, p, root))
        if why: failures.append(f'{name}: {why}')
    assert not Path('/tmp/facetriplet-pwned').exists(), 'a checkpoint ran code'
    assert not failures, f'{len(failures)} of {len(cases)} bad inputs not handled:\n' + '\n'.join(failures)
    assert len(cases) >= 100

@pytest.mark.parametrize('name', GOOD_PICTURES)
def test_unusual_but_valid_pictures_are_accepted(inputs, name):
    p, root = inputs
    out = root / f'ok-{name}.png'
    r = attempt(['swap', '--source', p[name], '--first', p['face.png'], '-o', out], root)
    assert r['code'] == 0 and out.exists(), r['stderr'][-1500:]
    r = attempt(['swap', '--source', p['face.png'], '--first', p[name], '-o', out], root)
    assert r['code'] == 0, r['stderr'][-1500:]
    got = np.asarray(Image.open(out))
    assert got.shape[2] == 3 and got.shape[:2] == np.asarray(Image.open(p[name])).shape[:2][::1]

if __name__ == '__main__':
    import tempfile
    root = Path(tempfile.mkdtemp()); p = make_inputs(root / 'in'); out = root / 'out'; out.mkdir()
    import time
    rows = []
    only = sys.argv[1:]                                          # optional substrings: run the matching cases only
    for name, argv in [c for c in corpus(p, out) if not only or any(k in c[0] for k in only)]:
        t = time.time(); r = run_case(argv, p, root); why = judged_bad(r); rows.append((name, why))
        last = (r['stderr'].strip().splitlines() or [''])[-1][:150]
        print(f"{'ok  ' if not why else 'FAIL'} {time.time() - t:5.1f}s {name}{': ' + why if why else ''} | {last}", flush=True)
    ok = sum(not w for _, w in rows)
    print(f'{ok} of {len(rows)} bad inputs handled ({ok / len(rows):.0%})')
