"""Seconds per training epoch of the capstone's CNN: examprep's NumPy reference against PyTorch (CPU), same process.

    python benchmarks/capstone.py [--rounds 5] [--threads 2] [--pause 1.5] [--no-book]

The network is the capstone's own (examprep.capstone.network.ConvNet with reference_parts(), norm=None, float32):
conv3x3 16 pad 1 - ReLU - maxpool 2 - conv3x3 32 pad 1 - ReLU - maxpool 2 - affine 100 - ReLU - affine 15 -
softmax with cross entropy, Adam (lr 0.001), batch 100, 3,000 random 28x28 images in 15 classes. PyTorch runs the
same architecture from the same initial weights (nn.Conv2d, nn.MaxPool2d, nn.Linear, nn.CrossEntropyLoss,
torch.optim.Adam). norm=None on the NumPy side because the PyTorch side has no normalisation either.

An epoch is 30 steps of forward, backward and update, in a fixed order (no shuffling, no evaluation). Each round
runs one epoch per side, in alternating order, with a pause of --pause seconds whenever the framework changes:
OpenBLAS and OpenMP worker threads keep spinning for a moment after a call and would slow the other side. Both sides
get --threads threads: OPENBLAS_NUM_THREADS / OMP_NUM_THREADS / MKL_NUM_THREADS are set before numpy is imported
(what numpy's OpenBLAS reports is printed) and torch.set_num_threads(). One warm-up epoch per side is not counted.

The third column (--no-book leaves it out) is the book's code as printed, which is what a learner's components
usually are: float64 everywhere (the book's im2col allocates without a dtype) with the book's im2col / col2im
column layout (tests/components/im2col/alternatives/book_layout.py, col2im/...), the book's im2col+argmax
Pooling (tests/components/max_pooling/alternatives/book_im2col_argmax.py) and the book's Relu
(tests/components/relu_layer/alternatives/book_inplace_backward.py).

Prints every round, the medians (wall and CPU seconds), the fastest epochs, the ratio numpy / torch (target at
most 2.0, aim at most 1.2), the median time per component role of the NumPy sides (ConvNet.timings, optimizer update
timed here) and the load average before and after, since other work on the machine changes every figure. The exit
status is 0 either way (figures are printed, not asserted).
"""
import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

IMAGES, BATCH, CLASSES, LR = 3000, 100, 15, 0.001
TARGET, AIM = 2.0, 1.2
COMPONENTS = ROOT / "tests" / "components"


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=5, help="timed epochs per side (default 5)")
    ap.add_argument("--threads", type=int, default=2, help="threads for numpy's BLAS and for torch (default 2)")
    ap.add_argument("--pause", type=float, default=1.5, help="seconds of pause between frameworks (default 1.5)")
    ap.add_argument("--images", type=int, default=IMAGES, help=f"images per epoch (default {IMAGES})")
    ap.add_argument("--no-book", action="store_true", help="leave out the book-as-printed float64 column")
    ap.add_argument("--seed", type=int, default=0)
    return ap.parse_args(argv)


def blas_threads():
    """(library file, threads) of the OpenBLAS numpy loaded, read through its own get_num_threads; None if unknown."""
    import ctypes

    try:
        with open("/proc/self/maps", encoding="utf-8") as f:
            libs = sorted({line.split()[-1] for line in f if "openblas" in line.lower() and ".so" in line})
    except OSError:
        return None
    for lib in libs:
        handle = ctypes.CDLL(lib)
        for name in ("scipy_openblas_get_num_threads64_", "scipy_openblas_get_num_threads",
                     "openblas_get_num_threads64_", "openblas_get_num_threads"):
            fn = getattr(handle, name, None)
            if fn is not None:
                fn.restype = ctypes.c_int
                return Path(lib).name, fn()
    return None


def load_file(path, name):
    """A module loaded from a file of tests/components/*/alternatives (the book's code)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def book_parts():
    """reference_parts() with the book's im2col, col2im, Pooling and Relu (the Convolution is the book's already)."""
    from types import SimpleNamespace

    from examprep.capstone.components import reference_parts

    im2col = load_file(COMPONENTS / "im2col" / "alternatives" / "book_layout.py", "book_im2col").im2col
    col2im = load_file(COMPONENTS / "col2im" / "alternatives" / "book_layout.py", "book_col2im").col2im
    pooling = load_file(COMPONENTS / "max_pooling" / "alternatives" / "book_im2col_argmax.py", "book_pooling")
    relu = load_file(COMPONENTS / "relu_layer" / "alternatives" / "book_inplace_backward.py", "book_relu")
    conv = load_file(ROOT / "reference" / "conv.py", "book_conv")   # a private copy whose helpers can be swapped
    for module in (pooling, conv):
        module.im2col, module.col2im = im2col, col2im
    parts = SimpleNamespace(**vars(reference_parts()))
    parts.Convolution, parts.Pooling, parts.Relu = conv.Convolution, pooling.Pooling, relu.Relu
    return parts


class NumpySide:
    """The capstone's ConvNet and Adam, trained one epoch at a time."""

    def __init__(self, label, parts, dtype, x, t, seed):
        import numpy as np

        from examprep.capstone.network import ConvNet

        self.label = label
        self.net = ConvNet(parts, input_shape=(1, 28, 28), n_classes=CLASSES, channels=(16, 32), hidden=100,
                           norm=None, dtype=dtype, rng=np.random.default_rng(seed))
        self.optimizer = parts.Adam(lr=LR)
        self.x, self.t = x.astype(dtype), t
        self.loss = None

    def epoch(self):
        import time

        self.net.timings.clear()
        update = 0.0
        for i in range(0, len(self.x), BATCH):
            self.loss = self.net.loss(self.x[i:i + BATCH], self.t[i:i + BATCH])
            self.net.backward()
            started = time.perf_counter()
            self.optimizer.update(self.net.params, self.net.grads)
            update += time.perf_counter() - started
        return {**self.net.timings, "optimizer": update}


