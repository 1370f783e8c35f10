"Every notebook runs as `nbdev-test` runs it (IN_TEST=1, cells flagged `notest` skipped): the notebooks are tests too."
from pathlib import Path
import pytest
from nbdev.config import get_config
from nbdev.test import test_nb as run_notebook

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / 'nbs').glob('[0-9i]*.ipynb'))
# every notebook runs in CI, 07 and 08 included (1 and 5 minutes of one worker; the whole suite 9.5 min on 2 cores)
@pytest.mark.parametrize('notebook', NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook(notebook):
    # pools are shared through the session's FACETRIPLET_CACHE (CI sets a fresh one): they are keyed by their config and the
    # renderer's source, so a pool one notebook rendered is the pool the next one needs
    cfg = get_config(ROOT)
    ok, _ = run_notebook(notebook, skip_flags=cfg.tst_flags.split(), basepath=cfg.config_path, cell_timeout=cfg.cell_timeout)
    assert ok, f'{notebook.name} failed (its traceback is printed above)'

def test_every_notebook_is_collected():
    assert {p.name for p in NOTEBOOKS} >= {'index.ipynb', '00_core.ipynb', '01_synth.ipynb', '02_triplets.ipynb', '11_cli.ipynb'}

def test_saving_in_jupyter_leaves_notebooks_unchanged():
    # JupyterLab's save adds `language_info` and its own kernel display name; with nbdev's pre-save hook installed
    # (`nbdev-install-hooks`, README) and `jupyter_hooks = true` in pyproject.toml, the saved file is the committed one
    import json, nbformat
    from nbdev.clean import clean_jupyter
    assert get_config(ROOT).jupyter_hooks, "pyproject.toml [tool.nbdev] must set jupyter_hooks = true"
    for nb_path in NOTEBOOKS:
        text = nb_path.read_text()
        nb = json.loads(text)
        nb['metadata']['kernelspec']['display_name'] = 'Python 3 (ipykernel)'
        nb['metadata']['language_info'] = {'name': 'python', 'version': '3.11.2', 'mimetype': 'text/x-python'}
        model = {'type': 'notebook', 'content': nbformat.from_dict(nb)}
        clean_jupyter(path=nb_path, model=model)
        saved = json.dumps(model['content'], indent=1, ensure_ascii=False) + '\n'
        assert json.loads(saved) == json.loads(text), f'{nb_path.name} changes when saved in Jupyter'

def test_stored_outputs_are_clean():
    # what `python tools/refresh_outputs.py` stores must read well on the repository page: no warnings, tracebacks,
    # progress bars or paths of the machine that ran it, and figures small enough for git
    import json, re
    for nb_path in NOTEBOOKS:
        for cell in json.loads(nb_path.read_text())['cells']:
            for o in cell.get('outputs', []):
                assert o['output_type'] != 'error', f'{nb_path.name}: a stored traceback'
                assert not (o['output_type'] == 'stream' and o.get('name') == 'stderr'), f'{nb_path.name}: stored stderr'
                text = json.dumps({k: v for k, v in o.get('data', {}).items() if k.startswith('text/')}) + ''.join(o.get('text', ''))
                assert not re.search(r'Warning:|<progress|/root/|/home/|/tmp/', text), f'{nb_path.name}: {text[:200]}'
                for k, v in o.get('data', {}).items():
                    if k.startswith('image/'): assert len(v) < 400_000, f'{nb_path.name}: a {len(v) // 1000} kB figure'
