"""`examprep practice` driven through a real pseudo-terminal with a short --minutes, as a learner types into it.

Practice picks a random seed per problem; the tests read it from the problem's header line
(`level=easy seed=N`) and rebuild the same hole in-process to know the blanks and their answers.
"""
import io
import os
import re
import sys
import time

import pytest

from examprep.common import timefmt
from examprep.problem import catalog
from examprep.learn import drill, progress, schedule
from examprep.hole import holes

pexpect = pytest.importorskip("pexpect")

pytestmark = pytest.mark.slow

TIMEOUT = 30
ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\r")
COUNTDOWN = r"\[(\d\d):(\d\d)\] "


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory):
    """One cache for the module: load-bearing proofs are run once, not once per test."""
    return tmp_path_factory.mktemp("examprep-cache")


@pytest.fixture
def home(tmp_path, shared_cache, monkeypatch):
    """A fresh EXAMPREP_HOME (a new progress database), its cache shared; also set in-process."""
    path = tmp_path / "home"
    path.mkdir()
    (path / "cache").symlink_to(shared_cache, target_is_directory=True)
    monkeypatch.setenv("EXAMPREP_HOME", str(path))
    return path


def plain(text):
    return ANSI.sub("", text)


class Practice:
    def __init__(self, home, *args):
        env = dict(os.environ, EXAMPREP_HOME=str(home), TERM="xterm-256color", PYTHONIOENCODING="utf-8")
        env.pop("NO_COLOR", None)
        env.pop("COLUMNS", None)
        self.log = io.StringIO()
        self.started = time.monotonic()
        self.child = pexpect.spawn(sys.executable, ["-m", "examprep", "practice", *args], env=env, encoding="utf-8",
                                   timeout=TIMEOUT, dimensions=(60, 250))
        self.child.logfile_read = self.log

    def expect(self, text):
        self.child.expect_exact(text)

    def send(self, line):
        self.child.sendline(line)

    def hole(self, problem_id, level, lang):
        """The hole just shown: its seed read from the header line, rebuilt in-process."""
        self.child.expect(rf"{problem_id} · .*level={level} seed=(\d+)")
        return holes.make(catalog.get(problem_id), level=level, seed=int(self.child.match.group(1)), lang=lang)

    def prompt(self, label, cand):
        """Wait for a blank's prompt; the seconds left it shows."""
        self.child.expect(COUNTDOWN + re.escape(prompt_of(label, cand)))
        return int(self.child.match.group(1)) * 60 + int(self.child.match.group(2))

    def text(self):
        return plain(self.log.getvalue())

    def finish(self):
        self.child.expect(pexpect.EOF)
        self.child.close()
        self.seconds = time.monotonic() - self.started
        out = self.text()
        assert "Traceback" not in out, out
        return self.child.exitstatus, out


def prompt_of(label, cand):
    return f"{label} {cand.lhs}" if cand.lhs else f"{label} "


def answer_of(cand):
    return cand.text[len(cand.lhs):] if cand.lhs else cand.text


def history():
    with progress.Store() as store:
        return store.attempts(), store.sessions()


def row(out, *cells):
    """The summary table has a row with these cells in order."""
    return re.search(r"\s+".join(re.escape(c) for c in cells), out)


