"""Under pytest-xdist (`-n 2`, the README's test command) each worker gets one torch thread, so the two workers share
the two cores instead of fighting over them; commands the tests start as subprocesses inherit it."""
import os
if os.environ.get('PYTEST_XDIST_WORKER'):
    os.environ['OMP_NUM_THREADS'] = '1'
    import torch
    torch.set_num_threads(1)
