"""The grader's side of the process boundary: the worker, its containment, and the verdicts.

grade_variants() computes the reference's records HERE (they never exist in the learner's
process), starts the worker (examprep.grade.worker: a zygote that forks one child per variant;
on Linux inside namespaces, see examprep.grade.contain), sends each variant's source to a fresh
child, reads the child's raw records as plain data (examprep.grade.wire), and compares them
here with the reference's. An infinite loop, a huge allocation, sys.exit, os._exit, a
segfault, a forged or damaged result, or a killed worker each end in a verdict within bounded
time; the caller never hangs, and Ctrl-C (or any exception) kills the worker at once.
Which containment, and the note when it is off: examprep.grade.containment_mode; what one
run came to (its Failure): examprep.grade.outcome.
"""
import atexit
import json
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field

from examprep.grade.containment_mode import (containment_mode, hidden_paths, protections_off, read_only_checks,
                                             remember_unavailable)
from examprep.grade.outcome import crash_failure, run_failure

DEFAULT_TIME_LIMIT = 10.0   # seconds of wall time per variant
DEFAULT_MEMORY_MB = 1024    # address space of each grading process
STARTUP_ALLOWANCE = 20.0    # starting the worker and importing NumPy
KILL_GRACE = 0.5            # the worker kills a child this long after its time limit
BACKSTOP = 3.0              # ... and must have said so this long after that, or it is killed
MAX_RESULT_BYTES = 128 << 20
EXIT_GRACE = 1.0   # seconds a worker that closed its control socket may take to end (see _Worker._exits_within)
UNSHARE_FLAGS = ["--user", "--map-root-user", "--mount", "--pid", "--fork", "--net", "--kill-child",
                 "--mount-proc"]


@dataclass
class SandboxResult:
    failures: dict                       # variant name -> Failure or None (passed)
    outputs: dict = field(default_factory=dict)
    notes: dict = field(default_factory=dict)         # variant name -> [{ja, en}] advice from the comparison
    checks: dict = field(default_factory=dict)
    elapsed: float = 0.0
    containment: dict = field(default_factory=dict)   # {"mode": "namespaces"|"process", "reason", "off": {ja,en}}


def _child_env():
    env = dict(os.environ)
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env[var] = "1"
    env["PYTHONFAULTHANDLER"] = ""
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONSAFEPATH"] = "1"   # the learner's folder is not put first on the worker's sys.path
    # The worker must import the same examprep as this process.
    paths = [p or os.getcwd() for p in sys.path]
    env["PYTHONPATH"] = os.pathsep.join(paths)
    return env


# --- the worker -----------------------------------------------------------------------------

class _StartFailed(Exception):
    def __init__(self, reason, contained, tail=(), exited=True):
        super().__init__(reason)
        self.contained = contained
        self.tail = list(tail)
        self.exited = exited   # False: still starting at the deadline (a loaded machine, not a missing feature)