def test_practice_solve_miss_skip_quit(home):
    p = Practice(home, "softmax", "relu", "--minutes", "1", "--level", "easy", "--lang", "en")
    p.expect("Practice session: 2 problem(s), 01:00 on the clock.")
    p.expect("Question 1 · ")
    hole = p.hole("softmax", "easy", "en")
    for lab, cand in zip(hole.labels, hole.blanks):
        left = p.prompt(lab, cand)
        assert 0 < left <= 60
        p.send(answer_of(cand))
    p.expect("✓ Passed.")
    p.child.expect(r"⏱ \d\d:\d\d on this question · (\d\d):(\d\d) left")
    assert int(p.child.match.group(1)) * 60 + int(p.child.match.group(2)) <= 60
    p.expect("Question 2 · ")
    relu = p.hole("relu", "easy", "en")
    assert len(relu.labels) == 1          # relu has one load-bearing line: easy asks for it alone
    p.prompt(relu.labels[0], relu.blanks[0])
    p.send("None")
    p.expect("Try the ✗ blanks again (n moves on to the next problem).")
    p.prompt(relu.labels[0], relu.blanks[0])
    p.send("n")                           # on to the next: softmax passed, so relu comes round again
    p.expect("Question 3 · ")
    again = p.hole("relu", "easy", "en")
    p.prompt(again.labels[0], again.blanks[0])
    p.send("q")
    status, out = p.finish()
    assert status == 0, out
    end = out[out.rindex("Session ended."):]
    assert "Session summary" in end
    for col in ("Problem", "Result", "Time", "Blanks solved", "Hints", "Revealed"):
        assert col in end
    assert row(end, "1", "softmax", "✓ solved"), end
    assert row(end, "2", "relu", "✗ missed"), end
    assert row(end, "3", "relu", "■ stopped"), end
    assert re.search(r"softmax\s+✓ solved\s+\d\d:\d\d\s+2/2", end), end
    assert "1 solved · 0 revealed · 1 missed · 0 unfinished · 0 skipped · 1 stopped, of 3 item(s)." in end
    review = end[end.index("What to review"):]
    assert "relu" in review and "softmax" not in review
    assert f"{relu.labels[0]} missed: {relu.blanks[0].text}" in review

    attempts, sessions = history()
    [session] = sessions
    assert session["kind"] == "practice" and session["planned_minutes"] == 1
    assert session["ended_at"] is not None
    summary = session["summary"]
    assert summary["ended_by"] == "quit"
    assert [(i["problem"], i["result"]) for i in summary["items"]] == [
        ("softmax", "solved"), ("relu", "missed"), ("relu", "stopped")]
    assert summary["items"][1]["review"] == [{"label": relu.labels[0], "reference": relu.blanks[0].text,
                                              "revealed": False, "misses": 1}]
    assert [(a.problem, a.passed, a.unfinished) for a in attempts] == [("softmax", True, False),
                                                                        ("relu", False, False)]
    for a in attempts:
        assert a.mode == "practice" and a.session_id == session["id"]
        assert a.level == "easy" and a.seconds > 0
    assert attempts[0].seed == hole.seed and attempts[0].blanks == 2
    assert [b["passed"] for b in attempts[0].blank_results] == [True, True]
    assert attempts[1].answer and "return None" in attempts[1].answer
    assert attempts[1].blank_results[0]["reference"] == relu.blanks[0].text


def test_practice_ends_early_when_everything_passed_ja(home):
    p = Practice(home, "relu", "--minutes", "1", "--lang", "ja")
    p.expect("練習セッション: 1 問から出題、制限時間 01:00。")
    p.expect("第 1 問 ・ 残り ")
    hole = p.hole("relu", "normal", "ja")
    assert hole.labels == ["(あ)"]
    p.prompt(hole.labels[0], hole.blanks[0])
    p.send(answer_of(hole.blanks[0]))
    status, out = p.finish()
    assert status == 0, out
    assert p.seconds < 30, "the session ends when every problem has passed, not when the time is up"
    assert "正解です。" in out and "この問題 " in out and " ・ 残り " in out
    end = out[out.rindex("すべての問題を正解しました。"):]
    assert "練習の結果" in end and "時間" in end and "自力で正解した空欄" in end
    assert row(end, "1", "relu", "✓ 正解"), end
    assert "復習が必要な問題はありません。" in end
    [session] = history()[1]
    assert session["summary"]["ended_by"] == "all_passed"


