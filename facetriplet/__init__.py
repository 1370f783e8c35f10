"""Triplet-supervised face swapping (CN111353546B) with a procedural 3D face renderer that makes exact ground truth

Modules:

- `facetriplet.cli`: `facetriplet <command>`: the commands a user runs. Each is a plain function whose docments (the comment beside each parameter) become its `--help`, parsed by fastcore's `anno_parser`; errors in what the user typed end in one line and a non-zero exit.
- `facetriplet.core`: The few helpers every other module uses. Inside the library an image is a float tensor `(B, 3, H, W)` in `[-1, 1]`; files and plots are converted at the edges, here and nowhere else.
- `facetriplet.discriminator`: The patent's discriminator sees all of the triplet: it judges the tuple $(\text{source}, \text{first}, x)$, real when $x$ is the target and fake when $x$ is the generator's output.
- `facetriplet.evaluation`: Does triplet supervision beat the peer recipe? Measured on held-out people against the exact ground truth, with evaluator nets that no training loss ever saw.
- `facetriplet.face_detection`: Two detectors: MediaPipe's BlazeFace and 468-point face mesh (the default) and dlib's HOG detector with its 68-point model. Every face comes with a confidence score and 68 landmarks in dlib's numbering.
- `facetriplet.faces`: Photos are not square face crops like the renderer's. To swap a face in a photo: find it, rotate and scale it onto the layout the model was trained on, swap at model resolution, and put the result back into the full photo without a seam.
- `facetriplet.generator`: $G(\text{source}, \text{first}) \to \text{output}$: keep everything of `first` except the identity, which comes from `source` through the frozen identity encoder.
- `facetriplet.identity`: The patent's "feature vectors" (claims 2 and 3): a network $E$ that maps a face to a unit vector, so that two pictures of one person point the same way whatever the pose, expression, light, hair, makeup or glasses.
- `facetriplet.identity_training`: ArcFace on rendered people, plus a read-out of the renderer's exact identity parameters; measured by verification and retrieval on held-out people.
- `facetriplet.metrics`: How close a swap is to the exact target, and how much a swapped video flickers: the measures training, evaluation and video share. Plain torch, no model: a renderer that knows the target makes them possible.
- `facetriplet.photo_folders`: Your own people, one sub-folder each: aligned crops for training (`facetriplet train --data`) and real-world scores of a swap on them (`facetriplet eval --data`).
- `facetriplet.recipes`: One `Recipe` object says everything a recipe changes. Models, data, compute and the training loop stay the same, so a table of recipes measures supervision and nothing else.
- `facetriplet.splits`: Identity seeds and attribute seeds in disjoint ranges for train, valid and test, and the one place where every default pool size and seed offset of the project is written down.
- `facetriplet.synth`: Exact triplets need a picture that no camera can take: person A with every non-identity attribute of a picture of person B. A renderer can take it. This notebook builds one in pure torch, batched, from about twenty ellipsoids and some paint.
- `facetriplet.training`: One training step, as in the patent: a critic step, then a generator step, on exact triplets. Same models, same data, same loop for the peer recipe; only the supervision (the `Recipe`) differs.
- `facetriplet.triplets`: The patent's training sample: `source` (identity A, attributes Y), `first` (identity B, attributes X) and `target` (identity A, attributes X). Splits with disjoint people, pools cached on disk, fastai `DataLoaders`, and talking-head videos with their ground-truth swaps.
- `facetriplet.video`: The patent claims triplet training improves synthesized video too. A swapped video is only as good as its worst frame and its flicker: here both are measured against the exact ground-truth swapped video."""

__version__ = "0.0.1"

# Two warnings that importing fastai 2.8 raises under torch >= 2.10 and pandas 3 (fastai's own code, nothing a user can
# act on); silenced by message here, the one file that runs before any module imports fastai.
import warnings as _w
_w.filterwarnings('ignore', message='`torch.jit.script` is deprecated', category=FutureWarning)
_w.filterwarnings('ignore', message="The 'mode.chained_assignment' option is deprecated")
