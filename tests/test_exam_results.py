"""Honest results (issue 16): pass/fail only from 50 graded questions up, with an interval; n beside every area
rate; flagged questions reviewed; knowledge options in the chosen language; Markdown rendered; exam answers on
code questions feed the review schedule."""
import io
import re
from datetime import datetime, timedelta, timezone

import pytest
from rich.console import Console

from examprep.exam import knowledge, results
from examprep.exam.code.questions import strip_comments
from examprep.exam.scoring import MIN_FOR_VERDICT, wilson_interval
from examprep.exam.sitting import Sitting
from examprep.learn import reviews, schedule


def _bank_questions(n):
    items, _ = knowledge.load()
    return [knowledge.question(e, 3, f"set{k // 3}") for k, e in enumerate(items[:n])]


def _render(sitting, result, lang):
    out = io.StringIO()
    results.render(Console(file=out, width=120, color_system=None), sitting, result, lang)
    return out.getvalue()


def _sit(examprep_home, n, right):
    qs = _bank_questions(n)
    s = Sitting.new(qs, minutes=n * 1.2, seed=3, areas=None)
    for i, q in enumerate(qs):
        s.choose(i, q.key if i < right else (q.key + 1) % 4)
    s.toggle_flag(0)   # right and flagged
    return s, s.submit("submitted")


def test_no_pass_or_fail_below_50_questions(examprep_home):
    s, result = _sit(examprep_home, 12, 10)
    assert not result["judged"] and result["interval"] == wilson_interval(10, 12)
    text = _render(s, result, "en")
    assert "PASS" not in text and "FAIL" not in text and "No pass/fail" in text
    assert "95% interval" in text and "(n=12)" in text


def test_pass_or_fail_with_its_interval_from_50_up(examprep_home):
    s, result = _sit(examprep_home, MIN_FOR_VERDICT, 40)
    assert result["judged"] and result["passed"]
    lo, hi = result["interval"]
    assert lo < 0.8 < hi and 0.6 < lo
    text = _render(s, result, "ja")
    assert "合格" in text and "95% 区間" in text


def test_the_wilson_interval():
    assert wilson_interval(0, 0) is None
    lo, hi = wilson_interval(60, 100)
    assert lo == pytest.approx(0.5020, abs=1e-3) and hi == pytest.approx(0.6906, abs=1e-3)


def test_flagged_questions_are_reviewed_and_options_are_in_the_chosen_language(examprep_home):
    s, result = _sit(examprep_home, 6, 3)
    text = _render(s, result, "ja")
    q0, q5 = s.questions[0], s.questions[5]
    assert "フラグ付き・正解" in text
    assert q0.options[q0.key].texts["ja"][:20] in text
    assert q5.options[(q5.key + 1) % 4].texts["ja"][:20] in text
    assert "出典" in text and q0.source[:20] in text


def test_explanations_render_markdown(examprep_home):
    s, result = _sit(examprep_home, 3, 0)
    s.questions[1].explanation["en"] = "Use **bold** and `np.sum`."
    text = _render(s, result, "en")
    assert "**bold**" not in text and "bold" in text and "`np.sum`" not in text


def test_listings_lose_developer_comments():
    code = "def f(x):\n    # English note\n    y = x + 1  # trailing\n    s = '# not a comment'\n    return y\n"
    assert strip_comments(code) == "def f(x):\n    y = x + 1\n    s = '# not a comment'\n    return y\n"


def _answer(session, qid, problem, correct, when, seconds=20.0, kind="code_choice"):
    return {"id": f"{session}:{qid}", "session_id": session, "question_id": qid, "kind": kind, "problem": problem,
            "template": None, "area": "3", "item": "3-1-3", "answer": "x", "correct": correct, "flagged": False,
            "seconds": seconds, "diagnosis": None, "created_at": when.isoformat(timespec="seconds")}


