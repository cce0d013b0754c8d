"""The grader accepts correct answers that are not the reference, and rejects classic wrong ones for the right reason.

tests/components/<problem_id>/alternatives/*.py: ALTERNATIVE CORRECT implementations (other formulations,
PyTorch's conventions) and, as book_*.py / book2_*.py, the code of ゼロから作るDeep Learning ①② verbatim
(tests/components/NOTICE-deep-learning-from-scratch.md). Each must pass. A rejection means the grader (or the problem's cases) refuses a right
answer: the failure message is printed.

tests/components/<problem_id>/wrong/*.py: classic WRONG answers. The first line says which check
must reject them: `# expect: shape`. Each must fail with exactly that check.

All files of one problem are graded in one sandbox batch. Directories whose problem
has no YAML file yet are skipped with a visible reason.
"""
import re
from pathlib import Path

import pytest

from examprep.problem import catalog
from examprep.grade import sandbox
from examprep.grade.failure import Failure

HERE = Path(__file__).parent
COMPONENTS = HERE / "components"
ALTERNATIVES = "alternatives"
WRONG = "wrong"
EXPECT_RE = re.compile(r"^#\s*expect:\s*([a-z_]+)\s*$")
TIME_LIMIT = 10.0

PROBLEMS = catalog.load_all()


def _files(kind):
    return sorted(COMPONENTS.glob(f"*/{kind}/*.py"))


def _pid(path):
    return path.parent.parent.name


def _id(path):
    return f"{_pid(path)}/{path.parent.name}/{path.name}"


def expected_check(path):
    first = path.read_text(encoding="utf-8").splitlines()[0] if path.stat().st_size else ""
    m = EXPECT_RE.match(first.strip())
    return m.group(1) if m else None


class Batches:
    """Grades every file of a problem directory in one sandbox run, on first use."""

    def __init__(self, kind):
        self.kind = kind
        self.results = {}

    def failure(self, path):
        pid = _pid(path)
        if pid not in self.results:
            files = sorted((COMPONENTS / pid / self.kind).glob("*.py"))
            result = sandbox.grade_variants(PROBLEMS[pid].source,
                                            [(f.name, f.read_text(encoding="utf-8")) for f in files],
                                            time_limit=TIME_LIMIT)
            self.results[pid] = result
        result = self.results[pid]
        return result.failures.get(path.name, Failure("not graded", "採点結果がありません。", "the grader returned no verdict")), \
            result.outputs.get(path.name, "")


@pytest.fixture(scope="module")
def alternatives():
    return Batches(ALTERNATIVES)


@pytest.fixture(scope="module")
def wrong_answers():
    return Batches(WRONG)


def _skip_without_problem(path):
    pid = _pid(path)
    if pid not in PROBLEMS:
        pytest.skip(f"problems/area*/{pid}.yaml does not exist (yet)")


@pytest.mark.parametrize("path", _files(ALTERNATIVES), ids=_id)
def test_alternative_correct_answer_is_accepted(alternatives, path):
    _skip_without_problem(path)
    failure, output = alternatives.failure(path)
    if failure is not None:
        pytest.fail(f"{_id(path)} is a correct answer but the grader rejects it:\n"
                    f"  check: {failure.check} (stage {failure.stage}, case {failure.case!r}, "
                    f"dtype {failure.dtype})\n  en: {failure.en}\n  ja: {failure.ja}\n"
                    f"  details: {failure.details}" + (f"\n  output: {output}" if output else ""),
                    pytrace=False)


@pytest.mark.parametrize("path", _files(WRONG), ids=_id)
def test_wrong_answer_is_rejected_by_the_expected_check(wrong_answers, path):
    expect = expected_check(path)
    assert expect, f"{_id(path)}: the first line must be `# expect: <check>`"
    _skip_without_problem(path)
    failure, _ = wrong_answers.failure(path)
    assert failure is not None, f"{_id(path)} is wrong but the grader ACCEPTS it (expected check {expect!r})"
    assert failure.check == expect, (
        f"{_id(path)}: rejected by check {failure.check!r}, expected {expect!r}:\n  {failure.en}")


def test_corpus_directories_are_well_formed():
    """tests/components/<id>/ is named like a problem id and holds only alternatives/ and wrong/ with answer files."""
    for d in sorted(p for p in COMPONENTS.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))):
        assert re.fullmatch(r"[a-z][a-z0-9_]*", d.name), f"{d}: not a problem id"
        for sub in d.iterdir():
            if sub.name.startswith(("_", ".")):
                continue
            assert sub.name in (ALTERNATIVES, WRONG), f"{sub}: expected only {ALTERNATIVES}/ and {WRONG}/"
            assert list(sub.glob("*.py")), f"{sub}: no answer files"


# Drills whose component ゼロから作るDeep Learning's code has (ARCHITECTURE.md, "Book-form policy"): each keeps that
# code, verbatim, as alternatives/book_*.py, and it must pass (test_alternative_correct_answer_is_accepted).
BOOK_DRILLS = ["im2col", "col2im", "conv2d", "max_pooling", "relu_layer", "sigmoid_layer", "affine", "softmax_with_loss",
               "batchnorm", "dropout", "sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam",
               "numerical_gradient", "softmax", "cross_entropy", "mean_squared_error", "sigmoid", "relu"]


@pytest.mark.parametrize("pid", BOOK_DRILLS)
def test_the_books_own_code_is_kept_for_every_drill_it_has(pid):
    files = sorted((COMPONENTS / pid / ALTERNATIVES).glob("book_*.py"))
    verbatim = [f for f in files if "# Verbatim from ゼロから作るDeep Learning" in f.read_text(encoding="utf-8")]
    assert verbatim, f"tests/components/{pid}/alternatives/ has lost the book's code (book_*.py, verbatim, with its header)"
