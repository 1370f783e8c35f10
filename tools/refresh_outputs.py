"""Run the lesson notebooks and store their outputs (figures, printed numbers) so they show on the repository page
and in JupyterLab before anyone runs them.

Usage: python tools/refresh_outputs.py [NOTEBOOK ...]      (default: every notebook in nbs/ but the CLI reference)

Each notebook runs top to bottom in its own folder, as a reader runs it (IN_TEST is not set), with figures stored
as JPEG (about a fifth of the size of the "retina" PNG that nbdev's runner writes; FIGURE_FORMAT=retina to change). Then the
outputs are cleaned: progress bars are dropped (they are live displays, meaningless once stored), anything written
to stderr is dropped, and paths of this machine are written as `~` or `$TMPDIR`. Finally `nbdev-clean` normalises
the files. tests/test_notebooks.py checks that stored outputs hold no warning, traceback, progress bar or path of
a machine.
"""
import os, re, sys, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SKIP = {'11_cli.ipynb'}                        # the command-line reference: its outputs are help texts, read them with --help

def _clean(nb):
    home, tmp = str(Path.home()), tempfile.gettempdir()
    for cell in nb.cells:
        if cell.cell_type != 'code': continue
        kept = []
        for o in cell.get('outputs', []):
            if o.get('output_type') == 'stream' and o.get('name') == 'stderr': continue
            data = o.get('data', {})
            if '<progress' in str(data.get('text/html', '')): continue                  # a live progress bar
            def scrub(v):
                if not isinstance(v, str): return v
                v = v.replace(str(ROOT), '.').replace(home, '~')
                return re.sub(re.escape(tmp) + r'/[\w.-]+', '$TMPDIR/…', v)
            if 'text' in o: o['text'] = scrub(''.join(o['text']) if isinstance(o['text'], list) else o['text'])
            for k in list(data):
                if k.startswith('text/'): data[k] = scrub(''.join(data[k]) if isinstance(data[k], list) else data[k])
            kept.append(o)
        cell['outputs'] = kept

def refresh(path:Path) -> float:
    from fastcore.nbio import read_nb, write_nb
    from execnb.shell import CaptureShell
    nb = read_nb(path)
    t = time.time()
    shell = CaptureShell(path, mpl_format=os.environ.get('FIGURE_FORMAT', 'jpeg'))
    cwd = os.getcwd(); os.chdir(path.parent)
    try: shell.run_all(nb, exc_stop=True, preproc=lambda c: c.source.lstrip().startswith('#| default_exp'))
    finally: os.chdir(cwd)
    _clean(nb)
    write_nb(nb, path)
    return time.time() - t

def main():
    os.environ.pop('IN_TEST', None)
    names = sys.argv[1:] or sorted(p.name for p in (ROOT / 'nbs').glob('[0-9i]*.ipynb') if p.name not in SKIP)
    for name in names:
        p = ROOT / 'nbs' / Path(name).name
        print(f'{p.name}: {refresh(p):.0f} s', flush=True)
    os.system(f'cd {ROOT} && {Path(sys.executable).parent / "nbdev-clean"}')

if __name__ == '__main__': main()