def test_exam_answers_on_code_questions_count_as_a_review_of_their_problem():
    t0 = datetime(2026, 1, 10, tzinfo=timezone.utc)
    answers = [_answer("e1", "q1", "softmax", True, t0), _answer("e1", "q2", "softmax", True, t0),
               _answer("e1", "q3", "affine", False, t0), _answer("e1", "q4", None, False, t0, kind="knowledge")]
    attempts = reviews.exam_attempts(answers)
    assert {a.problem: a.passed for a in attempts} == {"softmax": True, "affine": False}
    runs = reviews.runs(reviews.with_exam_answers([], answers))
    assert {r.problem: r.rating for r in runs} == {"softmax": 3, "affine": 1}   # one review per problem and sitting
    cards = schedule.cards(runs, now=t0 + timedelta(days=1))
    assert cards["affine"].due < cards["softmax"].due


def _code_question(kind="code_choice", qid="code:softmax:c0:L:s0"):
    """A hand-made code question whose wrong option carries a grader verdict with an English record label."""
    from examprep.exam.model import Option, Question

    verdict = {"check": "exception", "stage": "output", "case": "batch of 4 rows", "what": "forward output (step 1)",
               "ja": "forward output (step 1) の実行中に ValueError が発生しました。",
               "en": "forward output (step 1) raised ValueError."}
    options = [] if kind == "code_free" else [
        Option("np.max(x, axis=-1, keepdims=True)", True), Option("np.max(x, axis=-1)", False, verdict=verdict),
        Option("np.max(x, axis=0, keepdims=True)", False, verdict=dict(verdict)),
        Option("np.min(x, axis=-1, keepdims=True)", False, verdict=dict(verdict))]
    return Question(id=qid, kind=kind, problem="softmax", template=None, area="3", section="深層学習の基礎",
                    item="3-1-3", stem={"ja": "空欄(あ)に入る式を選べ。", "en": "Which expression belongs in blank (あ)?"},
                    explanation={"ja": "最大値を引く。", "en": "Subtract the maximum."}, options=options,
                    key=None if kind == "code_free" else 0, answer="np.max(x, axis=-1, keepdims=True)",
                    code="def softmax(x):\n    x = x - ＿＿(あ)＿＿\n    return x\n", label="(あ)", set_id="code:softmax:s0",
                    blank={"marker": "＿＿(あ)＿＿", "template": "x = x - ＿＿(あ)＿＿", "whole_line": False})


def test_the_review_gives_the_graders_record_label_in_the_learners_language(examprep_home):
    """Issue 16: a Japanese review said "forward output (step 1) の実行中に…": every message wholly in one language."""
    s = Sitting.new([_code_question()], minutes=2, seed=0, areas=["3"])
    s.choose(0, 1)
    result = s.submit("submitted")
    ja = _render(s, result, "ja")
    assert "診断: forward の出力 (ステップ 1) の実行中に ValueError が発生しました。" in ja
    assert "forward output" not in ja
    en = _render(s, result, "en")
    assert "Diagnosis: forward output (step 1) raised ValueError." in en and "ステップ" not in en


def test_typed_and_chosen_questions_share_the_exams_pace(examprep_home, monkeypatch):
    """Issue 16: a typed question shows the same per-question pace and clock as a multiple-choice one."""
    from examprep.exam import interactive

    questions = [_code_question(), _code_question("code_free", "code:softmax:c0:L:s0:free")]
    s = Sitting.new(questions, minutes=2.4, seed=0, areas=["3"])
    assert s.pace() == pytest.approx(72.0)
    s.add_time(1, 30)
    shown = {}
    for index in (0, 1):
        out = io.StringIO()
        interactive._show(Console(file=out, width=200, color_system=None), s, index, "en")
        shown[index] = out.getvalue()
    assert "00:00 on it (pace 01:12)" in shown[0] and "00:30 on it (pace 01:12)" in shown[1]
    assert "Typed question" in shown[1]
    # The typed answer is read with the exam's clock in its prompt, as the command prompt is.
    assert re.fullmatch(r"\[\d\d:\d\d\] 2/2 > ", interactive._prompt(s, 1))
    assert re.fullmatch(r"\[\d\d:\d\d\] \(1\) = ", interactive._typed_prompt(s, questions[1], "en"))
    assert re.fullmatch(r"\[\d\d:\d\d\] \(あ\) = ", interactive._typed_prompt(s, questions[1], "ja"))
    result = s.submit("submitted", grade_free=lambda problem, fills: {qid: None for qid, _, _ in fills})
    assert "(pace 01:12)" in _render(s, result, "en") and "(目安 01:12)" in _render(s, result, "ja")
