"""Grader soundness: over EVERY problem in problems/, the grader accepts the reference and rejects its mutants.

For each problem (discovered with catalog.load_all(), so a new YAML file is covered
without touching this file):

(a) the reference answer passes;
(b) every blankable candidate replaced by `pass` is graded; the ones the grader still
    accepts are not load-bearing (allowed: they are simply never blanked) and are
    listed in the summary; every method (and function) of every target with a
    candidate must have a load-bearing one, or the suite fails naming the method;
(c) at every level a hole left unfilled fails with check 'blank' and the same hole
    filled with the reference's own lines passes (the hard level, every load-bearing
    line blanked, also through read_filled() + fill());
(d) every mutant (examprep.hole.mutants) of every load-bearing candidate is rejected,
    unless tests/soundness_allowlist.yaml lists it with the reason it is
    mathematically equivalent. Every allow-list entry must still name a surviving
    mutant: stale entries fail.

The analysis is examprep.dev.soundness.analyse, the same `examprep dev check` runs.
All variants of a problem are graded by examprep.grade.sandbox in two worker processes
(phase 1: reference and removals; phase 2: holes and mutants), and two problems are
graded at a time (CI has 2 cores). A summary with the kill rate per problem and
overall is printed at the end of the pytest run.
"""
import ast
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

from examprep.dev import soundness as analysis
from examprep.dev.soundness import ALLOWLIST_KEYS, analyse, load_allowlist, normalize
from examprep.hole import mutants
from examprep.hole.mutation_operators import OPERATOR_NAMES
from examprep.problem import catalog

ALLOWLIST_FILE = Path(__file__).parent / "soundness_allowlist.yaml"
WORKERS = 2          # problems graded at the same time

PROBLEMS = catalog.load_all()
PROBLEM_IDS = sorted(PROBLEMS)


class Soundness:
    """Reports per problem, computed on first use: all selected problems at once, WORKERS at a time."""

    def __init__(self, selected):
        self.selected = [pid for pid in PROBLEM_IDS if pid in selected] or PROBLEM_IDS
        self.reports = {}
        self.allowlist = load_allowlist(ALLOWLIST_FILE)
        self.started = None
        self.wall = 0.0

    def __getitem__(self, pid):
        if pid not in self.reports:
            todo = [p for p in self.selected if p not in self.reports]
            if pid not in todo:
                todo.append(pid)
            started = time.monotonic()
            with ThreadPoolExecutor(max_workers=WORKERS) as pool:
                for report in pool.map(lambda p: analyse(PROBLEMS[p]), todo):
                    self.reports[report.problem_id] = report
            self.wall += time.monotonic() - started
        return self.reports[pid]

    def allowed(self, pid):
        """{(normalized candidate, mutant text): reason} of the allow-list entries for a problem."""
        return analysis.allowed(self.allowlist, pid)

    def summary_lines(self):
        lines = [f"{'problem':<22}{'cands':>6}{'l-b':>5}{'mutants':>9}{'killed':>8}{'allowed':>9}"
                 f"{'surviving':>11}{'kill rate':>11}{'time':>8}"]
        total = killed = allowed_total = 0
        for pid in sorted(self.reports):
            r = self.reports[pid]
            allowed = self.allowed(pid)
            n = len(r.mutants)
            surv = r.survivors
            n_allowed = sum((normalize(m.original), m.text) in allowed for m in surv)
            k = n - len(surv)
            total, killed, allowed_total = total + n, killed + k, allowed_total + n_allowed
            rate = f"{100.0 * k / n:.1f}%" if n else "-"
            lines.append(f"{pid:<22}{len(r.candidates):>6}{len(r.load_bearing):>5}{n:>9}{k:>8}{n_allowed:>9}"
                         f"{len(surv) - n_allowed:>11}{rate:>11}{r.elapsed:>7.1f}s")
            if r.reference is not None:
                lines.append(f"    REFERENCE REJECTED: {_describe(r.reference)}")
            for c in r.not_load_bearing:
                lines.append(f"    not load-bearing (never blanked): line {c.start} {c.target}: {c.text.strip()}")
        rate = f"{100.0 * killed / total:.1f}%" if total else "-"
        lines.append(f"{'overall':<22}{'':>6}{'':>5}{total:>9}{killed:>8}{allowed_total:>9}"
                     f"{total - killed - allowed_total:>11}{rate:>11}{self.wall:>7.1f}s")
        lines.append("kill rate = killed / all mutants; the allowed survivors are reviewed equivalent mutants "
                     f"({ALLOWLIST_FILE.name}).")
        return lines