class _Worker:
    """A started zygote, importing NumPy, then waiting for its job on the control socket."""

    def __init__(self, mode=None):
        self.mode, self.reason = mode or containment_mode()
        self.control, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        command = [sys.executable, "-m", "examprep.grade.worker", str(theirs.fileno())]
        if self.mode == "namespaces":
            spec = {"hide": hidden_paths(), "check_read_only": read_only_checks()}
            command = [shutil.which("unshare")] + UNSHARE_FLAGS + ["--"] + command + [json.dumps(spec)]
        self.errors = tempfile.TemporaryFile("w+b")
        self.proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=self.errors, pass_fds=(theirs.fileno(),), env=_child_env(),
                                     start_new_session=True)
        theirs.close()
        self.ready = False
        self.started = time.monotonic()

    def wait_ready(self):
        if self.ready:
            return
        event = self._receive(self.started + STARTUP_ALLOWANCE)
        if event is None or event.get("event") != "ready":
            reason = event.get("reason") if event and event.get("event") == "uncontained" else None
            exited = reason is not None or self._exits_within(EXIT_GRACE)
            raise _StartFailed(reason or "the worker did not start", self.mode == "namespaces", self.stderr_tail(),
                               exited=exited)
        self.ready = True

    def _exits_within(self, seconds):
        """Whether the process has ended or ends within seconds: its control socket closes while it exits,
        a moment before the kernel lets it be reaped, so poll() alone can still say it runs."""
        try:
            self.proc.wait(timeout=seconds)
            return True
        except subprocess.TimeoutExpired:
            return False

    def _receive(self, deadline, with_fds=False):
        """The next control message (a dict), or None if the worker is gone or the deadline passed."""
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            ready, _, _ = select.select([self.control], [], [], min(remaining, 1.0))
            if not ready:
                if self.proc.poll() is not None:
                    remaining = 0.05  # drain a last message, if any
                    ready, _, _ = select.select([self.control], [], [], remaining)
                    if not ready:
                        return None
                else:
                    continue
            from examprep.grade import wire

            try:
                event, fds = wire.recv_control(self.control, 4 if with_fds else 0)
            except (OSError, ValueError):
                return None
            if event is None or not isinstance(event, dict):
                for fd in fds:
                    os.close(fd)
                return None
            if fds:
                event["fds"] = fds
            return event

    def stderr_tail(self):
        self.errors.seek(0, os.SEEK_END)
        size = self.errors.tell()
        self.errors.seek(max(0, size - 4096))
        return self.errors.read().decode("utf-8", "replace").strip().splitlines()[-3:]

    def send(self, obj):
        from examprep.grade import wire

        wire.send_control(self.control, obj)

    def run(self, source, time_limit):
        """Grade one source in a fresh child: {"payload", "end", "lost"}."""
        outcome = {"payload": b"", "end": None, "lost": False, "backstop": False, "overflow": False}
        try:
            self.send({"op": "grade", "time_limit": time_limit})
        except OSError:
            outcome["lost"] = True
            return outcome
        started = self._receive(time.monotonic() + BACKSTOP, with_fds=True)
        if started is None or started.get("event") != "started" or len(started.get("fds", [])) != 2:
            for fd in (started or {}).get("fds", []):
                os.close(fd)
            outcome["lost"] = True
            return outcome
        result_r, job_w = started["fds"]
        os.set_blocking(job_w, False)
        to_send = memoryview(source.encode("utf-8"))
        chunks, size = [], 0
        deadline = time.monotonic() + time_limit + KILL_GRACE + BACKSTOP
        try:
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    outcome["lost"] = outcome["backstop"] = True
                    break
                writers = [job_w] if job_w is not None else []
                readers = [self.control] + ([result_r] if result_r is not None else [])
                readable, writable, _ = select.select(readers, writers, [], remaining)
                if writable:
                    try:
                        to_send = to_send[os.write(job_w, to_send[:1 << 16]):]
                    except BrokenPipeError:
                        to_send = to_send[:0]
                    if not to_send:
                        os.close(job_w)
                        job_w = None
                if result_r is not None and result_r in readable:
                    chunk = os.read(result_r, 1 << 20)
                    if not chunk:
                        os.close(result_r)
                        result_r = None
                    elif size + len(chunk) > MAX_RESULT_BYTES:
                        outcome["overflow"] = True
                    else:
                        chunks.append(chunk)
                        size += len(chunk)
                if self.control in readable:
                    event = self._receive(time.monotonic() + 0.1)
                    if event is None or event.get("event") != "end":
                        outcome["lost"] = True
                        break
                    outcome["end"] = event
                    if result_r is not None:  # what the child wrote before it ended
                        os.set_blocking(result_r, False)
                        while size <= MAX_RESULT_BYTES:
                            try:
                                chunk = os.read(result_r, 1 << 20)
                            except BlockingIOError:
                                break
                            if not chunk:
                                break
                            chunks.append(chunk)
                            size += len(chunk)
                        outcome["overflow"] = outcome["overflow"] or size > MAX_RESULT_BYTES
                    break
        finally:
            for fd in (result_r, job_w):
                if fd is not None:
                    os.close(fd)
        outcome["payload"] = b"".join(chunks)
        return outcome

    def discard(self, at_once=False):
        """Stop the worker: it kills whatever its children left and exits; killed outright if it
        does not within a second (or at once, on Ctrl-C). Returns when it is gone."""
        self.control.close()
        if not at_once:
            try:
                self.proc.wait(timeout=1.0)
            except subprocess.TimeoutExpired:
                pass
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
        self.errors.close()


_prestarted = []


def prestart():
    """Start a grading process now, so that it imports numpy while the caller gets the job ready.

    The next grade_variants call uses it. Safe to call more than once.
    """
    if not _prestarted:
        _prestarted.append(_Worker())
        atexit.register(_discard_prestarted)


def _discard_prestarted():
    while _prestarted:
        _prestarted.pop().discard(at_once=True)
    discard_parked()


def _take_worker():
    mode = containment_mode()
    while True:
        with _parked_lock:
            worker = _prestarted.pop() if _prestarted else None
        if worker is None:
            return _Worker(mode)
        if worker.proc.poll() is None and worker.mode == mode[0]:
            return worker
        worker.discard()


_parked = []              # [(job key, worker)], oldest first: clean workers kept for the next grading
_parked_lock = threading.Lock()   # the mock exam proves two problems at a time, each in its own thread
PARK_LIMIT = 2


def _park(key, worker):
    """Keep a clean worker for the next grade_variants call, of this problem or another (_start switches its
    job); the oldest beyond PARK_LIMIT is stopped. All of them are stopped at exit."""
    with _parked_lock:
        _parked.append((key, worker))
        old = _parked[:-PARK_LIMIT]
        del _parked[:-PARK_LIMIT]
    for _, w in old:
        w.discard()


