"""The learner's side of the grader: `python -m examprep.grade.worker CONTROL_FD [CONTAINMENT]`.

A *zygote*: it enters the containment (examprep.grade.contain: namespaces, read-only file
system, no capabilities) when asked, imports NumPy and the kinds, then waits on the control
socket (a stream socket pair with examprep.grade.sandbox, framed by wire.send_control / recv_control). The first message is the job
header: the problem file, the seed, the limits and the reference modules' given definitions
(grading.given_sources; the targets' code is never sent); a later {"op": "job"} message switches the zygote to
another problem (a parked worker reused, sandbox._start). Then, for every variant, the parent
asks for a grading process: the zygote forks a child, hands the parent the child's two pipes
(the variant's source goes in, the child's result comes out) and waits for the child, at
most the time limit. The zygote never runs learner code and never holds a variant's source,
so every variant starts from a clean process. When the child ends, everything it left behind
is killed (the whole PID namespace but the zygote, or the child's process group and every
orphan the zygote inherited as subreaper), then the zygote reports how the child ended and
what faulthandler wrote if it hung.

The child loads the answer into stand-in reference modules (given definitions and tripwires
only), runs the kinds on it and writes ONE message (examprep.grade.wire: raw records or an
early failure, plus what the code printed) to its result pipe, then leaves with os._exit.
Nothing in the child decides a verdict: the parent compares the records with the reference's.
"""
import faulthandler
import json
import os
import resource
import select
import signal
import socket
import sys
import time

OUTPUT_LIMIT = 4000
FILE_SIZE_LIMIT = 16 << 20
PROCESS_LIMIT = 256          # contained only: a fork bomb stops here (per user namespace)
KILL_GRACE = 0.5             # the child's own faulthandler timer fires first; then SIGKILL


class _CappedOutput:
    """sys.stdout / sys.stderr of the child: keeps the first OUTPUT_LIMIT characters."""

    encoding = "utf-8"
    errors = "replace"

    def __init__(self):
        self.parts = []
        self.size = 0
        self.more = False

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if self.size < OUTPUT_LIMIT:
            self.parts.append(text[:OUTPUT_LIMIT - self.size])
            self.size += len(self.parts[-1])
        if self.size >= OUTPUT_LIMIT and len(text):
            self.more = self.more or self.size + len(text) > OUTPUT_LIMIT
        return len(text)

    def flush(self):
        pass

    def isatty(self):
        return False

    def text(self):
        out = "".join(self.parts)
        return out + "\n..." if self.more else out


def _send(control, obj, fds=()):
    from examprep.grade import wire

    wire.send_control(control, obj, fds)


def _receive(control):
    from examprep.grade import wire

    return wire.recv_control(control)[0]


def main(argv):
    control = socket.socket(fileno=int(argv[1]))
    contained = len(argv) > 2
    if contained:
        from examprep.grade import contain

        try:
            contain.enter(json.loads(argv[2]))
        except contain.Unavailable as exc:
            _send(control, {"event": "uncontained", "reason": str(exc)})
            return 3
    _harden(contained)
    # Import what grading needs before the job: a process started ahead of time
    # (sandbox.prestart) is ready by the time the job arrives. NumPy imports numpy.random on first use, which
    # every grading does (the cases' generators): imported here once rather than in every child (~10 ms each).
    import numpy  # noqa: F401
    import numpy.random  # noqa: F401

    from examprep import blanks  # noqa: F401  (kinds.describe_exception)
    from examprep.grade import grading, kinds, wire  # noqa: F401
    from examprep.grade.kinds import function, layer, masking_layer, optimizer  # noqa: F401
    from examprep.problem import catalog  # noqa: F401

    _send(control, {"event": "ready", "contained": contained})
    job = _receive(control)
    if job is None:
        return 0
    problem = _take_job(job)
    while True:
        request = _receive(control)
        if request is None:
            break
        if request.get("op") == "job":   # a parked worker taken for another problem (sandbox._start)
            job = request
            problem = _take_job(job)
        elif request.get("op") == "grade":
            _grade_one(control, problem, dict(job, time_limit=float(request["time_limit"])), contained)
        else:
            break
    _kill_leftovers(None, contained)
    return 0


