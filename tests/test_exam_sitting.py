"""A sitting: answers saved as given, the wall-clock deadline, scoring (typed answers run), recording, --print/--export."""
import json

import pytest

from examprep.problem import catalog
from examprep.learn import progress, report
from examprep.exam import paper
from examprep.exam.compose import AREA_WEIGHTS, compose
from examprep.exam.model import in_lang
from examprep.exam.scoring import PASS_LINE
from examprep.exam.sitting import Sitting, record

SAMPLE = ["softmax", "affine", "adam"]


@pytest.fixture(scope="module")
def questions(module_examprep_home):
    qs = compose(12, seed=11, areas=["3"], problems=[catalog.get(p) for p in SAMPLE])
    assert any(q.kind == "code_choice" for q in qs) and any(q.kind == "calc" for q in qs)
    return qs


@pytest.fixture
def sitting(questions, examprep_home):
    return Sitting.new(questions, minutes=10, seed=11, areas=["3"])


def test_every_change_is_on_disk_at_once(sitting):
    sitting.choose(0, 2)
    sitting.toggle_flag(1)
    again = Sitting.load(sitting.path)
    assert again.answer_of(0)["choice"] == 2 and again.answer_of(1)["flagged"] is True
    assert Sitting.open_ones()[0].data["id"] == sitting.data["id"]


def test_the_deadline_is_wall_clock_time(questions, examprep_home):
    s = Sitting.new(questions, minutes=1, seed=0, areas=None, now=1000.0)
    assert s.remaining(now=1030.0) == pytest.approx(30.0)
    assert not s.expired(now=1059.0) and s.expired(now=1060.0)


def test_score_right_wrong_unanswered_and_per_area(sitting):
    qs = sitting.questions
    choice = [i for i, q in enumerate(qs) if q.kind != "code_free"]
    right, wrong = choice[0], choice[1]
    sitting.choose(right, qs[right].key)
    bad = next(i for i, o in enumerate(qs[wrong].options) if not o.correct)
    sitting.choose(wrong, bad)
    result = sitting.submit("submitted", grade_free=lambda pid, fills: {qid: None for qid, _, _ in fills})
    rows = {r["number"] - 1: r for r in result["items"]}
    assert rows[right]["correct"] and rows[right]["diagnosis"] is None
    assert not rows[wrong]["correct"] and rows[wrong]["diagnosis"] == qs[wrong].options[bad].verdict
    assert rows[wrong]["diagnosis"]["ja"] and rows[wrong]["diagnosis"]["en"]
    assert result["correct"] == 1 and result["graded"] == len(qs) and result["rate"] == pytest.approx(1 / len(qs))
    assert result["passed"] is False and result["pass_line"] == PASS_LINE
    assert result["per_area"] == {"3": {"correct": 1, "total": len(qs), "seconds": 0.0, "rate": 1 / len(qs)}}
    assert Sitting.load(sitting.path).data["status"] == "submitted" and not Sitting.open_ones()
    assert sitting.submit("timeout") is result  # submitting twice changes nothing


def test_typed_answers_are_graded_by_running_them(questions, examprep_home):
    from examprep.exam.code import questions as code_questions

    free = [code_questions.free_form(q) for q in questions if q.kind == "code_choice"][:2]
    s = Sitting.new(free, minutes=10, seed=0, areas=["3"])
    first, second = free
    # A different but equivalent spelling of the right fill passes; a wrong option's text fails with its diagnosis.
    s.write(0, " ".join(first.answer.split()) + "  ")
    wrong = next(o for o in questions if o.id + ":free" == second.id).options
    wrong_text = next(o.text for o in wrong if not o.correct)
    s.write(1, wrong_text)
    result = s.submit("submitted")
    assert [r["correct"] for r in result["items"]] == [True, False]
    diagnosis = result["items"][1]["diagnosis"]
    assert diagnosis["check"] and diagnosis["ja"] and diagnosis["en"]


def test_a_stale_typed_answer_is_left_out_not_marked_wrong(questions, examprep_home):
    from examprep.exam.code import questions as code_questions

    q = code_questions.free_form(next(q for q in questions if q.kind == "code_choice"))
    data = q.to_json()
    data["blank"] = dict(data["blank"], ref="0" * 16)
    s = Sitting.new([type(q).from_json(data)], minutes=10, seed=0, areas=["3"])
    s.write(0, q.answer)
    result = s.submit("submitted")
    assert result["graded"] == 0 and result["items"][0]["gradable"] is False
    assert result["items"][0]["diagnosis"]["check"] == "stale"


