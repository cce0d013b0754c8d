"""Recognising another legitimate convention in a rejected answer (problems' `conventions:` key).

Where a drill follows one convention among several (max-pooling ties to the first maximum,
the book's biased running variance, zero padding counted in average pooling), the problem
lists implementations of the others. When an answer fails, the grader (in the parent, on
trusted code) computes those implementations' records and, if the answer's records match
one of them, names it: "your running variance is unbiased (N−1), as PyTorch's; this drill
follows the book: biased (N)". The failure's check is `convention`.

A problem's `mistakes:` (the same schema) are implementations of classic wrong answers: the arguments of KL
swapped, N − 1 for the MLE's N, `(1 − done)` left out of a DQN target. They are recognised the same way, after
the conventions, and the failure's check is `mistake`, its text the entry's ("your KL divergence is KL(q || p):
the arguments are swapped ..."). Both only name what the records already rejected: a diagnosis never changes a
verdict.
"""
import importlib

from examprep.grade import compare as comparing
from examprep.grade import kinds
from examprep.grade.failure import Failure

# Failures that no other convention explains: the answer did not run, or was not judged on values.
NOT_CONVENTIONS = {"syntax", "import", "defined", "delegates", "blank", "exception", "memory", "exit", "timeout",
                   "crash", "internal", "interfered", "missing"}
_CACHE = {}


def convention_records(problem, convention, base_seed=0):
    """The records of the problem's cases with one target replaced by the convention's implementation."""
    key = (problem.source, problem.id, convention.name, base_seed)
    if key not in _CACHE:
        namespace = {t.name: getattr(importlib.import_module(t.module), t.name) for t in problem.targets}
        for replaces, target in convention.pairs():
            namespace[replaces] = getattr(importlib.import_module(target.module), target.name)
        _CACHE[key] = kinds.run_cases(problem, namespace, base_seed, learner=False)
    return _CACHE[key]


def _without_numgrad(records):
    return [r for r in records if getattr(r, "check", None) != "numgrad"]


def diagnose(problem, failure, actual_records, base_seed=0):
    """failure, or a `convention` Failure naming the known convention the answer's records match, or a `mistake`
    Failure naming the classic mistake they match."""
    known = [("convention", c) for c in problem.conventions] + [("mistake", m) for m in problem.mistakes]
    if failure is None or not known or not actual_records:
        return failure
    if failure.check in NOT_CONVENTIONS:
        return failure
    for kind, entry in known:
        expected, actual = convention_records(problem, entry, base_seed), actual_records
        if kind == "mistake":
            # A classic wrong backward disagrees with its own forward by definition, so the numerical-gradient
            # property fails for the mistake and the answer alike; every value is still compared.
            expected, actual = _without_numgrad(expected), _without_numgrad(actual)
        if comparing.compare(expected, actual) is None:
            f = failure
            return Failure(kind, entry.text["ja"], entry.text["en"], f.stage, f.case, f.dtype,
                           f.what, {kind: entry.name, "first_difference": f.en}, f.context)
    return failure
