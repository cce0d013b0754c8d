"""`examprep report`: attempts recorded by the real CLI (check, drill) and by a practice session, counted right
in every format; --since; an empty history is reported honestly."""
import json
import os
import re
import subprocess
import sys
import textwrap
import uuid
import xml.dom.minidom
from datetime import date, datetime, timedelta, timezone

import pytest

from examprep.problem import catalog
from examprep.hole import holes
from examprep.learn import report, reviews, schedule
from examprep.learn.progress import Store
from examprep.learn.records import Attempt

pytestmark = pytest.mark.slow

TIMEOUT = 30


def cli(home, *args, lang="en", expect=0):
    env = dict(os.environ, EXAMPREP_HOME=str(home), COLUMNS="200", PYTHONIOENCODING="utf-8")
    env.pop("NO_COLOR", None)
    proc = subprocess.run([sys.executable, "-m", "examprep", "--lang", lang, *args], env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=60, cwd=str(home))
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr
    if expect is not None:
        assert proc.returncode == expect, (proc.returncode, proc.stdout, proc.stderr)
    return proc


def fill(path, answers=None):
    """Replace each `__blank__("(..)")` line by the reference statement (or answers[label]), as tests/test_cli.py does."""
    text = path.read_text(encoding="utf-8")
    header = holes.read_header(text)
    hole = holes.hole_from_header(catalog.get(header.problem_id), header)
    answers = answers or {}
    out = []
    for line in text.splitlines():
        for lab, cand in zip(hole.labels, hole.blanks):
            if line.strip() == cand.lhs + holes.placeholder(lab).strip():
                line = textwrap.indent(answers.get(lab, cand.text), cand.indent)
        out.append(line)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return hole


def drill_wrong_then_right(home):
    """`examprep drill softmax` in a pseudo-terminal: blank 1 wrong, blank 2 right, then blank 1 right."""
    pexpect = pytest.importorskip("pexpect")
    hole = holes.make(catalog.get("softmax"), level="easy", seed=1, lang="en")
    (l1, c1), (l2, c2) = zip(hole.labels, hole.blanks)

    def prompt(label, cand):
        return f"{label} {cand.lhs}" if cand.lhs else f"{label} "

    def answer(cand):
        return cand.text[len(cand.lhs):] if cand.lhs else cand.text

    env = dict(os.environ, EXAMPREP_HOME=str(home), TERM="xterm-256color", PYTHONIOENCODING="utf-8")
    child = pexpect.spawn(sys.executable, ["-m", "examprep", "drill", "softmax", "--level", "easy", "--seed", "1",
                                           "--lang", "en"], env=env, encoding="utf-8", timeout=TIMEOUT,
                          dimensions=(60, 250))
    child.expect_exact(prompt(l1, c1))
    child.sendline("None")
    child.expect_exact(prompt(l2, c2))
    child.sendline(answer(c2))
    child.expect_exact("Try the ✗ blanks again.")
    child.expect_exact(prompt(l1, c1))
    child.sendline(answer(c1))
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    return c1.text


