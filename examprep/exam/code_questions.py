"""Code questions for the mock exam: a blank in the reference, four options, every distractor proven wrong.

How a question is made (all from the reference's own source, nothing written by hand):

1. Lines: the problem's load-bearing statements (those whose removal the grader rejects, as
   in holes.load_bearing), pinned lines first, in a seeded order.
2. Candidate distractors: every mutant of those statements (examprep.hole.mutants: wrong axis,
   keepdims or transpose dropped, flipped sign, sum vs mean, max vs argmax, off by one ...).
3. Proof: the reference, each candidate line removed (the load-bearing proof) and all
   mutants of all candidate lines of a problem are graded in ONE sandbox.grade_variants
   call (problems run two at a time). A mutant is kept as a
   distractor only if the grader rejects it with a fair verdict: not if it passes, not if
   the grader could not run it (internal, timeout, crash, exit, memory), and not if it
   fails with an error a reader spots at a glance (NameError, a syntax error). Kept
   mutants carry the grader's diagnosis. The results are cached per problem (reference
   text, cases, examprep version and the source of the candidate, mutation and grading
   code) under cache_dir()/exam/<id>-<key>.json, one entry list per line; a run in which
   the grader failed on its own account (internal) is not cached.
4. The blank: the whole statement, or an exam-style sub-expression of it (the value after
   `=`, the `x - np.max(...)`, the `np.sqrt(h) + 1e-7`, a call with its axis ...). A
   mutant belongs to a sub-expression's blank when everything it changes lies inside it;
   its option text is the reference's own text of that sub-expression with only the
   changed node rewritten (so the options share the reference's style and the key does
   not stand out), and it is kept only if the statement with that text spliced in parses
   to exactly the verified mutant.
5. Options: the reference's text and three distractors with different texts and different
   grader verdicts (two distractors whose failure is identical in check, stage, case,
   what and numbers are taken to behave the same: only one is used), preferring different
   mutation operators; shuffled by seed. A line without three such distractors is skipped
   for the next one.

Questions of one problem form a set: one listing (docstrings removed, they would give the
answers away) with every blank of the set marked ＿＿(あ)＿＿, ＿＿(い)＿＿ ..., one question
per blank; each blank is graded with the reference in the other blanks.
"""
import ast
import copy
import hashlib
import io
import json
import os
import random
import re
import textwrap
import tokenize
from concurrent.futures import ThreadPoolExecutor

from examprep.problem import catalog, source
from examprep.hole import holes, mutants
from examprep.common import paths
from examprep.grade import sandbox
from examprep.exam.model import Option, Question, marker
from examprep.common import pyast

CACHE_RULES = 1          # bump when what is cached (or how it is judged) changes
GRADE_SEED = 0           # the grader's case seed the proofs are made with (sandbox default)
TIME_LIMIT = 5.0         # per variant
UNFAIR_CHECKS = {"internal", "timeout", "crash", "exit", "memory", "syntax", "import", "defined", "delegates",
                 "blank"}
OBVIOUS_ERRORS = {"NameError", "UnboundLocalError", "SyntaxError", "IndentationError", "TabError"}
SUBEXPRESSION_SHARE = 0.6   # how often a sub-expression blank is chosen when one is possible
BLUNT_OPERATORS = {"negate", "first_operand"}
NOT_A_BLANK = (ast.Name, ast.Constant, ast.Starred, ast.keyword, ast.arg, ast.alias)


# ----------------------------------------------------------------------------- proof and cache


def reference_fingerprint(problem):
    return hashlib.sha256(source.reference_answer(problem).encode()).hexdigest()[:16]


def _engine_fingerprint():
    """The source of everything a proof depends on besides the problem: candidates, mutants and the grader."""
    from examprep.hole.fingerprint import engine_fingerprint

    return engine_fingerprint()


