"""Judging a learner's file: the whole answer, then each blank on its own.

judge() runs the grader in the sandbox and returns a Verdict; Verdict.to_json()
is the stable `examprep check --json` format (schema "examprep.grade.verdict/1",
documented in ARCHITECTURE.md).
"""
from dataclasses import dataclass, field

from examprep.hole import holes
from examprep.grade import sandbox

SCHEMA = "examprep.grade.verdict/1"


@dataclass
class BlankVerdict:
    label: str
    passed: bool          # None when it could not be judged on its own (markers edited)
    failure: dict = None
    answer: str = None


@dataclass
class Verdict:
    problem: str
    passed: bool
    failure: dict
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
            "failure": self.failure,
            "blanks": [{"label": b.label, "passed": b.passed, "failure": b.failure} for b in self.blanks],
            "checks": self.checks,
            "output": self.output,
            "elapsed_seconds": round(self.elapsed, 3),
            "notes": self.notes,
        }

    @property
    def blanks_passed(self):
        return sum(1 for b in self.blanks if b.passed)


def judge(problem, text, hole=None, seed=0, time_limit=sandbox.DEFAULT_TIME_LIMIT, on_progress=None):
    """Grade `text` (a whole answer file). With `hole`, also judge each blank alone."""
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
    result = sandbox.grade_variants(problem.source, variants, seed=seed, time_limit=time_limit,
                                    stop_if_first_passes=True, on_progress=on_progress)
    failure = result.failures.get("answer")
    blanks = []
    if hole is not None:
        for lab in hole.labels:
            if failure is None:
                blanks.append(BlankVerdict(lab, True, None, regions.get(lab)))
            elif f"blank {lab}" not in dict(variants):
                blanks.append(BlankVerdict(lab, None, None, None))
            else:
                f = result.failures.get(f"blank {lab}")
                blanks.append(BlankVerdict(lab, f is None, f, regions[lab]))
        if failure is not None and blanks and all(b.passed for b in blanks):
            notes.append({"ja": "どの空欄も単独では正しく動きますが、組み合わせると動きません (変数名が他の行と合っていますか?)。",
                          "en": "Each blank works on its own, but not together (do the names match the other lines?)."})
    return Verdict(problem.id, failure is None, failure, blanks, result.checks,
                   result.outputs.get("answer", ""), result.elapsed, notes)
