"""Distractor proofs made when the mock exam reaches a problem, of the lines it tries (examprep.exam.code.lazy).

The exam must be the one that proving every line of every problem first gives, and a line proven on its own
must hold what the one run over the whole problem gives; proofs the exam does not reach are stopped and never
cached; Ctrl-C during a cold composition leaves only whole, complete cache files and no threads. Small, fast
problems keep this quick.
"""
import json
import threading

import pytest

from examprep.exam.code import lazy, proof, shipped
from examprep.exam.code.questions import code_set
from examprep.exam.compose import compose
from examprep.problem import catalog

SMALL = ["softmax", "sgd", "relu_layer", "sigmoid_layer", "momentum", "adagrad", "rmsprop", "cross_entropy",
         "affine", "sigmoid", "softmax_with_loss", "layernorm"]


@pytest.fixture(autouse=True)
def no_shipped_proofs(tmp_path_factory, monkeypatch):
    """These tests are about proving on the learner's machine: the proofs shipped in the package
    (tests/test_shipped_proofs.py) are kept out."""
    monkeypatch.setattr(shipped, "FOLDER", tmp_path_factory.mktemp("no-shipped-proofs"))


@pytest.fixture
def problems():
    return [catalog.get(pid) for pid in SMALL]


def _cache(home):
    folder = home / "cache" / "exam"
    return sorted(folder.iterdir()) if folder.exists() else []


def _no_proof_threads():
    return not [t for t in threading.enumerate() if t.name.startswith("proof")]


def test_lazy_proofs_give_the_exam_of_proving_everything_first(problems, tmp_path, monkeypatch):
    monkeypatch.setenv("EXAMPREP_HOME", str(tmp_path / "lazy"))
    started = []
    lazy_exam = compose(12, seed=3, areas=["3"], problems=problems,
                        on_progress=lambda p, n: started.append((p.id, n)))
    assert any(q.kind == "code_choice" for q in lazy_exam)
    # Only the problems the walk reached (and a few ahead of it) were proven, each once, counted in order.
    assert 0 < len(started) < len(problems)
    assert len({pid for pid, _ in started}) == len(started) and sorted(n for _, n in started) == list(range(len(started)))
    partial = {p.id: proof.cached(p) for p in problems if proof.cached(p) is not None}
    assert 0 < len(partial) <= len(started)
    # (That only the lines an exam tries are proven is test_a_line_is_proven_when_read's: these small problems
    # are often read whole, the give-away rules leaving few lines to ask.)

    monkeypatch.setenv("EXAMPREP_HOME", str(tmp_path / "eager"))
    every = proof.prove_all(problems)   # the whole of each problem in one sandbox run, as before
    assert all(every[p.id]["reference_passed"] and proof.is_full(every[p.id]) for p in problems)
    for pid, data in partial.items():
        # Only the lines tried had their removal graded, and they are load-bearing exactly when they are in the
        # whole proof.
        assert set(data["tried"]) <= set(every[pid]["tried"])
        assert set(data["load_bearing"]) == set(every[pid]["load_bearing"]) & set(data["tried"])
        for line, entries in data["lines"].items():
            assert entries == every[pid]["lines"][line], (pid, line)
    eager_exam = compose(12, seed=3, areas=["3"], problems=problems)
    assert [q.to_json() for q in lazy_exam] == [q.to_json() for q in eager_exam]
    assert _no_proof_threads()


def test_mutants_no_verdict_could_make_an_option_are_not_graded_and_change_no_question(problems, tmp_path,
                                                                                      monkeypatch):
    """A give-away on sight, or a mutant of a line that cannot have three fair distractors, is skipped (never
    graded): every entry proven is the one a proof grading all mutants gives, and every question is the same.
    (What code.problem_rules rules out for a problem, such as layernorm's `x + mu`, is never offered either way:
    the proof grading all mutants leaves those out too.)"""
    problems = problems + [catalog.get(pid) for pid in ("weight_sum", "attention_weight", "gru_cell")]
    monkeypatch.setenv("EXAMPREP_HOME", str(tmp_path / "skip"))
    skipping = proof.prove_all(problems)
    monkeypatch.setenv("EXAMPREP_HOME", str(tmp_path / "all"))
    real = proof._mutants
    monkeypatch.setattr(proof, "_mutants", lambda problem: real(problem)[:2]
                        + (set(proof._judging(problem, proof._key(problem))[2]),))
    grading_all = proof.prove_all(problems)
    monkeypatch.setattr(proof, "_mutants", real)
    skipped = graded = 0
    for p in problems:
        a, b = skipping[p.id], grading_all[p.id]
        # A line with no mutant worth grading is settled without grading its removal (it is never a question).
        assert set(a["load_bearing"]) <= set(b["load_bearing"]) and set(a["lines"]) <= set(b["lines"])
        skipped += sum(len(b["lines"][line]) for line in b["lines"] if line not in a["lines"])
        for line in a["lines"]:
            assert len(a["lines"][line]) == len(b["lines"][line])
            for x, y in zip(a["lines"][line], b["lines"][line]):
                assert (x["text"], x["operator"]) == (y["text"], y["operator"])
                if x["status"] == "skipped":
                    skipped += 1
                else:
                    graded += 1
                    assert x == y
    assert skipped > graded > 0, (skipped, graded)   # most mutants are never worth grading
    asked = 0
    for p in problems:
        for seed in range(6):
            questions = [q.to_json() for q in code_set(p, seed, 4, skipping[p.id])]
            assert questions == [q.to_json() for q in code_set(p, seed, 4, grading_all[p.id])], (p.id, seed)
            asked += len(questions)
    assert asked > 50, asked