def _cache_key(problem):
    from examprep import __version__

    payload = json.dumps({"answer": source.reference_answer(problem), "problem": problem.raw,
                          "version": __version__, "rules": CACHE_RULES, "seed": GRADE_SEED,
                          "engine": _engine_fingerprint()}, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def cache_file(problem):
    return paths.cache_dir() / "exam" / f"{problem.id}-{_cache_key(problem)}.json"


def _round_floats(value):
    if isinstance(value, float):
        return float(f"{value:.6g}")
    if isinstance(value, dict):
        return {k: _round_floats(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_round_floats(v) for v in value]
    return value


def failure_signature(failure):
    """What identifies a failure's behaviour, without the mutated line's own text or line number."""
    details = dict(failure.get("details") or {})
    if isinstance(details.get("error"), dict):
        details["error"] = {k: v for k, v in details["error"].items() if k in ("type", "message")}
    key = {k: failure.get(k) for k in ("check", "stage", "case", "dtype", "what")}
    key["details"] = _round_floats(details)
    return hashlib.sha256(json.dumps(key, sort_keys=True, default=str).encode()).hexdigest()[:16]


def _judge(failure):
    """'passes', 'unfair' (not to be shown) or 'wrong' (a fair distractor)."""
    if failure is None:
        return "passes"
    if failure.get("check") in UNFAIR_CHECKS:
        return "unfair"
    error = (failure.get("details") or {}).get("error")
    if failure.get("check") == "exception" and isinstance(error, dict) and error.get("type") in OBVIOUS_ERRORS:
        return "unfair"
    return "wrong"


def _verdict(failure):
    return {k: failure.get(k) for k in ("check", "stage", "case", "what", "ja", "en")}


def _prove(problem, on_progress=None):
    """Grade, in one sandbox run, the reference, each candidate line replaced by `pass` (the load-bearing
    proof of holes.load_bearing, made here in the same run) and every mutant of every candidate line."""
    with holes.AST_LOCK:   # prove_all runs two problems at a time
        answer = source.reference_answer(problem)
        cands = holes.candidates(problem)
        muts = mutants.mutants_for(problem, cands)
        variants = ([("reference", answer)] + [(f"r{c.index}", holes.removal_variant(problem, c)) for c in cands]
                    + [(f"m{i}", m.source) for i, m in enumerate(muts)])
    result = sandbox.grade_variants(problem.source, variants, seed=GRADE_SEED, time_limit=TIME_LIMIT,
                                    on_progress=on_progress)
    internal = [n for n, f in result.failures.items() if f is not None and f.get("check") == "internal"]
    load_bearing = [c.index for c in cands if result.failures.get(f"r{c.index}") is not None]
    data = {"problem": problem.id, "ref": reference_fingerprint(problem),
            "reference_passed": result.failures.get("reference", "missing") is None,
            # Every variant graded, none of them stopped by examprep's own error: only then is it cached.
            "complete": len(result.failures) == len(variants) and not internal,
            "lines": {str(i): [] for i in load_bearing}}
    for i, m in enumerate(muts):
        if str(m.candidate) not in data["lines"]:
            continue
        failure = result.failures.get(f"m{i}", {"check": "internal"})
        status = _judge(failure)
        data["lines"][str(m.candidate)].append({
            "text": m.text, "operator": m.operator, "status": status,
            "verdict": _verdict(failure) if failure else None,
            "signature": failure_signature(failure) if failure else None})
    return data


def proven(problem, on_progress=None):
    """The cached proof of a problem's distractors, made (and cached) when missing."""
    path = cache_file(problem)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    data = _prove(problem, on_progress)
    if data["reference_passed"] and data["complete"]:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            tmp.replace(path)
        except OSError:
            pass  # a read-only cache only costs time
    return data


def prove_all(problems, workers=2):
    """{problem id: proof} for many problems, the uncached ones graded `workers` at a time."""
    problems = list(problems)
    # Uncached problems, biggest first, so that the last one to finish is a small one.
    order = sorted(problems, key=lambda p: -len(holes.candidates(p)) if not cache_file(p).exists() else 0)
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        done = dict(zip([p.id for p in order], pool.map(proven, order)))
    return {p.id: done[p.id] for p in problems}


# ----------------------------------------------------------------------------- AST helpers


def _line_starts(text):
    """Character offset of each line's start, and each line's UTF-8 bytes (AST columns are byte offsets)."""
    lines = text.split("\n")
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    return starts, [line.encode() for line in lines]


def _offset(text_index, lineno, col):
    starts, raw = text_index
    return starts[lineno - 1] + len(raw[lineno - 1][:col].decode())


def _span(text_index, node):
    return (_offset(text_index, node.lineno, node.col_offset), _offset(text_index, node.end_lineno, node.end_col_offset))


def _dump(node):
    return ast.dump(node) if isinstance(node, ast.AST) else repr(node)


def _diff_path(a, b, path=()):
    """The path (field, index) to the smallest node of a that b replaces (a, b differ there only)."""
    if type(a) is not type(b):
        return path
    diffs = []
    for name in a._fields:
        va, vb = getattr(a, name, None), getattr(b, name, None)
        if isinstance(va, list) or isinstance(vb, list):
            if not (isinstance(va, list) and isinstance(vb, list)) or len(va) != len(vb):
                return path
            diffs += [(name, i, x, y) for i, (x, y) in enumerate(zip(va, vb)) if _dump(x) != _dump(y)]
        elif _dump(va) != _dump(vb):
            diffs.append((name, None, va, vb))
    if len(diffs) != 1 or not isinstance(diffs[0][2], ast.AST) or not isinstance(diffs[0][3], ast.AST):
        return path
    name, index, x, y = diffs[0]
    return _diff_path(x, y, path + ((name, index),))


def _at(node, path):
    for name, index in path:
        node = getattr(node, name)
        if index is not None:
            node = node[index]
    return node


def _positioned(node, path):
    """The longest prefix of path that ends at a node with a source position."""
    while path and not hasattr(_at(node, path), "end_col_offset"):
        path = path[:-1]
    return path


def _statement(text):
    return pyast.parse(textwrap.dedent(text)).body[0]


class _Placeholders(ast.NodeTransformer):
    """Replaces every sub-expression that also occurs in the reference statement by a placeholder name."""

    def __init__(self, segments):
        self.segments = segments   # ast.dump -> the reference's own text of that expression
        self.used = []

    def visit(self, node):
        if isinstance(node, ast.expr) and not isinstance(node, ast.Name):
            text = self.segments.get(ast.dump(node))
            if text is not None:
                self.used.append(text)
                return ast.Name(f"_exam_segment_{len(self.used) - 1}_", ast.Load())
        return self.generic_visit(node)


def _renderings(new_node, segments):
    """Texts for a changed node, most like the reference's style first.

    Parts of the node that occur in the reference statement keep the reference's text
    (its parentheses, `1e-8` rather than `1e-08`); only what the mutation changed is
    written by ast.unparse. Variants with as few added parentheses as possible follow,
    then plain ast.unparse; the caller keeps the first that parses back to the mutant.
    """
    placeholders = _Placeholders(segments)
    skeleton = ast.unparse(placeholders.visit(copy.deepcopy(new_node)))
    used = placeholders.used
    masks = sorted(range(2 ** len(used)), key=lambda m: (bin(m).count("1"), m)) if len(used) <= 5 else [0, 2 ** len(used) - 1]
    out = []
    for mask in masks:
        text = skeleton
        for i, segment in enumerate(used):
            text = text.replace(f"_exam_segment_{i}_", f"({segment})" if mask >> i & 1 else segment)
        out += [text, f"({text})"]
    raw = ast.unparse(new_node)
    out += [raw, f"({raw})"]
    return list(dict.fromkeys(out))


def blank_choices(candidate, entries):
    """{path of the blanked node (() = whole statement): [(entry, option text)]} for the fair distractors.

    An entry belongs to every blank (node) that contains all of its change; its option text
    is the reference's text of that node with the changed node rewritten (keeping the
    reference's text of its unchanged parts), kept only if it parses back to the verified
    mutant.
    """
    text = textwrap.dedent(candidate.text)
    original = _statement(text)
    index = _line_starts(text)
    segments = {}
    for node in ast.walk(original):
        if isinstance(node, ast.expr) and hasattr(node, "end_col_offset"):
            s0, s1 = _span(index, node)
            segments.setdefault(ast.dump(node), text[s0:s1])
    out = {}
    for entry in entries:
        if entry["status"] != "wrong":
            continue
        try:
            mutant = _statement(entry["text"])
        except SyntaxError:
            continue
        target_dump = ast.dump(mutant)
        changed = _positioned(original, _diff_path(original, mutant))
        d0, d1 = _span(index, _at(original, changed)) if changed else (0, len(text))
        renderings = _renderings(_at(mutant, changed), segments) if changed else [entry["text"]]
        for depth in range(len(changed) + 1):
            path = changed[:depth]
            node = _at(original, path)
            if path and (not hasattr(node, "end_col_offset") or isinstance(node, NOT_A_BLANK)
                         or not isinstance(node, ast.expr)):
                continue
            s0, s1 = _span(index, node) if path else (0, len(text))
            for replacement in renderings:
                fill = text[s0:d0] + replacement + text[d1:s1]
                try:
                    ok = ast.dump(_statement(text[:s0] + fill + text[s1:])) == target_dump
                except SyntaxError:
                    ok = False
                if ok:
                    out.setdefault(path, []).append((entry, fill))
                    break
    return out


# Distractors that are ruled out on sight or right on ordinary inputs (issue 16): a perturbed float constant (an
# epsilon 1e-7 -> 2e-7 or 5e-08, a β of 1.8), an integer made 0 or 1 where it is arithmetic (`** 1`, `0 / (...)`,
# `1 *`), an attribute the class does not have, and a mutation the grader rejects only on an edge case (extreme
# logits, a probability of exactly 0): on ordinary inputs it computes the right thing.
NONSENSE_INT = re.compile(r"\*\*\s*[013]\b|(?<![\w.])0\s*[/*]|[/*]\s*0\b(?!\.)|(?<![\w.])1\s*\*|\*\s*1\b(?!\.)")
EDGE_CASES = ("extreme", "exactly 0", "overflow", "underflow", "±1000", "huge", "tiny")


def give_away(entry, fill):
    """Whether a proven-wrong mutant is still not a fair exam distractor (see NONSENSE_INT, EDGE_CASES)."""
    if entry["operator"] == "float_perturbed":
        return True
    if entry["operator"] == "int_off_by_one" and NONSENSE_INT.search(fill):
        return True
    verdict = entry.get("verdict") or {}
    if "AttributeError" in (verdict.get("en") or "") + (verdict.get("what") or ""):
        return True
    return any(word in (verdict.get("case") or "").lower() for word in EDGE_CASES)


def strip_comments(text):
    """The listing without developer comments (whole-line and trailing `#` comments); unchanged if it does not
    tokenize."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return text
    lines = text.split("\n")
    for tok in reversed([t for t in tokens if t.type == tokenize.COMMENT]):
        row, col = tok.start
        lines[row - 1] = lines[row - 1][:col].rstrip()
    out = []
    for old, new in zip(text.split("\n"), lines):
        if new.strip() or not old.strip():   # drop lines that were only a comment
            out.append(new)
    return "\n".join(out)


def pick_distractors(pairs, rng, count=3):
    """Up to count (entry, text) pairs with different texts and verdicts.

    Mutations a learner actually makes (axis, keepdims, transpose, sign, sum/mean ...) come
    before the blunt ones (the whole value negated, or replaced by its first operand), and
    different operators before repeats.
    """
    pairs = [(entry, fill) for entry, fill in pairs if not give_away(entry, fill)]
    rng.shuffle(pairs)
    chosen, texts, signatures, operators = [], set(), set(), set()
    for allow_blunt, prefer_new_operator in ((False, True), (False, False), (True, True), (True, False)):
        for entry, fill in pairs:
            if len(chosen) == count:
                return chosen
            norm = " ".join(fill.split())
            if norm in texts or entry["signature"] in signatures:
                continue
            if entry["operator"] in BLUNT_OPERATORS and not allow_blunt:
                continue
            if prefer_new_operator and entry["operator"] in operators:
                continue
            chosen.append((entry, fill))
            texts.add(norm)
            signatures.add(entry["signature"])
            operators.add(entry["operator"])
    return chosen


# ----------------------------------------------------------------------------- questions


def _docstring_ranges(problem, answer):
    """Line ranges of the docstrings of the targets and their methods (removed from the listing)."""
    out = []
    for node in ast.walk(pyast.parse(answer)):
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                out.append((first.lineno, first.end_lineno, []))
    return out


def _path_id(path):
    if not path:
        return "L"
    return "e" + hashlib.sha1(repr(path).encode()).hexdigest()[:6]


def _stem(problem, label, whole_line, free):
    title = problem.title
    if free:
        return {"ja": f"次のコードは{title['ja']}の NumPy 実装である。空欄{label}に入るコードを書け。",
                "en": f"The code below is a NumPy implementation of: {title['en']}. "
                      f"Write the code that goes into blank {label}."}
    what_ja, what_en = ("行", "line") if whole_line else ("式", "expression")
    return {"ja": f"次のコードは{title['ja']}の NumPy 実装である。空欄{label}に入る{what_ja}として最も適切なものを選べ。",
            "en": f"The code below is a NumPy implementation of: {title['en']}. Which {what_en} belongs in "
                  f"blank {label}?"}


def _explanation(problem, candidate):
    hints = problem.hint_for(candidate.text)
    out = {}
    for lang in ("ja", "en"):
        parts = [h.text[lang] for h in hints] + [problem.explanation[lang]]
        out[lang] = "\n\n".join(p.strip() for p in parts)
    return out


def _plan_blank(candidate, entries, rng):
    """(path, [(entry, text)] * 3) for a blank of this line, or None if it has no three fair distractors."""
    choices = blank_choices(candidate, entries)
    valid = {}
    for path in sorted(choices, key=repr):
        picked = pick_distractors(choices[path], random.Random(f"{rng.random()}"))
        if len(picked) == 3:
            valid[path] = picked
    if not valid:
        return None
    subs = [p for p in valid if p]
    if subs and (() not in valid or rng.random() < SUBEXPRESSION_SHARE):
        path = rng.choice(subs)
    else:
        path = ()
    return path, valid[path]


def code_set(problem, seed, count=1, proof=None, free=False, exclude=()):
    """Up to count questions on different lines of one problem, sharing one listing (a set).

    free: also add, after each multiple-choice question, the same blank as a code_free question.
    exclude: candidate indices (holes.Candidate.index) not to use (lines already asked about).
    Returns [] when the problem has no line with three fair distractors.
    """
    proof = proof or proven(problem)
    if not proof.get("reference_passed") or proof.get("ref") != reference_fingerprint(problem):
        return []
    rng = random.Random(f"exam:{problem.id}:{seed}")
    lines = [c for c in holes.candidates(problem) if str(c.index) in proof["lines"] and c.index not in set(exclude)]
    pinned = [c for c in lines if any(pin in c.text for pin in problem.pins)]
    others = [c for c in lines if c not in pinned]
    rng.shuffle(pinned)
    rng.shuffle(others)
    # Half of the time a line that is not pinned comes first, so that exams do not always open on the pins.
    order = pinned + others if rng.random() < 0.5 else others + pinned
    plans = []
    for cand in order:
        if len(plans) == count:
            break
        plan = _plan_blank(cand, proof["lines"].get(str(cand.index), []), rng)
        if plan is not None:
            plans.append((cand, *plan))
    plans.sort(key=lambda p: p[0].start)
    if not plans:
        return []

    answer = source.reference_answer(problem)
    ref = reference_fingerprint(problem)
    labels = [holes.label(i, "ja") for i in range(len(plans))]
    templates, ref_texts = [], []
    for (cand, path, _), lab in zip(plans, labels):
        text = textwrap.dedent(cand.text)
        if path:
            s0, s1 = _span(_line_starts(text), _at(_statement(text), path))
        else:
            s0, s1 = 0, len(text)
        templates.append(text[:s0] + marker(lab) + text[s1:])
        ref_texts.append(text[s0:s1])
    listing = holes.replace_lines(answer, _docstring_ranges(problem, answer) + [
        (cand.start, cand.end, [cand.indent + line if line.strip() else "" for line in tmpl.split("\n")])
        for (cand, _, _), tmpl in zip(plans, templates)])
    listing = strip_comments(listing)
    set_id = f"code:{problem.id}:s{seed}"
    area = problem.area_key()
    questions = []
    for (cand, path, picked), lab, tmpl, ref_text in zip(plans, labels, templates, ref_texts):
        options = [Option(ref_text, True)] + [Option(fill, False, verdict=entry["verdict"], operator=entry["operator"])
                                               for entry, fill in picked]
        rng.shuffle(options)
        key = next(i for i, o in enumerate(options) if o.correct)
        blank = {"candidate": cand.index, "start": cand.start, "end": cand.end, "indent": cand.indent,
                 "template": tmpl, "marker": marker(lab), "whole_line": not path, "ref": ref}
        common = dict(problem=problem.id, template=None, area=area, section=problem.section, item=problem.item,
                      explanation=_explanation(problem, cand), answer=ref_text, code=listing.rstrip("\n") + "\n",
                      label=lab, set_id=set_id, seed=seed, blank=blank)
        qid = f"code:{problem.id}:c{cand.index}:{_path_id(path)}:s{seed}"
        questions.append(Question(id=qid, kind="code_choice", stem=_stem(problem, lab, not path, False),
                                  options=options, key=key, **common))
        if free:
            questions.append(Question(id=qid + ":free", kind="code_free", stem=_stem(problem, lab, not path, True),
                                      **common))
    return questions


def free_form(question):
    """The same blank as a code_free question (typed answer, graded by execution as in drills)."""
    data = question.to_json()
    data.update(kind="code_free", id=question.id + ":free", options=[], key=None)
    problem = catalog.get(question.problem)
    data["stem"] = _stem(problem, question.label, question.blank["whole_line"], True)
    return Question.from_json(data)


class StaleQuestion(Exception):
    """The reference has changed since the question was made: its line numbers may mean other lines."""


def fill_source(question, text):
    """The complete answer file with the question's blank filled with text (others from the reference)."""
    return fill_sources([(question, text)])


def fill_sources(pairs):
    """The complete answer file with several blanks of one problem filled: [(question, text)], the rest reference."""
    problem = catalog.get(pairs[0][0].problem)
    edits = []
    for question, text in pairs:
        blank = question.blank
        if question.problem != problem.id or blank["ref"] != reference_fingerprint(problem):
            raise StaleQuestion(question.id)
        statement = blank["template"].replace(blank["marker"], text)
        lines = [blank["indent"] + line if line.strip() else "" for line in statement.split("\n")]
        edits.append((blank["start"], blank["end"], lines))
    return holes.replace_lines(source.reference_answer(problem), sorted(edits))


def grade_combination(problem, pairs, time_limit=TIME_LIMIT):
    """The grader's failure (None when it passes) for several blanks of one set filled together: [(question, text)].
    Each option was proven wrong with the other blanks holding the reference; a combination of options can still
    make a correct program (mirrored signs across lines), and a right program is right."""
    result = sandbox.grade_variants(problem.source, [("set", fill_sources(pairs))], seed=GRADE_SEED,
                                    time_limit=time_limit)
    return result.failures.get("set", {"check": "internal", "ja": "採点できませんでした。", "en": "Not graded."})


def grade_fills(problem, fills, time_limit=TIME_LIMIT):
    """{name: failure or None} for [(name, question, text)] of one problem, in one sandbox run."""
    result = sandbox.grade_variants(problem.source, [(name, fill_source(q, text)) for name, q, text in fills],
                                    seed=GRADE_SEED, time_limit=time_limit)
    return result.failures
