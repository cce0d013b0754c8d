"""`examprep dev check ID... | --all`: the author loop over a problem, as rustlings' dev check.

Steps, in order (a failed step is reported with what to fix; later steps still run when they can):

    schema        the YAML loads and validates (catalog)
    reference     the reference answer passes its own cases
    methods       every method (and function) of every target with a blankable line has a load-bearing one
    holes         at every level an unfilled hole fails with 'blank' and the hole filled with the reference's
                  lines passes
    mutants       every mutant of a load-bearing line is rejected, or allow-listed with a reason
                  (tests/soundness_allowlist.yaml)
    components    tests/components/<id>/alternatives/*.py pass; wrong/*.py fail with the check named on their
                  first line (`# expect: <check>`)
    leaks         no blanked line's text shows elsewhere in its hole file or hints (examprep.hole.leaks), at
                  every level over a few seeds
    time          seconds for the whole check

The steps that need the repository's tests/ folder (allow-list, component answers) say so when it is absent.
"""
import json
import re
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from examprep.dev import soundness

EXPECT_RE = re.compile(r"^#\s*expect:\s*([a-z_]+)\s*$")
LEAK_SEEDS = (0, 1, 2)
STEPS = ("schema", "reference", "methods", "holes", "mutants", "components", "leaks")


@dataclass
class Step:
    name: str
    ok: bool              # None: skipped
    seconds: float = 0.0
    problems: list = field(default_factory=list)   # what to fix, one line each


@dataclass
class ProblemCheck:
    problem: str
    file: str
    steps: list = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self):
        return all(s.ok is not False for s in self.steps)

    def to_json(self):
        return {"problem": self.problem, "file": self.file, "ok": self.ok, "seconds": round(self.seconds, 2),
                "steps": [dict(asdict(s), seconds=round(s.seconds, 2)) for s in self.steps]}


def _describe(failure):
    return "passed" if failure is None else f"[{failure.check}] {failure.en}"


def check_file(path, allowlist=None, on_step=None):
    """Every step for one problem file -> ProblemCheck."""
    from examprep.problem import catalog

    started = time.monotonic()
    result = ProblemCheck(Path(str(path)).stem, str(path))

    def step(name, ok, problems=(), since=None):
        s = Step(name, ok, time.monotonic() - (since or time.monotonic()), list(problems))
        result.steps.append(s)
        if on_step:
            on_step(result.problem, s)
        return s

    t = time.monotonic()
    try:
        problem = catalog.load_file(Path(str(path)))
    except catalog.ProblemError as exc:
        step("schema", False, [str(exc)], t)
        result.seconds = time.monotonic() - started
        return result
    result.problem = problem.id
    step("schema", True, since=t)

    t = time.monotonic()
    report = soundness.analyse(problem)
    analysed = time.monotonic()
    step("reference", report.reference is None,
         [] if report.reference is None else [f"the reference is rejected: {_describe(report.reference)}"], t)
    if report.reference is not None:
        result.seconds = time.monotonic() - started
        return result
    missing = report.methods_without_load_bearing
    step("methods", not missing and bool(report.load_bearing),
         [f"{m}: no line is load-bearing (the cases never exercise it: add a case or steps that call it)"
          for m in missing] or ([] if report.load_bearing else ["no candidate is load-bearing"]), analysed)
    step("holes", *_holes(report), since=analysed)
    step("mutants", *_mutants(report, problem.id, allowlist), since=analysed)
    t = time.monotonic()
    step("components", *_components(problem), since=t)
    t = time.monotonic()
    step("leaks", *_leaks(problem), since=t)
    result.seconds = time.monotonic() - started
    return result


def _holes(report):
    problems = []
    for level, outcome in sorted(report.holes.items()):
        unfilled, filled = outcome.get("unfilled"), outcome.get("filled")
        if unfilled is None or unfilled.check != "blank":
            problems.append(f"level {level}: the unfilled hole {'passes' if unfilled is None else 'fails with'} "
                            f"{'' if unfilled is None else _describe(unfilled)} (expected check 'blank')")
        if filled is not None:
            problems.append(f"level {level}: the hole filled with the reference's lines is rejected: "
                            f"{_describe(filled)}")
        if outcome.get("refilled") is not None:
            problems.append(f"level {level}: read_filled() + fill() is rejected: {_describe(outcome['refilled'])}")
    return not problems, problems


