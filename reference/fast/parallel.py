"""Data parallelism inside a layer: a mini-batch split into parts that run at the same time on a small thread pool.

NumPy releases the GIL inside matrix products, ufuncs and copies of large arrays, so two Python threads that each
work on half of a batch keep both cores busy for the whole step (the BLAS library alone would use the second core
for the matrix products only). The BLAS library is limited to one thread while the parts run (see `limit_blas`):
two threads that each start two BLAS threads would fight over two cores.

    run(fn, n, work)  calls fn(lo, hi) for the parts [lo, hi) of range(n), concurrently; returns their results in
                      order. Work below MIN_WORK (elements touched) runs as one part: a thread hand-over costs
                      tens of microseconds.
    set_threads(k)    the number of parts (default: 2, or 1 on a single core).

A part may itself call run (a whole network's forward on its half of the batch, whose layers split their work):
inside a part, run calls fn once, unsplit, in the calling thread: the cores are already busy.
"""
import contextlib
import ctypes
import os
import signal
import threading

MIN_WORK = 200_000          # elements; below this a layer runs unsplit
_threads = min(2, os.cpu_count() or 1)
_workers = []
_blas_limited = False
_local = threading.local()      # .inside: this thread is running a part


class _Worker(threading.Thread):
    """A daemon thread that runs one job at a time, handed over through two locks (about half the hand-over time
    of concurrent.futures, which matters at some twenty hand-overs per training step)."""

    def __init__(self):
        super().__init__(daemon=True, name="reference.fast")
        self._go = threading.Lock()
        self._go.acquire()
        self._done = threading.Lock()
        self._done.acquire()
        self._job = self._result = self._error = None

    def run(self):
        while True:
            self._go.acquire()
            try:
                self._result, self._error = self._job(), None
            except BaseException as exc:        # handed to the caller of join_job
                self._result, self._error = None, exc
            self._done.release()

    def start_job(self, job):
        self._job = job
        self._go.release()

    def join_job(self):
        """(result, exception or None) of the job started last; waits for it. Called with Ctrl-C deferred (run):
        a KeyboardInterrupt raised just after acquire() returned would leave the lock taken and the job's end
        unrecorded, and the next wait would never end."""
        self._done.acquire()
        self._job = None
        return self._result, self._error


def _forget_workers():
    """In a forked child the workers' threads do not exist: start new ones when needed."""
    global _blas_limited
    _workers.clear()
    _blas_limited = False


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_workers)


def set_threads(k):
    """Use k parts (threads) from now on; 1 runs every layer in the calling thread."""
    global _threads
    _threads = max(1, int(k))


def get_threads():
    return _threads