def _take_job(job):
    """The job's problem, with the stand-ins of its reference modules in place of any earlier job's: the
    zygote never ran learner code, so after this it is as a zygote started for this job."""
    from examprep.grade import grading
    from examprep.problem import catalog

    for name in [n for n in sys.modules if n == "reference" or n.startswith("reference.")]:
        del sys.modules[name]
    problem = catalog.load_file(job["problem_file"])
    grading.install_standins(problem, job["given"])
    return problem


def _harden(contained):
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(4, 0, 0, 0, 0)   # PR_SET_DUMPABLE 0: no ptrace, no /proc/<pid>/mem or fd/ for others
        if not contained:
            libc.prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER: orphans of the learner's code come to us
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG: die with the grader


def _hang_file():
    if hasattr(os, "memfd_create"):
        return os.memfd_create("examprep-hang")
    import tempfile

    return os.dup(tempfile.TemporaryFile().fileno())


def _grade_one(control, problem, job, contained):
    result_r, result_w = os.pipe()
    job_r, job_w = os.pipe()
    hang_fd = _hang_file()
    time_limit = job["time_limit"]
    pid = os.fork()
    if pid == 0:
        try:
            control.close()
            os.close(result_r)
            os.close(job_w)
            _child(problem, job, job_r, result_w, hang_fd, contained)
        finally:
            os._exit(70)
    os.close(result_w)
    os.close(job_r)
    started = time.monotonic()
    _send(control, {"event": "started", "pid": pid}, [result_r, job_w])
    os.close(result_r)
    os.close(job_w)
    status, timed_out = _wait(pid, started + time_limit + KILL_GRACE, control, contained)
    _kill_leftovers(pid, contained)
    hang = os.pread(hang_fd, 65536, 0).decode("utf-8", "replace")
    os.close(hang_fd)
    _send(control, {"event": "end", "returncode": status, "timed_out": timed_out, "hang": hang,
                    "seconds": round(time.monotonic() - started, 3)})


def _wait(pid, deadline, control, contained):
    """The child's return code (negative: a signal) and whether it was killed at the deadline."""
    pidfd = os.pidfd_open(pid) if hasattr(os, "pidfd_open") else None
    try:
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                return os.waitstatus_to_exitcode(status), False
            now = time.monotonic()
            if now >= deadline:
                os.kill(pid, signal.SIGKILL)
                _, status = os.waitpid(pid, 0)
                return os.waitstatus_to_exitcode(status), True
            watch = [control] + ([pidfd] if pidfd is not None else [])
            ready, _, _ = select.select(watch, [], [], min(deadline - now, 0.01 if pidfd is None else 1.0))
            if control in ready and not control.recv(1 << 16, socket.MSG_PEEK):
                os.kill(pid, signal.SIGKILL)  # the grader is gone, or done with us
                _kill_leftovers(pid, contained)
                raise SystemExit(0)
    finally:
        if pidfd is not None:
            os.close(pidfd)


def _kill_leftovers(child, contained):
    """Nothing the learner's code started outlives its grading."""
    if contained:
        # PID 1 of the namespace: kill(-1) reaches every other process in it. Again until none is
        # left, since a fork bomb may add processes while the first signal goes round.
        for _ in range(10000):
            try:
                os.kill(-1, signal.SIGKILL)
            except ProcessLookupError:
                pass
            if not _reap_all(block=False):
                return
            time.sleep(0.001)
        return
    if child is not None:
        try:
            os.killpg(child, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    if sys.platform.startswith("linux"):
        # As subreaper, the zygote inherits every orphan of the child: kill them until none is left.
        for _ in range(10000):
            orphans = _children_of(os.getpid())
            if not orphans:
                break
            for pid in orphans:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            _reap_all(block=False)
            time.sleep(0.001)
    _reap_all(block=False)


def _reap_all(block=False):
    """Reap every exited child; returns whether children remain."""
    while True:
        try:
            pid, _ = os.waitpid(-1, 0 if block else os.WNOHANG)
        except ChildProcessError:
            return False
        if pid == 0:
            return True


def _children_of(parent):
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2:].split()
        if len(fields) > 1 and int(fields[1]) == parent:
            found.append(int(entry))
    return found


