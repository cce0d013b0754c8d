"""The progress store survives what learners do to a process: kill -9 mid-session, two examprep at once.

Every graded attempt is committed in its own transaction (WAL) the moment it is graded, so a
session killed with SIGKILL leaves a consistent database holding every answer graded before the kill.
"""
import io
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from examprep.problem import catalog
from examprep.hole import holes
from examprep.learn import progress, records

pexpect = pytest.importorskip("pexpect")

pytestmark = pytest.mark.slow

TIMEOUT = 30


@pytest.fixture
def home(tmp_path, monkeypatch):
    path = tmp_path / "home"
    path.mkdir()
    monkeypatch.setenv("EXAMPREP_HOME", str(path))
    return path


def _spawn(home, *args):
    env = dict(os.environ, EXAMPREP_HOME=str(home), TERM="xterm-256color", PYTHONIOENCODING="utf-8")
    child = pexpect.spawn(sys.executable, ["-m", "examprep", *args], env=env, encoding="utf-8", timeout=TIMEOUT,
                          dimensions=(60, 250))
    child.logfile_read = io.StringIO()
    return child


def _hole(child, problem_id, level):
    child.expect(rf"{problem_id} · .*level={level} seed=(\d+)")
    return holes.make(catalog.get(problem_id), level=level, seed=int(child.match.group(1)), lang="en")


def _prompt(label, cand):
    return f"{label} {cand.lhs}" if cand.lhs else f"{label} "


def _answer(cand):
    return cand.text[len(cand.lhs):] if cand.lhs else cand.text


def _kill(child):
    os.kill(child.pid, signal.SIGKILL)
    child.expect(pexpect.EOF)
    child.close()
    assert child.signalstatus == signal.SIGKILL
    assert "Traceback" not in child.logfile_read.getvalue()


def _integrity(path):
    con = sqlite3.connect(path)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


def test_practice_killed_mid_session_keeps_every_graded_answer(home):
    child = _spawn(home, "practice", "softmax", "relu", "--minutes", "5", "--level", "easy", "--lang", "en")
    hole = _hole(child, "softmax", "easy")
    for lab, cand in zip(hole.labels, hole.blanks):
        child.expect_exact(_prompt(lab, cand))
        child.sendline(_answer(cand))
    child.expect_exact("✓ Passed.")                     # graded round 1: passed
    relu = _hole(child, "relu", "easy")
    child.expect_exact(_prompt(relu.labels[0], relu.blanks[0]))
    child.sendline("np.max(0, x)")
    child.expect_exact("Try the ✗ blanks again")         # graded round 2: failed
    child.expect_exact(_prompt(relu.labels[0], relu.blanks[0]))
    child.send("np.maxim")                              # being typed when the process dies
    time.sleep(0.2)
    _kill(child)

    db = home / progress.DB_NAME
    assert _integrity(db) == "ok"
    with progress.Store() as store:                      # opens (and recovers) the killed database
        attempts = store.attempts()
        sessions = store.sessions()
        assert store.version() == progress.SCHEMA_VERSION
    [session] = sessions
    assert session["kind"] == "practice" and session["ended_at"] is None   # killed: never ended
    assert [(a.problem, a.passed) for a in attempts] == [("softmax", True), ("relu", False)]
    first, second = attempts
    for a in attempts:
        assert a.mode == "practice" and a.session_id == session["id"] and not a.unfinished
        assert a.level == "easy" and a.seconds > 0 and a.created_at and a.id
        assert a.hints == 0 and a.reveals == 0
    assert first.seed == hole.seed and first.blanks == len(hole.labels) and first.failure_check is None
    assert first.blank_results == [{"label": lab, "passed": True, "tries": 1, "hints": 0, "revealed": False,
                                    "reference": cand.text} for lab, cand in zip(hole.labels, hole.blanks)]
    assert all(cand.text in first.answer for cand in hole.blanks)
    assert second.seed == relu.seed and second.failure_check
    assert second.blank_results[0]["passed"] is False and second.blank_results[0]["reference"] == relu.blanks[0].text
    assert "return np.max(0, x)" in second.answer
    assert "np.maxim\n" not in second.answer             # the answer being typed is the only thing lost

    with progress.Store() as store:                      # and the history goes on
        store.record(records.Attempt(problem="relu", mode="drill", passed=True))
        assert len(store.attempts()) == 3


def test_drill_killed_at_the_next_prompt_keeps_the_graded_round(home):
    child = _spawn(home, "drill", "softmax", "--level", "easy", "--seed", "3", "--lang", "en")
    hole = holes.make(catalog.get("softmax"), level="easy", seed=3, lang="en")
    (l1, c1), (l2, c2) = zip(hole.labels, hole.blanks)
    child.expect_exact(_prompt(l1, c1))
    child.sendline(_answer(c1))
    child.expect_exact(_prompt(l2, c2))
    child.sendline("None")
    child.expect_exact("Try the ✗ blanks again.")
    child.expect_exact(_prompt(l2, c2))
    _kill(child)
    assert _integrity(home / progress.DB_NAME) == "ok"
    with progress.Store() as store:
        [a] = store.attempts()
    assert a.problem == "softmax" and a.mode == "drill" and not a.passed and a.seed == 3
    assert [(b["label"], b["passed"]) for b in a.blank_results] == [(l1, True), (l2, False)]


WRITER = textwrap.dedent("""
    import sys, time
    from examprep.learn import progress, records

    name, start = sys.argv[1], float(sys.argv[2])
    while time.time() < start:
        time.sleep(0.005)
    for i in range(50):
        # A store per attempt, as examprep records them (progress.record_safely).
        with progress.Store() as store:
            store.record(records.Attempt(problem=f"p{i % 5}", mode="practice", passed=i % 2 == 0,
                                          answer=f"{name} {i}", seconds=0.1, session_id=name))
    print("done", name)
""")


def test_two_processes_recording_at_once_lose_nothing(home):
    """Two examprep processes writing to one new database at the same time: 100 rows, no 'database is locked'."""
    env = dict(os.environ, EXAMPREP_HOME=str(home))
    start = time.time() + 1.0            # both begin together, on a database neither has created yet
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, name, str(start)], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for name in ("a", "b")]
    for proc, name in zip(procs, ("a", "b")):
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        assert out.strip() == f"done {name}"
        assert "locked" not in err
    assert _integrity(home / progress.DB_NAME) == "ok"
    with progress.Store() as store:
        attempts = store.attempts()
    assert len(attempts) == 100
    for name in ("a", "b"):
        assert sorted(a.answer for a in attempts if a.session_id == name) == sorted(f"{name} {i}" for i in range(50))
    assert len({a.id for a in attempts}) == 100
