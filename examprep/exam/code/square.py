"""Option sets that do not give the key away by closeness (issue 16's final re-grade).

Every distractor is one change of the key, so with three changes the key is the option closest to the other
three: an examinee who picks the "centre" scores without reading the code (80-88 % of code questions). Two ways
out, in this order:

- a 2x2 set: where two fair distractors a and b change two different places of the blank (an axis and a
  keepdims, a transpose and an operand), the options are {key, a, b, a+b}, a+b making both mistakes at once. Every
  option then has two neighbours at one change and one at two: no option is the centre. a+b is graded like every
  mutant (proof.grade_combined) and offered only if the grader rejects it with a fair verdict (two sign flips can
  cancel), it passes the same give-away rules, and its parts are conceptual mistakes (a pair with one blunt part,
  a missing term, only after all of those). Two changes of one place are combined where they still make two
  mistakes (combine_overlapping): two reorderings of one argument list composed, a reordering carrying a changed
  argument along, a change inside the part another keeps. A pair whose set would leave the key the centre is not
  graded;
- otherwise (one place of change), among the fair distractors of the same tiers the first three with which the
  key is not the unique option closest to the others (benchmarks/option_centrality.py measures it), if any.
"""
import ast
import io
import itertools
import re
import tokenize

from examprep.exam.code.blanks import node_at, statement
from examprep.exam.code.combine import combine, combine_overlapping, disjoint, edit
from examprep.exam.code.distractors import (BLUNT_OPERATORS, give_away, give_away_whatever_verdict, pick_distractors,
    shape_error, too_many_shape_errors)
from examprep.exam.code.shape_rules import array_form

# Grader checks that stop before any value is compared: two mutants failing one of them alike may compute
# different values.
SHORT_OF_VALUES = {"shape", "type", "exception"}
COMBINED = "combined"
SWAPS = {"partner_name", "swap_operands", "swap_arguments"}   # the operator of an option that makes two distractors' mistakes at once
PAIRS_GRADED = 3        # at most this many pairs are graded for one blank (one sandbox run)
SPREAD_POOL = 8         # the fair distractors, in order of preference, searched for a set with no centre key


def tokens(text):
    """Python tokens of an option's text (a regex split when it does not tokenize, e.g. a bare slice)."""
    try:
        return [t.string for t in tokenize.generate_tokens(io.StringIO(text).readline)
                if t.string and t.type not in (tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER, tokenize.INDENT,
                                               tokenize.DEDENT, tokenize.COMMENT)]
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return re.findall(r"\w+|\S", text)


def levenshtein(a, b):
    """Edit distance of two sequences (insertions, deletions, substitutions)."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def _sums(texts, split):
    parts = [split(t) for t in texts]
    return [sum(levenshtein(p, q) for j, q in enumerate(parts) if j != i) for i, p in enumerate(parts)]


def centre(texts, split=tokens):
    """Indices of the options with the smallest summed edit distance to the other options."""
    sums = _sums(texts, split)
    return [i for i, s in enumerate(sums) if s == min(sums)]


def farthest(texts, split=tokens):
    """Indices of the options with the largest summed edit distance to the other options."""
    sums = _sums(texts, split)
    return [i for i, s in enumerate(sums) if s == max(sums)]


def key_is_centre(key, fills):
    return centre([key] + list(fills)) == [0]


def key_stands_out(key, fills):
    """Whether the key is the unique closest or the unique farthest option (the opposite cue) of a set."""
    return key_is_centre(key, fills) or farthest([key] + list(fills)) == [0]


def _ordered(pairs, rng, reference):
    """The fair distractors with different texts and behaviours, in pick_distractors' order of preference."""
    return pick_distractors(pairs, rng, reference, count=len(pairs), cap_shape_errors=False)