class TorchSide:
    """The same architecture in PyTorch, started from the NumPy network's initial weights."""

    def __init__(self, torch, params, x, t):
        nn = torch.nn
        self.torch = torch
        self.label = "torch"
        self.model = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(32 * 7 * 7, 100), nn.ReLU(), nn.Linear(100, CLASSES))
        with torch.no_grad():
            for layer, (w, b) in zip([self.model[0], self.model[3], self.model[7], self.model[9]],
                                     [("W1", "b1"), ("W2", "b2"), ("W3", "b3"), ("W4", "b4")]):
                weight = params[w] if params[w].ndim == 4 else params[w].T   # Affine's W is (in, out)
                layer.weight.copy_(torch.from_numpy(weight.copy()))
                layer.bias.copy_(torch.from_numpy(params[b].copy()))
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=LR)
        self.criterion = nn.CrossEntropyLoss()
        self.x, self.t = torch.from_numpy(x), torch.from_numpy(t)
        self.loss = None

    def epoch(self):
        for i in range(0, len(self.x), BATCH):
            self.optimizer.zero_grad()
            loss = self.criterion(self.model(self.x[i:i + BATCH]), self.t[i:i + BATCH])
            loss.backward()
            self.optimizer.step()
        self.loss = loss.item()
        return {}


def main(argv=None):
    args = parse_args(argv)
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(args.threads)
    import statistics
    import time

    import numpy as np
    try:
        import torch
    except ImportError:
        print("PyTorch is not installed: this benchmark compares against it (pip install torch, CPU build).")
        return 0
    torch.set_num_threads(args.threads)

    from examprep.capstone.components import reference_parts

    load_before = os.getloadavg()
    rng = np.random.default_rng(args.seed)
    x = rng.standard_normal((args.images, 1, 28, 28)).astype(np.float32)
    t = rng.integers(0, CLASSES, args.images).astype(np.int64)

    numpy_side = NumpySide("numpy", reference_parts(), np.float32, x, t, args.seed)
    sides = [numpy_side, TorchSide(torch, numpy_side.net.params, x, t)]
    if not args.no_book:
        sides.append(NumpySide("book f64", book_parts(), np.float64, x, t, args.seed))

    blas = blas_threads()
    print(f"capstone CNN, one epoch = {args.images // BATCH} steps of batch {BATCH} (28x28, {CLASSES} classes), "
          f"Adam; numpy {np.__version__}, torch {torch.__version__}")
    print(f"threads: numpy BLAS {blas[1] if blas else 'unknown'} ({blas[0] if blas else 'not OpenBLAS?'}), "
          f"torch {torch.get_num_threads()}; pause {args.pause} s between frameworks; "
          f"load average before {load_before[0]:.2f}")

    seconds = {side.label: [] for side in sides}
    cpu = {side.label: [] for side in sides}
    roles = {side.label: {} for side in sides}

    def run(side, timed):
        started, cpu_started = time.perf_counter(), time.process_time()
        timings = side.epoch()
        elapsed = time.perf_counter() - started
        if timed:
            seconds[side.label].append(elapsed)
            cpu[side.label].append(time.process_time() - cpu_started)
            for role, s in timings.items():
                roles[side.label].setdefault(role, []).append(s)
        time.sleep(args.pause)
        return elapsed

    for side in sides:                      # warm-up: caches, thread pools, first allocations
        run(side, timed=False)
    header = f"{'round':<6}" + "".join(f"{side.label:>12}" for side in sides)
    print(header)
    for r in range(args.rounds):
        order = sides if r % 2 == 0 else sides[::-1]
        for side in order:
            run(side, timed=True)
        print(f"{r + 1:<6}" + "".join(f"{seconds[side.label][-1]:>12.3f}" for side in sides))
    med = {label: statistics.median(values) for label, values in seconds.items()}
    print(f"{'median':<6}" + "".join(f"{med[side.label]:>12.3f}" for side in sides) + "   (seconds per epoch)")
    print(f"{'cpu':<6}" + "".join(f"{statistics.median(cpu[side.label]):>12.3f}" for side in sides)
          + "   (CPU seconds per epoch, all threads: far below threads x wall means the machine was busy)")

    best = {label: min(values) for label, values in seconds.items()}
    print(f"{'best':<6}" + "".join(f"{best[side.label]:>12.3f}" for side in sides)
          + "   (fastest epoch: the least disturbed by other work)")

    ratio = med["numpy"] / med["torch"]
    verdict = "aim met" if ratio <= AIM else "target met" if ratio <= TARGET else "target NOT met"
    print(f"ratio numpy / torch: {ratio:.2f} of medians, {best['numpy'] / best['torch']:.2f} of best epochs  "
          f"(target <= {TARGET}, aim <= {AIM}: {verdict} by the medians)")
    if "book f64" in med:
        print(f"ratio book f64 / torch: {med['book f64'] / med['torch']:.2f}; "
              f"book f64 / numpy: {med['book f64'] / med['numpy']:.2f}")
    for side in sides:
        if roles[side.label]:
            parts = ", ".join(f"{role} {statistics.median(v):.3f}" for role, v in roles[side.label].items())
            print(f"{side.label} per component (median s/epoch): {parts}")
    losses = ", ".join(f"{side.label} {side.loss:.3f}" for side in sides)
    print(f"last batch loss: {losses}; load average after {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