def test_a_line_is_proven_when_read(problems, tmp_path, monkeypatch):
    monkeypatch.setenv("EXAMPREP_HOME", str(tmp_path))
    problem = problems[0]
    with lazy.Proofs(workers=1) as proofs:
        view = proofs.get(problem, plan=lambda p: [])   # the reference only
        cached = proof.cached(problem)
        assert view["reference_passed"] and cached["tried"] == [] and cached["lines"] == {} and not view["lines"]
        # Asking whether a line is load-bearing grades its removal (and its mutants in the same run).
        line = next(str(i) for i in cached["candidates"] if str(i) in view["lines"])
        entries = view["lines"][line]
        cached = proof.cached(problem)
        assert entries and cached["lines"] == {line: entries} and int(line) in cached["load_bearing"]
        assert len(cached["tried"]) < len(cached["candidates"])
    full = proof.proven(problem)
    assert entries == full["lines"][line]
    assert set(full["tried"]) == set(full["candidates"]) and proof.is_full(full)


def test_proofs_not_asked_for_are_stopped_and_not_cached(problems, tmp_path, monkeypatch):
    monkeypatch.setenv("EXAMPREP_HOME", str(tmp_path))
    first, second = problems[0], problems[3]
    with lazy.Proofs(workers=1) as proofs:
        proofs.ahead([first, second])
        assert proofs.get(first)["reference_passed"]
        proofs.drop()      # `second` is running or queued: it stops before its next variant
    assert [f.name.split("-")[0] for f in _cache(tmp_path)] == [first.id]
    assert proof.cached(first) is not None and proof.cached(second) is None
    assert _no_proof_threads()


def test_ctrl_c_during_a_cold_composition_leaves_no_broken_cache_file(problems, tmp_path, monkeypatch):
    from examprep.exam.code import questions

    monkeypatch.setenv("EXAMPREP_HOME", str(tmp_path))

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt   # Ctrl-C once the first proof is in, the next ones under way

    monkeypatch.setattr(questions, "plan_set", interrupted)
    with pytest.raises(KeyboardInterrupt):
        compose(12, seed=3, areas=["3"], problems=problems)
    assert _no_proof_threads()
    files = _cache(tmp_path)
    assert files, "the proof the composer waited for is cached"
    for path in files:
        assert not path.name.startswith("."), f"a temporary file was left: {path.name}"
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["complete"] and data["reference_passed"] and data["tried"]
        assert set(data["load_bearing"]) <= set(data["tried"]) and {int(k) for k in data["lines"]} <= set(data["load_bearing"])


def test_a_proof_is_keyed_by_the_classic_mistakes_and_the_exam_rules(monkeypatch):
    """Neither the classic mistakes' text (reference/mistakes/, line_mistakes.json) nor exam/code/ (which mutants
    are skipped) is in the grading engine's fingerprint: a change to either re-proves."""
    problem = catalog.get("softmax")
    key = proof._cache_key(problem)
    with monkeypatch.context() as m:
        m.setattr(proof.curated, "entries", lambda p: [("softmax", "x = x - np.max(x)", "x = x")])
        assert proof._cache_key(problem) != key
    with monkeypatch.context() as m:
        m.setattr(proof, "_exam_rules_fingerprint", lambda: "another rule")
        assert proof._cache_key(problem) != key
    assert proof._cache_key(problem) == key


def test_a_set_made_again_without_some_lines_tries_the_others_in_the_same_order():
    # compose makes a set again without the lines it must leave out (a partner shown, a near-repeat); the other
    # lines keep their order, so the lines proven for the first attempt serve the second.
    from examprep.exam.code.questions import line_order

    problem = catalog.get("batchnorm")
    _, order = line_order(problem, 7)
    indices = [c.index for c in order]
    left_out = set(indices[:2]) | {indices[-1]}
    _, again = line_order(problem, 7, exclude=left_out)
    assert [c.index for c in again] == [i for i in indices if i not in left_out]
    assert len(indices) > 3
