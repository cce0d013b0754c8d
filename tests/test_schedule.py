"""Review scheduling: runs and ratings from recorded rounds, FSRS replay, the order of `examprep next`."""
import json
import os
import subprocess
import sys
import uuid
from datetime import datetime, timedelta, timezone

import pytest

from examprep.problem import catalog
from examprep.learn import reviews, schedule
from examprep.learn.progress import Store
from examprep.learn.records import Attempt

NOW = datetime.now(timezone.utc).replace(microsecond=0)


def at(days=0, hours=0, minutes=0, seconds=0):
    return (NOW - timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)).isoformat()


def blanks(*results):
    """blank_results from (reference, passed, tries, hints, revealed) tuples."""
    return [{"label": f"({i + 1})", "passed": p, "tries": tr, "hints": h, "revealed": rv, "reference": ref}
            for i, (ref, p, tr, h, rv) in enumerate(results)]


def drill(problem, rounds, session=None, mode="drill"):
    """The rows a drill records: rounds = [(passed, seconds, blank_results, created_at, extra)]."""
    session = session or str(uuid.uuid4())
    out = []
    for passed, seconds, results, when, *extra in rounds:
        extra = extra[0] if extra else {}
        out.append(Attempt(problem=problem, mode=mode, passed=passed, blanks=len(results), blank_results=results,
                           hints=sum(b["hints"] for b in results), reveals=sum(1 for b in results if b["revealed"]),
                           seconds=seconds, session_id=session, created_at=when, id=str(uuid.uuid4()), **extra))
    return out


def check(problem, passed, when, results=()):
    return Attempt(problem=problem, mode="check", passed=passed, blanks=len(results) or None,
                   blank_results=list(results), created_at=when, id=str(uuid.uuid4()))


A = "x = x - np.max(x, axis=-1, keepdims=True)"
B = "exp_x = np.exp(x)"


# --- runs and ratings -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("rows,rating,fields", [
    # first round passed, no hints, 50 s per blank: Good
    (drill("softmax", [(True, 100.0, blanks((A, True, 1, 0, False), (B, True, 1, 0, False)), at(1))]), 3,
     {"rounds": 1, "solved": True, "first_try": True, "missed": []}),
    # the same under 30 s per blank: Easy
    (drill("softmax", [(True, 40.0, blanks((A, True, 1, 0, False), (B, True, 1, 0, False)), at(1))]), 4,
     {"solved": True, "first_try": True}),
    # a hint: Hard
    (drill("softmax", [(True, 40.0, blanks((A, True, 1, 1, False), (B, True, 1, 0, False)), at(1))]), 2,
     {"solved": True, "first_try": True, "hints": 1}),
    # wrong, then right: one run of two rounds, Hard
    (drill("softmax", [(False, 30.0, blanks((A, False, 1, 0, False), (B, True, 1, 0, False)), at(1, seconds=30)),
                       (True, 60.0, blanks((A, True, 2, 0, False), (B, True, 1, 0, False)), at(1))]), 2,
     {"rounds": 2, "solved": True, "first_try": False, "retried": True, "missed": [A], "seconds": 60.0}),
    # a revealed blank passes the file but is not solved: Again
    (drill("softmax", [(True, 20.0, blanks((A, True, 0, 0, True), (B, True, 1, 0, False)), at(1))]), 1,
     {"passed": True, "solved": False, "first_try": False, "missed": [A]}),
    # never passed (the learner quit): Again
    (drill("softmax", [(False, 20.0, blanks((A, True, 1, 0, False), (B, False, 1, 0, False)), at(1))]), 1,
     {"passed": False, "solved": False, "missed": [B]}),
    # time ran out in practice: Again
    (drill("softmax", [(False, 90.0, blanks((A, True, 1, 0, False), (B, False, 0, 0, False)), at(1),
                        {"unfinished": True})], mode="practice"), 1,
     {"unfinished": True, "solved": False, "mode": "practice"}),
    # a passing check of a hole file (not timed): Good; a failing one: Again
    ([check("softmax", True, at(1), blanks((A, True, 0, 0, False)))], 3, {"seconds": None, "first_try": True}),
    ([check("softmax", False, at(1), blanks((A, False, 0, 0, False)))], 1, {"missed": [A]}),
    # a whole file checked with --problem: no blanks
    ([check("softmax", True, at(1))], 3, {"blanks": None, "blank_refs": []}),
])
def test_run_and_rating(rows, rating, fields):
    [run] = reviews.runs(rows)
    assert run.rating == rating
    for key, value in fields.items():
        assert getattr(run, key) == value, key


