"""Replica processes: a training step's batch split across worker processes, as PyTorch's DistributedDataParallel.

Why processes: NumPy releases the GIL inside each call, but two threads of one process hand the GIL back and forth
at every call, and the capstone's layers make hundreds of calls a step on arrays of 10⁴–10⁵ numbers (measured here:
two threads each multiplying 150,000 floats 4,000 times ran only 1.27× faster than one thread doing both halves,
and 15,000-float calls ran 2.3× slower; two processes doing the same run 1.9× faster). A process has its own GIL.

How: the network's parameters live in shared memory (`shared_array`, an anonymous shared mapping inherited by the
forked workers), so the optimizer's in-place updates in the main process are what every worker's layers read at the
next step. Worker i is a fork of the main process at the first split step: its copy of the network's layers is its
replica. Each step the main process sends worker i its part of the batch and the part's share of the whole batch;
the worker runs forward and the loss, sends (loss, scores) back, runs backward with its upstream gradient scaled by
its share, and writes its parameter gradients into its own shared gradient arrays. The main process runs part 0
itself meanwhile and sums the gradients: the whole batch's step, up to float rounding.

Only for the fast forms of reference/fast/ without BatchNorm or Dropout (ConvNet.replicable); needs os.fork (Linux,
macOS); elsewhere ConvNet runs its thread replicas. A worker ignores Ctrl-C (the main process handles it and the
workers end when it does: their pipe closes).
"""
import mmap
import os
import signal
import traceback
import weakref

import numpy as np


def shared_array(shape, dtype):
    """A zeroed array in memory shared with processes forked later (MAP_SHARED | MAP_ANONYMOUS)."""
    dtype = np.dtype(dtype)
    count = int(np.prod(shape, dtype=np.int64))
    buffer = mmap.mmap(-1, max(count * dtype.itemsize, 1))
    return np.frombuffer(buffer, dtype=dtype, count=count).reshape(shape)


def available():
    return hasattr(os, "fork")


class WorkerError(RuntimeError):
    """A replica process failed; the message carries its traceback."""


class Replicas:
    """Worker processes 1..k-1 of a ConvNet whose parameters are shared arrays."""

    def __init__(self, net, workers):
        import multiprocessing

        ctx = multiprocessing.get_context("fork")
        self._inherited_mb = proc_status_mib("self", "VmRSS")   # a fork starts out mapping these pages (shared)
        self.grads = []          # per worker: {key: shared array}
        self.conns = []
        self.processes = []
        for _ in range(workers):
            grads = {key: shared_array(p.shape, p.dtype) for key, p in net.params.items()}
            ours, theirs = ctx.Pipe()
            process = ctx.Process(target=_serve, args=(net, theirs, grads), daemon=True,
                                  name="examprep-capstone-replica")
            process.start()
            theirs.close()
            self.grads.append(grads)
            self.conns.append(ours)
            self.processes.append(process)
        self.step = 0            # the step in progress: messages of an earlier, interrupted step are skipped
        self._finalizer = weakref.finalize(self, _close, list(self.conns), list(self.processes))

    def __len__(self):
        return len(self.processes)

    def begin(self):
        """A new step: answers still on their way from an earlier one (interrupted by Ctrl-C in a notebook, say)
        will be skipped."""
        self.step += 1

    def start(self, i, x, t, share):
        """Worker i (0-based) begins the step on (x, t); share: its part's fraction of the batch."""
        self.conns[i].send((self.step, x, t, share))

    def loss(self, i):
        """(loss, scores) of worker i's part."""
        return self._receive(i, "loss")

    def gradients(self, i):
        """Worker i's parameter gradients, once its backward has finished (shared arrays: read them before the next
        step)."""
        self._receive(i, "grads")
        return self.grads[i]

    def _receive(self, i, expected):
        while True:
            try:
                step, kind, *payload = self.conns[i].recv()
            except EOFError:
                raise WorkerError(f"replica process {i + 1} ended unexpectedly") from None
            if step != self.step:
                continue
            if kind == "error":
                raise WorkerError(f"replica process {i + 1} failed:\n{payload[0]}")
            if kind == expected:
                return payload

    def cpu_seconds(self):
        """CPU seconds the workers have used so far (user + system; Linux's /proc), or None where unknown."""
        total = 0.0
        for process in self.processes:
            try:
                with open(f"/proc/{process.pid}/stat", encoding="ascii") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                return None
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        return total

    def peak_rss_mb(self):
        """The workers' peak memory of their own (MiB; Linux's /proc), 0 where unknown: each one's peak RSS less the
        pages it mapped from the main process at the fork (shared, already counted there)."""
        total = 0.0
        for process in self.processes:
            peak = proc_status_mib(process.pid, "VmHWM")
            total += max(0.0, peak - self._inherited_mb) if peak else 0.0
        return total

    def close(self):
        self._finalizer()


def proc_status_mib(pid, field):
    """A memory figure of Linux's /proc/<pid>/status in MiB, 0.0 where there is none (no /proc, no such process or
    field).

    pid: a process id or "self"; field: the line's name without its colon, e.g. "VmHWM" (peak RSS) or "VmRSS".
    The file gives these figures in kB (KiB).
    """
    prefix = f"{field}:"
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            return next(int(line.split()[1]) for line in f if line.startswith(prefix)) / 1024
    except (OSError, StopIteration, ValueError, IndexError):
        return 0.0


def _close(conns, processes):
    for conn in conns:
        try:
            conn.close()
        except OSError:
            pass
    for process in processes:
        process.join(timeout=2)
        if process.is_alive():
            process.terminate()


def _serve(net, conn, grads):
    """A worker's loop: one step per message until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from reference.fast import parallel

    parallel.set_threads(1)          # this process is one part; its layers run unsplit
    parallel.set_blas_threads(1)     # and its matrix products on one BLAS thread
    while True:
        try:
            step, x, t, share = conn.recv()
        except (EOFError, OSError):
            return
        try:
            scores = net._forward(net.layers, x, True)
            value = net._loss_value(net._call(net.last, "forward", net.last.layer.forward, scores, t))
            conn.send((step, "loss", value, scores))
            for key, g in net._backward(net.layers, net.last, scale=share).items():
                np.copyto(grads[key], g, casting="same_kind")
            conn.send((step, "grads"))
        except (EOFError, OSError, BrokenPipeError):
            return
        except BaseException:  # reported to the main process, which raises it there
            try:
                conn.send((step, "error", traceback.format_exc()))
            except (OSError, BrokenPipeError):
                return
