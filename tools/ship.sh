#!/usr/bin/env bash
# Make a trained run the shipped swapper, with everything the README shows of it.
#
# Usage: bash tools/ship.sh RUN [THREADS]        e.g. bash tools/ship.sh runs/ship 1
#
# RUN is a finished `facetriplet train` folder (model.pth, samples.png, losses.png, metrics.json). Writes:
#   facetriplet/weights/swapper.pth   the compact export (fp16) that `swap` and `Swapper.load()` use
#   results/ship/{test,valid,videos16,train_metrics}.json   the README's rows (evaluator nets, never a training loss)
#   assets/swap_samples.png, assets/swap_losses.png         the run's own figures
#   assets/photo_swap.png, assets/video_swap.gif            made by the new swapper (bench/photo.py, nbs/09_video)
# Move the previous results/ship/*.json aside first if you want to keep them. Then refresh the stored outputs of the
# other notebooks that show the shipped model (06b, 07, 08, 10, 10b): python tools/refresh_outputs.py NOTEBOOK ...
set -euo pipefail
cd "$(dirname "$0")/.."
RUN=${1:?usage: bash tools/ship.sh RUN [THREADS]}
export OMP_NUM_THREADS=${2:-1}
[ -f "$RUN/model.pth" ] || { echo "error: $RUN/model.pth not found: RUN must be a finished training folder" >&2; exit 2; }
mkdir -p results/ship assets
facetriplet export --checkpoint "$RUN/model.pth" --out facetriplet/weights/swapper.pth
facetriplet eval --out results/ship/test.json                           # the shipped file, as users get it
facetriplet eval --split valid --out results/ship/valid.json
facetriplet eval --n 16 --videos 16 --out results/ship/videos16.json
cp "$RUN/metrics.json" results/ship/train_metrics.json
cp "$RUN/samples.png" assets/swap_samples.png
cp "$RUN/losses.png" assets/swap_losses.png
python bench/photo.py --threads "$OMP_NUM_THREADS" --repeats 1 --figure assets/photo_swap.png
# the video lesson writes the README's GIF when FACETRIPLET_ASSETS is set; its stored outputs are refreshed with it
FACETRIPLET_ASSETS=$PWD/assets python tools/refresh_outputs.py nbs/09_video.ipynb