def test_runs_group_by_session_and_problem():
    session = str(uuid.uuid4())
    relu = "y = np.maximum(0, x)"
    rows = (drill("softmax", [(False, 10.0, blanks((A, False, 1, 0, False)), at(0, minutes=30, seconds=10)),
                              (True, 20.0, blanks((A, True, 2, 0, False)), at(0, minutes=30))], session=session)
            # relu: a failed round, skipped (n), served again later: a new drill, whose clock starts again
            + drill("relu", [(False, 12.0, blanks((relu, False, 1, 0, False)), at(0, minutes=28))], session=session)
            + drill("relu", [(True, 5.0, blanks((relu, True, 1, 0, False)), at(0, minutes=27))], session=session)
            # softmax served again, and this time it took longer than before: still a new drill
            + drill("softmax", [(False, 25.0, blanks((A, False, 1, 0, False)), at(0, minutes=10, seconds=30)),
                                (False, 55.0, blanks((A, False, 2, 0, False)), at(0, minutes=10))], session=session)
            + drill("softmax", [(False, 80.0, blanks((A, False, 1, 0, False)), at(0, minutes=8))], session=session)
            + [check("softmax", True, at(0, minutes=5)), check("softmax", True, at(0, minutes=4))])
    runs = reviews.runs(rows)
    assert [(r.problem, r.mode, r.rounds, r.passed) for r in runs] == [
        ("softmax", "drill", 2, True), ("relu", "drill", 1, False), ("relu", "drill", 1, True),
        ("softmax", "drill", 2, False), ("softmax", "drill", 1, False),
        ("softmax", "check", 1, True), ("softmax", "check", 1, True)]
    assert [r.started for r in runs] == sorted(r.started for r in runs)


# --- the order of what to do next ----------------------------------------------------------------------------


@pytest.fixture
def store(examprep_home):
    with Store() as s:
        yield s


def record(store, rows):
    for row in rows:
        store.record(row)


def solved(problem, when, seconds=100.0):
    return drill(problem, [(True, seconds, blanks((f"{problem} line", True, 1, 0, False)), when)])


def failed(problem, when):
    return drill(problem, [(False, 100.0, blanks((f"{problem} line", False, 1, 0, False)), when)])


@pytest.mark.parametrize("days", [5, 0])
def test_failed_before_solved(store, days):
    """Both due (days ago, or an hour ago: past the learning steps); the failed one first."""
    record(store, solved("softmax", at(days, hours=1)) + failed("relu", at(days, hours=1)))
    problems = catalog.load_all()
    plan = schedule.plan(store.attempts(), problems, now=NOW)
    assert [p.id for p, _ in plan.due] == ["relu", "softmax"]
    assert schedule.queue(store, problems, now=NOW)[:2] == ["relu", "softmax"]


