"""Under pytest-xdist (`-n 2`, the README's test command) each worker gets one torch thread, so the two workers share
the two cores instead of fighting over them; commands the tests start as subprocesses inherit it."""
import os
if os.environ.get('PYTEST_XDIST_WORKER'):
    os.environ['OMP_NUM_THREADS'] = '1'
    import torch
    torch.set_num_threads(1)

# the longest tests (10-100 s each on one core), longest first
HEAVY = ('test_killed_at_random_moments', 'test_interrupted_run_resumes_exactly', 'test_bad_input_corpus', 'test_harness_scores',
         'test_eval_cli_prints', 'test_two_processes_hold_identical_weights', 'test_export_then_swap', '06b_checkpoint',
         'test_train_on_a_folder_bootstraps', '10b_photo_folders', 'test_swap_into_a_photo', 'test_eval_on_a_photo_folder',
         '10_real_faces', '09b_face_detection', '01_synth', '06_losses')

def pytest_collection_modifyitems(config, items):
    "xdist's worksteal hands each of two workers one half of the list, in order: start both halves with alternate heavy tests."
    if not os.environ.get('PYTEST_XDIST_WORKER'): return
    heavy = [it for name in HEAVY for it in items if name in it.nodeid]
    ids = {id(it) for it in heavy}
    rest = [it for it in items if id(it) not in ids]
    a, b = heavy[0::2], heavy[1::2]
    cut = max(0, len(items) // 2 - len(a))
    items[:] = a + rest[:cut] + b + rest[cut:]
