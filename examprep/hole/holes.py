"""Hole files: the reference with load-bearing lines blanked, and reading a filled one back.

The hole file is produced from the reference's own source (AST), never by hand:

1. candidates() (examprep.hole.candidates): statements inside the targets' bodies that compute something
   (an assignment, return or call whose value involves a call, an operator or an
   index; not `self.x = x`, not `return out`, not docstrings).
2. load_bearing(): a candidate may be blanked only if the grader rejects the
   reference with that statement replaced by `pass`. Proven by running the
   grader on every such variant (examprep.grade.sandbox), cached per reference text.
3. choose(): a seeded choice among the load-bearing candidates, lines matching
   the problem's `pins` first; `full` blanks whole method bodies instead.
4. render(): a runnable module. Each blank sits between marker comments
   `# ▼ (あ)` and `# ▲ (あ)`; an unfilled blank raises BlankNotFilled when reached.
5. read_filled(): the learner's text between each pair of markers, so each blank
   can be judged on its own with the other lines taken from the reference.
"""
import hashlib
import json
import random
import re
import textwrap
from dataclasses import dataclass

from examprep.common import paths
from examprep.problem import source
from examprep.common import pyast
from examprep.hole.candidates import (  # noqa: F401  (re-exported: callers use holes.candidates & co.)
    CANDIDATE_RULES, COMPUTING, Candidate, _indented, candidates, method_bodies, removal_variant, replace_lines)

LEVELS = {"easy": 2, "normal": 3, "hard": 5, "full": None}
JA_LABELS = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわ"
HEADER_RE = re.compile(r"^#\s*examprep:\s*(?P<id>[a-z][a-z0-9_]*)(?P<rest>.*)$")
MARK_OPEN = "# ▼ "
MARK_CLOSE = "# ▲ "
# The placeholder a blank's line calls (examprep.blanks): a dunder, so that no target's parameter shadows it (a
# `blank` parameter did). Hole files saved before call `blank(...)`; both are read as an unfilled blank.
PLACEHOLDER = "__blank__"
PLACEHOLDER_RE = re.compile(r'(?<![\w.])(?:__blank__|blank)\("(\(.+?\))"\)')
# CPython 3.11's ast module is not safe to use from several threads at once ("AST constructor recursion depth
# mismatch"): every parse takes pyast.LOCK; code that analyses problems in threads also holds it around longer
# stretches of AST work, and runs only the grading (in subprocesses) in parallel.
AST_LOCK = pyast.LOCK



def placeholder(lab):
    """The call a blank's line holds in a hole file: `__blank__("(1)")`."""
    return f'{PLACEHOLDER}("{lab}")'


def is_placeholder(text):
    """Whether text (a blank's region as read back) still holds the placeholder's call (new or old name)."""
    return bool(PLACEHOLDER_RE.search(text or ""))


def label(index, lang):
    """The exam-style label of the index-th blank (0-based): (あ), (い) ... or (1), (2) ..."""
    if lang == "ja" and index < len(JA_LABELS):
        return f"({JA_LABELS[index]})"
    return f"({index + 1})"




