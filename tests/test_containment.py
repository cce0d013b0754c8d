"""Hostile answers cannot influence their verdict except by computing it (issue 10, item 5).

Each attack is an answer file that would pass if it worked. Attacks on the grader's data
(reading expected values, lying subclasses, patching the comparison, forging the result
stream ...) are graded together in one sandbox run, one fresh process per answer. Attacks on
the machine (signals to the CLI, the data directory, processes outliving the verdict, /proc,
ptrace) run through `examprep check` in a subprocess with a data directory holding earlier
history and a saved solution, which must come out byte for byte intact, with the CLI alive
and a failing verdict in at most 30 s. Those need the namespaces (examprep.grade.contain);
without them (macOS, a kernel without user namespaces) they are skipped with the reason,
since the process sandbox does not claim to stop them.
"""
import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from examprep.grade import sandbox
from examprep.problem import catalog, source

ROOT = Path(__file__).resolve().parent.parent
REFERENCE_FILE = ROOT / "reference" / "functions.py"
VERDICT_LIMIT = 30.0
TIME_LIMIT = 3.0

pytestmark = pytest.mark.usefixtures("examprep_home")

HEAD = "import numpy as np\n\n\n"
WRONG = "\n\ndef softmax(x):\n    return x\n"


def contained():
    mode, reason = sandbox.containment_mode()
    return mode == "namespaces", reason


def _need_namespaces():
    ok, reason = contained()
    if not ok:
        pytest.skip(f"namespaces unavailable ({reason}): the process sandbox does not stop attacks on the machine")


# --- attacks on the grader's data: one sandbox run, one fresh process each ------------------

