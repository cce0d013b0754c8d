"""`examprep watch FILE` in a pseudo-terminal while another process saves the file three times (wrong, wrong, right),
once by writing in place and twice by an editor's atomic save (a temporary file renamed over FILE): three
verdicts, the last passing, three check attempts in the store; Ctrl-C leaves cleanly."""
import os
import subprocess
import sys
import textwrap

import pytest

from examprep.hole import holes
from examprep.learn.progress import Store
from examprep.problem import catalog

pytestmark = pytest.mark.slow
TIMEOUT = 60

SAVER = textwrap.dedent("""
    import os, sys
    path, mode = sys.argv[1], sys.argv[2]
    text = sys.stdin.read()
    if mode == "atomic":                    # as vim / JetBrains / VS Code save: a temporary file renamed over it
        tmp = path + ".tmp~"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    else:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
""")


def filled(hole, answers):
    """The hole file with each blank's line replaced by answers[i] (None: the reference line)."""
    text = hole.text
    for lab, cand, answer in zip(hole.labels, hole.blanks, answers):
        line = cand.text if answer is None else answer
        text = text.replace(cand.lhs + holes.placeholder(lab), line.replace("\n", "\n" + cand.indent))
    return text


def save(path, text, mode):
    """Save from another process, as an editor would."""
    subprocess.run([sys.executable, "-c", SAVER, str(path), mode], input=text, text=True, encoding="utf-8",
                   check=True, timeout=30)


def test_watch_grades_each_save(examprep_home, tmp_path):
    pexpect = pytest.importorskip("pexpect")
    problem = catalog.get("softmax")
    hole = holes.make(problem, level="easy", seed=0, lang="en")
    path = tmp_path / "softmax_hole.py"
    path.write_text(hole.text, encoding="utf-8")
    env = dict(os.environ, EXAMPREP_HOME=str(examprep_home), TERM="xterm-256color", PYTHONIOENCODING="utf-8")
    child = pexpect.spawn(sys.executable, ["-m", "examprep", "--lang", "en", "watch", str(path)], env=env,
                          encoding="utf-8", timeout=TIMEOUT, dimensions=(40, 200), cwd=str(tmp_path))
    try:
        child.expect_exact("grading #1")
        child.expect_exact("No blank is filled in yet (not recorded).")
        child.expect_exact("Ctrl-C to stop.")
        first_wrong = filled(hole, ["pass", None])
        save(path, first_wrong, "inplace")
        child.expect_exact("grading #2")
        child.expect_exact("✗ Not yet right.")
        child.expect_exact("Ctrl-C to stop.")
        save(path, first_wrong, "atomic")             # the same text again: not graded again
        second_wrong = filled(hole, [None, "pass"])
        save(path, second_wrong, "atomic")
        child.expect_exact("grading #3")
        child.expect_exact("✗ Not yet right.")
        child.expect_exact("Ctrl-C to stop.")
        save(path, filled(hole, [None, None]), "atomic")
        child.expect_exact("grading #4")
        child.expect_exact("✓ Passed.")
        child.expect_exact("Ctrl-C to stop.")
        child.sendintr()
        child.expect_exact("Stopped watching (4 gradings).")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert child.exitstatus == 0, child.before
    assert "Traceback" not in child.before
    with Store() as store:
        attempts = store.attempts()
    assert [(a.problem, a.mode, a.passed) for a in attempts] == [("softmax", "check", False),
                                                                 ("softmax", "check", False),
                                                                 ("softmax", "check", True)]
    assert [a.answer for a in attempts][-1] == filled(hole, [None, None])
    assert (examprep_home / "solutions" / "softmax.py").exists()   # a passing answer is kept, as check keeps it


def test_watch_refuses_a_missing_file(examprep_home, tmp_path):
    env = dict(os.environ, EXAMPREP_HOME=str(examprep_home), PYTHONIOENCODING="utf-8")
    proc = subprocess.run([sys.executable, "-m", "examprep", "--lang", "ja", "watch", str(tmp_path / "nope.py")],
                          env=env, capture_output=True, text=True, encoding="utf-8", timeout=TIMEOUT)
    assert proc.returncode == 2 and "ファイル" in proc.stderr and "ありません" in proc.stderr
    assert "Traceback" not in proc.stderr