def test_time_up_at_an_empty_prompt_is_recorded_unfinished(home):
    """Decision: a session that runs out of time ends normally (exit 0) with the summary."""
    p = Practice(home, "relu", "--minutes", "0.05", "--lang", "en")   # 3 seconds
    p.expect("Practice session: 1 problem(s), 00:03 on the clock.")
    hole = p.hole("relu", "normal", "en")
    shown = time.monotonic()
    assert p.prompt(hole.labels[0], hole.blanks[0]) <= 3
    p.expect("⏰ Time is up.")
    waited = time.monotonic() - shown
    p.expect("Nothing answered: recorded as unfinished.")
    status, out = p.finish()
    assert status == 0, out
    assert 1.5 < waited < 10, waited     # the clock stopped while the hole was prepared, then ran out
    end = out[out.rindex("Time is up: the session is over."):]
    assert row(end, "1", "relu", "⏰ unfinished"), end
    assert "0 solved · 0 revealed · 0 missed · 1 unfinished" in end
    assert "relu" in end[end.index("What to review"):]

    attempts, [session] = history()
    [a] = attempts
    assert a.problem == "relu" and a.mode == "practice" and a.session_id == session["id"]
    assert a.unfinished and not a.passed
    assert a.blank_results == [] and a.answer is None and a.seed == hole.seed
    assert session["summary"]["ended_by"] == "time"
    assert session["summary"]["items"][0]["result"] == "unfinished"


def test_time_up_with_some_blanks_typed_grades_those_and_records_unfinished(home):
    p = Practice(home, "softmax", "--minutes", "0.07", "--level", "easy", "--lang", "en")
    hole = p.hole("softmax", "easy", "en")
    (l1, c1), (l2, c2) = zip(hole.labels, hole.blanks)
    p.prompt(l1, c1)
    p.send(answer_of(c1))
    p.prompt(l2, c2)                      # nothing typed here: the time runs out
    p.expect("⏰ Time is up.")
    p.expect("Grading the blanks you answered; the question is recorded as unfinished.")
    status, out = p.finish()
    assert status == 0, out
    verdicts = out[out.rindex("Grading the blanks you answered"):out.rindex("Time is up: the session is over.")]
    assert f"✓ {l1} right" in verdicts and l2 not in verdicts
    assert row(out, "1", "softmax", "⏰ unfinished"), out
    [a] = history()[0]
    assert a.unfinished and not a.passed and a.mode == "practice"
    assert a.blank_results == [{"label": l1, "passed": True, "tries": 1, "hints": 0, "revealed": False,
                                "reference": c1.text}]
    assert c1.text in a.answer and holes.placeholder(l2) in a.answer   # the answer so far, the rest still blank


def test_time_up_with_every_blank_answered_grades_it(home):
    """After a wrong round, retyping one blank completes the answer (the other keeps its earlier text): graded."""
    p = Practice(home, "softmax", "--minutes", "0.1", "--level", "easy", "--lang", "en")
    hole = p.hole("softmax", "easy", "en")
    (l1, c1), (l2, c2) = zip(hole.labels, hole.blanks)
    for lab, cand in ((l1, c1), (l2, c2)):
        p.prompt(lab, cand)
        p.send("None")
    p.expect("Try the ✗ blanks again")
    p.prompt(l1, c1)
    p.send(answer_of(c1))
    p.prompt(l2, c2)
    p.expect("⏰ Time is up.")
    p.expect("Every blank has an answer: grading it.")
    status, out = p.finish()
    assert status == 0, out
    verdicts = out[out.rindex("Every blank has an answer"):out.rindex("Time is up: the session is over.")]
    assert f"✓ {l1} right" in verdicts and f"✗ {l2} " in verdicts
    assert row(out, "1", "softmax", "✗ missed"), out
    first, second = history()[0]
    assert not first.unfinished and not second.unfinished
    assert [b["passed"] for b in first.blank_results] == [False, False]
    assert [b["passed"] for b in second.blank_results] == [True, False]
    assert c1.text in second.answer and c2.lhs + "None" in second.answer