def split(n, k=None):
    """[(lo, hi), ...]: range(n) in k nearly equal parts (fewer when n < k)."""
    k = max(1, min(k or _threads, n))
    bounds = [n * i // k for i in range(k + 1)]
    return list(zip(bounds[:-1], bounds[1:]))


def run(fn, n, work=None):
    """[fn(lo, hi) for each part of range(n)], the parts run concurrently (the first in the calling thread).

    work: the number of array elements the call touches; below MIN_WORK it runs as a single part. Every part has
    finished when run returns, also when one of them raised (the first exception is re-raised)."""
    parts = split(n) if (work is None or work >= MIN_WORK) and not getattr(_local, "inside", False) else [(0, n)]
    if len(parts) == 1:
        return [fn(0, n)]
    if not _blas_limited:
        limit_blas()
    while len(_workers) < len(parts) - 1:
        worker = _Worker()
        worker.start()
        _workers.append(worker)
    used = _workers[:len(parts) - 1]
    with ctrl_c_deferred():   # a part takes milliseconds; Ctrl-C is delivered when every part has finished
        for worker, (lo, hi) in zip(used, parts[1:]):
            worker.start_job(lambda lo=lo, hi=hi: _as_part(fn, lo, hi))
        try:
            first = _as_part(fn, *parts[0])
        finally:
            others = [worker.join_job() for worker in used]   # every part has finished before anything is re-raised
    for _, exc in others:
        if exc is not None:
            raise exc
    return [first] + [result for result, _ in others]


@contextlib.contextmanager
def ctrl_c_deferred():
    """Within it, a Ctrl-C (SIGINT) is only recorded; on leaving, the handler that was installed gets it (Python's
    default raises KeyboardInterrupt there). Python runs signal handlers in the main thread between any two
    bytecodes, so catching KeyboardInterrupt around a lock cannot tell whether the lock was taken: the hand-over
    of run() is kept whole instead. Elsewhere than in the main thread, or where no Python handler is installed,
    nothing changes (no KeyboardInterrupt can arise there)."""
    previous = signal.getsignal(signal.SIGINT) if threading.current_thread() is threading.main_thread() else None
    if not callable(previous):
        yield
        return
    caught = []
    signal.signal(signal.SIGINT, lambda signum, frame: caught.append(frame))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if caught:
            previous(signal.SIGINT, caught[0])


@contextlib.contextmanager
def unsplit():
    """Within it, run() calls in this thread run unsplit (this thread is already one part of the work)."""
    outer = getattr(_local, "inside", False)
    _local.inside = True
    try:
        yield
    finally:
        _local.inside = outer


def _as_part(fn, lo, hi):
    """fn(lo, hi) with this thread marked as running a part (a nested run stays in it, unsplit)."""
    with unsplit():
        return fn(lo, hi)


# --- the BLAS library's own threads ----------------------------------------------------------------------------------

_BLAS_SET = ("scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads", "openblas_set_num_threads64_",
             "openblas_set_num_threads")
_BLAS_GET = ("scipy_openblas_get_num_threads64_", "scipy_openblas_get_num_threads", "openblas_get_num_threads64_",
             "openblas_get_num_threads")
_BLAS_CORE = ("scipy_openblas_get_corename64_", "scipy_openblas_get_corename", "openblas_get_corename64_",
              "openblas_get_corename")


def _openblas():
    """(path, ctypes handle) of the OpenBLAS that numpy loaded, or None (another BLAS, or not Linux)."""
    import numpy  # noqa: F401  (loads the library)

    try:
        with open("/proc/self/maps", encoding="utf-8") as f:
            libs = sorted({line.split()[-1] for line in f if "openblas" in line.lower() and ".so" in line})
    except OSError:
        return None
    for lib in libs:
        try:
            handle = ctypes.CDLL(lib)
        except OSError:
            continue
        if any(hasattr(handle, name) for name in _BLAS_SET):
            return lib, handle
    return None


def _symbol(handle, names):
    for name in names:
        fn = getattr(handle, name, None)
        if fn is not None:
            return fn
    return None


def blas_info():
    """{"library", "threads", "kernel"} of numpy's BLAS as far as it can be read (threadpoolctl when installed,
    else OpenBLAS's own functions); {} when unknown."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        threadpool_info = None
    if threadpool_info is not None:
        for entry in threadpool_info():
            if entry.get("user_api") == "blas":
                return {"library": os.path.basename(entry.get("filepath", "")), "threads": entry.get("num_threads"),
                        "kernel": entry.get("architecture")}
    found = _openblas()
    if found is None:
        return {}
    lib, handle = found
    info = {"library": os.path.basename(lib)}
    get = _symbol(handle, _BLAS_GET)
    if get is not None:
        get.restype = ctypes.c_int
        info["threads"] = get()
    core = _symbol(handle, _BLAS_CORE)
    if core is not None:
        core.restype = ctypes.c_char_p
        info["kernel"] = core().decode()
    return info


def set_blas_threads(k):
    """Set numpy's BLAS threads (OpenBLAS; threadpoolctl's limit when installed). False when it cannot be set; then
    OPENBLAS_NUM_THREADS=1 in the environment before Python starts does the same."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        threadpool_limits = None
    if threadpool_limits is not None:
        threadpool_limits(limits=int(k), user_api="blas")
        return True
    found = _openblas()
    if found is None:
        return False
    fn = _symbol(found[1], _BLAS_SET)
    fn.argtypes = [ctypes.c_int]
    fn(int(k))
    return True


def limit_blas():
    """One BLAS thread per part, for the rest of the process (called by the first split run)."""
    global _blas_limited
    _blas_limited = True
    set_blas_threads(1)


def unlimit_blas(k):
    """Give BLAS k threads again (for code that runs unsplit afterwards, e.g. a benchmark's other side)."""
    global _blas_limited
    set_blas_threads(k)
    _blas_limited = False