def test_due_before_not_due(store):
    # im2col solved fast a moment ago: Easy, next review days away. softmax failed a moment ago: due in a minute.
    record(store, solved("im2col", at(minutes=3), seconds=20.0) + failed("softmax", at(minutes=3))
           + solved("sigmoid", at(days=2)))
    problems = catalog.load_all()
    plan = schedule.plan(store.attempts(), problems, now=NOW)
    assert [p.id for p, _ in plan.due] == ["softmax", "sigmoid"]
    assert [p.id for p, _ in plan.later] == ["im2col"]
    assert plan.later[0][1].due - NOW > timedelta(days=1)
    ids = schedule.queue(store, problems, now=NOW)
    assert ids[:2] == ["softmax", "sigmoid"]
    assert "im2col" not in ids
    assert set(ids[2:]) == set(problems) - {"softmax", "sigmoid", "im2col"}
    # later, im2col is due too
    later = schedule.plan(store.attempts(), problems, now=NOW + timedelta(days=60))
    assert "im2col" in [p.id for p, _ in later.due]


def test_a_lapse_weighs_more_than_a_success(store):
    """Same times, same retrievability day: the problem with more failures comes first."""
    record(store, failed("tanh", at(3)) + solved("tanh", at(2)) + solved("sigmoid", at(3)) + solved("sigmoid", at(2))
           + failed("tanh", at(0, hours=2)) + failed("sigmoid", at(0, hours=2)))
    plan = schedule.plan(store.attempts(), catalog.load_all(), now=NOW)
    assert [p.id for p, _ in plan.due][:2] == ["tanh", "sigmoid"]
    info = dict((p.id, i) for p, i in plan.due)
    assert info["tanh"].lapses == 2 and info["sigmoid"].lapses == 1


def test_schedule_is_deterministic(store):
    record(store, solved("softmax", at(10), seconds=20.0) + solved("softmax", at(5), seconds=20.0))
    first = schedule.cards(reviews.runs(store.attempts()), NOW)["softmax"].due
    again = schedule.cards(reviews.runs(store.attempts()), NOW)["softmax"].due
    assert first == again
    assert schedule.scheduler().enable_fuzzing is False


def test_prerequisites_first():
    problems = catalog.load_all()
    order = [p.id for p in schedule.prerequisite_order(problems)]
    assert sorted(order) == sorted(problems)
    for pid, p in problems.items():
        for req in p.requires:
            assert order.index(req) < order.index(pid), (req, pid)
    assert order.index("im2col") < order.index("col2im") < order.index("conv2d")
    assert order.index("softmax") < order.index("cross_entropy") < order.index("softmax_with_loss")
    assert order.index("sgd") < order.index("momentum") < order.index("nesterov")


def test_prerequisite_order_against_item_order():
    """A requirement from a later syllabus item still comes first; unrelated problems keep the item order."""
    problems = catalog.load_all()
    fake = [problems["relu"], problems["conv2d"], problems["im2col"], problems["col2im"], problems["softmax"]]
    order = [p.id for p in schedule.prerequisite_order(fake)]
    assert order == ["softmax", "relu", "im2col", "col2im", "conv2d"]


def test_new_problems_keep_prerequisite_order(store):
    record(store, solved("softmax", at(1)))
    plan = schedule.plan(store.attempts(), catalog.load_all(), now=NOW)
    new = [p.id for p in plan.new]
    assert "softmax" not in new
    assert new.index("cross_entropy") < new.index("softmax_with_loss")
    assert new.index("im2col") < new.index("conv2d")


def test_queue_area(store):
    record(store, failed("softmax", at(1)) + failed("conv2d", at(1)))
    problems = catalog.load_all()
    ids = schedule.queue(store, problems, now=NOW, area="3-4-1")
    assert ids[:3] == ["conv2d", "im2col", "col2im"]      # the failed one first, then new ones, prerequisites first
    assert sorted(ids) == sorted(pid for pid, p in problems.items() if p.item == "3-4-1")


# --- the command ------------------------------------------------------------------------------------------------


def run_cli(home, *args, lang="en"):
    env = dict(os.environ, EXAMPREP_HOME=str(home), COLUMNS="200", PYTHONIOENCODING="utf-8")
    proc = subprocess.run([sys.executable, "-m", "examprep", "--lang", lang, *args], env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=60)
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr
    return proc