def _consistent_swap(a, b, reference):
    """Two swaps that together make another consistent form rather than a mistake, right in another layout or by
    symmetry: operands or arguments swapped in two places (the column-vector `np.dot(Wh, h_prev) + np.dot(Wx,
    x)`), two partners exchanged (mixup's `(1 - lam) * x + lam * x[index]`, lam drawn from a symmetric Beta; a
    box's `top:top + w, left:left + h`), as split_heads' interleaved split with its inverse merge (final re-grade,
    issue 16). One partner put in two places is left to the partner rules (_ruled_out: `beta2` for both of m's β
    drops beta1, an input dropped)."""
    if a["operator"] != b["operator"] or a["operator"] not in SWAPS:
        return False
    original = statement(reference)
    try:
        ca, cb = edit(original, statement(a["text"])), edit(original, statement(b["text"]))
    except SyntaxError:
        return False
    if a["operator"] != "partner_name":
        # two swaps in one argument list (`forward(Q, V, K, mask)`, `forward(K, Q, V, mask)`) reorder it again
        return not (ca[0] == cb[0] == "field" and ca[1] == cb[1])
    if ca[0] != "replace" or cb[0] != "replace" or not ca[1] or not cb[1] or not disjoint(ca[1], cb[1]):
        return False
    return (ast.dump(ca[2]) == ast.dump(node_at(original, cb[1]))
            and ast.dump(cb[2]) == ast.dump(node_at(original, ca[1])))


def _ruled_out(made, parts, reference):
    """Whether a combination is a give-away on sight: by the rules for any mutant, and by those of each part's
    operator judged on the whole combination (where a rule looks at the changed node, it then looks at the node
    holding both changes: it may rule out a fair combination, never let an unfair one through that it would have
    ruled out as a single change)."""
    # give_away without a verdict is give_away_whatever_verdict, whose rules for any mutant each call applies
    return any(give_away_whatever_verdict({"operator": operator, "text": made[0]}, reference)
               for operator in sorted({part[0]["operator"] for part in parts}))


def _pairs_in_order(ordered):
    """The pairs (i, j) of ordered to try for a 2x2 set: those of two conceptual distractors first, in
    pick_distractors' order; then those with one blunt part (a missing term), whose combination with a change of
    the part kept (`self.beta2 * self.m[key]` beside `self.beta1 * self.m[key]`) is the only 2x2 set of a line
    whose other changes sit in one place or are ruled out together; never two blunt parts. Within each, pairs of
    two value mistakes before those with a part that fails only by its shape (shape_error): that part's a and a+b
    would both be ruled out by the listing's shapes, leaving the key against b (the tenth examination's
    key-against-one blanks)."""
    blunt = [p[0]["operator"] in BLUNT_OPERATORS for p in ordered]
    shape = [shape_error(p[0]) for p in ordered]
    pairs = [(i, j) for j in range(len(ordered)) for i in range(j) if blunt[i] + blunt[j] < 2]
    return sorted(pairs, key=lambda ij: (blunt[ij[0]] or blunt[ij[1]], shape[ij[0]] + shape[ij[1]]))


def _one_array(fill, parts):
    """Whether a combination's option is one of its parts' as an array (`ds.reshape(T, N, 1).repeat(H)` beside
    `ds.reshape(N, T, 1).repeat(H)`: the repeat without an axis reads the array flat, so the reshape changes
    nothing): two options of one value (distractors' shape_rules.array_form; a fourth examination, issue 16)."""
    return any(array_form(fill) == array_form(part[1]) for part in parts)


