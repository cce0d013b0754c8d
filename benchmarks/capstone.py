"""Seconds per training epoch of the capstone's CNN: the fast forms, the book's forms and PyTorch (CPU), one process.

    python benchmarks/capstone.py [--rounds 5] [--no-book] [--threads 1,2] [--images 3000,30000] [--norms none,bn]
                                  [--pause 0.5] [--no-memory]

For the benchmark, run it with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (`env -u OPENBLAS_CORETYPE
-u OPENBLAS_L2_SIZE python benchmarks/capstone.py ...`) where the machine sets them: they pin an older OpenBLAS
kernel. The kernel numpy runs is printed (threadpoolctl when installed, else OpenBLAS's own get_corename).

The network is the capstone's own (examprep.capstone.network.ConvNet, float32): conv3x3 16 pad 1 - [BN] - ReLU -
maxpool 2 - conv3x3 32 pad 1 - [BN] - ReLU - maxpool 2 - affine 100 - [BN] - ReLU - affine 15 - softmax with cross
entropy, Adam (lr 0.001), batch 100. Sides:
  fast   reference_parts(): reference/fast/ (channels-last layers, ReLU after pooling, no gradient for the images,
         BLAS at 1 thread per part), what `examprep capstone` trains with. Each batch is split into --threads parts:
         without normalisation the parts run in replica processes (examprep/capstone/replicas.py: the whole network
         on each part, gradients summed), with BatchNorm on threads inside each layer (BN needs the whole batch's
         statistics). Its cpu figure includes the replica processes' CPU time (Linux /proc).
  book   book_parts(): the drills' book forms of reference/ (one part, BLAS with --threads threads); only at the
         smallest image count (an epoch of 30,000 images in the book's form takes minutes); --no-book leaves it out
  torch  the same architecture in PyTorch (nn.Conv2d, nn.BatchNorm2d / nn.BatchNorm1d with the book's epsilon,
         nn.MaxPool2d, nn.Linear, CrossEntropyLoss, torch.optim.Adam) from the same initial weights,
         torch.set_num_threads(--threads)
Configurations: every norm (none, bn) x threads x image count. Data: katakana15's 3,000 training images; 30,000 are
the 3,000 and 9 augmented copies of them (random shifts and rotations, examprep.capstone.augment), made once.

An epoch is images / 100 steps of forward, backward and update in a fixed order (no shuffling, no evaluation).
Each round runs one epoch of every side in every configuration, the sides' order alternating from round to round,
with --pause seconds between sides (worker threads of the previous side stop spinning). One warm-up epoch per side,
norm and thread count is not counted.

Prints every round, then per configuration the median and fastest epoch of each side and the ratios; the line
`ratio numpy / torch: R of medians` is the fast forms against PyTorch for the network without normalisation at the
largest thread count and the smallest image count, with the BatchNorm network's ratio beside it. Then the fast
side's median time per component role, the median CPU seconds per epoch of each side, and peak memory: the peak RSS of a fresh process (`--memory-child`) that
loads the data and trains one epoch of one side (plus its replica processes' own peaks: their peak RSS less the
pages they mapped from it at the fork), per side, norm and image count at the largest thread count
(--no-memory skips it). The load average before and after is printed: other work on the machine changes every
figure; on a busy Linux machine, run it at real-time priority (`chrt -f 50 python benchmarks/capstone.py ...`, as
root), which the verdict then says. The exit status is 0 either way (figures are printed, not asserted).
"""
import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

BATCH, LR, BN_EPS = 100, 0.001, 10e-7
TARGET, BN_AIM = 1.2, 1.5
NORMS = {"none": None, "bn": "batchnorm"}


def int_list(text):
    return [int(v) for v in text.split(",") if v.strip()]


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=5, help="timed epochs per side and configuration (default 5)")
    ap.add_argument("--threads", type=int_list, default=[1, 2], help="thread counts, e.g. 1,2 (default)")
    ap.add_argument("--images", type=int_list, default=[3000, 30000], help="images per epoch (default 3000,30000)")
    ap.add_argument("--norms", default="none,bn", help="none, bn or both (default none,bn)")
    ap.add_argument("--pause", type=float, default=0.5, help="seconds of pause between sides (default 0.5)")
    ap.add_argument("--no-book", action="store_true", help="leave out the book's forms")
    ap.add_argument("--no-memory", action="store_true", help="skip the peak-memory processes")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--memory-child", nargs=4, metavar=("SIDE", "NORM", "IMAGES", "THREADS"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    args.norms = [n for n in args.norms.split(",") if n]
    if not set(args.norms) <= set(NORMS) or not args.threads or not args.images or args.rounds < 1:
        ap.error("--norms takes none and/or bn; --threads, --images and --rounds need values")
    return args