ATTACKS = {
    "gc_reads_expected": """
        import gc
        import numpy as np

        def softmax(x):
            for o in gc.get_objects():
                value = getattr(o, "value", None) if type(o).__name__ == "Record" else None
                if isinstance(value, np.ndarray) and value.shape == x.shape and np.allclose(value.sum(-1), 1):
                    return value.astype(x.dtype)
                if isinstance(o, np.ndarray) and o.shape == x.shape and o is not x and np.allclose(o.sum(-1), 1) \\
                        and np.all(o > 0):
                    return o.astype(x.dtype)
            return x
        """,
    "frames_read_expected": """
        import sys
        import numpy as np

        def softmax(x):
            frame = sys._getframe(1)
            while frame is not None:
                for name, value in frame.f_locals.items():
                    if name in ("expected", "expected_records", "records"):
                        for r in value:
                            v = getattr(r, "value", None)
                            if isinstance(v, np.ndarray) and v.shape == x.shape and r.stage == "output":
                                return v
                frame = frame.f_back
            return x
        """,
    "inspect_stack_reads_expected": """
        import inspect
        import numpy as np

        def softmax(x):
            for info in inspect.stack():
                for name, value in info.frame.f_locals.items():
                    if "expected" in name and isinstance(value, list):
                        for r in value:
                            if getattr(r, "stage", "") == "output" and getattr(r, "value", None) is not None:
                                return r.value
            return x
        """,
    "lying_ndarray_subclass": """
        import numpy as np

        class Liar(np.ndarray):
            def __sub__(self, other): return np.zeros(self.shape)
            def __rsub__(self, other): return np.zeros(self.shape)
            def __eq__(self, other): return np.ones(self.shape, dtype=bool)
            def __abs__(self): return np.zeros(self.shape)
            def astype(self, *a, **k): return self
            def __array__(self, *a, **k): return np.full(self.shape, 0.2)
            def __array_ufunc__(self, ufunc, method, *inputs, **kwargs): return np.zeros(self.shape)
            def __float__(self): return 0.0
            def tolist(self): return [0.2] * self.size
            @property
            def dtype(self): return np.dtype("float64")

        def softmax(x):
            return np.asarray(x, dtype=x.dtype).copy().view(Liar)
        """,
    "lying_float_subclass": """
        import numpy as np

        class Liar(float):
            def __sub__(self, other): return 0.0
            def __rsub__(self, other): return 0.0
            def __abs__(self): return 0.0
            def __float__(self): return 0.2
            def __eq__(self, other): return True
            def __le__(self, other): return True
            def __repr__(self): return "0.2"

        def softmax(x):
            return Liar(7.0)
        """,
    "patches_the_comparison": """
        import builtins
        import math
        import numpy as np
        import examprep.grade.compare as compare
        import examprep.grade.grading as grading

        builtins.abs = lambda value: 0.0
        np.max = lambda *a, **k: 0.0
        np.abs = lambda value, *a, **k: np.zeros(np.shape(value))
        np.isfinite = lambda value, *a, **k: np.ones(np.shape(value), dtype=bool)
        math.isfinite = lambda value: True
        compare.TOLERANCE = {"float64": float("inf"), "float32": float("inf")}
        compare.NUMGRAD_TOLERANCE = float("inf")
        compare.compare = lambda *a, **k: None
        compare.compare_values = lambda *a, **k: None
        grading.compare = lambda *a, **k: None
        grading.judge = lambda *a, **k: None

        def softmax(x):
            return x
        """,
    "reloads_the_reference": """
        import importlib
        import sys

        def _fresh():
            try:
                import reference.functions as f
                return importlib.reload(f).softmax
            except BaseException:
                pass
            try:
                del sys.modules["reference"], sys.modules["reference.functions"]
                sys.path[:0] = [p for p in sys.path]
                return importlib.import_module("reference.functions").softmax
            except BaseException:
                return None

        _ref = _fresh()

        def softmax(x):
            return _ref(x) if _ref is not None else x
        """,
    "fresh_copy_of_the_reference": f"""
        import importlib.util
        import os
        import sys

        def _fresh():
            for base in [{str(ROOT)!r}] + sys.path:
                path = os.path.join(base or ".", "reference", "functions.py")
                try:
                    spec = importlib.util.spec_from_file_location("fresh_copy", path)
                    module = importlib.util.module_from_spec(spec)
                    spec.loader.exec_module(module)
                    return module.softmax
                except BaseException:
                    continue
            return None

        _ref = _fresh()

        def softmax(x):
            return _ref(x) if _ref is not None else x
        """,
    "execs_the_reference_from_disk": f"""
        _ns = {{}}
        try:
            exec(open({str(REFERENCE_FILE)!r}).read(), _ns)
        except BaseException:
            pass

        def softmax(x):
            return _ns["softmax"](x) if "softmax" in _ns else x
        """,
    "forged_result_line_at_import": """
        import os
        line = b'{"event": "result", "variant": "answer", "failure": null, "output": ""}\\n'
        for fd in range(0, 256):
            try:
                os.write(fd, line)
            except OSError:
                pass

        def softmax(x):
            return x
        """,
    "forged_wire_message_then_exit": """
        import os
        from examprep.grade import wire
        for fd in range(3, 256):
            try:
                os.write(fd, wire.encode_message({"failure": None, "records": [], "output": ""}))
            except OSError:
                pass
        os._exit(0)
        """,
    "forged_records_then_exit": """
        import os
        import numpy as np
        from examprep.grade import grading, wire
        from examprep.problem import catalog

        problem = catalog.get("softmax")
        records = grading._run_all(problem, {"softmax": lambda x: np.full_like(x, 1.0 / x.shape[-1])}, 0, learner=True)
        for fd in range(3, 256):
            try:
                os.write(fd, wire.encode_message({"failure": None, "records": records, "output": ""}))
            except OSError:
                pass
        os._exit(0)
        """,
    "patches_the_encoder": """
        import json
        import numpy as np
        from examprep.grade import wire

        json.dumps = lambda *a, **k: '{"failure": ["n"], "records": [], "output": ""}'
        wire.encode_message = lambda message: b'{"failure": ["n"], "records": [], "output": ""}'

        def softmax(x):
            return x
        """,
    "monkeypatches_numpy_internals": """
        import numpy as np
        import numpy._core.multiarray as multiarray
        import numpy._core.numeric as numeric

        np.allclose = lambda *a, **k: True
        np.array_equal = lambda *a, **k: True
        numeric.isclose = lambda *a, **k: True
        np.ndarray = type("ndarray", (), {})
        np.asarray = lambda value, *a, **k: value

        def softmax(x):
            return x
        """,
    "huge_output_on_every_fd": """
        import os
        import sys
        chunk = b"x" * (1 << 20)
        for fd in (1, 2):
            for _ in range(64):
                try:
                    os.write(fd, chunk)
                except OSError:
                    break
        for _ in range(100000):
            print("spam" * 100)
            sys.stderr.write("eggs" * 100)

        def softmax(x):
            return x
        """,
    "huge_result": """
        import numpy as np

        def softmax(x):
            return np.zeros((3000, 10000), dtype=x.dtype)
        """,
    "thread_left_running_writes_later": """
        import os
        import threading
        import time

        def _later():
            time.sleep(0.3)
            for fd in range(3, 256):
                try:
                    os.write(fd, b'garbage {"failure": null}\\n')
                except OSError:
                    pass

        threading.Thread(target=_later, daemon=False).start()

        def softmax(x):
            time.sleep(0.5)
            return x
        """,
    "atexit_and_finalizers": """
        import atexit
        import os

        def _forge():
            for fd in range(3, 256):
                try:
                    os.write(fd, b'{"failure": ["n"], "records": [], "output": ""}')
                except OSError:
                    pass

        atexit.register(_forge)

        class _Bomb:
            def __del__(self):
                _forge()

        _keep = _Bomb()

        def softmax(x):
            _Bomb()
            return x
        """,
    "signal_handlers": """
        import signal
        import time

        for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGALRM, signal.SIGHUP, signal.SIGUSR1, signal.SIGXCPU):
            signal.signal(sig, signal.SIG_IGN)

        def softmax(x):
            while True:
                time.sleep(0.01)
        """,
    "stops_itself": """
        import os
        import signal

        def softmax(x):
            os.kill(os.getpid(), signal.SIGSTOP)
            return x
        """,
    "closes_the_result_pipe": """
        import os

        for fd in range(3, 256):
            try:
                os.close(fd)
            except OSError:
                pass

        def softmax(x):
            return x
        """,
    "raises_keyboard_interrupt": """
        def softmax(x):
            raise KeyboardInterrupt
        """,
    "exception_whose_str_raises": """
        class Nasty(Exception):
            def __str__(self):
                raise RuntimeError("no message for you")
            def __repr__(self):
                raise RuntimeError("no repr either")

        def softmax(x):
            raise Nasty()
        """,
}


