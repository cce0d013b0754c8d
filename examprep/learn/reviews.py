"""What a review is: attempts grouped into runs, each with its FSRS rating; exam answers as attempts.

A run is the rounds of one drill or practice of a problem (rows with the same session_id and problem), or a single
`examprep check` row. Its rating: Again when it never passed, a blank was revealed or time ran out; Hard when it
passed after a retry or with hints; Good when its first round passed without hints; Easy when, in addition, it took
under EASY_SECONDS_PER_BLANK seconds per blank. examprep.learn.schedule replays the runs through FSRS; the report
counts them.
"""
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from examprep.common.timefmt import parse_time

EASY_SECONDS_PER_BLANK = 30.0


@dataclass
class Run:
    """One review: a drill / practice of a problem (all its rounds) or one check."""
    problem: str
    mode: str
    started: datetime            # the first round's time: the review's time
    ended: datetime
    rounds: int
    passed: bool                 # some round passed
    solved: bool                 # passed, no blank revealed, not unfinished
    first_try: bool              # the first round passed without a reveal
    retried: bool                # it passed only after a failed round
    hints: int
    reveals: int
    unfinished: bool
    seconds: float = None        # time on the question (the last round's cumulative seconds); None for checks
    blanks: int = None           # None: a whole file
    blank_refs: list = field(default_factory=list)   # reference text of every blank
    missed: list = field(default_factory=list)       # reference text of blanks failed in some round or revealed
    session_id: str = None
    ids: list = field(default_factory=list)

    @property
    def rating(self):
        return rating_of(self)


def rating_of(run):
    """The FSRS rating (1 Again, 2 Hard, 3 Good, 4 Easy) a run earns."""
    if not run.passed or run.reveals or run.unfinished:
        return 1
    if run.retried or run.hints:
        return 2
    if run.seconds is not None and run.blanks and run.seconds / run.blanks < EASY_SECONDS_PER_BLANK:
        return 4
    return 3


def runs(attempts):
    """Group attempts (oldest first) into runs, ordered by their start time."""
    groups = {}
    order = []
    last_check = {}
    for a in attempts:
        when = parse_time(a.created_at)
        if when is None:
            continue
        if a.unfinished and not a.blank_results:
            continue  # time ran out before anything was answered: no review, no attempt
        if a.mode == "check":
            # Checking the same file again is not another attempt: it joins the run of the first check.
            if last_check.get(a.problem, (None,))[0] == a.answer and a.answer is not None:
                groups[last_check[a.problem][1]].append((when, a))
                continue
        if a.session_id and a.mode != "check":
            key = ("session", a.session_id, a.problem)
        else:
            key = ("row", a.id or id(a))
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append((when, a))
        if a.mode == "check":
            last_check[a.problem] = (a.answer, key)
    out = []
    for k in order:
        out.extend(_run(rows) for rows in _split(sorted(groups[k], key=lambda pair: pair[0])))
    out.sort(key=lambda r: r.started)
    return out


RESTART_SLACK = 3.0   # seconds: created_at is whole seconds, so one drill's implied start wobbles by about 1 s


def _split(rows):
    """The rounds of one session and problem, cut where a new drill of it began: after a pass or an unfinished
    round, or where the drill's clock was restarted (each round records the seconds since its drill began, so
    the rounds of one drill imply the same start time: created_at - seconds)."""
    current = []
    for when, a in rows:
        if current:
            prev_when, prev = current[-1]
            restarted = False
            if a.seconds is not None and prev.seconds is not None:
                start = when - timedelta(seconds=a.seconds)
                prev_start = prev_when - timedelta(seconds=prev.seconds)
                restarted = a.seconds < prev.seconds or abs((start - prev_start).total_seconds()) > RESTART_SLACK
            recheck = a.mode == "check" and prev.mode == "check" and a.answer == prev.answer
            if (prev.passed or prev.unfinished or restarted) and not recheck:
                yield current
                current = []
        current.append((when, a))
    if current:
        yield current


def _run(upto):
    first_when, first = upto[0]
    pass_index = next((i for i, (_, a) in enumerate(upto) if a.passed), None)
    reveals = max((a.reveals or 0) for _, a in upto)
    reveals = max(reveals, max(sum(1 for b in a.blank_results or [] if isinstance(b, dict) and b.get("revealed"))
                               for _, a in upto))
    hints = max((a.hints or 0) for _, a in upto)
    unfinished = any(a.unfinished for _, a in upto) and pass_index is None
    seconds = [a.seconds for _, a in upto if a.seconds is not None]
    refs, missed = [], []
    for _, a in upto:
        for b in a.blank_results or []:
            if not isinstance(b, dict):
                continue
            ref = b.get("reference") or b.get("label") or "?"
            if ref not in refs:
                refs.append(ref)
            if (b.get("passed") is False or b.get("revealed")) and ref not in missed:
                missed.append(ref)
    first_revealed = (first.reveals or 0) > 0 or any(isinstance(b, dict) and b.get("revealed")
                                                     for b in first.blank_results or [])
    passed = pass_index is not None
    return Run(problem=first.problem, mode=first.mode, started=first_when, ended=upto[-1][0], rounds=len(upto),
               passed=passed, solved=passed and reveals == 0 and not unfinished,
               first_try=bool(first.passed) and not first_revealed, retried=bool(pass_index),
               hints=hints, reveals=reveals, unfinished=unfinished, seconds=max(seconds) if seconds else None,
               blanks=first.blanks, blank_refs=refs, missed=missed, session_id=first.session_id,
               ids=[a.id for _, a in upto])



def exam_attempts(answers):
    """Exam answers on code questions as attempts of their problem (issue 16): the code questions of one sitting
    on one problem make one attempt (one review), passed when every one was right, with one blank result per
    question; unanswered questions count as wrong, as in the exam's score. A right sitting rates Good, never
    Easy (no seconds are given): choosing among four options is easier than writing the line. Other questions
    (knowledge, calc) have no problem and are not reviews of a drill."""
    from examprep.learn.records import Attempt

    grouped = {}
    for row in answers:
        if row.get("problem") and str(row.get("kind", "")).startswith("code"):
            grouped.setdefault((row["session_id"], row["problem"]), []).append(row)
    out = []
    for (session_id, problem), rows in grouped.items():
        out.append(Attempt(problem=problem, mode="exam", passed=all(r["correct"] for r in rows), blanks=len(rows),
                           blank_results=[{"reference": r["question_id"], "passed": bool(r["correct"])} for r in rows],
                           answer=None, seconds=None, session_id=session_id,
                           created_at=min(r["created_at"] for r in rows), id=f"exam:{session_id}:{problem}"))
    return out


def with_exam_answers(attempts, answers):
    """Attempts and exam attempts together, oldest first (what the schedule is derived from)."""
    return sorted(list(attempts) + exam_attempts(answers), key=lambda a: a.created_at or "")

