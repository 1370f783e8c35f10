"Every notebook runs as `nbdev-test` runs it (IN_TEST=1, cells flagged `notest` skipped): the notebooks are tests too."
from pathlib import Path
import pytest
from nbdev.config import get_config
from nbdev.test import test_nb as run_notebook

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / 'nbs').glob('[0-9i]*.ipynb'))
SLOW = {'07_training', '08_evaluation'}     # 1 and 4 minutes on one core: run by `pytest -m slow` (README), not by CI

@pytest.mark.parametrize('notebook', [pytest.param(p, marks=pytest.mark.slow) if p.stem in SLOW else p for p in NOTEBOOKS], ids=[p.stem for p in NOTEBOOKS])
def test_notebook(notebook):
    # pools are shared through the session's FACETRIPLET_CACHE (CI sets a fresh one): they are keyed by their config and the
    # renderer's source, so a pool one notebook rendered is the pool the next one needs
    cfg = get_config(ROOT)
    ok, _ = run_notebook(notebook, skip_flags=cfg.tst_flags.split(), basepath=cfg.config_path, cell_timeout=cfg.cell_timeout)
    assert ok, f'{notebook.name} failed (its traceback is printed above)'

def test_every_notebook_is_collected():
    assert {p.name for p in NOTEBOOKS} >= {'index.ipynb', '00_core.ipynb', '01_synth.ipynb', '02_triplets.ipynb', '11_cli.ipynb'}