def _answer(body):
    return textwrap.dedent(body).lstrip()


def test_attacks_on_the_grader_get_a_failing_verdict_quickly():
    problem = catalog.get("softmax")
    variants = [(name, _answer(body)) for name, body in ATTACKS.items()]
    variants.append(("control: the reference passes", source.reference_answer(problem)))
    started = time.monotonic()
    result = sandbox.grade_variants(problem.source, variants, time_limit=TIME_LIMIT)
    elapsed = time.monotonic() - started
    assert result.failures["control: the reference passes"] is None
    passed = [name for name, _ in variants[:-1] if result.failures[name] is None]
    assert not passed, f"hostile answers accepted: {passed}"
    # Every one in bounded time: at most the time limit each, with the kill grace.
    assert elapsed < len(variants) * 2 + 4 * (TIME_LIMIT + sandbox.KILL_GRACE)
    checks = {name: result.failures[name].check for name, _ in variants[:-1]}
    assert checks["forged_wire_message_then_exit"] in ("interfered", "missing")
    assert checks["patches_the_encoder"] in ("interfered", "missing")
    assert checks["forged_records_then_exit"] == "values"
    assert checks["lying_ndarray_subclass"] == "values"
    assert checks["lying_float_subclass"] == "type"
    assert checks["signal_handlers"] == "timeout"
    assert checks["stops_itself"] == "timeout"
    assert checks["patches_the_comparison"] == "values"
    assert checks["huge_output_on_every_fd"] == "values"
    assert checks["raises_keyboard_interrupt"] == "exception"
    assert "KeyboardInterrupt" in result.failures["raises_keyboard_interrupt"].en
    nasty = result.failures["exception_whose_str_raises"]
    assert nasty.check == "exception" and "Nasty" in nasty.en and "Nasty" in nasty.ja
    assert "examprep" not in nasty.en
    if contained()[0]:
        for name in ("reloads_the_reference", "fresh_copy_of_the_reference", "execs_the_reference_from_disk"):
            assert checks[name] == "values", (name, result.failures[name])


