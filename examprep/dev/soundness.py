"""Grader soundness of one problem: the reference passes, every method has a load-bearing line, holes behave at
every level, and every mutant of a load-bearing line is rejected unless reviewed as equivalent.

Shared by `examprep dev check` and tests/test_soundness.py (which runs it over every problem in CI). All
variants are graded by examprep.grade.sandbox in two worker runs: phase 1 the reference and each candidate
replaced by `pass`; phase 2 the holes (unfilled and filled with the reference's lines, at every level) and the
mutants.
"""
import ast
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path

from examprep.grade import sandbox
from examprep.grade.failure import Failure
from examprep.hole import holes, mutants
from examprep.problem import source
from examprep.common import pyast

TIME_LIMIT = 5.0     # seconds per variant; a mutant that loops forever is a kill ('timeout')
ALLOWLIST_KEYS = {"problem", "candidate", "mutant", "reason"}
LEVELS = ("easy", "normal", "hard", "full")


def repository_tests():
    """The repository's tests/ folder (allow-list, component answers), or None in an installed copy."""
    tests = Path(__file__).resolve().parents[2] / "tests"
    return tests if (tests / "soundness_allowlist.yaml").is_file() else None


def normalize(statement):
    """A statement's text as ast.unparse writes it, so allow-list entries need not match spacing."""
    return ast.unparse(pyast.parse(textwrap.dedent(statement).strip()))


def load_allowlist(path=None):
    import yaml

    path = path or ((repository_tests() or Path(".")) / "soundness_allowlist.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    return data or []


def allowed(allowlist, pid):
    """{(normalized candidate, mutant text): reason} of the allow-list entries for a problem."""
    return {(normalize(e["candidate"]), normalize(e["mutant"])): e["reason"]
            for e in allowlist if e.get("problem") == pid}


@dataclass
class Report:
    """Everything the soundness checks found out about one problem."""
    problem_id: str
    reference: object = None         # Failure of the reference answer (None: it passed)
    candidates: list = field(default_factory=list)
    removals: dict = field(default_factory=dict)        # candidate index -> failure (None: still passes)
    load_bearing: list = field(default_factory=list)
    holes: dict = field(default_factory=dict)            # level -> {"unfilled": failure, "filled": failure, ...}
    hole_read_back: dict = None      # hard level: what read_filled() returned, label -> text
    mutants: list = field(default_factory=list)
    mutant_failures: dict = field(default_factory=dict)  # mutant name -> failure (None: survived)
    elapsed: float = 0.0

    @property
    def not_load_bearing(self):
        return [c for c in self.candidates if self.removals.get(c.index) is None]

    @property
    def survivors(self):
        return [m for m in self.mutants if self.mutant_failures.get(m.name) is None]

    @property
    def methods_without_load_bearing(self):
        """Methods (and functions) of the targets with candidates of which none is load-bearing."""
        methods = {c.target for c in self.candidates}
        proven = {c.target for c in self.load_bearing}
        return sorted(methods - proven)

    # the hard level, as the suite's older fields
    @property
    def hole_unfilled(self):
        return self.holes.get("hard", {}).get("unfilled")

    @property
    def hole_filled(self):
        return self.holes.get("hard", {}).get("filled")

    @property
    def hole_refilled(self):
        return self.holes.get("hard", {}).get("refilled")


def filled_hole_text(hole):
    """The hole file with each region between its markers holding the reference's statement(s)."""
    text = hole.text
    for cand, lab in zip(hole.blanks, hole.labels):
        blank_line = cand.indent + cand.lhs + holes.placeholder(lab)
        filled = "\n".join(cand.indent + line if line.strip() else "" for line in cand.text.splitlines())
        if text.count(blank_line + "\n") != 1:
            raise AssertionError(f"cannot find the blank line {blank_line!r} in the hole")
        text = text.replace(blank_line + "\n", filled + "\n", 1)
    return text


def _level_holes(problem, load_bearing, cands):
    """{level: Hole}: the hard level blanks every load-bearing line; the others as the drill chooses them."""
    out = {"hard": holes.render(problem, load_bearing, "hard", 0, "en"),
           "full": holes.render(problem, holes.method_bodies(problem), "full", 0, "en")}
    twins = holes.twin_groups(cands)
    for level in ("easy", "normal"):
        out[level] = holes.render(problem, holes.select(problem, load_bearing, level, None, 0, twins), level, 0, "en")
    return out


def analyse(problem, levels=LEVELS):
    """Grade the reference, the removals, the holes and every mutant of one problem."""
    started = time.monotonic()
    report = Report(problem.id)
    with holes.AST_LOCK:
        answer = source.reference_answer(problem)
        report.candidates = holes.candidates(problem)
        phase1 = [("reference", answer)]
        phase1 += [(f"remove:{c.index}", holes.removal_variant(problem, c)) for c in report.candidates]
    r1 = sandbox.grade_variants(problem.source, phase1, time_limit=TIME_LIMIT)
    report.reference = r1.failures.get("reference", Failure("missing", "採点されませんでした。", "not graded"))
    report.removals = {c.index: r1.failures.get(f"remove:{c.index}") for c in report.candidates}
    report.load_bearing = [c for c in report.candidates if report.removals[c.index] is not None]

    phase2 = []
    with holes.AST_LOCK:
        if report.load_bearing:
            for level, hole in _level_holes(problem, report.load_bearing, report.candidates).items():
                if level not in levels:
                    continue
                filled = filled_hole_text(hole)
                phase2 += [(f"hole:{level}:unfilled", hole.text), (f"hole:{level}:filled", filled)]
                if level == "hard":
                    report.hole_read_back = holes.read_filled(filled, hole.labels)
                    refilled = holes.fill(problem, hole.blanks, [report.hole_read_back[lab] for lab in hole.labels])
                    phase2.append(("hole:hard:refilled", refilled))
        report.mutants = mutants.mutants_for(problem, report.load_bearing)
        phase2 += [(m.name, m.source) for m in report.mutants]
    if phase2:
        r2 = sandbox.grade_variants(problem.source, phase2, time_limit=TIME_LIMIT)
        for name, _ in phase2:
            if name.startswith("hole:"):
                _, level, what = name.split(":")
                report.holes.setdefault(level, {})[what] = r2.failures.get(name)
        report.mutant_failures = {m.name: r2.failures.get(m.name) for m in report.mutants}
    report.elapsed = time.monotonic() - started
    return report
