"""The mock exam's shipped proofs (examprep.exam.code.shipped): every problem has a current one, it is exactly
the proof a learner's machine would make, a cold exam reads it instead of proving, and a stale, foreign or
misaligned one is never used."""
import json

import pytest

from examprep.dev import exam_proofs
from examprep.exam.code import lazy, proof, shipped
from examprep.problem import catalog


def test_every_problem_has_a_current_shipped_proof():
    problems = list(catalog.load_all().values())
    stale = [p.id for p in exam_proofs.stale(problems)]
    gone = [path.name for path in exam_proofs.gone(problems)]
    assert not stale and not gone, (
        f"stale shipped proofs {stale}, files of problems gone {gone}: run `python -m examprep.dev.exam_proofs "
        "--write` (after `python -m examprep.dev.line_mistakes --write` if a wrong answer changed)")


@pytest.mark.parametrize("pid", ["softmax", "adam", "depthwise_conv", "lstm_cell"])
def test_a_shipped_proof_is_the_proof_made_here(pid, examprep_home):
    problem = catalog.get(pid)
    loaded = shipped.load(problem)
    assert loaded is not None
    fresh = proof.prove(problem)
    assert loaded == fresh
    # the shipped file grades the mutants the exam never shows too; load() marks them skipped as prove() does
    raw = shipped.read(problem)
    skipped = sum(e["status"] == "skipped" for es in loaded["lines"].values() for e in es)
    assert skipped and not any(e["status"] == "skipped" for es in raw["lines"].values() for e in es)


def test_a_cold_exam_reads_the_shipped_proof_and_proves_nothing(examprep_home):
    problem = catalog.get("adam")
    with lazy.Proofs(workers=1) as proofs:
        data = proofs.get(problem)
        assert proofs.started == 0
        assert dict(data, lines=dict(data["lines"])) == shipped.load(problem)
    assert not (examprep_home / "cache" / "exam").exists()


def _copy(tmp_path, problem, change=None):
    data = json.loads(shipped.path_of(problem.id).read_text(encoding="utf-8"))
    if change:
        change(data)
    (tmp_path / f"{problem.id}.json").write_text(json.dumps(data), encoding="utf-8")


def _misalign(data):
    """Another mutant text in every line (the mutants made here from another Python's ast.unparse)."""
    for entries in data["lines"].values():
        entries[0]["text"] += " + 1"


@pytest.mark.parametrize("case", ["unchanged", "stale key", "other numpy", "misaligned mutant", "not full"])
def test_only_a_current_aligned_full_shipped_proof_is_used(case, tmp_path, monkeypatch):
    problem = catalog.get("adam")
    change = {
        "unchanged": None,
        "stale key": lambda d: d.update(key="0" * 16),
        "other numpy": lambda d: d.update(numpy="1.0"),
        "misaligned mutant": _misalign,
        "not full": lambda d: d.update(tried=d["tried"][1:]),
    }[case]
    _copy(tmp_path, problem, change)
    monkeypatch.setattr(shipped, "FOLDER", tmp_path)
    assert (shipped.load(problem) is not None) == (case == "unchanged")


def test_the_stale_listing_names_the_problem(tmp_path, monkeypatch, capsys):
    problem = catalog.get("softmax")
    _copy(tmp_path, problem, lambda d: d.update(key="0" * 16))
    (tmp_path / "no_such_problem.json").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(shipped, "FOLDER", tmp_path)
    assert exam_proofs.main(["--only", "softmax"]) == 1
    assert "stale: softmax" in capsys.readouterr().out
    assert [p.name for p in exam_proofs.gone([problem])] == ["no_such_problem.json"]


@pytest.mark.parametrize("pid", ["softmax", "adam", "depthwise_conv", "lstm_cell", "group_norm"])
def test_the_shipped_statement_mutants_are_the_ones_made_here(pid):
    from examprep.hole import holes, mutants

    problem = catalog.get(pid)
    cands = holes.candidates(problem)
    assert shipped.mutants(problem, cands) == mutants.mutants_for(problem, cands)


def test_statement_mutants_of_other_lines_are_not_used(tmp_path, monkeypatch):
    from examprep.hole import holes

    problem = catalog.get("adam")
    _copy(tmp_path, problem, lambda d: d["statements"]["0"].update(text="x = 1"))
    monkeypatch.setattr(shipped, "FOLDER", tmp_path)
    assert shipped.mutants(problem, holes.candidates(problem)) is None


def test_every_problem_has_a_current_judgement_of_its_mutants():
    problems = list(catalog.load_all().values())
    stale = [p.id for p in exam_proofs.stale_seen(problems)]
    assert not stale, f"seen.json is stale for {stale}: run `python -m examprep.dev.exam_proofs --write`"
    assert set(shipped._seen_file()) == {p.id for p in problems}


@pytest.mark.parametrize("pid", ["softmax", "adam", "conv2d", "lstm_cell", "fcos_centerness"])
def test_the_shipped_judgement_is_the_one_made_here(pid):
    problem = catalog.get(pid)
    entry = shipped.seen(problem, proof._cache_key(problem))
    fresh = proof.judged(problem)
    assert {k: entry[k] for k in fresh} == fresh
    _, muts, unseen = proof._mutants(problem)
    assert unseen == set(range(len(muts))) - set(fresh["shown"]) and fresh["live"]
    assert list(proof.live_lines(problem)) == fresh["live"]


@pytest.mark.parametrize("change", ["key", "python"])
def test_a_stale_or_foreign_judgement_is_not_used(change, examprep_home, monkeypatch):
    problem = catalog.get("adam")
    entries = {pid: dict(e) for pid, e in shipped._seen_file().items()}
    entries["adam"].update({"key": "0" * 16} if change == "key" else {"python": "2.7"})
    entries["adam"].update(live=[], shown=[])   # what the walk would read if it used the entry
    monkeypatch.setattr(shipped, "_seen_file", lambda: entries)
    monkeypatch.setattr(proof, "_LIVE", {})
    monkeypatch.setattr(proof, "_MUTANTS", {})
    assert shipped.seen(problem, proof._cache_key(problem)) is None
    assert proof.has_live_lines(problem, set(), least=3)
    assert list(proof.live_lines(problem)) == proof.judged(problem)["live"] != []


def test_the_stale_judgement_listing_names_the_problem(monkeypatch, capsys):
    entries = {pid: dict(e) for pid, e in shipped._seen_file().items()}
    entries["softmax"]["key"] = "0" * 16
    monkeypatch.setattr(shipped, "_seen_file", lambda: entries)
    assert exam_proofs.main(["--only", "softmax"]) == 1
    assert "stale in seen.json: softmax" in capsys.readouterr().out