def _fingerprint(problem):
    """Identifies the reference text and the candidate rules the candidates' numbers come from."""
    text = f"rules={CANDIDATE_RULES}\n" + source.reference_answer(problem)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _cache_key(problem):
    """Identifies everything a load-bearing proof depends on: the reference text, the cases and the engine's code."""
    from examprep.hole.fingerprint import engine_fingerprint

    payload = json.dumps({"answer": source.reference_answer(problem), "problem": problem.raw,
                          "engine": engine_fingerprint()}, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def load_bearing(problem, on_progress=None, cands=None):
    """The candidates whose removal the grader rejects (proven by running it), cached.
    cands: candidates(problem) when the caller has them already."""
    from examprep.grade import sandbox

    cands = candidates(problem) if cands is None else cands
    cache_file = paths.cache_dir() / "load_bearing" / f"{problem.id}-{_cache_key(problem)}.json"
    try:
        indices = json.loads(cache_file.read_text())
    except (OSError, ValueError):
        result = sandbox.grade_variants(problem.source, [(str(c.index), removal_variant(problem, c)) for c in cands],
                                        on_progress=on_progress)
        indices = [c.index for c in cands if result.failures.get(str(c.index)) is not None]
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            cache_file.write_text(json.dumps(indices))
        except OSError:
            pass  # a read-only cache only costs time
    return [c for c in cands if c.index in indices]


def choose(problem, level="normal", blanks=None, seed=0, on_progress=None):
    """The candidates to blank, in file order."""
    if level == "full":
        return method_bodies(problem)
    cands = candidates(problem)
    return select(problem, load_bearing(problem, on_progress, cands), level, blanks, seed, twin_groups(cands))


def twin_groups(cands):
    """{statement text: the candidates written exactly so}, over all of a problem's candidates."""
    twins = {}
    for c in cands:
        twins.setdefault(c.text, []).append(c)
    return twins


def select(problem, pool, level="normal", blanks=None, seed=0, twins=None):
    """The seeded choice among load-bearing candidates (pool), pinned lines first, in file order.

    A statement written the same way in two places (`self.lstm.set_state(h)` in a decoder's forward and generate)
    would give itself away where it stays visible: twins are blanked together (counting as one choice), and a
    statement whose twin is not load-bearing is not chosen. twins: twin_groups(candidates(problem)), computed here
    when the caller does not have it."""
    count = blanks if blanks is not None else LEVELS[level]
    rng = random.Random(f"{problem.id}:{seed}")
    if twins is None:
        twins = twin_groups(candidates(problem)) if pool else {}
    in_pool = {(c.start, c.end) for c in pool}
    pool = [c for c in pool if all((t.start, t.end) in in_pool for t in twins.get(c.text, [c]))]
    pinned = [c for c in pool if any(pin in c.text for pin in problem.pins)]
    others = [c for c in pool if c not in pinned]
    rng.shuffle(pinned)
    rng.shuffle(others)
    chosen, texts = [], set()
    for c in pinned + others:
        if len(texts) >= max(1, count):
            break
        if c.text not in texts:
            texts.add(c.text)
            chosen += [t for t in pool if t.text == c.text]
    return sorted(chosen, key=lambda c: c.start)


@dataclass
class Hole:
    problem_id: str
    level: str
    seed: int
    lang: str
    blanks: list          # the chosen Candidates, in file order
    labels: list          # their labels, same order
    text: str             # the runnable hole file
    fingerprint: str


def render(problem, chosen, level, seed, lang):
    answer = source.reference_answer(problem)
    labels = [label(i, lang) for i in range(len(chosen))]
    replacements = []
    for cand, lab in zip(chosen, labels):
        new = [cand.indent + MARK_OPEN + lab, cand.indent + cand.lhs + placeholder(lab), cand.indent + MARK_CLOSE + lab]
        replacements.append((cand.start, cand.end, new))
    body = replace_lines(answer, replacements)
    body = body.replace("import numpy as np\n", f"import numpy as np\nfrom examprep.blanks import {PLACEHOLDER}\n", 1)
    fp = _fingerprint(problem)
    kind = "full" if level == "full" else "lines"
    ids = ",".join(str(c.index) for c in chosen)
    header = [f"# examprep: {problem.id} level={level} seed={seed} lang={lang} {kind}={ids} ref={fp}"]
    title = problem.title[lang]
    span = (f"{labels[0]}〜{labels[-1]}" if lang == "ja" else f"{labels[0]}–{labels[-1]}") if len(labels) > 1 else labels[0]
    if lang == "ja":
        header += [f"# {title}",
                   f"# 空欄 {span} を埋めてください。▼ と ▲ の行の間に書き、マーカーの行は消さないでください。",
                   "# 採点: examprep check このファイル   (python このファイル でも採点できます)"]
    else:
        header += [f"# {title}",
                   f"# Fill in the blanks {span}: write between the ▼ and ▲ lines and keep the marker lines.",
                   "# Grade it: examprep check THIS_FILE   (or run it with python)"]
    if problem.convention:
        lead = "# 規約: " if lang == "ja" else "# Convention: "
        lines = problem.convention[lang].splitlines()
        header += [lead + lines[0]] + ["#   " + line for line in lines[1:]]
    footer = ("\n\nif __name__ == \"__main__\":\n"
              "    from examprep.cli import check_this_file\n"
              "    check_this_file(__file__)\n")
    return Hole(problem.id, level, seed, lang, chosen, labels, "\n".join(header) + "\n" + body.rstrip("\n") + footer + "", fp)


def make(problem, level="normal", blanks=None, seed=0, lang="ja", on_progress=None):
    from examprep.hole import leaks

    chosen = choose(problem, level, blanks, seed, on_progress)
    # A comment or docstring that spells out a blanked line has that stretch cut ("…"), lines kept.
    return leaks.redact(problem, render(problem, chosen, level, seed, lang))


@dataclass
class Header:
    problem_id: str
    fields: dict


def read_header(text):
    for line in text.splitlines()[:5]:
        m = HEADER_RE.match(line.strip())
        if m:
            fields = dict(kv.split("=", 1) for kv in m.group("rest").split() if "=" in kv)
            return Header(m.group("id"), fields)
    return None


def hole_from_header(problem, header):
    """Rebuild the blanks a hole file was made with, or None if the reference has changed since."""
    f = header.fields
    if f.get("ref") != _fingerprint(problem):
        return None
    pool = method_bodies(problem) if "full" in f else candidates(problem)
    try:
        ids = [int(i) for i in (f.get("full") or f.get("lines") or "").split(",") if i]
        chosen = [pool[i] for i in ids]
    except (ValueError, IndexError):
        return None
    lang = f.get("lang", "en")
    return Hole(problem.id, f.get("level", "normal"), int(f.get("seed", 0) or 0), lang, chosen,
                [label(i, lang) for i in range(len(chosen))], "", f["ref"])


def read_filled(text, labels):
    """{label: the learner's code between its markers (dedented)}, or None for missing markers."""
    lines = text.splitlines()
    regions = {}
    for lab in labels:
        opens = [i for i, line in enumerate(lines) if line.strip() == (MARK_OPEN + lab).strip()]
        closes = [i for i, line in enumerate(lines) if line.strip() == (MARK_CLOSE + lab).strip()]
        if len(opens) != 1 or len(closes) != 1 or closes[0] <= opens[0]:
            regions[lab] = None
            continue
        regions[lab] = textwrap.dedent("\n".join(lines[opens[0] + 1:closes[0]])).strip("\n")
    return regions


def isolate(text, hole, keep_label):
    """The learner's file with every blank but keep_label holding the reference's line.

    The other regions are padded with empty lines to the learner's line count where
    the reference is shorter, so line numbers in messages still match the file.
    Returns None when a region's markers are missing.
    """
    lines = text.splitlines()
    out = []
    i = 0
    ref_by_label = dict(zip(hole.labels, hole.blanks))
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith(MARK_OPEN.strip()):
            lab = stripped[len(MARK_OPEN.strip()):].strip()
            close = next((j for j in range(i + 1, len(lines)) if lines[j].strip() == (MARK_CLOSE + lab).strip()), None)
            if close is None or lab not in ref_by_label:
                return None
            out.append(line)
            if lab == keep_label:
                out.extend(lines[i + 1:close])
            else:
                cand = ref_by_label[lab]
                indent = line[:len(line) - len(line.lstrip())]
                ref_lines = _indented(cand.text, indent)
                ref_lines += [""] * max(0, (close - i - 1) - len(ref_lines))
                out.extend(ref_lines)
            out.append(lines[close])
            i = close + 1
            continue
        out.append(line)
        i += 1
    return "\n".join(out) + "\n"


def fill(problem, chosen, answers):
    """The reference answer with each chosen candidate replaced by answers[i] (None: the reference line)."""
    replacements = []
    for cand, answer in zip(chosen, answers):
        if answer is None:
            continue
        replacements.append((cand.start, cand.end, _indented(answer, cand.indent) or [cand.indent + "pass"]))
    return replace_lines(source.reference_answer(problem), replacements)


def display_text(hole):
    """The hole file as a learner reads it: each blank shown as ＿＿(あ)＿＿ on its line."""
    out = []
    lines = hole.text.split("\n\nif __name__ ==")[0].splitlines()
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    for line in lines:
        stripped = line.strip()
        if stripped.startswith(MARK_OPEN.strip()) or stripped.startswith(MARK_CLOSE.strip()):
            continue
        m = re.match(r'^(\s*)(.*?)' + PLACEHOLDER_RE.pattern + r'\s*$', line)
        if m:
            out.append(f"{m.group(1)}{m.group(2)}＿＿＿{m.group(3)}＿＿＿")
            continue
        out.append(line)
    return "\n".join(out).strip("\n")
