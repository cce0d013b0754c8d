"""The interactive drill driven through a real pseudo-terminal, as a learner types into it."""
import io
import os
import re
import sys

import pytest

from examprep.problem import catalog
from examprep.learn import drill, prompt
from examprep.hole import holes
from examprep.hole.hints import hints_for

pexpect = pytest.importorskip("pexpect")

pytestmark = pytest.mark.slow

TIMEOUT = 20
ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\r")


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    """EXAMPREP_HOME for the drills (the load-bearing proof is cached there after the first)."""
    path = tmp_path_factory.mktemp("examprep-home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("EXAMPREP_HOME", str(path))  # the in-process holes.make below uses the same cache
        yield path


@pytest.fixture(scope="module")
def softmax():
    return catalog.get("softmax")


def plain(text):
    return ANSI.sub("", text)


class Drill:
    def __init__(self, home, *args, rows=60, columns=250, timeout=TIMEOUT):
        env = dict(os.environ, EXAMPREP_HOME=str(home), TERM="xterm-256color", PYTHONIOENCODING="utf-8")
        env.pop("NO_COLOR", None)
        env.pop("COLUMNS", None)
        self.log = io.StringIO()
        self.child = pexpect.spawn(sys.executable, ["-m", "examprep", "drill", *args], env=env, encoding="utf-8",
                                   timeout=timeout, dimensions=(rows, columns))
        self.child.logfile_read = self.log

    def prompt(self, text):
        self.child.expect_exact(text)

    def send(self, line):
        self.child.sendline(line)

    def since(self, mark):
        """The plain transcript after the last occurrence of mark."""
        text = self.text()
        return text[text.rindex(mark):]

    def text(self):
        return plain(self.log.getvalue())

    def finish(self):
        self.child.expect(pexpect.EOF)
        self.child.close()
        out = self.text()
        assert "Traceback" not in out, out
        return self.child.exitstatus, out


def prompt_of(label, cand):
    return f"{label} {cand.lhs}" if cand.lhs else f"{label} "


def answer_of(cand):
    """What a learner types for a blank: the expression after the visible left-hand side, or the statement."""
    return cand.text[len(cand.lhs):] if cand.lhs else cand.text


def test_drill_en_hint_wrong_then_right(home, softmax):
    hole = holes.make(softmax, level="easy", seed=1, lang="en")
    assert hole.labels == ["(1)", "(2)"]
    (l1, c1), (l2, c2) = zip(hole.labels, hole.blanks)
    first_hint = hints_for(softmax, c1, "en")[0]

    d = Drill(home, "softmax", "--level", "easy", "--seed", "1", "--lang", "en")
    d.prompt(prompt_of(l1, c1))
    shown = d.text()
    assert "level=easy seed=1" in shown
    assert f"＿＿＿{l1}＿＿＿" in shown and f"＿＿＿{l2}＿＿＿" in shown
    assert "? hint / ! reveal / c whole code / q quit" in shown
    d.send("?")
    d.prompt(prompt_of(l1, c1))
    assert first_hint in d.text()
    d.send("None")                       # wrong for blank 1
    d.prompt(prompt_of(l2, c2))
    d.send(answer_of(c2))                # right for blank 2
    d.prompt("Try the ✗ blanks again.")
    verdicts = d.since(prompt_of(l2, c2) + answer_of(c2))
    assert re.search(rf"✗ {re.escape(l1)} \S", verdicts), verdicts
    assert f"✓ {l2} right" in verdicts
    d.prompt(prompt_of(l1, c1))          # only the ✗ blank is asked again
    d.send(answer_of(c1))
    status, out = d.finish()
    assert status == 0, out
    end = out[out.rindex("Try the ✗ blanks again."):]
    assert f"✓ {l1} right" in end and f"✓ {l2} right" in end
    assert "✓ Passed." in end
    assert "Summary" in end
    for col in ("Blank", "Result", "Tries", "Hints", "Revealed"):
        assert col in end
    assert re.search(rf"{re.escape(l1)}\s+✓\s+2\s+1\b", end), end   # 2 tries, 1 hint
    assert re.search(rf"{re.escape(l2)}\s+✓\s+1\s+0\b", end), end
    assert "Solved 2 of 2 blanks yourself" in end
    saved = home / "solutions" / "softmax.py"
    assert "Saved your answer" in end
    assert saved.exists() and c1.text in saved.read_text(encoding="utf-8")


def test_drill_ja(home, softmax):
    hole = holes.make(softmax, level="easy", seed=2, lang="ja")
    assert hole.labels == ["(あ)", "(い)"]
    saved = home / "solutions" / "softmax.py"
    before = saved.read_text(encoding="utf-8") if saved.exists() else None
    d = Drill(home, "softmax", "--level", "easy", "--seed", "2", "--lang", "ja")
    d.prompt(prompt_of(hole.labels[0], hole.blanks[0]))
    assert "? ヒント / ! 答えを見る / c コード全体 / q 終了" in d.text()
    d.send("!")                          # reveal the first blank
    d.prompt(prompt_of(hole.labels[1], hole.blanks[1]))
    assert f"答え: {hole.blanks[0].text}" in d.text()
    d.send("")                           # an empty answer is asked again
    d.prompt(prompt_of(hole.labels[1], hole.blanks[1]))
    assert "空欄 (い) に何か入力してください" in d.text()
    d.send("np.exp(x")                   # unfinished: continues on the next line
    d.prompt("... ")
    d.send(")) +")                       # a syntax error is reported, not graded
    d.prompt(prompt_of(hole.labels[1], hole.blanks[1]))
    assert "文法エラー" in d.text()
    d.send(answer_of(hole.blanks[1]))
    status, out = d.finish()
    assert status == 1, "a revealed blank is not solved"
    assert "✓ (あ) 正解" in out and "✓ (い) 正解" in out
    assert "正解です。" not in out, "a drill with a revealed blank is not passed"
    assert "(あ) は答えを見たので正解には数えません" in out
    assert "結果" in out and "答えを見た" in out
    assert "空欄 2 個中 1 個を自力で正解" in out
    # A revealed blank is the reference's line, not the learner's: nothing is kept as their answer.
    assert (saved.read_text(encoding="utf-8") if saved.exists() else None) == before
    assert "解答を保存しました" not in out


def test_drill_quit(home, softmax):
    hole = holes.make(softmax, level="normal", seed=0, lang="en")
    d = Drill(home, "softmax", "--seed", "0", "--lang", "en")
    d.prompt(prompt_of(hole.labels[0], hole.blanks[0]))
    d.send("q")
    status, out = d.finish()
    assert status == 130
    assert "Stopped." in out
    assert "Summary" in out
    for lab in hole.labels:
        assert re.search(rf"{re.escape(lab)}\s+– not answered\s+0\b", out), out
    assert "✗" not in out[out.index("Summary"):]
    assert "Solved 0 of 3 blanks yourself" in out


def test_drill_ctrl_d_quits(home, softmax):
    hole = holes.make(softmax, level="normal", seed=0, lang="ja")
    d = Drill(home, "softmax", "--seed", "0", "--lang", "ja")
    d.prompt(prompt_of(hole.labels[0], hole.blanks[0]))
    d.child.sendeof()
    status, out = d.finish()
    assert status == 130
    assert "中断しました。" in out and "結果" in out


def _max_blank(hole):
    [(label, cand)] = [(lab, c) for lab, c in zip(hole.labels, hole.blanks) if "np.max" in c.text]
    return label, cand


def test_drill_two_statements_on_one_line(home, softmax):
    hole = holes.make(softmax, level="normal", seed=0, lang="en")
    label, cand = _max_blank(hole)
    assert cand.lhs == "x = "
    d = Drill(home, "softmax", "--seed", "0", "--lang", "en")
    for lab, c in zip(hole.labels, hole.blanks):
        d.prompt(prompt_of(lab, c))
        d.send("m = x.max(axis=-1, keepdims=True); x = x - m" if lab == label else answer_of(c))
    status, out = d.finish()
    assert status == 0, out
    assert "✓ Passed." in out
    assert f"Solved {len(hole.labels)} of {len(hole.labels)}" in out


def test_drill_block_answer_ends_with_an_empty_line(home, softmax):
    hole = holes.make(softmax, level="normal", seed=0, lang="en")
    label, cand = _max_blank(hole)
    d = Drill(home, "softmax", "--seed", "0", "--lang", "en")
    for lab, c in zip(hole.labels, hole.blanks):
        d.prompt(prompt_of(lab, c))
        if lab != label:
            d.send(answer_of(c))
            continue
        d.send("if x.ndim >= 1:")
        d.prompt("... ")
        d.send("    m = np.max(x, axis=-1, keepdims=True)")
        d.prompt("... ")
        d.send("    x = x - m")
        d.prompt("... ")
        d.send("")
    status, out = d.finish()
    assert status == 0, out
    assert "✓ Passed." in out
    assert "Type something for" not in out
    saved = (home / "solutions" / "softmax.py").read_text(encoding="utf-8")
    assert "        m = np.max(x, axis=-1, keepdims=True)\n        x = x - m\n" in saved


@pytest.mark.parametrize("typed,expected", [
    (["x - m"], "x - m"),
    (["m = x.max(axis=-1, keepdims=True); x = x - m"], "m = x.max(axis=-1, keepdims=True); x = x - m"),
    (["np.max(x,", "       axis=-1)"], "np.max(x,\n       axis=-1)"),
    (["if x.ndim:", "    m = 1", "    x = x - m", ""], "if x.ndim:\n    m = 1\n    x = x - m"),
    (["for i in range(3):", "    x = x + i", "    x = x * 2", ""], "for i in range(3):\n    x = x + i\n    x = x * 2"),
    (["  ?  "], "?"),
])
def test_read_answer_reads_like_the_python_prompt(typed, expected):
    """Without a terminal: what one answer is made of (the pty tests above drive the same code)."""
    lines = iter(typed)
    prompts = []

    def fake_input(prompt):
        prompts.append(prompt)
        return next(lines)
    assert prompt.read_answer(None, "(1) x = ", fake_input) == expected
    assert prompts == ["(1) x = "] + ["... "] * (len(typed) - 1)


def test_a_whole_body_blank_reads_until_an_empty_line():
    """At level full a blank is a whole method body: complete lines must not end the answer."""
    from examprep.problem import catalog
    from examprep.learn import drill
    from examprep.hole import holes

    [body] = holes.method_bodies(catalog.get("softmax"))
    assert prompt.is_body(body)
    typed = iter(["x = x - np.max(x, axis=-1, keepdims=True)", "e = np.exp(x)",
                  "return e / e.sum(axis=-1, keepdims=True)", ""])
    answer = prompt.read_answer(None, "(1) ", lambda prompt: next(typed), body=True)
    assert answer.splitlines() == ["x = x - np.max(x, axis=-1, keepdims=True)", "e = np.exp(x)",
                                   "return e / e.sum(axis=-1, keepdims=True)"]
    one_line = holes.candidates(catalog.get("softmax"))[0]
    assert not prompt.is_body(one_line)


def test_drill_reveal_says_revealed_not_passed(home, softmax):
    """The bug: "✓ Passed." after `!`. The file passes, but the drill says which blank was revealed and exits 1."""
    hole = holes.make(softmax, level="easy", seed=1, lang="en")
    (l1, c1), (l2, c2) = zip(hole.labels, hole.blanks)
    d = Drill(home, "softmax", "--level", "easy", "--seed", "1", "--lang", "en")
    d.prompt(prompt_of(l1, c1))
    d.send(answer_of(c1))
    d.prompt(prompt_of(l2, c2))
    d.send("!")
    status, out = d.finish()
    assert status == 1, out
    assert "Passed." not in out
    assert f"Complete, but {l2} revealed: not counted as passed." in out
    assert re.search(rf"{re.escape(l1)}\s+✓\s+1\b", out), out
    assert re.search(rf"{re.escape(l2)}\s+👁\s+0\s+0\s+✓", out), out
    assert "Solved 1 of 2 blanks yourself" in out


def test_drill_ctrl_c_marks_ungraded_blanks_not_answered(home, softmax):
    """The bug: after Ctrl-C the summary showed ✗ with 1 try for a blank whose answer was never graded. A
    blank judged wrong in a graded round stays ✗ with its graded tries."""
    hole = holes.make(softmax, level="normal", seed=0, lang="en")
    (l1, c1), (l2, c2), (l3, c3) = zip(hole.labels, hole.blanks)
    d = Drill(home, "softmax", "--seed", "0", "--lang", "en")
    d.prompt(prompt_of(l1, c1))
    d.send("None")                        # wrong, graded in round 1
    d.prompt(prompt_of(l2, c2))
    d.send(answer_of(c2))
    d.prompt(prompt_of(l3, c3))
    d.send(answer_of(c3))
    d.prompt("Try the ✗ blanks again.")
    d.prompt(prompt_of(l1, c1))
    d.send("x")                           # typed again, never graded
    verdicts = d.since("Try the ✗ blanks again.")
    d.child.sendintr()
    status, out = d.finish()
    assert status == 130
    summary = out[out.index("Summary"):]
    assert re.search(rf"{re.escape(l1)}\s+✗\s+1\b", summary), summary
    assert re.search(rf"{re.escape(l2)}\s+✓\s+1\b", summary), summary
    d2 = Drill(home, "softmax", "--seed", "0", "--lang", "ja")
    d2.prompt(prompt_of("(あ)", c1))
    d2.send(answer_of(c1))               # answered, but Ctrl-C comes before the round is graded
    d2.prompt(prompt_of("(い)", c2))
    d2.child.sendintr()
    status, out = d2.finish()
    assert status == 130
    summary = out[out.index("結果"):]
    for lab in ("(あ)", "(い)", "(う)"):
        assert re.search(rf"{re.escape(lab)}\s+– 未回答\s+0\b", summary), summary
    assert "✗" not in summary


def test_drill_on_a_24_row_terminal_shows_each_blanks_context_and_the_code_on_c(home):
    """Issue 18: on a 24-row terminal the code scrolled away before blank (1) was asked. Each blank's prompt
    now comes right after its context (the def line, the lines above, the blank's line), and c prints the
    whole code again."""
    conv = catalog.get("conv2d")
    hole = holes.make(conv, level="hard", seed=1, lang="en")
    assert len(holes.display_text(hole).splitlines()) > 40, "a listing longer than the terminal"
    d = Drill(home, "conv2d", "--level", "hard", "--seed", "1", "--lang", "en", rows=24, columns=80,
              timeout=TIMEOUT * 2)
    for k, (lab, cand) in enumerate(zip(hole.labels, hole.blanks)):
        d.prompt(prompt_of(lab, cand))
        screen = [line for line in d.text().split("\n")][-24:]
        at = next(i for i, line in enumerate(screen) if f"＿＿＿{lab}＿＿＿" in line)
        assert any(re.search(r"^\s*\d+\s+def (forward|backward)", line) for line in screen[:at]), screen
        if k == 0:
            d.send("c")
            d.prompt(prompt_of(lab, cand))
            again = d.since(f"{lab} {cand.lhs}c".rstrip())
            assert "class Convolution" in again and all(f"＿＿＿{x}＿＿＿" in again for x in hole.labels)
        d.send(answer_of(cand))
    status, out = d.finish()
    assert status == 0, out
    assert "✓ Passed." in out
