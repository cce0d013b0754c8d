"""Judging a learner's file: the whole answer, then each blank on its own.

judge() runs the grader in the sandbox and returns a Verdict; Verdict.to_json()
is the stable `examprep check --json` format (schema "examprep.grade.verdict/1",
documented in ARCHITECTURE.md).
"""
from dataclasses import dataclass, field

from examprep.hole import holes
from examprep.grade import sandbox
from examprep.grade.failure import Failure

SCHEMA = "examprep.grade.verdict/1"


@dataclass
class BlankVerdict:
    label: str
    passed: bool          # None when it could not be judged on its own (markers edited)
    failure: Failure = None
    answer: str = None


@dataclass
class Verdict:
    problem: str
    passed: bool
    failure: Failure      # None when passed
    blanks: list = field(default_factory=list)
    checks: dict = field(default_factory=dict)
    output: str = ""
    elapsed: float = 0.0
    notes: list = field(default_factory=list)   # [{ja, en}]

    def to_json(self):
        return {
            "schema": SCHEMA,
            "problem": self.problem,
            "passed": self.passed,
            "failure": _json(self.failure),
            "blanks": [{"label": b.label, "passed": b.passed, "failure": _json(b.failure)} for b in self.blanks],
            "checks": self.checks,
            "output": self.output,
            "elapsed_seconds": round(self.elapsed, 3),
            "notes": self.notes,
        }

    @property
    def blanks_passed(self):
        return sum(1 for b in self.blanks if b.passed)


def _json(failure):
    return failure.to_json() if failure is not None else None


_said = set()       # the protections-off notes already given by this process
TOTAL_TIME = 25.0   # seconds for all variants of one file: every verdict comes within 30 s


def judge(problem, text, hole=None, seed=0, time_limit=sandbox.DEFAULT_TIME_LIMIT, on_progress=None):
    """Grade `text` (a whole answer file). With `hole`, also judge each blank alone.

    A blank whose own variant was not graded (markers edited, the time budget used up, or
    the whole file hung inside that blank, which then says so) gets passed None or the
    whole file's timeout.
    """
    variants = [("answer", text)]
    regions = {}
    notes = []
    if hole is not None:
        regions = holes.read_filled(text, hole.labels)
        for lab in hole.labels:
            if regions.get(lab) is None:
                continue
            variant = holes.isolate(text, hole, lab)
            if variant is not None:
                variants.append((f"blank {lab}", variant))
        if any(r is None for r in regions.values()):
            notes.append({"ja": "空欄のマーカー行 (▼/▲) が見つからない空欄は、ファイル全体としてのみ採点しました。",
                          "en": "Blanks whose marker lines (▼/▲) are missing were graded only as part of the whole file."})
    first = variants[:1]
    result = sandbox.grade_variants(problem.source, first, seed=seed, time_limit=time_limit,
                                    on_progress=on_progress, total_time=TOTAL_TIME, keep_worker=len(variants) > 1)
    failure = result.failures.get("answer")
    rest = variants[1:] if failure is not None else []
    hung_in = _blank_of_line(text, hole, (failure.details or {}).get("line")) \
        if failure is not None and failure.check == "timeout" else None
    if hung_in is not None:
        # The same blank would hang again on its own: it gets the whole file's timeout at once.
        result.failures[f"blank {hung_in}"] = failure
        rest = [(n, v) for n, v in rest if n != f"blank {hung_in}"]
    try:
        if rest:
            more = sandbox.grade_variants(problem.source, rest, seed=seed, time_limit=time_limit,
                                          on_progress=on_progress, total_time=max(TOTAL_TIME - result.elapsed, 0.0))
            result.failures.update(more.failures)
            result.outputs.update(more.outputs)
            result.notes.update(more.notes)
            result.elapsed += more.elapsed
    finally:
        sandbox.discard_parked()
    blanks = []
    if hole is not None:
        for lab in hole.labels:
            name = f"blank {lab}"
            if failure is None:
                blanks.append(BlankVerdict(lab, True, None, regions.get(lab)))
            elif name not in result.failures:
                blanks.append(BlankVerdict(lab, None, None, regions.get(lab)))
            else:
                f = result.failures[name]
                blanks.append(BlankVerdict(lab, f is None, f, regions[lab]))
        if failure is not None and blanks and all(b.passed for b in blanks):
            notes.append({"ja": "どの空欄も単独では正しく動きますが、組み合わせると動きません (変数名が他の行と合っていますか?)。",
                          "en": "Each blank works on its own, but not together (do the names match the other lines?)."})
        if any(b.passed is None for b in blanks) and any(n in dict(variants) and n not in result.failures
                                                         for n in (f"blank {lab}" for lab in hole.labels)):
            notes.append({"ja": "時間制限のため、一部の空欄は単独では採点していません。",
                          "en": "Some blanks were not graded on their own: the time budget was used up."})
    for note in result.notes.get("answer", []):
        if note not in notes:
            notes.append(note)
    off = (result.containment or {}).get("off")
    if off and off["en"] not in _said:
        notes.append(off)   # once per process: a drill or `watch` does not repeat it every round
        _said.add(off["en"])
    return Verdict(problem.id, failure is None, failure, blanks, result.checks,
                   result.outputs.get("answer", ""), result.elapsed, notes)


def _blank_of_line(text, hole, line):
    """The label of the blank whose marked region holds `line` (1-based) of text, or None."""
    if hole is None or not line:
        return None
    lines = text.splitlines()
    for lab in hole.labels:
        opens = [i for i, s in enumerate(lines) if s.strip() == (holes.MARK_OPEN + lab).strip()]
        closes = [i for i, s in enumerate(lines) if s.strip() == (holes.MARK_CLOSE + lab).strip()]
        if len(opens) == 1 and len(closes) == 1 and opens[0] + 1 < line <= closes[0]:
            return lab
    return None