class _SummaryPlugin:
    def __init__(self, soundness):
        self.soundness = soundness

    def pytest_terminal_summary(self, terminalreporter):
        if self.soundness.reports:
            terminalreporter.section("grader soundness: mutants killed per problem")
            for line in self.soundness.summary_lines():
                terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def soundness(request):
    selected = {item.callspec.params.get("pid") for item in request.session.items
                if getattr(item, "callspec", None) is not None and Path(str(item.path)) == Path(__file__)}
    result = Soundness(selected)
    plugin = _SummaryPlugin(result)
    request.config.pluginmanager.register(plugin, "examprep-soundness-summary")
    yield result


def _describe(failure):
    if failure is None:
        return "passed"
    return f"[{failure.check}] {failure.en}"


@pytest.mark.parametrize("pid", PROBLEM_IDS)
def test_reference_passes(soundness, pid):
    report = soundness[pid]
    assert report.reference is None, f"{pid}: the reference answer is rejected: {_describe(report.reference)}"


@pytest.mark.parametrize("pid", PROBLEM_IDS)
def test_some_candidate_is_load_bearing(soundness, pid):
    report = soundness[pid]
    assert report.candidates, f"{pid}: the targets have no blankable statement"
    assert report.load_bearing, (
        f"{pid}: no candidate is load-bearing: the reference still passes with any one statement replaced by "
        f"`pass`, so the cases exercise nothing. Candidates: {[c.text for c in report.candidates]}")


@pytest.mark.parametrize("pid", PROBLEM_IDS)
def test_every_method_has_a_load_bearing_line(soundness, pid):
    """Soundness per method: a method whose lines can all be removed without a failure is never exercised."""
    report = soundness[pid]
    missing = report.methods_without_load_bearing
    assert not missing, (
        f"{pid}: no line of {', '.join(missing)} is load-bearing: the cases never exercise it (add a case or steps "
        f"that reach it, or a check of what it computes). Candidates: "
        f"{[(c.target, c.text) for c in report.candidates if c.target in missing]}")


@pytest.mark.parametrize("pid", PROBLEM_IDS)
@pytest.mark.parametrize("level", analysis.LEVELS)
def test_holes_at_every_level(soundness, pid, level):
    report = soundness[pid]
    if not report.load_bearing:
        pytest.skip("no load-bearing candidate (reported by test_some_candidate_is_load_bearing)")
    outcome = report.holes[level]
    assert outcome["unfilled"] is not None and outcome["unfilled"].check == "blank", (
        f"{pid}: the unfilled {level} hole gives {_describe(outcome['unfilled'])}, not 'blank'")
    assert outcome["filled"] is None, (
        f"{pid}: the {level} hole filled with the reference's lines is rejected: {_describe(outcome['filled'])}")


@pytest.mark.parametrize("pid", PROBLEM_IDS)
def test_unfilled_hole_fails_with_blank(soundness, pid):
    report = soundness[pid]
    if not report.load_bearing:
        pytest.skip("no load-bearing candidate (reported by test_some_candidate_is_load_bearing)")
    failure = report.hole_unfilled
    assert failure is not None, f"{pid}: a hole with every load-bearing line blanked passes unfilled"
    assert failure.check == "blank", f"{pid}: the unfilled hole fails with {_describe(failure)}, not 'blank'"


@pytest.mark.parametrize("pid", PROBLEM_IDS)
def test_hole_filled_with_reference_lines_passes(soundness, pid):
    report = soundness[pid]
    if not report.load_bearing:
        pytest.skip("no load-bearing candidate (reported by test_some_candidate_is_load_bearing)")
    assert report.hole_filled is None, (
        f"{pid}: the hole file filled with the reference's own lines is rejected: {_describe(report.hole_filled)}")
    assert all(text is not None for text in report.hole_read_back.values()), (
        f"{pid}: read_filled() lost a region: {report.hole_read_back}")
    assert report.hole_refilled is None, (
        f"{pid}: read_filled() + fill() of the filled hole is rejected: {_describe(report.hole_refilled)}")