def test_record_puts_the_exam_and_its_answers_in_the_store_and_the_report(sitting):
    q0 = sitting.questions[0]
    if q0.kind == "code_free":
        sitting.write(0, q0.answer)
    else:
        sitting.choose(0, q0.key)
    result = sitting.submit("timeout", grade_free=lambda pid, fills: {qid: None for qid, _, _ in fills})
    record(sitting, result)
    record(sitting, result)  # twice: still one exam, one row per question
    with progress.Store() as store:
        exams = [s for s in store.sessions() if s["kind"] == "exam"]
        answers = store.exam_answers()
    assert len(exams) == 1 and exams[0]["summary"]["correct"] == 1 and exams[0]["summary"]["reason"] == "timeout"
    assert len(answers) == len(sitting.questions) and answers[0]["correct"] is True
    with progress.Store() as store:
        data = report.build(store.attempts(), catalog.load_all(), sessions=store.sessions())
    assert [e["correct"] for e in data["exams"]] == [1]
    assert data["exams"][0]["per_area"] == {"3": pytest.approx(1 / len(sitting.questions))}
    # The history export carries the exam answers, and importing it elsewhere keeps them.
    with progress.Store() as store:
        exported = store.export()
    assert len(exported["exam_answers"]) == len(sitting.questions)


def test_import_rejects_a_malformed_exam_answer(examprep_home):
    bad = {"schema": progress.EXPORT_SCHEMA, "attempts": [], "sessions": [],
           "exam_answers": [{"id": "x", "session_id": "s", "question_id": "q", "kind": "calc", "area": "3",
                             "correct": "yes", "flagged": False, "created_at": "2026-01-01T00:00:00+00:00"}]}
    with progress.Store() as store:
        with pytest.raises(ValueError, match="correct"):
            store.import_(bad)
        assert store.exam_answers() == []


def test_export_json_has_key_and_verdicts(questions):
    data = json.loads(paper.export_json(questions, 11, ["3"], 15.0, PASS_LINE, AREA_WEIGHTS))
    assert data["schema"] == "examprep.exam/1" and data["composition"] == {"3": len(questions)}
    for q in data["questions"]:
        assert q["schema"] == "examprep.question/1"
        if q["kind"] == "code_free":
            continue
        assert sum(o["correct"] for o in q["options"]) == 1 and q["options"][q["key"]]["correct"]
        for o in q["options"]:
            assert (o["verdict"] is None) == o["correct"]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_print_puts_the_key_after_a_page_break(questions, lang):
    text = paper.render_markdown(questions, lang, 11, 15.0, PASS_LINE)
    questions_part, key_part = text.split("page-break-before", 1)
    for q in questions:
        assert in_lang(q.stem[lang], lang) in questions_part
    if lang == "en":                          # English exams label blanks (1), (2) ... as English drills do
        assert "(あ)" not in questions_part and "＿＿(1)＿＿" in questions_part
    assert "A." in key_part and "\\newpage" in key_part
    for k, q in enumerate(questions, 1):
        if q.kind != "code_free":
            row = next(line for line in key_part.splitlines() if line.startswith(f"| {k} | "))
            code = q.kind.startswith("code") or bool(q.code and q.label)
            assert row.startswith(f"| {k} | {paper.LETTERS[q.key]}. " + ("`" if code else ""))
            assert row.endswith("` |" if code else " |")
            assert "\n" not in row and q.answer_text(lang).splitlines()[0].strip() in row
    assert "## " + paper.TEXT["key"][lang] not in questions_part


@pytest.mark.parametrize("lang,said", [("ja", "制限時間 14 分 24 秒"), ("en", "14 min 24 s")])
def test_print_says_the_time_in_minutes_and_seconds(questions, lang, said):
    assert said in paper.render_markdown(questions, lang, 11, 14.4, PASS_LINE).split("\n\n")[1]