def practice_relu(home):
    """`examprep practice relu` in a pseudo-terminal: its one blank answered right, which ends the session."""
    pexpect = pytest.importorskip("pexpect")
    [cand] = holes.make(catalog.get("relu"), level="normal", seed=0, lang="en").blanks   # relu has one line to blank
    env = dict(os.environ, EXAMPREP_HOME=str(home), TERM="xterm-256color", PYTHONIOENCODING="utf-8")
    child = pexpect.spawn(sys.executable, ["-m", "examprep", "--lang", "en", "practice", "relu", "--minutes", "3"],
                          env=env, encoding="utf-8", timeout=TIMEOUT, dimensions=(60, 250))
    child.expect_exact(f"(1) {cand.lhs}")
    child.sendline(cand.text[len(cand.lhs):])
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    """A history made as a learner makes it: two checks (one passing, one failing) and a drill of softmax through
    the real CLI, a practice session of relu (solved) through the real CLI, and a practice session recorded as
    practice records it (sigmoid unfinished, tanh passed with its blank revealed)."""
    home = tmp_path_factory.mktemp("examprep-home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("EXAMPREP_HOME", str(home))        # holes.make below caches its proof where the CLI looks
        softmax = catalog.get("softmax")
        good = home / "good.py"
        good.write_text(holes.make(softmax, level="normal", seed=0, lang="en").text, encoding="utf-8")
        hole = fill(good)
        bad = home / "bad.py"
        bad.write_text(holes.make(softmax, level="normal", seed=0, lang="en").text, encoding="utf-8")
        fill(bad, {hole.labels[0]: "pass"})     # every blank is load-bearing: `pass` fails
        cli(home, "check", str(good), expect=0)
        cli(home, "check", str(bad), expect=1)
        drill_missed = drill_wrong_then_right(home)
        practice_relu(home)
        with Store() as store:
            session = store.start_session("practice", planned_minutes=5)
            for problem, passed, unfinished, revealed, secs in (("sigmoid", False, True, False, 90.0),
                                                                ("tanh", True, False, True, 30.0)):
                store.record(Attempt(problem=problem, mode="practice", passed=passed, unfinished=unfinished,
                                     level="easy", blanks=1, seconds=secs, session_id=session, reveals=int(revealed),
                                     blank_results=[{"label": "(1)", "passed": passed, "tries": 1 - revealed,
                                                     "hints": 0, "revealed": revealed,
                                                     "reference": f"{problem} line"}]))
            store.end_session(session, {"served": 2})
        yield {"home": home, "check_missed": hole.blanks[0].text, "drill_missed": drill_missed}


def report_json(home, *args):
    return json.loads(cli(home, "report", "--format", "json", *args).stdout)


def by(items, key, value):
    [item] = [i for i in items if i[key] == value]
    return item


def test_counts_per_component_and_area(history):
    data = report_json(history["home"])
    assert data["schema"] == "examprep.learn.report/1"
    assert data["has_data"] is True and data["message"] is None
    sm = by(data["components"], "problem", "softmax")
    # runs: the passing check, the failing check, the drill (2 rounds: wrong, then right)
    assert (sm["attempts"], sm["rounds"], sm["solved"], sm["first_try"]) == (3, 4, 2, 1)
    assert sm["by_mode"] == {"check": 2, "drill": 1}
    assert sm["solve_rate"] == pytest.approx(2 / 3, abs=1e-3)
    assert sm["first_try_rate"] == pytest.approx(1 / 3, abs=1e-3)
    assert sm["grade"] == "B"                      # 3 runs: solved 67 %
    assert sm["median_seconds"] is not None         # the drill is timed; checks are not
    missed = {b["reference"]: b for b in sm["missed_blanks"]}
    assert history["check_missed"] in missed and history["drill_missed"] in missed
    relu = by(data["components"], "problem", "relu")
    assert (relu["attempts"], relu["solved"], relu["by_mode"], relu["grade"]) == (1, 1, {"practice": 1}, "—")
    sig = by(data["components"], "problem", "sigmoid")
    assert (sig["attempts"], sig["solved"], sig["first_try"]) == (1, 0, 0)
    tanh = by(data["components"], "problem", "tanh")
    assert (tanh["attempts"], tanh["solved"], tanh["first_try"]) == (1, 0, 0)      # revealed: passed, not solved
    assert tanh["missed_blanks"] == [{"reference": "tanh line", "missed": 1, "seen": 1, "yours": None}]
    # the learner's own wrong line is kept beside the reference: `pass` in the failing check, `None` in the drill
    assert missed[history["drill_missed"]]["yours"].endswith("None")      # the drill came last
    if history["check_missed"] != history["drill_missed"]:
        assert missed[history["check_missed"]]["yours"] == "pass"
    assert {c["problem"] for c in data["components"]} == {"softmax", "relu", "sigmoid", "tanh"}
    area = by(data["areas"], "area", "3")
    assert (area["attempts"], area["rounds"], area["solved"], area["problems_tried"]) == (6, 7, 3, 4)
    assert area["by_mode"] == {"check": 2, "drill": 1, "practice": 3}
    assert area["grade"] == "C"                    # solved 50 % (and 4 of 26 problems tried: at most B anyway)
    tot = data["totals"]
    assert (tot["attempts"], tot["rounds"], tot["solved"], tot["problems_tried"]) == (6, 7, 3, 4)
    assert tot["study_seconds"] >= 120             # practice 90 + 30, plus the drill and relu's practice
    assert data["streak"]["current_days"] == 1
    assert [w["attempts"] for w in data["trend"]][-1] == 6
    assert [w["problem"] for w in data["weakest"]] == ["sigmoid", "tanh", "softmax"]
    assert [(s["kind"], s["attempts"], s["solved"]) for s in data["sessions"]] == [("practice", 1, 1),
                                                                                  ("practice", 2, 0)]
    # nothing is due a moment after: FSRS's learning steps bring the failed one back first, in a minute
    assert data["due"]["count"] == 0
    assert [d["problem"] for d in data["due"]["upcoming"]][0] in ("sigmoid", "tanh")
    assert {d["problem"] for d in data["due"]["upcoming"]} == {"softmax", "relu", "sigmoid", "tanh"}
    assert "5" in data["grade_rule"]["en"] and data["grade_rule"]["window"] == 5
    # readiness: area 3 has 6 runs (softmax 3, relu, sigmoid, tanh), too few for a verdict; the others none
    r3 = by(data["readiness"]["areas"], "area", "3")
    assert (r3["drill"], r3["exam"]["n"], r3["n"], r3["verdict"]) == ({"correct": 3, "n": 6}, 0, 6, "not_enough")
    assert [a["n"] for a in data["readiness"]["areas"] if a["area"] != "3"] == [0, 0, 0, 0]
    # items tried: 3-1-3 (softmax) and 3-1-4 (relu, sigmoid, tanh)
    untried = {i["item"] for i in data["untried"]["items"]}
    assert data["untried"]["count"] == data["untried"]["total"] - 2 == len(untried)
    assert "3-1-3" not in untried and "3-1-4" not in untried and "3-4-1" in untried and "1-1-1" in untried
    assert [s["command"] for s in data["next"]][-1] == "examprep mock-exam --questions 20 --minutes 25"
    assert all(s["why"]["ja"] and s["why"]["en"] for s in data["next"])


@pytest.mark.parametrize("lang,words", [
    ("en", ["Progress report", "By syllabus area", "By component", "Weakest components", "How grades are given",
            "Practice sessions"]),
    ("ja", ["学習の成績表", "分野別", "部品別", "弱点", "習熟度の基準", "練習セッション"]),
])
def test_text(history, lang, words):
    out = cli(history["home"], "report", lang=lang).stdout
    for w in words:
        assert w in out, w
    assert "softmax" in out and "sigmoid" in out
    assert history["check_missed"] in out
    # weakest components show what the learner wrote, the correct line labelled as such (not with a ✗ before it)
    yours, correct = {"en": ("✗ you wrote: ", "correct: "), "ja": ("✗ あなたの答え: ", "正しい行: ")}[lang]
    assert re.search(re.escape(yours) + r".*None", out) and correct + history["check_missed"] in out
    assert not re.search(r"✗ +" + re.escape(history["check_missed"]), out)


@pytest.mark.parametrize("lang,words", [
    ("en", ["Am I ready?", "not enough answers yet (n=6)", "no answers yet (n=0)", "What to do next",
            "Syllabus items never tried: {k} of {n}"]),
    ("ja", ["合格の準備はできているか", "解答がまだ足りません (n=6)", "まだ解答がありません (n=0)", "次にやること",
            "一度も解いていないシラバス項目: {k}/{n} 個"]),
])
def test_first_screen_answers_am_i_ready(history, lang, words):
    """On an 80x24 terminal the first screen has readiness per area with n, what to do next, and untried items."""
    env = dict(os.environ, EXAMPREP_HOME=str(history["home"]), COLUMNS="80", LINES="24", PYTHONIOENCODING="utf-8")
    out = subprocess.run([sys.executable, "-m", "examprep", "--lang", lang, "report"], env=env, capture_output=True,
                         text=True, encoding="utf-8", timeout=60).stdout
    first = "\n".join(out.splitlines()[:24])
    from examprep.problem.syllabus import ITEMS

    words = [w.format(k=len(ITEMS) - 2, n=len(ITEMS)) for w in words]     # 2 items tried: 3-1-3 and 3-1-4
    for w in words:
        assert w in first, (w, first)
    for area in "12345":
        assert re.search(rf"^{area}\. ", first, re.M), first
    assert not re.search(r"\w…", out), "no cell cut short"


def test_markdown(history):
    out = cli(history["home"], "report", "--format", "md").stdout
    assert out.startswith("# Progress report")
    assert re.search(r"^\| softmax \| Softmax function \(x is a batch of shape \(N, C\), normalised over the last axis\) \| "
                     r"3 \| 4 \| 67% \| 33% \|", out, re.M), out
    assert "## How grades are given" in out and "S solved ≥ 90%" in out
    assert f"`{history['check_missed']}`" in out and re.search(r"✗ you wrote `[^`]*None` → correct `", out)
    assert out.index("## Am I ready?") < out.index("## What to do next") < out.index("## Syllabus items never tried")
    assert out.index("## Syllabus items never tried") < out.index("## Summary")
    assert "| 3. Deep learning foundations | 3/6 | — | 3/6 | not enough answers yet (n=6) |" in out
    assert re.search(r"^- 3-4-1 CNN / basic convolution — drill .*conv2d", out, re.M)   # untried items by name
    data = report_json(history["home"])
    assert len(re.findall(r"^- \d-\d+-\d+ ", out, re.M)) == data["untried"]["count"] == data["untried"]["total"] - 2


def test_html_is_self_contained(history, tmp_path):
    target = tmp_path / "report.html"
    proc = cli(history["home"], "report", "--format", "html", "--output", str(target), lang="ja")
    assert proc.stdout == ""
    text = target.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>")
    assert "http://" not in text and "https://" not in text
    assert "<script" not in text and "<link" not in text and "src=" not in text
    svgs = re.findall(r"<svg.*?</svg>", text, re.S)
    assert len(svgs) == 2                           # readiness per area and the trend
    for svg in svgs:
        xml.dom.minidom.parseString(svg)            # well-formed
    assert "<polyline" in text or "<circle" in text
    assert "習熟度の基準" in text and "softmax" in text
    assert "合格の準備はできているか" in text and "解答がまだ足りません (n=6)" in text and "次にやること" in text
    assert text.index("合格の準備") < text.index("次にやること") < text.index("一度も解いていない") < text.index("概要")
    assert "あなたの答え" in text and "body{" not in text.split("<body>")[1], "the fragment's style is scoped"
    assert not list(tmp_path.glob(".report.html.*")), "no temporary file left behind"
    assert cli(history["home"], "report", "--format", "html").stdout.startswith("<!DOCTYPE html>")


def test_json_to_a_file(history, tmp_path):
    target = tmp_path / "r.json"
    cli(history["home"], "report", "--format", "json", "-o", str(target))
    assert json.loads(target.read_text(encoding="utf-8"))["totals"]["attempts"] == 6


def test_since(history):
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    data = report_json(history["home"], "--since", tomorrow)
    assert data["has_data"] is False and data["since"] == tomorrow
    assert "(6 before that)" in data["message"]["en"]     # says how many runs lie before the date
    assert data["components"] == [] and data["totals"]["solve_rate"] is None
    assert data["streak"]["current_days"] == 1      # the streak is from the whole history
    today = report_json(history["home"], "--since", date.today().isoformat())
    assert today["totals"]["attempts"] == 6


def test_since_filters_old_attempts(examprep_home):
    old = (datetime.now(timezone.utc) - timedelta(days=30)).isoformat(timespec="seconds")
    new = (datetime.now(timezone.utc) - timedelta(days=1)).isoformat(timespec="seconds")
    with Store() as store:
        store.record(Attempt(problem="tanh", mode="check", passed=False, created_at=old))
        store.record(Attempt(problem="tanh", mode="check", passed=True, created_at=new))
    everything = report_json(examprep_home)
    assert everything["totals"]["attempts"] == 2
    assert by(everything["components"], "problem", "tanh")["grade"] == "C"     # solved 1 of 2
    week = report_json(examprep_home, "--since", (date.today() - timedelta(days=7)).isoformat())
    assert week["totals"]["attempts"] == 1
    assert by(week["components"], "problem", "tanh")["grade"] == "—"           # 1 run: not enough data


@pytest.mark.parametrize("lang,value,message", [
    ("en", "yesterday", "--since expects a date as YYYY-MM-DD"),
    ("en", "2026-02-30", "'2026-02-30' is not a date"),
    ("ja", "13/01/2026", "--since には日付を YYYY-MM-DD で指定してください"),
])
def test_bad_since(examprep_home, lang, value, message):
    proc = cli(examprep_home, "report", "--since", value, lang=lang, expect=2)
    assert message in proc.stderr
    assert proc.stdout == ""


@pytest.mark.parametrize("fmt", ["text", "md", "html", "json"])
def test_empty_history_is_honest(examprep_home, fmt):
    first = schedule.prerequisite_order(catalog.load_all())[0].id
    out = cli(examprep_home, "report", "--format", fmt).stdout
    assert f"examprep drill {first}" in out
    if fmt == "json":
        data = json.loads(out)
        assert data["has_data"] is False
        assert data["message"]["en"].startswith("No attempts are recorded yet")
        assert data["components"] == [] and data["weakest"] == [] and data["trend"] == []
        assert all(a["grade"] == report.NO_GRADE and a["solve_rate"] is None for a in data["areas"])
        assert data["totals"]["solve_rate"] is None and data["totals"]["attempts"] == 0
    else:
        assert "No attempts are recorded yet" in out
        out = re.sub(r"<style>.*?</style>", "", out, flags=re.S)
        assert "%" not in out, "no rate without data"
        assert not re.search(r"\b(Grade|Solved|First try)\b", out)
        assert "<svg" not in out
    assert not (examprep_home / "progress.sqlite3").exists()


def test_grade_rule():
    def runs(pattern):
        return [reviews.Run(problem="x", mode="drill", started=None, ended=None, rounds=1, passed=c != "x",
                             solved=c in "sf", first_try=c == "f", retried=False, hints=0, reveals=0,
                             unfinished=False) for c in pattern]
    # f: solved on the first try, s: solved after a retry, x: not solved
    assert report.grade(runs("f")) == "—"
    assert report.grade(runs("fffff")) == "S"
    assert report.grade(runs("fffff"), due=True) == "A"
    assert report.grade(runs("fffff"), capped=True) == "B"
    assert report.grade(runs("fffsx")) == "A"       # solved 80 %, first try 60 %
    assert report.grade(runs("ffssx")) == "B"       # first try 40 %
    assert report.grade(runs("fsx")) == "B"         # solved 67 %
    assert report.grade(runs("fxx")) == "D"          # solved 33 %
    assert report.grade(runs("fsxxx")) == "C"       # solved 40 %


def test_streak():
    today = date(2026, 5, 10)

    def run_on(d):
        when = datetime.combine(d, datetime.min.time()).replace(hour=12).astimezone().astimezone(timezone.utc)
        return reviews.Run(problem="x", mode="drill", started=when, ended=when, rounds=1, passed=True,
                            solved=True, first_try=True, retried=False, hints=0, reveals=0, unfinished=False)
    days = [today - timedelta(days=k) for k in (1, 2, 3, 6, 7)]
    s = report.streak([run_on(d) for d in days], today)
    assert s == {"current_days": 3, "longest_days": 3, "last_active_day": "2026-05-09"}   # today is not over
    assert report.streak([run_on(d) for d in days], today + timedelta(days=2))["current_days"] == 0
    assert report.streak([], today)["current_days"] == 0


def test_area_grade_needs_coverage_and_nothing_due():
    """An area graded from one well-known component: S only while half its problems are tried and none is due."""
    now = datetime.now(timezone.utc)

    def perfect(problem, days):
        return [Attempt(problem=problem, mode="check", passed=True, id=str(uuid.uuid4()),
                        created_at=(now - timedelta(days=d)).isoformat(timespec="seconds")) for d in days]
    problems = catalog.load_all()
    spaced = perfect("tanh", (90, 80, 60, 30, 1))
    two = {p: problems[p] for p in ("tanh", "relu")}
    three = {p: problems[p] for p in ("tanh", "relu", "sigmoid")}
    data = report.build(spaced, two, now=now)
    assert by(data["components"], "problem", "tanh")["grade"] == "S"
    assert data["areas"][0]["grade"] == "S"                        # 1 of 2 tried: half
    assert report.build(spaced, three, now=now)["areas"][0]["grade"] == "B"      # 1 of 3: fewer than half
    due = report.build(perfect("tanh", (104, 103, 102, 101, 100)), two, now=now)   # learnt in a rush, long ago
    assert by(due["components"], "problem", "tanh")["is_due"] is True
    assert by(due["components"], "problem", "tanh")["grade"] == "A"
    assert due["areas"][0]["grade"] == "A"


def test_wilson_interval_and_verdicts():
    from examprep.learn.report import readiness

    low, high = readiness.wilson(8, 10)
    assert (low, high) == (pytest.approx(0.4902, abs=1e-4), pytest.approx(0.9433, abs=1e-4))
    assert readiness.wilson(0, 0) == (None, None)
    assert readiness.wilson(0, 5)[0] == 0.0 and readiness.wilson(5, 5)[1] == 1.0
    line = 0.6
    assert readiness.verdict(3, 3, line) == "not_enough"          # a handful: no verdict, even 3 of 3
    assert readiness.verdict(9, 9, line) == "not_enough"
    assert readiness.verdict(45, 50, line) == "ready"             # 90 %: the whole interval above 60 %
    assert readiness.verdict(8, 10, line) == "uncertain"          # 80 % of 10: 49-94 % straddles the line
    assert readiness.verdict(10, 40, line) == "not_ready"         # 25 %: the whole interval below


def test_exams_without_drills_are_reported(examprep_home):
    """A mock exam and no drill: no 'no attempts, nothing to grade' message above the exam list; readiness from
    the exam's answers."""
    with Store() as store:
        session = store.start_session("exam", planned_minutes=25)
        per_area = {"1": {"correct": 1, "total": 2}, "3": {"correct": 9, "total": 12}}
        store.end_session(session, {"questions": 14, "graded": 14, "correct": 10, "rate": 10 / 14, "pass_line": 0.6,
                                    "passed": True, "reason": "submitted", "per_area": per_area})
    data = report_json(examprep_home)
    assert data["has_data"] is False and "1 mock exam" in data["message"]["en"]
    assert not data["message"]["en"].startswith("No attempts are recorded yet")
    r3 = by(data["readiness"]["areas"], "area", "3")
    assert (r3["exam"], r3["n"], r3["verdict"]) == ({"correct": 9, "n": 12, "exams": 1}, 12, "uncertain")
    assert by(data["readiness"]["areas"], "area", "1")["verdict"] == "not_enough"
    text = cli(examprep_home, "report", lang="ja").stdout
    assert "まだ解答の記録がないため" not in text and "模試 1 回の結果は下にあります" in text
    assert "分野1" in text and "分野5" in text and "分1 " not in text
    assert "| 3. Deep learning foundations | — | 9/12 | 75% (47%–91%) | too close to call (n=12) |" in \
        cli(examprep_home, "report", "--format", "md").stdout


def test_a_short_exam_has_no_pass_or_fail_in_the_report(examprep_home):
    """Pass/fail only from 50 graded questions up (issue 16): the report's exam list printed "pass" or "fail" beside
    a 14-question daily set; it shows none there, and the verdict of a full exam."""
    with Store() as store:
        for questions, correct in ((14, 10), (100, 70)):
            session = store.start_session("exam", planned_minutes=25)
            store.end_session(session, {"questions": questions, "graded": questions, "correct": correct,
                                        "rate": correct / questions, "pass_line": 0.6, "passed": True,
                                        "reason": "submitted", "per_area": {"3": {"correct": correct,
                                                                                   "total": questions}}})
    exams = report_json(examprep_home)["exams"]
    assert [e["judged"] for e in exams] == [False, True]
    table = [line for line in cli(examprep_home, "report", "--format", "md").stdout.splitlines()
             if line.startswith("| 20")]
    assert len(table) == 2 and "| 10/14 | 71% | — |" in table[0] and "| 70/100 | 70% | pass |" in table[1], table


def test_export_and_import_carry_solutions_and_count_as_the_report(history, tmp_path):
    """export says the attempts the report counts (runs, not rows); solutions/ travels, so capstone --components
    mine works on the new machine; importing twice changes nothing; a later local answer is kept."""
    out = tmp_path / "history.json"
    exported = cli(history["home"], "export", str(out)).stdout
    totals = report_json(history["home"])["totals"]
    assert f"Wrote {totals['attempts']} attempts ({totals['rounds']} graded rounds)" in exported, exported
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data["solutions"]) == {"softmax", "relu"}          # the passing check / drill and the practice
    mine = (history["home"] / "solutions" / "softmax.py").read_text(encoding="utf-8")
    assert data["solutions"]["softmax"]["text"] == mine

    home_b = tmp_path / "b"
    home_b.mkdir()
    first = cli(home_b, "import", str(out)).stdout
    assert f"the file holds {totals['attempts']} attempts" in first and "2 added, 0 updated" in first
    assert (home_b / "solutions" / "softmax.py").read_text(encoding="utf-8") == mine
    assert report_json(home_b)["totals"]["attempts"] == totals["attempts"]
    assert "0 added, 0 updated" in cli(home_b, "import", str(out)).stdout
    newer = home_b / "solutions" / "relu.py"
    newer.write_text("# a later passing answer\n", encoding="utf-8")     # written now: later than the export's
    assert "0 added, 0 updated" in cli(home_b, "import", str(out)).stdout
    assert newer.read_text(encoding="utf-8") == "# a later passing answer\n"
    data["solutions"]["../evil"] = {"text": "x", "saved_at": "2026-01-01T00:00:00+00:00"}
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    proc = cli(home_b, "import", str(bad), expect=2)
    assert "not a problem id" in proc.stderr and not (tmp_path / "evil.py").exists()