def test_a_wrong_answer_cannot_borrow_a_right_one_graded_in_the_same_run():
    """Each variant runs in a fresh process: the first cannot leave code behind for the second."""
    problem = catalog.get("softmax")
    planter = _answer("""
        import sys
        import threading
        import numpy as np
        import builtins

        builtins.__dict__["_planted"] = True
        sys.modules["numpy"].exp = lambda x, *a, **k: np.ones_like(x)

        def softmax(x):
            return x
        """)
    victim = HEAD + ("import builtins\n\n\ndef softmax(x):\n"
                     "    assert not hasattr(builtins, '_planted'), 'state leaked from another variant'\n"
                     "    e = np.exp(x - np.max(x, axis=-1, keepdims=True))\n"
                     "    return e / np.sum(e, axis=-1, keepdims=True)\n")
    result = sandbox.grade_variants(problem.source, [("planter", planter), ("victim", victim)], time_limit=TIME_LIMIT)
    assert result.failures["planter"].check == "values"
    assert result.failures["victim"] is None


# --- attacks on the machine: through the CLI, with history on disk --------------------------

GOOD = HEAD + ("def softmax(x):\n"
               "    x = x - np.max(x, axis=-1, keepdims=True)\n"
               "    e = np.exp(x)\n"
               "    return e / np.sum(e, axis=-1, keepdims=True)\n")

KILLS_EVERYTHING = textwrap.dedent("""
    import os
    import signal

    def _kill_all():
        me = os.getpid()
        targets = set()
        try:
            targets.add(os.getppid())
        except OSError:
            pass
        for entry in os.listdir("/proc"):
            if entry.isdigit() and int(entry) != me:
                targets.add(int(entry))
        for pid in targets:
            for sig in (signal.SIGSTOP, signal.SIGKILL):
                try:
                    os.kill(pid, sig)
                except OSError:
                    pass
        for group in (0, os.getpgid(0)):
            try:
                os.killpg(os.getpgid(os.getppid()), signal.SIGSTOP)
            except OSError:
                pass
""")

DESTROYS_HISTORY = textwrap.dedent("""
    import glob
    import os
    import shutil
    import sqlite3

    def _destroy():
        homes = [os.environ.get("EXAMPREP_HOME"), os.path.expanduser("~/.local/share/examprep")]
        for home in [h for h in homes if h]:
            db = os.path.join(home, "progress.sqlite3")
            try:
                con = sqlite3.connect(db)
                con.execute("INSERT INTO attempts (id, problem, mode, passed, answer, created_at) "
                            "VALUES ('forged', 'softmax', 'check', 1, 'forged', '2026-01-01T00:00:00+00:00')")
                con.execute("UPDATE attempts SET passed = 1")
                con.commit()
                con.close()
            except Exception:
                pass
            for path in glob.glob(os.path.join(home, "solutions", "*")):
                try:
                    with open(path, "w") as f:
                        f.write("overwritten")
                except OSError:
                    pass
            for path in glob.glob(os.path.join(home, "*")):
                try:
                    os.symlink("/dev/null", path + ".link")
                    os.remove(path)
                except OSError:
                    pass
            shutil.rmtree(home, ignore_errors=True)
""")

PROBES_THE_PARENT = textwrap.dedent("""
    import ctypes
    import os
    import socket

    def _probe():
        found = []
        libc = ctypes.CDLL(None, use_errno=True)
        for pid in [os.getppid(), 1]:
            if libc.ptrace(16, pid, 0, 0) == 0:          # PTRACE_ATTACH
                found.append(f"ptrace {pid}")
            try:
                with open(f"/proc/{pid}/mem", "r+b") as f:
                    f.write(b"x")
                found.append(f"mem {pid}")
            except OSError:
                pass
            try:
                for fd in os.listdir(f"/proc/{pid}/fd"):
                    os.open(f"/proc/{pid}/fd/{fd}", os.O_WRONLY)
                    found.append(f"fd {pid}/{fd}")
            except OSError:
                pass
        try:
            socket.create_connection(("1.1.1.1", 53), timeout=1)
            found.append("network")
        except OSError:
            pass
        for path in ("/run", "/tmp", os.path.expanduser("~"), os.getcwd()):
            try:
                with open(os.path.join(path, "examprep-was-here"), "w"):
                    found.append(f"wrote {path}")
            except OSError:
                pass
        try:
            os.open("/dev/tty", os.O_WRONLY)
            found.append("tty")
        except OSError:
            pass
        return found
""")


def _snapshot(home):
    """What must not change: saved solutions, the attempts recorded before, nothing added but checks."""
    solutions = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((home / "solutions").glob("*"))}
    con = sqlite3.connect(home / "progress.sqlite3")
    try:
        rows = con.execute("SELECT * FROM attempts ORDER BY created_at, id").fetchall()
    finally:
        con.close()
    return solutions, rows