def _child(problem, job, job_r, result_w, hang_fd, contained):
    os.setpgid(0, 0)
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)
    chunks = []
    while True:
        chunk = os.read(job_r, 1 << 16)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(job_r)
    source = b"".join(chunks).decode("utf-8")
    signal.signal(signal.SIGINT, signal.default_int_handler)
    _limit_resources(job["memory_mb"], job["time_limit"], contained)
    if sys.platform.startswith("linux"):
        from examprep.grade import contain

        try:
            contain.forbid_new_processes()  # threads yes, processes no: nothing can outlive the child
        except OSError:
            pass
    faulthandler.dump_traceback_later(job["time_limit"], exit=True, file=hang_fd)
    message = _grade_source(problem, source, job["seed"])
    faulthandler.cancel_dump_traceback_later()
    from examprep.grade import wire

    payload = wire.encode_message(message)
    view = memoryview(payload)
    while view:
        view = view[os.write(result_w, view):]
    os._exit(0)


def _limit_resources(memory_mb, time_limit, contained):
    limit = memory_mb << 20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    cpu = int(time_limit) + 2
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_SIZE_LIMIT, FILE_SIZE_LIMIT))
    if contained:
        resource.setrlimit(resource.RLIMIT_NPROC, (PROCESS_LIMIT, PROCESS_LIMIT))


def _grade_source(problem, source, seed):
    """In the child: {failure or records, output}. Whatever the learner's code raises is theirs."""
    from examprep.grade import grading

    output = _CappedOutput()
    sys.stdout = sys.stderr = output
    try:
        failure, records = grading.learner_records(problem, source, seed)
    except MemoryError:
        failure, records = grading.failure("memory", "メモリ制限を超えました (巨大な配列を作っていませんか)。",
                                           "The memory limit was exceeded (is a huge array being allocated?)."), None
    except BaseException as exc:  # noqa: BLE001 - KeyboardInterrupt, an exception whose __str__ raises ...
        failure, records = _escaped(exc), None
    finally:
        sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
    return {"failure": failure.to_json() if failure is not None else None, "records": records,
            "output": output.text()}


def _escaped(exc):
    """A failure for an exception that left the kinds: the learner's when their code is on its traceback."""
    import traceback

    from examprep.grade import grading
    from examprep.grade.kinds import ANSWER_FILENAME

    frames = []
    seen = set()
    current = exc
    while current is not None and id(current) not in seen:  # the exception, and what it arose from
        seen.add(id(current))
        frames = traceback.extract_tb(current.__traceback__) + frames
        current = current.__context__
    mine = [f for f in frames if f.filename == ANSWER_FILENAME]
    original = exc
    for _ in range(20):
        if original.__context__ is None or original.__context__ is original:
            break
        original = original.__context__
    name = _type_name(original)
    # Where the learner's exception was raised, rather than where describing it failed.
    mine = [f for f in traceback.extract_tb(original.__traceback__) if f.filename == ANSWER_FILENAME] or mine
    if not mine and not isinstance(exc, KeyboardInterrupt):
        last = f"{_type_name(exc)}: {_safe_str(exc)}"
        return grading.failure("internal", f"examprep の採点処理でエラーが起きました (examprep の不具合です): {last}",
                               f"examprep's grader failed (a bug in examprep, not in your code): {last}",
                               traceback="".join(traceback.format_list(frames))[-2000:])
    where = f" (line {mine[-1].lineno}: {(mine[-1].line or '').strip()})" if mine else ""
    where_ja = f"({mine[-1].lineno} 行目: {(mine[-1].line or '').strip()})" if mine else ""
    message = _safe_str(original)
    info = {"type": name, "message": message}
    if mine:
        info.update(line=mine[-1].lineno, code=(mine[-1].line or "").strip(), function=mine[-1].name)
    return grading.failure("exception", f"あなたのコードで {name} が発生しました{where_ja}: {message}",
                           f"Your code raised {name}{where}: {message}", error=info)


def _type_name(exc):
    try:
        name = type(exc).__name__
        return name if isinstance(name, str) else "Exception"
    except Exception:  # noqa: BLE001
        return "Exception"


def _safe_str(exc):
    try:
        text = BaseException.__str__(exc)
        return text[:500] if isinstance(text, str) else "(no message)"
    except Exception:  # noqa: BLE001 - even the base __str__ may fail on odd args
        return "(its message could not be shown)"


if __name__ == "__main__":
    sys.exit(main(sys.argv))