@pytest.mark.parametrize("pid", PROBLEM_IDS)
def test_every_mutant_is_rejected(soundness, pid):
    report = soundness[pid]
    if report.reference is not None:
        pytest.skip("the reference itself is rejected (test_reference_passes): killing mutants proves nothing")
    allowed = soundness.allowed(pid)
    unexplained = [m for m in report.survivors if (normalize(m.original), m.text) not in allowed]
    if unexplained:
        lines = [f"{pid}: {len(unexplained)} mutant(s) of load-bearing lines are ACCEPTED by the grader. Either the "
                 f"problem's cases are too weak (strengthen problems/area*/{pid}.yaml), or the mutant is mathematically "
                 f"equivalent (add it to tests/{ALLOWLIST_FILE.name} with the reason):"]
        for m in unexplained:
            lines.append(f"  {m.target}, line {m.line} of the reference answer [{m.operator}]\n"
                         f"      reference: {m.original.strip()}\n"
                         f"      mutant:    {m.text}")
        pytest.fail("\n".join(lines), pytrace=False)


def test_allowlist_is_well_formed():
    for i, entry in enumerate(load_allowlist()):
        assert isinstance(entry, dict) and set(entry) == ALLOWLIST_KEYS, (
            f"{ALLOWLIST_FILE.name} entry {i}: expected exactly the keys {sorted(ALLOWLIST_KEYS)}, got {entry!r}")
        assert all(isinstance(entry[k], str) and entry[k].strip() for k in ALLOWLIST_KEYS), (
            f"{ALLOWLIST_FILE.name} entry {i}: every value must be a non-empty string: {entry!r}")
        assert len(entry["reason"].split()) >= 5, (
            f"{ALLOWLIST_FILE.name} entry {i}: the reason must say why the mutant is equivalent: {entry!r}")
        normalize(entry["candidate"]), normalize(entry["mutant"])  # both must parse


def test_allowlist_has_no_stale_entries(soundness):
    stale = []
    for entry in soundness.allowlist:
        pid = entry.get("problem")
        if pid not in PROBLEMS:
            stale.append(f"problem {pid!r} does not exist: {entry}")
            continue
        report = soundness[pid]
        live = {(normalize(m.original), m.text) for m in report.survivors}
        if (normalize(entry["candidate"]), normalize(entry["mutant"])) not in live:
            stale.append(f"{pid}: no surviving mutant {entry['mutant']!r} of {entry['candidate']!r} "
                         f"(killed now, or the line changed): remove the entry")
    assert not stale, f"stale entries in {ALLOWLIST_FILE.name}:\n  " + "\n  ".join(stale)


# ----------------------------------------------------------------------------- the mutation operators themselves


