"""Scoring a sitting: the result (schema examprep.exam-result/1) of its answers.

A multiple-choice or calc question is right when the option chosen is the key; a typed (code_free) answer is
graded by running it in the sandbox with every other line of the reference in place, as drills are
(code.fills.grade_fills). An answer that cannot be graded because the reference changed since the exam was made
(StaleQuestion) is left out of the score and said so, never marked wrong. Unanswered questions are wrong. A listing
whose answers make a correct program together is right as a whole. The pass line is an assumption (PASS_LINE): the
JDLA does not publish one; pass/fail is given from MIN_FOR_VERDICT graded questions up, with the 95 % Wilson
interval of the rate.
"""
import math
import time

from examprep.grade.failure import Failure

RESULT_SCHEMA = "examprep.exam-result/1"
PASS_LINE = 0.60
MIN_FOR_VERDICT = 50   # fewer graded questions say too little for a pass/fail


def grade_free_answers(problem_id, fills):
    from examprep.problem import catalog
    from examprep.exam.code import fills as code_fills

    problem = catalog.get(problem_id)
    out, runnable = {}, []
    for qid, question, text in fills:
        try:
            code_fills.fill_source(question, text)
            runnable.append((qid, question, text))
        except code_fills.StaleQuestion:
            out[qid] = "stale"
    if runnable:
        out.update(code_fills.grade_fills(problem, runnable))
    return out


def grade_whole_set(problem_id, pairs):
    from examprep.problem import catalog
    from examprep.exam.code import fills as code_fills

    try:
        return code_fills.grade_combination(catalog.get(problem_id), pairs)
    except code_fills.StaleQuestion:
        return "stale"


SET_NOTE = {"ja": "選んだ組み合わせ全体で正しいプログラムになるため正解としました (参照実装とは別の書き方です)。",
            "en": "Right as a whole: the answers you gave for this listing make a correct program together (written "
                  "differently from the reference)."}


NOT_GRADED = Failure("internal", "採点できませんでした。", "Not graded.")


def _free_diagnosis(failure):
    return {k: getattr(failure, k) for k in ("check", "stage", "what", "ja", "en") if getattr(failure, k) is not None}


def _credit_correct_sets(questions, rows, grade_set):
    """A listing with several blanks is right as a whole when the answers given make a correct program together."""
    sets = {}
    for i, q in enumerate(questions):
        if q.kind.startswith("code") and q.set_id:
            sets.setdefault(q.set_id, []).append(i)
    for members in sets.values():
        if len(members) < 2 or all(rows[i]["correct"] for i in members):
            continue
        if any(rows[i]["answer"] is None or not rows[i]["gradable"] for i in members):
            continue
        if grade_set(questions[members[0]].problem, [(questions[i], rows[i]["answer"]) for i in members]) is None:
            for i in members:
                if not rows[i]["correct"]:
                    rows[i].update(correct=True, diagnosis=None, note=dict(SET_NOTE))


def score(sitting, grade_free, grade_set):
    """The result of a sitting (schema examprep.exam-result/1)."""
    questions = sitting.questions
    free = {}
    for i, q in enumerate(questions):
        text = (sitting.answer_of(i)["text"] or "").strip()
        if q.kind == "code_free" and text:
            free.setdefault(q.problem, []).append((q.id, q, text))
    graded = {}
    for problem_id, fills in free.items():
        graded.update(grade_free(problem_id, fills))

    rows, per_area = [], {}
    for i, q in enumerate(questions):
        a = sitting.answer_of(i)
        row = {"number": i + 1, "question_id": q.id, "kind": q.kind, "area": q.area, "item": q.item,
               "problem": q.problem, "template": q.template, "flagged": a["flagged"],
               "seconds": round(a["seconds"], 1), "answer": None, "correct": False, "gradable": True,
               "diagnosis": None, "note": None}
        if q.kind == "code_free":
            text = (a["text"] or "").strip()
            row["answer"] = text or None
            if text:
                failure = graded.get(q.id, NOT_GRADED)
                if failure == "stale":
                    row["gradable"] = False
                    row["diagnosis"] = {"check": "stale",
                                        "ja": "試験の作成後に参照実装が変わったため採点できません (得点から除外)。",
                                        "en": "The reference changed after this exam was made: not graded "
                                              "(left out of the score)."}
                elif failure is None:
                    row["correct"] = True
                else:
                    row["diagnosis"] = _free_diagnosis(failure)
        elif a["choice"] is not None:
            option = q.options[a["choice"]]
            row["answer"] = option.text
            row["choice"] = a["choice"]
            row["correct"] = a["choice"] == q.key
            if not row["correct"]:
                row["diagnosis"] = option.verdict
        rows.append(row)
    _credit_correct_sets(questions, rows, grade_set)
    for q, row in zip(questions, rows):
        if row["gradable"]:
            area = per_area.setdefault(q.area, {"correct": 0, "total": 0, "seconds": 0.0})
            area["total"] += 1
            area["correct"] += row["correct"]
            area["seconds"] += row["seconds"]
    total = sum(r["gradable"] for r in rows)
    correct = sum(r["correct"] for r in rows)
    rate = correct / total if total else 0.0
    for area in per_area.values():
        area["rate"] = area["correct"] / area["total"] if area["total"] else None
        area["seconds"] = round(area["seconds"], 1)
    spent = min(sitting.data["minutes"] * 60,
                (sitting.data["submitted_at"] or time.time()) - sitting.data["started_at"])
    return {"schema": RESULT_SCHEMA, "sitting": sitting.data["id"], "seed": sitting.data["seed"],
            "reason": sitting.data["reason"], "questions": len(questions), "graded": total, "correct": correct,
            "rate": rate, "pass_line": PASS_LINE, "passed": rate >= PASS_LINE,
            # Pass/fail is shown only from MIN_FOR_VERDICT graded questions up, with the 95 % interval of the rate.
            "judged": total >= MIN_FOR_VERDICT, "interval": wilson_interval(correct, total),
            "minutes": sitting.data["minutes"],
            "seconds_used": round(max(0.0, spent), 1),
            "answered": sum(1 for r in rows if r["answer"] is not None),
            "per_area": dict(sorted(per_area.items())), "items": rows}


def wilson_interval(correct, total, z=1.96):
    """The 95 % Wilson score interval of a rate correct/total: [low, high] (None without questions)."""
    if not total:
        return None
    p = correct / total
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / (1 + z * z / total)
    return [round(max(0.0, centre - half), 4), round(min(1.0, centre + half), 4)]