def images(n, seed):
    """(x (n, 1, 28, 28) float32, t (n,) int64): katakana15's training images, tiled with augmented copies."""
    import numpy as np

    from examprep.capstone import data

    ds = data.load("katakana15", progress=False)
    rng = np.random.default_rng(seed)
    xs, ts = [ds.x_train], [ds.t_train]
    while sum(len(t) for t in ts) < n:
        xs.append(data.augment(ds.x_train, rng))
        ts.append(ds.t_train)
    return np.concatenate(xs)[:n].astype(np.float32), np.concatenate(ts)[:n].astype(np.int64)


class NumpySide:
    """The capstone's ConvNet and Adam from one Parts namespace, trained one epoch at a time."""

    def __init__(self, label, parts, norm, seed):
        import numpy as np

        from examprep.capstone.network import ConvNet

        self.label, self.norm = label, norm
        self.fast = getattr(parts, "fast", False)
        self.net = ConvNet(parts, input_shape=(1, 28, 28), n_classes=15, channels=(16, 32), hidden=100,
                           norm=NORMS[norm], dtype=np.float32, rng=np.random.default_rng(seed))
        self.optimizer = parts.Adam(lr=LR)
        self.loss = None

    def worker_cpu(self):
        """CPU seconds used so far by the network's replica processes (0 when it has none)."""
        processes = getattr(self.net, "_processes", None)
        return (processes.cpu_seconds() or 0.0) if processes is not None else 0.0

    def set_threads(self, k):
        from reference.fast import parallel

        if self.fast:
            parallel.set_threads(k)
            parallel.limit_blas()          # one BLAS thread per part
        else:
            parallel.unlimit_blas(k)       # the book's forms run unsplit: BLAS gets the threads

    def epoch(self, x, t):
        import time

        self.net.timings.clear()
        update = 0.0
        for i in range(0, len(x), BATCH):
            self.loss = self.net.loss(x[i:i + BATCH], t[i:i + BATCH])
            self.net.backward()
            started = time.perf_counter()
            self.optimizer.update(self.net.params, self.net.grads)
            update += time.perf_counter() - started
        return {**self.net.timings, "optimizer": update}


class TorchSide:
    """The same architecture in PyTorch, started from the NumPy network's initial weights."""

    def __init__(self, torch, params, norm):
        nn = torch.nn
        self.torch, self.label, self.norm = torch, "torch", norm
        bn = norm == "bn"

        def block(c_in, c_out):
            return [nn.Conv2d(c_in, c_out, 3, padding=1)] + ([nn.BatchNorm2d(c_out, eps=BN_EPS)] if bn else []) \
                + [nn.ReLU(), nn.MaxPool2d(2)]

        layers = block(1, 16) + block(16, 32) + [nn.Flatten(), nn.Linear(32 * 7 * 7, 100)] \
            + ([nn.BatchNorm1d(100, eps=BN_EPS)] if bn else []) + [nn.ReLU(), nn.Linear(100, 15)]
        self.model = nn.Sequential(*layers)
        weighted = [m for m in self.model if isinstance(m, (nn.Conv2d, nn.Linear))]
        with torch.no_grad():
            for i, layer in enumerate(weighted, start=1):
                w = params[f"W{i}"] if params[f"W{i}"].ndim == 4 else params[f"W{i}"].T   # Affine's W is (in, out)
                layer.weight.copy_(torch.from_numpy(w.copy()))
                layer.bias.copy_(torch.from_numpy(params[f"b{i}"].copy()))
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=LR)
        self.criterion = nn.CrossEntropyLoss()
        self.loss = None

    def set_threads(self, k):
        self.torch.set_num_threads(k)

    def epoch(self, x, t):
        x, t = self.torch.from_numpy(x), self.torch.from_numpy(t)
        for i in range(0, len(x), BATCH):
            self.optimizer.zero_grad()
            loss = self.criterion(self.model(x[i:i + BATCH]), t[i:i + BATCH])
            loss.backward()
            self.optimizer.step()
        self.loss = loss.item()
        return {}


