"""Running the grader in a separate process with a wall-time and a memory limit.

An infinite loop, a huge allocation, sys.exit, os._exit, a segfault, a syntax error
or a missing target each end in a verdict within bounded time; the caller never
hangs. Variants (the whole answer, then each blank on its own) are graded in one
process; if that process dies, the variant it was on gets a verdict saying how, and
the remaining variants continue in a new process.
"""
import json
import os
import re
import select
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field

from examprep.grade.kinds import ANSWER_FILENAME

DEFAULT_TIME_LIMIT = 10.0   # seconds of wall time per variant
DEFAULT_MEMORY_MB = 1024    # address space of the grading process
STARTUP_ALLOWANCE = 20.0    # importing numpy and computing the reference's records


@dataclass
class SandboxResult:
    failures: dict                       # variant name -> failure dict or None (passed)
    outputs: dict = field(default_factory=dict)
    checks: dict = field(default_factory=dict)
    elapsed: float = 0.0


def _crash_failure(check, ja, en, **details):
    return {"ok": False, "check": check, "stage": "run", "case": None, "dtype": None, "what": None,
            "ja": ja, "en": en, "details": details, "context": {}}


def _where_stuck(hang_text):
    """The learner's line a timed-out process was on, from faulthandler's dump."""
    lines = re.findall(r'File "' + re.escape(ANSWER_FILENAME) + r'", line (\d+) in (\S+)', hang_text)
    if not lines:
        return None
    # faulthandler lists the most recent call first.
    line, function = lines[0]
    return int(line), function


def _child_env():
    env = dict(os.environ)
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env[var] = "1"
    env["PYTHONFAULTHANDLER"] = ""
    # The worker must import the same examprep and reference as this process.
    paths = [p for p in sys.path if p]
    env["PYTHONPATH"] = os.pathsep.join(paths)
    return env


def grade_variants(problem_file, variants, seed=0, time_limit=DEFAULT_TIME_LIMIT, memory_mb=DEFAULT_MEMORY_MB,
                   on_progress=None, stop_if_first_passes=False):
    """Grade [(name, source), ...]; returns a SandboxResult.

    With stop_if_first_passes, the other variants are not graded when the first
    passes (they are left out of the result's failures).
    """
    started = time.monotonic()
    pending = list(variants)
    result = SandboxResult(failures={})
    while pending:
        _run_batch(problem_file, pending, seed, time_limit, memory_mb, result, on_progress,
                   stop_if_first_passes and len(pending) == len(variants))
        if stop_if_first_passes and variants and result.failures.get(variants[0][0], "pending") is None:
            break
    result.elapsed = time.monotonic() - started
    return result


class _Worker:
    """A started grading process, waiting for its job on standard input."""

    def __init__(self):
        self.read_fd, write_fd = os.pipe()
        with tempfile.NamedTemporaryFile("w+", prefix="examprep-hang-", suffix=".txt", delete=False) as hang:
            self.hang_path = hang.name
        self.errors = tempfile.TemporaryFile("w+b")
        self.proc = subprocess.Popen([sys.executable, "-m", "examprep.grade.worker", str(write_fd), self.hang_path],
                                     stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=self.errors,
                                     pass_fds=(write_fd,), env=_child_env(), start_new_session=True)
        os.close(write_fd)

    def discard(self):
        _kill(self.proc)
        _finish(self.proc)
        os.close(self.read_fd)
        os.unlink(self.hang_path)
        self.errors.close()


_prestarted = []


def prestart():
    """Start a grading process now, so that it imports numpy while the caller gets the job ready.

    The next grade_variants call uses it. Safe to call more than once.
    """
    if not _prestarted:
        import atexit

        _prestarted.append(_Worker())
        atexit.register(_discard_prestarted)


def _discard_prestarted():
    while _prestarted:
        _prestarted.pop().discard()


def _take_worker():
    if _prestarted:
        worker = _prestarted.pop()
        if worker.proc.poll() is None:
            return worker
        worker.discard()
    return _Worker()