def _mutants(report, pid, allowlist):
    if allowlist is None:
        allowlist = soundness.load_allowlist() if soundness.repository_tests() else []
    allowed = soundness.allowed(allowlist, pid)
    unexplained = [m for m in report.survivors if (soundness.normalize(m.original), m.text) not in allowed]
    killed = len(report.mutants) - len(report.survivors)
    problems = [f"{m.target}, line {m.line} [{m.operator}]: {m.original.strip()}  ->  {m.text}  is ACCEPTED "
                f"(strengthen the cases, or allow-list it with the reason it is equivalent)" for m in unexplained]
    if not problems:
        problems = [f"{killed}/{len(report.mutants)} mutants killed, {len(report.survivors)} allow-listed"]
    return not unexplained, problems


def _components(problem):
    from examprep.grade import sandbox

    tests = soundness.repository_tests()
    if tests is None:
        return None, ["skipped: no tests/ folder (an installed copy)"]
    folder = tests / "components" / problem.id
    files = sorted(folder.glob("alternatives/*.py")) + sorted(folder.glob("wrong/*.py"))
    if not files:
        return None, [f"no answer files in tests/components/{problem.id}/ (alternatives/, wrong/)"]
    variants = [(str(f.relative_to(folder)), f.read_text(encoding="utf-8")) for f in files]
    failures = sandbox.grade_variants(problem.source, variants, time_limit=10.0).failures
    problems = []
    for name, text in variants:
        failure = failures.get(name)
        if name.startswith("alternatives/"):
            if failure is not None:
                problems.append(f"{name}: a right answer is rejected: {_describe(failure)}")
            continue
        first = text.splitlines()[0].strip() if text.strip() else ""
        expect = EXPECT_RE.match(first)
        if not expect:
            problems.append(f"{name}: the first line must be `# expect: <check>`")
        elif failure is None:
            problems.append(f"{name}: a wrong answer PASSES (expected check {expect.group(1)!r})")
        elif failure.check != expect.group(1):
            problems.append(f"{name}: rejected by {_describe(failure)}, expected check {expect.group(1)!r}")
    return not problems, problems or [f"{len(files)} answer files judged as expected"]


def _leaks(problem):
    from examprep.hole import leaks

    problems = []
    for level in soundness.LEVELS:
        for seed in LEAK_SEEDS if level != "full" else (0,):
            for leak in leaks.find_leaks(problem, level, seed):
                problems.append(f"level {level} seed {seed}: {leak}")
    return not problems, problems[:20]


def run(ids=(), all_problems=False, as_json=False, out=None, progress=None):
    """The CLI's `dev check`: returns the exit status (0: every problem passes every step)."""
    from examprep.problem import catalog

    out = out or sys.stdout
    if all_problems or not ids:
        files = [Path(str(f)) for f in catalog.problem_files()]
    else:
        files = []
        for pid in ids:
            path = Path(pid)
            if path.suffix == ".yaml" and path.is_file():
                files.append(path)
                continue
            entry = catalog.problem_file(pid)
            if entry is None:
                raise catalog.UnknownProblem(pid, [])
            files.append(Path(str(entry)))
    progress = progress if progress is not None else (out.isatty() and not as_json)
    allowlist = soundness.load_allowlist() if soundness.repository_tests() else []

    def on_step(pid, s):
        if progress:
            mark = {True: "ok  ", False: "FAIL", None: "skip"}[s.ok]
            out.write(f"  {mark} {pid:<24} {s.name:<11} {s.seconds:6.1f}s\n")
            out.flush()

    results = [check_file(f, allowlist, on_step) for f in files]
    if as_json:
        json.dump({"schema": "examprep.dev.check/1", "ok": all(r.ok for r in results),
                   "problems": [r.to_json() for r in results]}, out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        for r in results:
            out.write(f"{'ok  ' if r.ok else 'FAIL'} {r.problem} ({r.seconds:.1f} s)\n")
            for s in r.steps:
                if s.ok is False or (s.ok is None and s.problems):
                    for line in s.problems:
                        out.write(f"     {s.name}: {line}\n")
        bad = sum(not r.ok for r in results)
        out.write(f"{len(results) - bad}/{len(results)} problems pass every step\n")
    return 0 if all(r.ok for r in results) else 1