def _unpark(key):
    """A parked worker still running, the one whose job is `key` if any, else the newest: (worker, same job),
    or (None, False)."""
    while True:
        with _parked_lock:
            if not _parked:
                return None, False
            index = next((i for i, (k, _) in enumerate(_parked) if k == key), len(_parked) - 1)
            k, worker = _parked.pop(index)
        if worker.proc.poll() is None and worker.mode == containment_mode()[0]:
            return worker, k == key
        worker.discard(at_once=True)


def discard_parked():
    """Stop the workers kept by grade_variants(keep_worker=True) (none will be needed any more)."""
    with _parked_lock:
        old = list(_parked)
        _parked.clear()
    for _, worker in old:
        worker.discard()   # it exits (and reaps its children) when its control socket closes


atexit.register(discard_parked)


def _start(header):
    """A ready worker with the job sent (a parked one if any, switched to this job if it had another); falls
    back to the process sandbox once if namespaces fail."""
    key = json.dumps(header, sort_keys=True)
    while True:
        parked, same = _unpark(key)
        if parked is None:
            break
        try:
            if not same:
                parked.send(dict(header, op="job"))
            return parked
        except OSError:
            parked.discard(at_once=True)
    worker = _take_worker()
    try:
        worker.wait_ready()
    except _StartFailed as exc:
        worker.discard(at_once=True)
        if not exc.contained or not exc.exited or os.environ.get("EXAMPREP_SANDBOX", "").lower() == "namespaces":
            raise
        remember_unavailable(str(exc) if str(exc) != "the worker did not start"
                              else "; ".join(exc.tail[-1:]) or "unshare failed")
        worker = _Worker(containment_mode())
        try:
            worker.wait_ready()
        except _StartFailed:
            worker.discard(at_once=True)
            raise
    worker.send(header)
    return worker


# --- grading ----------------------------------------------------------------------------------

def grade_variants(problem_file, variants, seed=0, time_limit=DEFAULT_TIME_LIMIT, memory_mb=DEFAULT_MEMORY_MB,
                   on_progress=None, stop_if_first_passes=False, total_time=None, keep_worker=False):
    """Grade [(name, source), ...]; returns a SandboxResult.

    With stop_if_first_passes, the other variants are not graded when the first passes
    (they are left out of the result's failures). With total_time, variants are graded while
    that many seconds remain (each with time_limit, or what remains if less); the rest are
    left out of the result's failures. With keep_worker, the worker (clean: it never runs
    learner code itself) is kept for the next call on the same problem and seed; call
    discard_parked() when there will be none.
    """
    from examprep.grade import grading
    from examprep.problem import catalog

    started = time.monotonic()
    problem = catalog.load_file(problem_file)
    try:
        expected = grading.expected_records(problem, seed)
    except Exception as exc:  # noqa: BLE001 - the reference itself failed: examprep's bug, never the learner's
        result = SandboxResult(failures={})
        _could_not_start(result, variants, _StartFailed(f"the reference failed: {type(exc).__name__}: {exc}", False))
        result.elapsed = time.monotonic() - started
        return result
    result = SandboxResult(failures={}, checks=grading.count_checks(expected))
    header = {"problem_file": str(problem_file), "seed": seed, "time_limit": time_limit, "memory_mb": memory_mb,
              "given": grading.given_sources(problem)}
    worker = None
    try:
        for index, (name, source) in enumerate(variants):
            limit = time_limit
            if total_time is not None:
                limit = min(time_limit, started + total_time - time.monotonic())
                if limit < 1.0:
                    break
            if worker is None:
                try:
                    worker = _start(header)
                except _StartFailed as exc:
                    _could_not_start(result, variants[index:], exc)
                    break
                result.containment = _describe(worker)
            if on_progress:
                on_progress(name)
            outcome = worker.run(source, limit)
            notes = []
            failure, output = run_failure(outcome, expected, limit, notes, problem, seed)
            result.failures[name] = failure
            result.outputs[name] = output
            result.notes[name] = notes
            if outcome["lost"]:
                worker.discard(at_once=True)
                worker = None
            if index == 0 and failure is None and stop_if_first_passes:
                break
    finally:
        if worker is not None:
            if keep_worker and sys.exc_info()[0] is None:
                _park(json.dumps(header, sort_keys=True), worker)
            else:
                worker.discard(at_once=sys.exc_info()[0] is not None)
    result.elapsed = time.monotonic() - started
    return result


def _describe(worker):
    if worker.mode == "namespaces":
        return {"mode": "namespaces", "reason": None, "off": None}
    return {"mode": "process", "reason": worker.reason, "off": protections_off(worker.reason)}


def _could_not_start(result, pending, exc):
    """The worker died before it could grade anything: examprep's fault, not the learner's."""
    tail = exc.tail
    last = tail[-1] if tail else str(exc)
    for name, _ in pending:
        result.failures[name] = crash_failure(
            "internal", "examprep が採点を開始できませんでした (あなたのコードの問題ではありません): " + last,
            "examprep could not start grading (not a problem with your code): " + last, stderr=tail)