def _run_batch(problem_file, pending, seed, time_limit, memory_mb, result, on_progress, stop=False):
    job = {"problem_file": str(problem_file), "seed": seed, "time_limit": time_limit, "memory_mb": memory_mb,
           "cpu_seconds": int(time_limit * len(pending) + STARTUP_ALLOWANCE), "stop_if_first_passes": stop,
           "variants": [{"name": n, "source": s} for n, s in pending]}
    worker = _take_worker()
    proc, read_fd, hang_path, errors = worker.proc, worker.read_fd, worker.hang_path, worker.errors
    try:
        try:
            proc.stdin.write(json.dumps(job).encode())
            proc.stdin.close()
        except BrokenPipeError:
            pass
        current, events = _read_events(read_fd, proc, time_limit, len(pending), result, pending, on_progress)
        _finish(proc)
        if current is not None and current in dict(pending):
            hang_text = open(hang_path, encoding="utf-8", errors="replace").read()
            result.failures[current] = _death_verdict(proc.returncode, hang_text, time_limit, memory_mb)
            pending[:] = [(n, s) for n, s in pending if n != current]
        elif pending and not events:
            # The worker died before it could grade anything: examprep's fault, not the learner's.
            errors.seek(0)
            tail = errors.read().decode("utf-8", "replace").strip().splitlines()[-3:]
            for name, _ in pending:
                result.failures[name] = _crash_failure(
                    "internal", "examprep が採点を開始できませんでした (あなたのコードの問題ではありません): " + (tail[-1] if tail else ""),
                    "examprep could not start grading (not a problem with your code): " + (tail[-1] if tail else ""),
                    returncode=proc.returncode, stderr=tail)
            pending.clear()
    finally:
        os.close(read_fd)
        os.unlink(hang_path)
        errors.close()


def _read_events(read_fd, proc, time_limit, count, result, pending, on_progress):
    """Read the worker's JSON lines until it is done or dies. Returns (variant in progress, events seen)."""
    buffer = b""
    current = None
    events = 0
    deadline = time.monotonic() + STARTUP_ALLOWANCE + time_limit * (count + 1)
    variant_deadline = None
    while True:
        now = time.monotonic()
        limit = deadline if variant_deadline is None else min(deadline, variant_deadline)
        if now >= limit:
            _kill(proc)
            return current, events
        ready, _, _ = select.select([read_fd], [], [], min(0.5, limit - now))
        if not ready:
            if proc.poll() is not None:
                # Drain what is left.
                ready = [read_fd]
            else:
                continue
        chunk = os.read(read_fd, 65536)
        if not chunk:
            return current, events
        buffer += chunk
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            event = json.loads(line)
            events += 1
            kind = event["event"]
            if kind == "ready":
                result.checks = event["checks"]
            elif kind == "start":
                current = event["variant"]
                # The worker stops itself after time_limit; this is the backstop.
                variant_deadline = time.monotonic() + time_limit + 5.0
                if on_progress:
                    on_progress(current)
            elif kind == "result":
                name = event["variant"]
                result.failures[name] = event["failure"]
                result.outputs[name] = event["output"]
                pending[:] = [(n, s) for n, s in pending if n != name]
                current = None
                variant_deadline = None
            elif kind == "done":
                return None, events


def _kill(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _finish(proc):
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        _kill(proc)
        proc.wait()


def _death_verdict(returncode, hang_text, time_limit, memory_mb):
    stuck = _where_stuck(hang_text) if hang_text else None
    if stuck or "Timeout" in (hang_text or "") or returncode == -signal.SIGKILL:
        where_en = f" (stuck at line {stuck[0]} in {stuck[1]})" if stuck else ""
        where_ja = f"({stuck[1]} の {stuck[0]} 行目で停止)" if stuck else ""
        return _crash_failure("timeout",
                              f"制限時間 {time_limit:g} 秒を超えました{where_ja}。無限ループになっていませんか?",
                              f"Time limit of {time_limit:g} s exceeded{where_en}: an infinite loop?",
                              line=stuck[0] if stuck else None, time_limit=time_limit)
    if returncode == -signal.SIGXCPU:
        return _crash_failure("timeout", "CPU 時間の制限を超えました。無限ループになっていませんか?",
                              "CPU time limit exceeded: an infinite loop?")
    if returncode is not None and returncode < 0:
        name = signal.Signals(-returncode).name if -returncode in signal.Signals.__members__.values() else str(-returncode)
        return _crash_failure("crash", f"採点プロセスがシグナル {name} で異常終了しました (セグメンテーション違反など)。",
                              f"The grading process crashed with signal {name} (a segmentation fault or similar).",
                              signal=name)
    return _crash_failure("exit",
                          f"採点の途中でプロセスが終了しました (終了コード {returncode})。os._exit や exit を呼んでいませんか?",
                          f"The process exited during grading (exit code {returncode}): is os._exit or exit called?",
                          returncode=returncode)
