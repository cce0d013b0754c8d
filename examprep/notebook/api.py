"""The plain Python API under the notebook magics, for any front end.

    import examprep
    text = examprep.drill_source("conv2d", level="hard", seed=3)   # the hole, as `examprep drill --export` writes it
    verdict = examprep.check(filled_text)                          # graded as `examprep check` grades a file
    verdict.passed, verdict.blanks, verdict.to_json()

Nothing here needs a file on disk or `__file__`: sources are strings. check() records the attempt in the same
progress store as `examprep check` (EXAMPREP_HOME or the XDG data folder) and saves a passing answer to solutions/.
"""
import random

from examprep.common.errors import BilingualError
from examprep.common.i18n import default_lang


class ExamprepError(BilingualError):
    """A learner's mistake (an unknown problem, no problem named): .ja / .en say what to do."""


def _problem(problem_id):
    from examprep.problem import catalog

    try:
        return catalog.get(problem_id)
    except catalog.UnknownProblem as exc:
        guess = ", ".join(exc.suggestions)
        raise ExamprepError(
            f"問題 '{problem_id}' はありません。" + (f" もしかして: {guess}" if guess else "") + " (%examprep list で一覧)",
            f"no problem '{problem_id}'." + (f" Did you mean: {guess}?" if guess else "") + " (see %examprep list)"
        ) from None


def make_hole(problem_id, level="normal", blanks=None, seed=None, lang=None):
    """The holes.Hole of a drill; seed None picks one at random, as `examprep drill` does."""
    from examprep.hole import holes

    problem = _problem(problem_id)
    if seed is None:
        seed = random.randrange(1000)
    return holes.make(problem, level=level or "normal", blanks=blanks, seed=seed, lang=lang or default_lang())


GRADE_LINES = ("# 採点:", "# Grade it:")


def cell_text(hole):
    """The hole file's text for a notebook cell: the `if __name__ == "__main__"` footer (which grades the file by
    its __file__, absent in a notebook) and the header line on grading a file left out."""
    text = hole.text.split('\n\nif __name__ == "__main__":')[0].rstrip("\n")
    lines = text.splitlines()
    return "\n".join(line for i, line in enumerate(lines) if i > 4 or not line.startswith(GRADE_LINES)) + "\n"


def drill_source(problem, level="normal", blanks=None, seed=None, lang=None):
    """The hole of a drill as source text: the reference with load-bearing lines blanked between `# ▼ (1)` and
    `# ▲ (1)` markers (as in `examprep drill --export`), ready to fill and pass to check()."""
    return cell_text(make_hole(problem, level=level, blanks=blanks, seed=seed, lang=lang))


def grade(source, problem=None, record=True, on_store_error=None, how=None):
    """Grade source text as `examprep check` does; the examprep.learn.checking.Checked result (problem, hole,
    verdict, recorded). on_store_error(StoreError) is called when the attempt cannot be recorded (the default warns);
    how: (ja, en) telling how to name the problem, for the message when the source names none."""
    import warnings

    from examprep.learn import checking

    size = len(source.encode("utf-8"))
    if size > checking.MAX_BYTES:
        exc = checking.too_large(size)
        raise ExamprepError(exc.ja, exc.en)
    if on_store_error is None:
        def on_store_error(exc):
            warnings.warn(exc.en, RuntimeWarning, stacklevel=3)
    try:
        return checking.check_text(source, problem, where=None, record=record, on_store_error=on_store_error,
                                   how=how or ('problem="ID"', 'problem="ID"'))
    except checking.CheckInputError as exc:
        raise ExamprepError(exc.ja, exc.en) from None
    except Exception as exc:        # an unknown problem named in the source's header
        from examprep.problem import catalog

        if isinstance(exc, catalog.UnknownProblem):
            _problem(exc.problem_id)
        raise


def check(source, problem=None, record=True):
    """Grade source text (a filled hole, or any code defining the problem's targets with problem="ID") in the
    sandbox, exactly as `examprep check` grades a file. Returns the examprep.grade.verdict.Verdict: .passed,
    .failure, .blanks (per blank: label, passed, failure, answer), .to_json() (schema examprep.grade.verdict/1)."""
    return grade(source, problem, record).verdict


def hints(problem, label, lang=None, source=None, level="normal", blanks=None, seed=0):
    """The hints for one blank, weakest first (the authored hints, the names used, the line's skeleton), for the
    hole in `source` (its header says which lines are blanked) or the one the other arguments make."""
    from examprep.hole import holes
    from examprep.learn.drill import hints_for

    prob = _problem(problem)
    hole = None
    if source:
        header = holes.read_header(source)
        if header and header.problem_id == prob.id:
            hole = holes.hole_from_header(prob, header)
    if hole is None:
        hole = make_hole(prob.id, level=level, blanks=blanks, seed=seed, lang=lang)
    lang = lang or hole.lang
    if label not in hole.labels:
        raise ExamprepError(f"空欄 {label} はありません (空欄: {', '.join(hole.labels)})。",
                            f"no blank {label} (the blanks: {', '.join(hole.labels)}).")
    return hints_for(prob, hole.blanks[hole.labels.index(label)], lang)