def test_no_selection_serves_the_schedule_queue(home):
    with progress.Store() as store:
        expected = schedule.queue(store, catalog.load_all())
    p = Practice(home, "--minutes", "1", "--level", "easy", "--lang", "en")
    p.expect(f"Practice session: {len(expected)} problem(s)")
    p.child.expect(r"level=easy seed=\d+")
    p.expect("] (")
    p.send("q")
    status, out = p.finish()
    assert status == 0, out
    assert row(out, "1", expected[0], "■ stopped"), out


def test_unknown_id_is_refused_before_the_session(home):
    p = Practice(home, "softmax", "relux", "--lang", "en")
    status, out = p.finish()
    assert status == 2
    assert "no problem 'relux'. Did you mean: relu" in out
    assert history() == ([], [])


# --- without a terminal ---------------------------------------------------------------------------------------

def test_clock():
    assert timefmt.clock(0) == "00:00"
    assert timefmt.clock(0.2) == "00:01"          # a countdown shows 00:00 only when the time is over
    assert timefmt.clock(59.5) == "01:00"
    assert timefmt.clock(25 * 60) == "25:00"
    assert timefmt.clock(3600 + 61) == "1:01:01"
    assert timefmt.clock(0.4, up=False) == "00:00"


def test_countdown_reads_lines_and_runs_out():
    read_fd, write_fd = os.pipe()
    try:
        out = io.StringIO()
        countdown = drill.Countdown(0.5, stdin_fd=read_fd, stdout=out)
        os.write(write_fd, "a = 1\nあ\n".encode())        # two lines in one read: neither is lost
        assert countdown.input("(1) ") == "a = 1"
        assert countdown.input("(2) ") == "あ"
        assert out.getvalue() == "[00:01] (1) [00:01] (2) "
        started = time.monotonic()
        with pytest.raises(drill.TimeUp):
            countdown.input("(3) ")
        assert 0.2 < time.monotonic() - started < 2
        with pytest.raises(drill.TimeUp):               # once over, no more reading
            countdown.input("(3) ")
        later = drill.Countdown(5, stdin_fd=read_fd, stdout=io.StringIO())
        with later.paused():
            time.sleep(0.05)
        assert later.remaining() > 4.99
        os.close(write_fd)
        write_fd = None
        with pytest.raises(EOFError):
            later.input("(1) ")
    finally:
        os.close(read_fd)
        if write_fd is not None:
            os.close(write_fd)


def test_turns_skip_what_passed_and_come_round_again():
    from examprep.learn.practice import _Turns

    turns = _Turns(["a", "b", "c"])
    assert [turns.next() for _ in range(3)] == ["a", "b", "c"]
    turns.done.update({"a", "c"})
    assert [turns.next() for _ in range(2)] == ["b", "b"]
    turns.done.add("b")
    assert turns.next() is None


def test_input_until_edits_lines_and_gives_up_at_the_deadline():
    """Practice and the mock exam read through input_until: arrow keys edit the line (readline) instead of
    ending up in the answer as escape codes, and the deadline abandons a half-typed line."""
    code = ("import time\nfrom examprep.learn.drill import TimeUp, input_until\nend = time.monotonic() + {s}\n"
            "try:\n    print(repr(input_until(lambda: end - time.monotonic(), '> ')))\n"
            "except TimeUp:\n    print('TIMEUP')\n")
    child = pexpect.spawn(sys.executable, ["-c", code.format(s=10)], encoding="utf-8", timeout=TIMEOUT)
    child.expect_exact("> ")
    child.send("abc\x1b[D\x1b[DX\r")                 # two steps left, insert X
    child.expect_exact("'aXbc'")
    child.expect(pexpect.EOF)
    child = pexpect.spawn(sys.executable, ["-c", code.format(s=1)], encoding="utf-8", timeout=TIMEOUT)
    child.expect_exact("> ")
    child.send("half typed")
    child.expect_exact("TIMEUP")
    child.expect(pexpect.EOF)