def test_a_mirrored_but_correct_listing_is_right_as_a_whole(examprep_home):
    """Each option is proven wrong with the other blanks holding the reference; answers that are wrong one by one
    can still make a correct program together (h added where the reference subtracts it, and the difference taken
    the other way round). A right program is right: the whole listing is credited, with a note."""
    from examprep.exam.code import questions as code_questions
    from examprep.exam.model import Option, Question
    from examprep.hole import holes

    (grad,) = code_questions.code_set(catalog.get("numerical_gradient"), 4, 4)
    assert grad.answer == "(fxh1 - fxh2) / (2 * h)"
    third = code_questions.free_form(grad)
    # The lines `x[idx] = tmp_val + h` and `x[idx] = tmp_val - h` have fewer than three fair distractors (`h -
    # tmp_val` negates x), so no exam asks them; their blanks are made here from the set's own blank, with the
    # mirrored options among their four.
    problem = catalog.get("numerical_gradient")

    def blank_on(answer, texts):
        line = next(c for c in holes.candidates(problem) if c.text.strip() == f"x[idx] = {answer}")
        data = grad.to_json()
        data["id"] = grad.id.replace(f":c{grad.blank['candidate']}:", f":c{line.index}:")
        data["blank"] = dict(grad.blank, candidate=line.index, start=line.start, end=line.end,
                             template=f"x[idx] = {grad.blank['marker']}")
        data["answer"] = answer
        q = Question.from_json(data)
        q.options = [Option(t, t == answer) for t in texts]
        q.key = texts.index(answer)
        return q

    first = blank_on("tmp_val + h", ("tmp_val + h", "tmp_val - h", "tmp_val", "h - tmp_val"))
    second = blank_on("tmp_val - h", ("tmp_val", "tmp_val - h", "tmp_val + h", "h - tmp_val"))
    s = Sitting.new([first, second, third], minutes=10, seed=4, areas=["3"])
    s.choose(0, [o.text for o in first.options].index("tmp_val - h"))
    s.choose(1, [o.text for o in second.options].index("tmp_val + h"))
    s.write(2, ("grad[idx] = " if third.blank["whole_line"] else "") + "(fxh2 - fxh1) / (2 * h)")
    result = s.submit("submitted")
    assert [r["correct"] for r in result["items"]] == [True, True, True]
    assert all(r["note"]["ja"] and r["note"]["en"] for r in result["items"])

    # The same answers with the third one the reference's: one by one wrong, and wrong together too.
    s2 = Sitting.new([first, second, third], minutes=10, seed=4, areas=["3"])
    s2.choose(0, [o.text for o in first.options].index("tmp_val - h"))
    s2.choose(1, [o.text for o in second.options].index("tmp_val + h"))
    s2.write(2, third.answer)
    result = s2.submit("submitted")
    assert [r["correct"] for r in result["items"]] == [False, False, True]


def test_a_result_the_store_could_not_take_is_recorded_later(sitting):
    sitting.submit("submitted", grade_free=lambda pid, fills: {}, grade_set=lambda pid, pairs: "stale")
    assert [s.data["id"] for s in Sitting.unrecorded()] == [sitting.data["id"]]
    record(Sitting.unrecorded()[0], sitting.data["result"])
    assert Sitting.unrecorded() == []
    with progress.Store() as store:
        assert [s["summary"]["sitting"] for s in store.sessions() if s["kind"] == "exam"] == [sitting.data["id"]]


def test_one_terminal_per_exam(sitting):
    from examprep.exam.sitting import SittingError

    sitting.lock()
    other = Sitting.load(sitting.path)
    with pytest.raises(SittingError) as info:
        other.lock()
    assert "another terminal" in info.value.en and info.value.ja


def test_submitting_after_the_deadline_is_a_timeout(questions, examprep_home):
    s = Sitting.new(questions, minutes=1, seed=0, areas=None, now=1000.0)
    result = s.submit("submitted", grade_free=lambda pid, fills: {}, now=2000.0)
    assert result["reason"] == "timeout" and s.data["submitted_at"] == 1060.0


def test_an_existing_print_or_export_file_is_refused_before_the_questions_are_made(examprep_home, tmp_path,
                                                                                     monkeypatch, capsys):
    """Making the questions can take minutes the first time: an existing FILE without --force is said at once."""
    import argparse

    from examprep.exam import command, interactive

    target = tmp_path / "exam.json"
    target.write_text("kept")

    def no_compose(*args, **kwargs):
        raise AssertionError("the questions were made before the existing file was refused")

    monkeypatch.setattr(interactive, "_compose", no_compose)
    parser = argparse.ArgumentParser()
    command.add_arguments(parser)
    for flag in ("--export", "--print"):
        args = parser.parse_args([flag, str(target)])
        args.lang = "en"
        assert interactive.main(args) == 2
        assert "exists (use --force to overwrite)" in capsys.readouterr().err
    assert target.read_text() == "kept"
