"""Checking a learner's source text, the one way `examprep check`, `examprep watch` and notebooks all grade.

check_text() finds the problem (the `# examprep: ID` header or the one named), rebuilds the hole the file was made
with (to judge each blank on its own), runs examprep.grade.verdict.judge in the sandbox, saves a passing answer
to solutions/ and records the attempt in the progress store. Nothing here prints: callers show the verdict.
"""
from dataclasses import dataclass

from examprep.common.errors import BilingualError


class CheckInputError(BilingualError):
    """The text cannot be checked (no problem named, unknown problem): ja / en say why."""


@dataclass
class Checked:
    problem: object          # catalog.Problem
    hole: object             # holes.Hole the text was made from, or None (a whole file)
    verdict: object          # examprep.grade.verdict.Verdict
    text: str
    recorded: bool           # False: nothing was filled in yet (not an attempt), or recording was off


MAX_BYTES = 256 * 1024  # larger answers are refused (ARCHITECTURE.md, Decisions: "Size of a checked file")


def too_large(size, where=None):
    """The CheckInputError for an answer of `size` bytes, over MAX_BYTES."""
    where_ja = f"{where} は" if where else "このコードは"
    where_en = where or "This code"
    return CheckInputError(
        f"{where_ja}大きすぎます ({size / 1024:,.0f} KiB)。採点できるのは {MAX_BYTES // 1024} KiB までです。"
        f"問題の対象 (関数・クラス) だけを含むファイルにしてください。",
        f"{where_en} is too large ({size / 1024:,.0f} KiB): examprep checks files of up to {MAX_BYTES // 1024} KiB. "
        f"Keep only the problem's functions and classes in it.")


def read_source(path, limit=None):
    """A Python file's text as Python reads it: UTF-8, a BOM, or a `# -*- coding: ... -*-` line honoured.
    With a limit (bytes), a larger file raises CheckInputError before it is read whole."""
    import io
    import os
    import tokenize

    with open(path, "rb") as f:
        if limit is not None:
            size = os.fstat(f.fileno()).st_size
            raw = f.read(limit + 1)
            if len(raw) > limit:
                raise too_large(max(size, len(raw)), str(path))
        else:
            raw = f.read()
    encoding, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
    text = raw.decode(encoding)
    return text[1:] if text.startswith("\ufeff") else text


STALE_NOTE = {"ja": "このファイルの作成後に参照実装が変わったため、空欄ごとの判定はできません。ファイル全体を採点しました。",
              "en": "The reference has changed since this file was made, so blanks are not judged one by one; the "
                    "file was graded as a whole."}


def resolve(text, problem_id=None, where=None, how=("--problem ID", "--problem ID")):
    """(problem, hole, notes) for a source text; CheckInputError when no problem is named. `where` names the text
    in messages (a file name), `how` (ja, en) says how to name the problem; catalog.UnknownProblem propagates for an
    unknown id."""
    from examprep.hole import holes
    from examprep.problem import catalog

    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        raise too_large(size, where)
    header = holes.read_header(text)
    problem_id = problem_id or (header.problem_id if header else None)
    if problem_id is None:
        where_ja = f"{where} に" if where else "このコードに"
        where_en = where or "this code"
        raise CheckInputError(f"{where_ja} '# examprep: ID' の行がありません。{how[0]} で問題を指定してください。",
                              f"{where_en} has no '# examprep: ID' line: name the problem with {how[1]}.")
    problem = catalog.get(problem_id)
    hole = None
    notes = []
    if header and header.problem_id == problem.id and "ref" in header.fields:
        # A plain `# examprep: ID` line names the problem only: the file is graded whole, with no note.
        hole = holes.hole_from_header(problem, header)
        if hole is None:
            notes.append(dict(STALE_NOTE))
    return problem, hole, notes


def check_text(text, problem_id=None, where=None, record=True, on_store_error=None, status=None, how=None):
    """Grade `text` as `examprep check` does; returns Checked. status: a context manager factory shown while the
    sandbox runs (a spinner), or None; how: see resolve()."""
    import contextlib

    from examprep.grade.verdict import judge
    from examprep.learn import store

    problem, hole, notes = resolve(text, problem_id, where, **({"how": how} if how else {}))
    with (status() if status else contextlib.nullcontext()):
        verdict = judge(problem, text, hole)
    verdict.notes = notes + verdict.notes
    if verdict.passed:
        try:
            store.save_solution(problem.id, text)
        except store.SaveError as exc:  # a read-only data folder: the verdict stands, with a note
            verdict.notes.append(exc.note())
    recorded = record and record_check(problem, hole, verdict, text, on_store_error)
    return Checked(problem, hole, verdict, text, recorded)


def record_check(problem, hole, verdict, text, on_error=None):
    """Put one checked answer in the progress store. False (nothing recorded) for a hole file checked before
    anything was filled in: that is not an attempt."""
    from examprep.learn import progress, records

    failed = verdict.failure.check if verdict.failure is not None else None
    if failed == "blank" and not any(b.passed for b in verdict.blanks):
        return False
    attempt = records.Attempt(
        problem=problem.id, mode="check", passed=verdict.passed,
        level=hole.level if hole else None, blanks=len(hole.labels) if hole else None, seed=hole.seed if hole else None,
        blank_results=[{"label": b.label, "passed": b.passed, "reference": c.text}
                       for b, c in zip(verdict.blanks, hole.blanks)] if hole else [],
        failure_check=failed, answer=text)
    progress.record_safely(attempt, on_error=on_error)
    return True