def _cli(args, home, timeout=VERDICT_LIMIT + 10):
    path = os.pathsep.join([str(ROOT)] + [p for p in [os.environ.get("PYTHONPATH")] if p])
    env = dict(os.environ, EXAMPREP_HOME=str(home), EXAMPREP_LANG="en", PYTHONPATH=path)
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "examprep"] + args, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail(f"`examprep {' '.join(args)}` gave no verdict in {timeout} s (stopped or hung)")
    return proc.returncode, out, err, time.monotonic() - started


def _workers_alive(home):
    """Worker processes of a CLI run on this data directory (its path is in their containment spec)."""
    alive = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
        except OSError:
            continue
        if b"examprep.grade.worker" in cmdline and str(home).encode() in cmdline:
            alive.append(int(entry))
    return alive


@pytest.fixture(scope="module")
def base_history(tmp_path_factory):
    """A data directory with an earlier passing check (a saved solution) and a failing one."""
    tmp_path = tmp_path_factory.mktemp("history")
    home = tmp_path / "home"
    good = tmp_path / "good.py"
    good.write_text(GOOD, encoding="utf-8")
    wrong = tmp_path / "wrong.py"
    wrong.write_text(HEAD + WRONG, encoding="utf-8")
    for path, code in ((good, 0), (wrong, 1)):
        rc, _, err, _ = _cli(["check", str(path), "--problem", "softmax", "--json"], home)
        assert rc == code, err
    return home


@pytest.fixture
def history(base_history, tmp_path):
    import shutil

    home = tmp_path / "home"
    shutil.copytree(base_history, home)
    return home


MACHINE_ATTACKS = {
    "signals_everything_at_import": KILLS_EVERYTHING + "\n_kill_all()\n" + WRONG,
    "signals_everything_while_graded": KILLS_EVERYTHING + "\n\ndef softmax(x):\n    _kill_all()\n    return x\n",
    "destroys_history_at_import": DESTROYS_HISTORY + "\n_destroy()\n" + WRONG,
    "probes_the_parent": PROBES_THE_PARENT + "\n\ndef softmax(x):\n    found = _probe()\n"
                                             "    print('ESCAPED', found)\n    return x\n",
    "double_fork_acts_after_the_verdict": KILLS_EVERYTHING + DESTROYS_HISTORY + textwrap.dedent("""
        import time

        try:
            if os.fork() == 0:
                os.setsid()
                if os.fork() == 0:
                    time.sleep(4)
                    _destroy()
                    _kill_all()
                    os._exit(0)
                os._exit(0)
        except OSError as exc:
            print("no fork:", exc)
        """) + WRONG,
    "fork_bomb": """
    import os

    def softmax(x):
        children = 0
        while True:
            try:
                if os.fork() == 0:
                    while True:
                        try:
                            os.fork()
                        except OSError:
                            pass
                children += 1
            except OSError:
                pass
""",
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(MACHINE_ATTACKS))
def test_attacks_on_the_machine_leave_history_and_cli_intact(name, history, tmp_path):
    _need_namespaces()
    before = _snapshot(history)
    path = tmp_path / f"{name}.py"
    path.write_text(_answer(MACHINE_ATTACKS[name]), encoding="utf-8")
    rc, out, err, elapsed = _cli(["check", str(path), "--problem", "softmax", "--json"], history)
    assert elapsed <= VERDICT_LIMIT
    assert rc == 1, (rc, out[-2000:], err[-2000:])
    verdict = json.loads(out)
    assert verdict["passed"] is False
    # The attack ran (it is valid code) and its fallback was judged: a wrong value or a time-out.
    assert verdict["failure"]["check"] in ("values", "timeout"), verdict["failure"]
    if name == "probes_the_parent":
        assert "ESCAPED []" in verdict["output"], verdict["output"]
    time.sleep(5.0 if "after_the_verdict" in name else 0.5)
    after_solutions, after_rows = _snapshot(history)
    assert after_solutions == before[0]
    assert after_rows[:len(before[1])] == before[1] or set(before[1]) <= set(after_rows)
    added = [row for row in after_rows if row not in before[1]]
    assert len(added) == 1 and added[0][6] == 0, added   # the hostile check itself, recorded as failed
    assert not _workers_alive(history)
