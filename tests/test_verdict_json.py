"""Verdict carries Failure objects; Verdict.to_json() is the stable `examprep check --json` schema
"examprep.grade.verdict/1": a failure is the dict Failure.to_json() makes, keys in this order."""
import json

from examprep.grade import verdict as verdict_mod
from examprep.grade.failure import Failure
from examprep.hole import holes
from examprep.problem import catalog

FAILURE_KEYS = ["ok", "check", "stage", "case", "dtype", "what", "ja", "en", "details", "context"]


def _filled(hole, answers):
    """The hole file with each label's region replaced by answers[label]."""
    lines, out, i = hole.text.splitlines(), [], 0
    while i < len(lines):
        out.append(lines[i])
        stripped = lines[i].strip()
        if stripped.startswith(holes.MARK_OPEN.strip()):
            lab = stripped[len(holes.MARK_OPEN.strip()):].strip()
            indent = lines[i][:len(lines[i]) - len(lines[i].lstrip())]
            out += [indent + line for line in answers[lab].splitlines()]
            i += 1
            while lines[i].strip() != (holes.MARK_CLOSE + lab).strip():
                i += 1
            continue
        i += 1
    return "\n".join(out) + "\n"


def test_verdict_carries_failures_and_keeps_its_json():
    problem = catalog.get("softmax")
    hole = holes.make(problem, level="normal", seed=0, lang="en")
    answers = {lab: c.text for lab, c in zip(hole.labels, hole.blanks)}
    answers[hole.labels[1]] = "exp_x = np.exp(-x)"
    v = verdict_mod.judge(problem, _filled(hole, answers), hole)
    assert isinstance(v.failure, Failure) and v.failure.check == "values"
    wrong = [b for b in v.blanks if b.passed is False]
    assert [b.label for b in wrong] == [hole.labels[1]] and isinstance(wrong[0].failure, Failure)
    assert all(b.failure is None for b in v.blanks if b.passed)

    data = json.loads(json.dumps(v.to_json()))   # plain JSON, nothing needs a default
    assert list(data) == ["schema", "problem", "passed", "failure", "blanks", "checks", "output",
                          "elapsed_seconds", "notes"]
    assert data["schema"] == "examprep.grade.verdict/1" and data["passed"] is False
    assert list(data["failure"]) == FAILURE_KEYS
    assert data["failure"] == v.failure.to_json() and data["failure"]["ok"] is False
    assert data["failure"]["check"] == "values" and data["failure"]["stage"] == "output"
    assert {"max_abs_error", "tolerance"} <= set(data["failure"]["details"])
    blank = next(b for b in data["blanks"] if b["label"] == hole.labels[1])
    assert list(blank) == ["label", "passed", "failure"] and list(blank["failure"]) == FAILURE_KEYS
    assert Failure.from_json(data["failure"]).to_json() == data["failure"], "from_json reads to_json back"


def test_passing_verdict_json_has_no_failures():
    problem = catalog.get("softmax")
    hole = holes.make(problem, level="easy", seed=0, lang="en")
    v = verdict_mod.judge(problem, _filled(hole, {lab: c.text for lab, c in zip(hole.labels, hole.blanks)}), hole)
    data = v.to_json()
    assert v.failure is None and data["passed"] is True and data["failure"] is None
    assert [b["failure"] for b in data["blanks"]] == [None] * len(hole.labels)