def tries(pairs, rng, reference, span):
    """[(a, b, statement, option text)] for a 2x2 set, in order of preference, at most PAIRS_GRADED: a and b
    ((entry, fill) each) are distractors with behaviours of their own (conceptual ones first, _pairs_in_order)
    that change different places of the blank (combine) or overlap in a way that still makes two mistakes
    (combine_overlapping), their combination no give-away on sight and the key neither the unique closest nor
    the unique farthest option of the four (a set that would not cure it, or cue the other way, is not graded).
    pairs: the blank's (entry, fill) candidates; reference: the statement (dedented); span: the blank's (start,
    end) in it."""
    ordered = _ordered(pairs, rng, reference)
    out = []
    for i, j in _pairs_in_order(ordered):
        a, b = ordered[i], ordered[j]
        if a[0]["signature"] == b[0]["signature"] or _consistent_swap(a[0], b[0], reference):
            continue
        if too_many_shape_errors([a[0], b[0]]):   # a set that accept() would refuse whatever a+b does
            continue
        made = combine(reference, span, a, b)
        for made in [made] if made else combine_overlapping(reference, span, a, b):
            if _ruled_out(made, (a, b), reference):
                continue
            if _one_array(made[1], (a, b)):   # one of its parts' options as an array
                continue
            if key_stands_out(reference[span[0]:span[1]], [a[1], b[1], made[1]]):   # not graded: no cure
                continue
            out.append((a, b, *made))
            break
        if len(out) == PAIRS_GRADED:
            return out
    return out


def _same_values(entry, part):
    """Whether a combined mutant fails as one of its parts with the same values compared: it computes what that
    part computes on the grader's case (softmax's `np.max(x, axis=0)` beside `np.max(x, axis=0, keepdims=True)`,
    which broadcast alike), so the two options are one. Both stopped by the same shape, type or exception
    (`np.mean(col, axis=0)` beside `np.sum(col, axis=0)`, both of the wrong shape) says nothing of their values:
    a+b is wrong for a's reason, as a 2x2 set means it to be, and still a mistake of its own."""
    return entry["signature"] == part["signature"] and (entry["verdict"] or {}).get("check") not in SHORT_OF_VALUES


def accept(trial, entry, reference):
    """[a, b, a+b] if the grader's entry for a+b (proof.grade_combined) makes it a fair distractor, else None:
    rejected with a fair verdict (never "passes": two sign flips can cancel), no give-away by its verdict, and not
    the values of a or b (_same_values)."""
    a, b, _, fill = trial
    if entry["status"] != "wrong" or any(_same_values(entry, part[0]) for part in (a, b)):
        return None
    if too_many_shape_errors([a[0], b[0], entry]):
        return None
    # judged with each part's operator, as _ruled_out (an index past the end ruled out for an off-by-one part)
    if any(give_away(dict(entry, operator=operator), fill, reference)
           for operator in sorted({a[0]["operator"], b[0]["operator"]})):
        return None
    return [a, b, (entry, fill)]


def square(pairs, rng, reference, span, grade):
    """[a, b, a+b] ((entry, fill) each) for a 2x2 set, or None: the first of tries() that accept() takes.
    grade(texts) -> {text: entry} grades the combined statements."""
    trials = tries(pairs, rng, reference, span)
    if not trials:
        return None
    verdicts = grade([t[2] for t in trials])
    for trial in trials:
        picked = accept(trial, verdicts[trial[2]], reference)
        if picked:
            return picked
    return None


def spread(pairs, rng, reference, key, picked):
    """picked, or the first three fair distractors of the same tiers (no blunt one unless picked has one) with
    which the key is not the unique option closest to the others, when picked makes it so."""
    if not key_is_centre(key, [fill for _, fill in picked]):
        return picked
    blunt = any(entry["operator"] in BLUNT_OPERATORS for entry, _ in picked)
    pool = [p for p in _ordered(pairs, rng, reference) if blunt or p[0]["operator"] not in BLUNT_OPERATORS]
    pool = pool[:SPREAD_POOL]
    for trio in sorted(itertools.combinations(range(len(pool)), len(picked)), key=lambda t: (max(t), t)):
        chosen = [pool[i] for i in trio]
        if too_many_shape_errors([entry for entry, _ in chosen]):
            continue
        if not key_is_centre(key, [fill for _, fill in chosen]):
            return chosen
    return picked