@pytest.mark.parametrize("statement, expected", [
    ("x = a - b", {("swap_operands", "x = b - a"), ("flip_sign", "x = a + b"), ("first_operand", "x = a"),
                   ("negate", "x = -(a - b)")}),
    ("out = np.dot(col, col_W) + self.b", {("swap_operands", "out = np.dot(col_W, col) + self.b"),
                                           ("first_operand", "out = np.dot(col, col_W)")}),
    ("x = x - np.max(x, axis=-1, keepdims=True)", {("axis", "x = x - np.max(x, axis=0, keepdims=True)"),
                                                   ("drop_axis", "x = x - np.max(x, keepdims=True)"),
                                                   ("drop_keepdims", "x = x - np.max(x, axis=-1)"),
                                                   ("max_min", "x = x - np.min(x, axis=-1, keepdims=True)")}),
    ("db = np.sum(dout, axis=0)", {("axis", "db = np.sum(dout, axis=1)"), ("sum_mean", "db = np.mean(dout, axis=0)")}),
    ("i = np.argmax(col, axis=1)", {("argmax_argmin", "i = np.argmin(col, axis=1)")}),
    ("dx = np.dot(dout, self.W.T)", {("drop_transpose", "dx = np.dot(dout, self.W)")}),
    ("y = x.T + 1", {("drop_transpose", "y = x + 1")}),
    ("y = x.transpose(0, 2, 1)", {("first_operand", "y = x"), ("permute_transpose", "y = x.transpose(2, 0, 1)"),
                                  ("permute_transpose", "y = x.transpose(0, 1, 2)")}),
    ("y = x.reshape(N, -1)", {("permute_reshape", "y = x.reshape(-1, N)")}),
    ("s = np.sqrt(v + 1e-7)", {("float_perturbed", "s = np.sqrt(v + 2e-07)"),
                               ("float_perturbed", "s = np.sqrt(v + 5e-08)"),
                               ("float_perturbed", "s = np.sqrt(v + 0.0)")}),
    ("y = x[:, a:b:s]", {("slice_bound", "y = x[:, a:b + 1:s]"), ("slice_bound", "y = x[:, a:b - 1:s]"),
                         ("slice_bound", "y = x[:, a + 1:b:s]"), ("slice_step", "y = x[:, a:b]"),
                         ("slice_step", "y = x[:, a:b:s + 1]")}),
    ("k = n // 2", {("int_off_by_one", "k = n // 3"), ("int_off_by_one", "k = n // 1")}),
    ("params[key] -= lr * g", {("flip_sign", "params[key] += lr * g")}),
    ("mask = x > r", {("compare_flip", "mask = x < r"), ("compare_flip", "mask = x >= r")}),
    ("y = x.reshape(N, T, h, d).transpose(0, 2, 1, 3)", {("reshape_for_transpose", "y = x.reshape(N, h, T, d)")}),
    ("col_W = W.reshape(FN, -1).T", {("reshape_for_transpose", "col_W = W.reshape(-1, FN)")}),
    ("h = conv_output_size(H, FH, stride, pad)", {("swap_arguments", "h = conv_output_size(H, FH, pad, stride)"),
                                                 ("partner_name", "h = conv_output_size(W, FH, stride, pad)")}),
])
def test_mutation_operators(statement, expected):
    produced = mutants.mutate_statement(statement, [("H", "W")])
    assert expected <= set(produced), f"missing: {expected - set(produced)}"
    texts = [text for _, text in produced]
    assert len(texts) == len(set(texts)), "duplicate mutants"
    assert normalize(statement) not in texts, "a mutant equal to the original"
    for operator, text in produced:
        assert operator in OPERATOR_NAMES
        ast.parse(text)


def test_partners_come_from_the_problem():
    """mutant_partners: names and attributes both ways, and expressions matched by their AST (z <-> 1 - z)."""
    produced = {t for op, t in mutants.mutate_statement("h = z * a + (1 - z) * b", [("z", "1 - z")])
                if op == "partner_name"}
    assert {"h = (1 - z) * a + (1 - z) * b", "h = z * a + z * b"} <= produced
    produced = {t for op, t in mutants.mutate_statement("u = self.m / beta1", [("m", "v"), ("beta1", "beta2")])
                if op == "partner_name"}
    assert produced == {"u = self.v / beta1", "u = self.m / beta2"}
    assert not any(op == "partner_name" for op, _ in mutants.mutate_statement("u = self.m / beta1"))


def test_mutants_leave_equivalent_rewrites_out():
    produced = {text for _, text in mutants.mutate_statement("z = np.maximum(0, x)")}
    assert "z = np.maximum(x, 0)" not in produced        # commutative: the same function
    produced = {text for _, text in mutants.mutate_statement("a = np.zeros((n, m), dtype=x.dtype)")}
    assert not any(text.startswith("a = -") for text in produced)   # -zeros is the same array


def test_a_weak_problem_is_caught(tmp_path):
    """The suite's point: with only a square filter, stride 1 and pad 1, im2col's cases let wrong answers through."""
    if "im2col" not in PROBLEMS:
        pytest.skip("problems/im2col.yaml does not exist")
    data = yaml.safe_load(Path(PROBLEMS["im2col"].source).read_text(encoding="utf-8"))
    data["cases"] = [{"name": "square filter only", "args": [{"normal": [2, 3, 5, 5]}, 3, 3, 1, 1]}]
    weak = tmp_path / "im2col.yaml"
    weak.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    report = analyse(catalog.load_file(weak), levels=())
    assert report.reference is None
    survivors = {m.text for m in report.survivors}
    assert "out_h = (W + 2 * pad - filter_h) // stride + 1" in survivors
    assert "out_h = (H + 2 * pad - filter_w) // stride + 1" in survivors