def test_next_json(examprep_home):
    with Store() as s:
        record(s, solved("softmax", at(3)) + failed("relu", at(3)) + solved("im2col", at(minutes=2), seconds=20.0))
    proc = run_cli(examprep_home, "next", "--json", "--limit", "4")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["schema"] == "examprep.next/1"
    assert data["has_history"] is True
    assert data["limit"] == 4
    assert data["counts"] == {"due": 2, "new": len(catalog.load_all()) - 3, "later": 1}
    assert [d["problem"] for d in data["due"]] == ["relu", "softmax"]
    assert len(data["due"]) + len(data["new"]) == 4
    assert [d["problem"] for d in data["later"]] == ["im2col"]
    item = data["due"][0]
    assert set(item) == {"problem", "title", "area", "item", "due", "overdue_days", "state", "retrievability",
                         "reviews", "lapses", "last_rating", "last_seen"}
    assert item["last_rating"] == "again" and item["lapses"] == 1 and item["overdue_days"] > 0
    assert data["due"][1]["last_rating"] == "good"
    assert data["later"][0]["last_rating"] == "easy" and data["later"][0]["overdue_days"] < 0
    assert set(data["new"][0]) == {"problem", "title", "area", "item", "requires"}
    assert set(data["new"][0]["title"]) == {"ja", "en"}


def test_next_text_with_history(examprep_home):
    with Store() as s:
        record(s, failed("conv2d", at(3)))
    out = run_cli(examprep_home, "next").stdout
    assert "Due for review (1)" in out and "conv2d" in out and "✗ again" in out
    assert "New problems" in out
    out = run_cli(examprep_home, "next", lang="ja").stdout
    assert "復習の期限が来た問題 (1 件)" in out and "未着手の問題" in out


@pytest.mark.parametrize("lang,text", [("en", "No attempts recorded yet"), ("ja", "まだ解答の記録がありません")])
def test_next_with_no_history(examprep_home, lang, text):
    proc = run_cli(examprep_home, "next", "--limit", "300", lang=lang)
    assert proc.returncode == 0
    assert text in proc.stdout
    first = schedule.prerequisite_order(catalog.load_all())[0].id
    assert f"examprep drill {first}" in proc.stdout
    out = proc.stdout
    assert out.index("im2col") < out.index("conv2d")
    assert out.index("cross_entropy") < out.index("softmax_with_loss")
    assert not (examprep_home / "progress.sqlite3").exists(), "reading must not create a database"
    data = json.loads(run_cli(examprep_home, "next", "--json", lang=lang).stdout)
    assert data["has_history"] is False and data["due"] == [] and data["later"] == []
    assert data["new"][0]["problem"] == first and len(data["new"]) == 10


def test_checking_the_same_file_again_is_one_run():
    same = [Attempt(problem="relu", mode="check", passed=True, answer="def relu(x): ...", created_at=at(seconds=10 - i),
                    id=str(uuid.uuid4())) for i in range(5)]
    other = Attempt(problem="relu", mode="check", passed=True, answer="def relu(x): changed", created_at=at(seconds=1),
                    id=str(uuid.uuid4()))
    assert len(reviews.runs(same)) == 1, "five checks of one unchanged file are one attempt, not five"
    assert len(reviews.runs(same + [other])) == 2, "a changed file is a new attempt"


def test_a_question_that_timed_out_unanswered_is_not_a_review():
    empty = drill("sigmoid", [(False, 3.0, [], at(minutes=1), {"unfinished": True})])
    assert reviews.runs(empty) == []
    partial = drill("sigmoid", [(False, 30.0, blanks((A, False, 1, 0, False)), at(minutes=1), {"unfinished": True})])
    assert len(reviews.runs(partial)) == 1 and reviews.runs(partial)[0].unfinished
