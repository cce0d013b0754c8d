"""Code questions of one problem (a set): blanks on load-bearing lines, one listing, four proven options each."""
import ast
import functools
import hashlib
import io
import random
import re
import textwrap
import tokenize

from examprep.problem import catalog, source
from examprep.hole import holes
from examprep.exam.model import Option, Question, marker
from examprep.common import pyast
from examprep.common.i18n import ja_join
from examprep.exam.code.blanks import askable, blank_choices, line_starts, node_at, span, statement
from examprep.exam.code.distractors import cannot_fill, pick_distractors
from examprep.exam.code.proof import grade_combined, proven, reference_fingerprint
from examprep.exam.code import square

SUBEXPRESSION_SHARE = 0.6   # how often a sub-expression blank is chosen when one is possible


def strip_comments(text):
    """The listing without developer comments (whole-line and trailing `#` comments); unchanged if it does not
    tokenize. A text without `#` is returned as it is, untokenized (most listings: the answers' comments are on
    lines a set blanks or hides, or the answer has none)."""
    if "#" not in text:
        return text
    return "\n".join(line for line in _comment_free_lines(text) if line is not None)


def _comment_free_lines(text):
    """The text's lines (split at "\n") without developer comments, None for a line that only held one, so that
    line numbers still count the text's lines; the lines as they are if the text does not tokenize."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return text.split("\n")
    lines = text.split("\n")
    for tok in reversed([t for t in tokens if t.type == tokenize.COMMENT]):
        row, col = tok.start
        lines[row - 1] = lines[row - 1][:col].rstrip()
    # a line that was only a comment is dropped; a line that was empty stays
    return [new if new.strip() or not old.strip() else None for old, new in zip(text.split("\n"), lines)]


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


HIDDEN = "..."                # what a line left out of a listing shows (set_questions' hidden)
_HIDDEN_NOTE = {"ja": "コード中の ... は省略した行である。", "en": "In the code, ... stands for a line left out."}


def _stem(problem, label, whole_line, free, hidden=False):
    title = problem.title
    if free:
        stem = {"ja": ja_join("次のコードは", title["ja"], "の NumPy 実装である。空欄", label, "に入るコードを書け。"),
                "en": f"The code below is a NumPy implementation of: {title['en']}. "
                      f"Write the code that goes into blank {label}."}
    else:
        what_ja, what_en = ("行", "line") if whole_line else ("式", "expression")
        stem = {"ja": ja_join("次のコードは", title["ja"], "の NumPy 実装である。空欄", label,
                              f"に入る{what_ja}として最も適切なものを選べ。"),
                "en": f"The code below is a NumPy implementation of: {title['en']}. Which {what_en} belongs in "
                      f"blank {label}?"}
    if hidden:
        stem = {lang: stem[lang] + ("" if lang == "ja" else " ") + _HIDDEN_NOTE[lang] for lang in stem}
    return stem


def _explanation(problem, candidate):
    hints = problem.hint_for(candidate.text)
    out = {}
    for lang in ("ja", "en"):
        parts = [h.text[lang] for h in hints] + [problem.explanation[lang]]
        out[lang] = "\n\n".join(p.strip() for p in parts)
    return out


def _plan_blank(candidate, entries, rng):
    """(path, [(entry, text)] * 3, context) for a blank of this line, or None if it has no three fair distractors.
    The context (the blank's candidate distractors, its generator's seed, the statement and the blank's span) is for
    _without_centre, which may choose other distractors."""
    choices = blank_choices(candidate, entries)
    # One draw per line, then one generator per blank of it: what is picked for a blank does not depend on
    # which other blanks of the line have options (lines and mutants never shown are not proven: proof.prove).
    line_seed = rng.random()
    valid = {}
    for path in sorted(choices, key=repr):
        if not askable(path):
            continue
        picked = pick_distractors(choices[path], random.Random(f"{line_seed}:{path!r}"), candidate.text)
        if len(picked) == 3:
            valid[path] = picked
    if not valid:
        return None
    subs = [p for p in valid if p]
    if subs and (() not in valid or rng.random() < SUBEXPRESSION_SHARE):
        path = rng.choice(subs)
    else:
        path = ()
    text = textwrap.dedent(candidate.text)
    where = span(line_starts(text), node_at(statement(text), path)) if path else (0, len(text))
    return path, valid[path], (choices[path], f"{line_seed}:{path!r}:square", text, where)


def _without_centre(problem, plans):
    """[(candidate, path, [(entry, text)] * 3)]: each blank's distractors chosen so that the key is not the option
    closest to the others (examprep.exam.code.square): a 2x2 set {key, a, b, a+b} where a pair's combination is
    graded wrong fairly (the first trial of every blank of the set in one sandbox run, the next ones of the blanks
    left in another), else three with which the key is not the unique closest option, if the blank has such."""
    rngs = [random.Random(ctx[1]) for *_, ctx in plans]   # one generator a blank, for tries and spread
    trials = [square.tries(pairs, rng, text, where) for rng, (*_, (pairs, _, text, where)) in zip(rngs, plans)]
    chosen = {}
    for depth in range(square.PAIRS_GRADED):
        batch = [(i, cand, trials[i][depth]) for i, (cand, *_) in enumerate(plans)
                 if i not in chosen and len(trials[i]) > depth]
        if not batch:
            break
        verdicts = grade_combined(problem, [(cand, trial[2]) for _, cand, trial in batch])
        for i, cand, trial in batch:
            picked = square.accept(trial, verdicts[cand.index, trial[2]], plans[i][3][2])
            if picked:
                chosen[i] = picked
    return [(cand, path, chosen.get(i) or square.spread(pairs, rngs[i], text, text[where[0]:where[1]], picked))
            for i, (cand, path, picked, (pairs, _, text, where)) in enumerate(plans)]


def plain_listing(problem):
    """The listing of the problem's reference as code sets show it, before any line is blanked (no docstrings,
    no developer comments)."""
    return _plain_listing(source.reference_answer(problem))


@functools.lru_cache(maxsize=512)
def _plain_listing(answer):
    return listing_with(answer, [])


def listing_with(answer, replacements):
    """The listing of a reference answer as code sets show it (no docstrings, no developer comments), with these
    line ranges [(start, end, [new line])] replaced (the new lines as given). The answer is tokenized once, not
    once a listing (the mock exam's walk asks for one listing a line: code_walk.partner_shown)."""
    lines = list(_uncommented(answer))
    for start, end, new in sorted(_docstrings(answer) + list(replacements), key=lambda r: -r[0]):
        lines[start - 1:end] = new
    return "\n".join(line for line in lines if line is not None) + "\n"


@functools.lru_cache(maxsize=512)
def _docstrings(answer):
    return _docstring_ranges(None, answer)


@functools.lru_cache(maxsize=512)
def _uncommented(answer):
    """The answer's lines as strip_comments leaves them, None for a line that only held a comment (tokenized once
    an answer; the lines holes.replace_lines counts, so no empty last line after the final newline)."""
    lines = _comment_free_lines(answer)
    lines = _learner_imports(answer, lines)
    return tuple(lines[:-1] if answer.endswith("\n") else lines)


INTERNAL_PACKAGE = "reference."
BOOK_PACKAGE = "common."   # the books' own helper package (common/functions.py, common/layers.py ...)


def _learner_imports(answer, lines):
    """The listing's lines with each one-line `from reference.<module> import a, b` as the books write theirs
    (`from common.<module> import ...`) and without the names the answer never reads (None when it reads none): the
    app's package name and unused imports are noise to a learner (the eleventh examination's transformer_block
    imported five names it did not use). Line numbers are kept (None marks a dropped line)."""
    try:
        tree = pyast.parse(answer)
    except SyntaxError:
        return lines
    out = list(lines)
    for node in tree.body:
        if not (isinstance(node, ast.ImportFrom) and (node.module or "").startswith(INTERNAL_PACKAGE)
                and node.lineno == node.end_lineno and out[node.lineno - 1] is not None):
            continue
        names = [a.name + (f" as {a.asname}" if a.asname else "") for a in node.names]
        out[node.lineno - 1] = _book_import(answer, " " * node.col_offset, node.module[len(INTERNAL_PACKAGE):], names)
    return out


def _book_import(answer, indent, module, names):
    """The books' import line (`from common.<module> import ...`) of the names (`a` or `a as b`) the answer reads,
    or None when it reads none of them."""
    read = _read_names(answer)
    used = [n for n in names if n.split(" as ")[-1].strip() in read]
    return f"{indent}from {BOOK_PACKAGE}{module} import {', '.join(used)}" if used else None


_IMPORT = re.compile(r"(\s*)from " + re.escape(INTERNAL_PACKAGE) + r"([\w.]+) import ([\w ,]+)$")


def _book_imports(answer, listing):
    """A set's listing with its one-line `from reference.<module> import ...` lines as _learner_imports writes them
    (`from common.<module> import` the names the answer reads; none when it reads none): set_questions builds its
    listing from the answer's lines itself, so the plain listing's rewrite did not reach it (the twenty-first
    examination: grouped_conv's and attention_weight's listings still printed `from reference.`)."""
    out = []
    for line in listing.split("\n"):
        m = _IMPORT.fullmatch(line)
        if m:
            names = [n.strip() for n in m.group(3).split(",") if n.strip()]
            line = _book_import(answer, m.group(1), m.group(2), names)
        if line is not None:
            out.append(line)
    return "\n".join(out)


@functools.lru_cache(maxsize=512)
def _read_names(answer):
    """The names an answer reads."""
    try:
        return frozenset(node.id for node in ast.walk(pyast.parse(answer)) if isinstance(node, ast.Name))
    except SyntaxError:
        return frozenset()


def line_order(problem, seed, exclude=()):
    """The random source of a set and the candidate lines code_set tries, in the order it tries them (a line
    that is not load-bearing is skipped then), but those excluded, pinned lines first or last. The order does
    not depend on which lines are load-bearing or excluded, so the mock exam proves a line's removal only when the line is
    tried (examprep.exam.code.lazy), the first ones of a problem before it asks."""
    rng = random.Random(f"exam:{problem.id}:{seed}")
    lines = holes.candidates(problem)
    pinned = [c for c in lines if any(pin in c.text for pin in problem.pins)]
    others = [c for c in lines if c not in pinned]
    rng.shuffle(pinned)
    rng.shuffle(others)
    # Half of the time a line that is not pinned comes first, so that exams do not always open on the pins.
    order = pinned + others if rng.random() < 0.5 else others + pinned
    # The excluded lines are left out after the shuffle: a set made again without some lines tries the others in
    # the same order, so the lines proven for the first attempt serve the second.
    exclude = set(exclude)
    return rng, [c for c in order if c.index not in exclude]


def code_set(problem, seed, count=1, proof=None, free=False, exclude=()):
    """Up to count questions on different lines of one problem, sharing one listing (a set).

    free: also add, after each multiple-choice question, the same blank as a code_free question.
    exclude: candidate indices (holes.Candidate.index) not to use (lines already asked about).
    Returns [] when the problem has no line with three fair distractors.
    """
    return set_questions(problem, plan_set(problem, seed, count, proof, exclude), free)


def plan_set(problem, seed, count=1, proof=None, exclude=()):
    """The blanks of a code set (code_set) and their first fair distractors, before _without_centre chooses
    others: (the generator's state, seed, [(candidate, path, [(entry, text)] * 3, context)]), or None when the
    problem has no line with three fair distractors."""
    proof = proof or proven(problem)
    if not proof.get("reference_passed") or proof.get("ref") != reference_fingerprint(problem):
        return None
    rng, order = line_order(problem, seed, exclude)
    plans = []
    for cand in order:
        if len(plans) == count:
            break
        # A line that is not load-bearing (a lazy proof proves it now), or whose mutants cannot give three
        # options whatever the grader says of them (the exam does not grade those: proof._mutants), is no blank.
        # Mutants not graded (skipped: a give-away on sight, or ruled out by code.problem_rules) give no option.
        if str(cand.index) not in proof["lines"] or \
                cannot_fill([e for e in proof["lines"][str(cand.index)] if e["status"] != "skipped"], cand.text):
            continue
        plan = _plan_blank(cand, proof["lines"][str(cand.index)], rng)
        if plan is not None:
            plans.append((cand, *plan))
    plans.sort(key=lambda p: p[0].start)
    return (rng.getstate(), seed, plans) if plans else None


def set_questions(problem, planned, free=False, central=True, hidden=()):
    """The questions of a planned set (plan_set; [] for None).

    hidden: candidate lines (holes.Candidate.index, none of them blanked) the listing shows as `...`, a line left
    out (the mock exam's walk hides a line that would give a blank away: code_walk.hide_giveaways); the stems say
    what `...` means.

    central: the distractors chosen so that the key is not the option closest to the others (_without_centre:
    2x2 sets, their combinations graded now); False keeps the first three fair distractors of each blank and
    grades nothing (the mock exam's walk tries a set so, and makes it central once it takes it). Either way the
    keys sit in the same places."""
    if planned is None:
        return []
    state, seed, plans = planned
    rng = random.Random()
    rng.setstate(state)
    plans = _without_centre(problem, plans) if central else [(cand, path, picked) for cand, path, picked, _ in plans]

    answer = source.reference_answer(problem)
    ref = reference_fingerprint(problem)
    labels = [holes.label(i, "ja") for i in range(len(plans))]
    templates, ref_texts = [], []
    for (cand, path, _), lab in zip(plans, labels):
        text = textwrap.dedent(cand.text)
        if path:
            s0, s1 = span(line_starts(text), node_at(statement(text), path))
        else:
            s0, s1 = 0, len(text)
        templates.append(text[:s0] + marker(lab) + text[s1:])
        ref_texts.append(text[s0:s1])
    by_index = {c.index: c for c in holes.candidates(problem)}
    hidden = sorted(set(hidden))
    listing = holes.replace_lines(answer, _docstrings(answer) + [
        (cand.start, cand.end, [cand.indent + line if line.strip() else "" for line in tmpl.split("\n")])
        for (cand, _, _), tmpl in zip(plans, templates)] + [
        (by_index[i].start, by_index[i].end, [by_index[i].indent + HIDDEN]) for i in hidden])
    listing = _book_imports(answer, strip_comments(listing))
    set_id = f"code:{problem.id}:s{seed}"
    area = problem.area_key()
    questions = []
    for (cand, path, picked), lab, tmpl, ref_text in zip(plans, labels, templates, ref_texts):
        # An option keeps no developer comment, as the listing (`# ... centred` beside the blank ys would say
        # which option samples the bins' centres).
        ref_text = strip_comments(ref_text).strip() if "#" in ref_text else ref_text
        options = [Option(ref_text, True)] + [
            Option(strip_comments(fill).strip() if "#" in fill else fill, False, verdict=entry["verdict"],
                   operator=entry["operator"])
            for entry, fill in picked]
        rng.shuffle(options)
        key = next(i for i, o in enumerate(options) if o.correct)
        blank = {"candidate": cand.index, "start": cand.start, "end": cand.end, "indent": cand.indent,
                 "template": tmpl, "marker": marker(lab), "whole_line": not path, "ref": ref}
        if hidden:
            blank["hidden"] = hidden
        common = dict(problem=problem.id, template=None, area=area, section=problem.section, item=problem.item,
                      explanation=_explanation(problem, cand), answer=ref_text, code=listing.rstrip("\n") + "\n",
                      label=lab, set_id=set_id, seed=seed, blank=blank)
        qid = f"code:{problem.id}:c{cand.index}:{_path_id(path)}:s{seed}"
        questions.append(Question(id=qid, kind="code_choice", stem=_stem(problem, lab, not path, False, bool(hidden)),
                                  options=options, key=key, **common))
        if free:
            questions.append(Question(id=qid + ":free", kind="code_free",
                                      stem=_stem(problem, lab, not path, True, bool(hidden)),
                                      **common))
    return questions


def free_form(question):
    """The same blank as a code_free question (typed answer, graded by execution as in drills)."""
    data = question.to_json()
    data.update(kind="code_free", id=question.id + ":free", options=[], key=None)
    problem = catalog.get(question.problem)
    data["stem"] = _stem(problem, question.label, question.blank["whole_line"], True,
                         bool(question.blank.get("hidden")))
    return Question.from_json(data)