def make_side(label, norm, seed, torch=None):
    from examprep.capstone.components import book_parts, reference_parts

    if label == "torch":
        return TorchSide(torch, NumpySide("fast", reference_parts(), norm, seed).net.params, norm)
    return NumpySide(label, reference_parts() if label == "fast" else book_parts(), norm, seed)


def memory_child(side, norm, n_images, threads, seed):
    """One epoch of one side in this fresh process; prints its peak RSS in MiB (with its replica processes')."""
    torch = None
    if side == "torch":
        import torch
    x, t = images(n_images, seed)
    s = make_side(side, norm, seed, torch)
    s.set_threads(threads)
    s.epoch(x, t)
    processes = getattr(getattr(s, "net", None), "_processes", None)
    workers = processes.peak_rss_mb() if processes is not None else 0.0
    print(high_water_mib() + workers)
    return 0


def high_water_mib():
    """This process's peak RSS in MiB: VmHWM of /proc/self/status where there is one, else ru_maxrss. Linux's
    ru_maxrss of a process started by fork and exec also counts the parent's RSS at the fork (the benchmark's parent
    holds PyTorch and the data: every child then read 472 MiB)."""
    import resource

    from examprep.capstone.replicas import proc_status_mib

    return proc_status_mib("self", "VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_memory(args, sides):
    import subprocess

    results = {}
    threads = max(args.threads)
    for n in args.images:
        for norm in args.norms:
            for side in sides:
                if side == "book" and n != min(args.images):
                    continue
                proc = subprocess.run([sys.executable, __file__, "--memory-child", side, norm, str(n), str(threads)],
                                      capture_output=True, text=True)
                value = proc.stdout.strip().splitlines()[-1] if proc.returncode == 0 and proc.stdout.strip() else None
                results[(side, norm, n)] = float(value) if value else None
    return results


def realtime_priority():
    """True when this process runs under a real-time scheduling policy (`chrt -f 50 python ...`): then other
    processes cannot take the cores from it, and its figures stand on a busy machine too (both sides inherit it)."""
    try:
        return os.sched_getscheduler(0) in (os.SCHED_FIFO, os.SCHED_RR)
    except (AttributeError, OSError):
        return False


def main(argv=None):
    args = parse_args(argv)
    if args.memory_child:
        side, norm, n, threads = args.memory_child
        for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ[var] = threads
        return memory_child(side, norm, int(n), int(threads), args.seed)
    most = max(args.threads)
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(most)           # the most any side may use; each side sets its own count
    import statistics
    import time

    import numpy as np
    try:
        import torch
    except ImportError:
        print("PyTorch is not installed: this benchmark compares against it (pip install torch, CPU build).")
        return 0

    from reference.fast import parallel

    load_before = os.getloadavg()
    data = {n: images(n, args.seed) for n in sorted(set(args.images))}
    labels = ["fast", "torch"] + ([] if args.no_book else ["book"])
    sides = {(label, norm): make_side(label, norm, args.seed, torch) for label in labels for norm in args.norms}
    blas = parallel.blas_info()
    print(f"capstone CNN, batch {BATCH}, Adam, float32; numpy {np.__version__}, torch {torch.__version__}; "
          f"images {', '.join(f'{n:,}' for n in args.images)}; threads {args.threads}; rounds {args.rounds}")
    print(f"numpy BLAS: {blas.get('library', 'unknown')}, kernel {blas.get('kernel', 'unknown')} "
          f"(OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', 'unset')}, "
          f"OPENBLAS_L2_SIZE={os.environ.get('OPENBLAS_L2_SIZE', 'unset')}); torch CPU capability "
          f"{torch.backends.cpu.get_cpu_capability()}")
    print(f"load average before: {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}; "
          f"pause {args.pause} s between sides")

    configs = [(norm, k, n) for norm in args.norms for k in args.threads for n in args.images]
    seconds = {(label, c): [] for label in labels for c in configs}
    cpu = {(label, c): [] for label in labels for c in configs}
    roles = {}

    def run(label, config, timed):
        norm, k, n = config
        side = sides[(label, norm)]
        side.set_threads(k)
        workers = getattr(side, "worker_cpu", lambda: 0.0)
        started, cpu_started = time.perf_counter(), time.process_time() + workers()
        timings = side.epoch(*data[n])
        elapsed = time.perf_counter() - started
        if timed:
            seconds[(label, config)].append(elapsed)
            cpu[(label, config)].append(time.process_time() + workers() - cpu_started)
            for role, s in timings.items():
                roles.setdefault((label, config), {}).setdefault(role, []).append(s)
        time.sleep(args.pause)

    small = min(args.images)
    for norm in args.norms:                     # warm-up: caches, thread pools, work arrays
        for k in args.threads:
            for label in labels:
                run(label, (norm, k, small), timed=False)

    def active(label, config):
        return label != "book" or config[2] == small

    for r in range(args.rounds):
        order = labels if r % 2 == 0 else labels[::-1]
        for config in configs:
            for label in order:
                if active(label, config):
                    run(label, config, timed=True)
        cells = []
        for config in configs:
            norm, k, n = config
            cells.append(f"{norm}/{k}t/{n}: " + " ".join(f"{label} {seconds[(label, config)][-1]:.2f}"
                                                           for label in labels if active(label, config)))
        print(f"round {r + 1}: " + "; ".join(cells), flush=True)

    print(f"\n{'norm':<5}{'threads':>8}{'images':>8}" + "".join(f"{label + ' med':>11}{'best':>7}" for label in labels)
          + f"{'fast/torch':>12}{'(best)':>8}" + ("" if args.no_book else f"{'book/torch':>12}")
          + "".join(f"{label + ' cpu':>10}" for label in labels))
    ratios = {}
    for config in configs:
        norm, k, n = config
        med = {label: statistics.median(seconds[(label, config)]) for label in labels if active(label, config)}
        best = {label: min(seconds[(label, config)]) for label in labels if active(label, config)}
        ratios[config] = med["fast"] / med["torch"]
        row = f"{norm:<5}{k:>8}{n:>8}"
        for label in labels:
            row += f"{med[label]:>11.3f}{best[label]:>7.3f}" if label in med else f"{'-':>11}{'-':>7}"
        row += f"{ratios[config]:>12.2f}{best['fast'] / best['torch']:>8.2f}"
        if "book" in med:
            row += f"{med['book'] / med['torch']:>12.2f}"
        elif not args.no_book:
            row += f"{'-':>12}"
        for label in labels:
            row += f"{statistics.median(cpu[(label, config)]):>10.3f}" if label in med else f"{'-':>10}"
        print(row)
    print("(seconds per epoch: median and fastest of the rounds; ratios of medians, (best) of fastest epochs; cpu: "
          "median CPU seconds of the process per epoch, all threads, spinning included: a busy machine shows as "
          "cpu far below threads x wall)")

    head = ("none", most, small)
    bn = ratios.get(("bn", most, small))
    load_after = os.getloadavg()
    cores = os.cpu_count() or 1
    busy = load_before[0] > 1.0 or load_after[0] > cores + 1.0     # this benchmark itself adds up to `cores`
    realtime = realtime_priority()
    if head in ratios:
        verdict = "met" if ratios[head] <= TARGET else "NOT met"
        if realtime:
            verdict += (f" (run at real-time priority, `chrt -f`: the other work on the machine, load "
                        f"{load_before[0]:.1f}, could not take the cores from either side)")
        elif busy:
            verdict = (f"not judged: the machine was busy (load {load_before[0]:.1f} before, {load_after[0]:.1f} "
                       f"after, {cores} cores), and PyTorch's threads wait badly on a busy machine")
        bn_text = f"; with BatchNorm: {bn:.2f} of medians" if bn is not None else ""
        print(f"ratio numpy / torch: {ratios[head]:.2f} of medians{bn_text}  (fast forms / PyTorch, {most} threads, "
              f"{small:,} images; target <= {TARGET} without normalisation: {verdict}; aim <= {BN_AIM} with "
              f"BatchNorm)")
    for config in [c for c in configs if c[1] == most and c[2] == small]:
        parts = roles.get(("fast", config), {})
        text = ", ".join(f"{role} {statistics.median(v):.3f}" for role, v in parts.items())
        print(f"fast per component, {config[0]}, {most} threads (median s/epoch): {text}")
    losses = ", ".join(f"{label}/{norm} {sides[(label, norm)].loss:.3f}" for label, norm in sides)
    after = load_after
    print(f"last batch loss: {losses}\nload average after: {after[0]:.2f} {after[1]:.2f} {after[2]:.2f}")
    if not args.no_memory:
        memory = peak_memory(args, labels)
        print(f"peak RSS of one epoch in a fresh process ({most} threads, MiB):")
        for (label, norm, n), mib in memory.items():
            print(f"  {label:<6}{norm:<5}{n:>7,} images: {'failed' if mib is None else f'{mib:.0f}'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
