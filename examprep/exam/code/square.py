"""Option sets that do not give the key away by closeness (issue 16's final re-grade).

Every distractor is one change of the key, so with three changes the key is the option closest to the other
three: an examinee who picks the "centre" scores without reading the code (80-88 % of code questions). Two ways
out, in this order:

- a 2x2 set: where two fair distractors a and b change two different places of the blank (an axis and a
  keepdims, a transpose and an operand), the options are {key, a, b, a+b}, a+b making both mistakes at once. Every
  option then has two neighbours at one change and one at two: no option is the centre. a+b is graded like every
  mutant (proof.grade_combined) and offered only if the grader rejects it with a fair verdict (two sign flips can
  cancel), it passes the same give-away rules, and both of its parts are conceptual mistakes (no blunt operator);
- otherwise (one place of change), among the fair distractors of the same tiers the first three with which the
  key is not the unique option closest to the others (benchmarks/option_centrality.py measures it), if any.
"""
import ast
import copy
import io
import itertools
import re
import tokenize

from examprep.exam.code.blanks import node_at, statement
from examprep.exam.code.distractors import BLUNT_OPERATORS, give_away, give_away_whatever_verdict, pick_distractors

# Grader checks that stop before any value is compared: two mutants failing one of them alike may compute
# different values.
SHORT_OF_VALUES = {"shape", "type", "exception"}
COMBINED = "combined"
SWAPS = {"partner_name", "swap_operands", "swap_arguments"}   # the operator of an option that makes two distractors' mistakes at once
PAIRS_GRADED = 3        # at most this many pairs are graded for one blank (one sandbox run)
ANY = "*"               # a path's index for a whole list (several of its elements changed)
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


def centre(texts, split=tokens):
    """Indices of the options with the smallest summed edit distance to the other options."""
    parts = [split(t) for t in texts]
    sums = [sum(levenshtein(p, q) for j, q in enumerate(parts) if j != i) for i, p in enumerate(parts)]
    return [i for i, s in enumerate(sums) if s == min(sums)]


def key_is_centre(key, fills):
    return centre([key] + list(fills)) == [0]


def _dump(node):
    return ast.dump(node) if isinstance(node, ast.AST) else repr(node)


def _one_edit(short, long):
    """The index of the one element of `long` whose removal leaves `short`, or None."""
    found = [i for i in range(len(long)) if list(map(_dump, long[:i] + long[i + 1:])) == list(map(_dump, short))]
    return found[0] if len(found) == 1 else None


def edit(a, b, path=()):
    """The one change that makes AST a into b, in a's coordinates: ("replace", path, node), ("delete", path to a
    list element) or ("insert", path to the new element's place, node). Unlike blanks.diff_path, an element
    dropped from or added to a list (a keyword: `keepdims=True`) is a change of that element only, not of the
    call, so that it is a place of its own beside a changed axis."""
    if type(a) is not type(b):
        return ("replace", path, b)
    diffs = []
    for name in a._fields:
        va, vb = getattr(a, name, None), getattr(b, name, None)
        if isinstance(va, list) and isinstance(vb, list):
            if len(va) == len(vb):
                diffs += [("same", name, i, x, y) for i, (x, y) in enumerate(zip(va, vb)) if _dump(x) != _dump(y)]
            elif abs(len(va) - len(vb)) == 1:
                i = _one_edit(vb, va) if len(va) > len(vb) else _one_edit(va, vb)
                if i is None:
                    return ("replace", path, b)
                diffs.append(("delete", name, i, None, None) if len(va) > len(vb) else ("insert", name, i, None, vb[i]))
            else:
                return ("replace", path, b)
        elif _dump(va) != _dump(vb):
            diffs.append(("same", name, None, va, vb))
    if len(diffs) > 1 and all(d[0] == "same" and d[1] == diffs[0][1] and d[2] is not None for d in diffs):
        # several elements of one list changed (`transpose(0, 3, 1, 2)` -> `transpose(3, 0, 1, 2)`): a change of
        # that list only, not of the call's function (`out.reshape(...)` stays another place)
        return ("field", path + ((diffs[0][1], ANY),), getattr(b, diffs[0][1]))
    if len(diffs) != 1:
        return ("replace", path, b)
    kind, name, i, x, y = diffs[0]
    if kind == "delete":
        return ("delete", path + ((name, i),))
    if kind == "insert":
        return ("insert", path + ((name, i),), y)
    if isinstance(x, ast.AST) and isinstance(y, ast.AST):
        return edit(x, y, path + ((name, i),))
    return ("replace", path, b)


def _place(change):
    """Where a change sits, for telling two changes apart (an insertion is a place between elements)."""
    if change[0] == "insert":
        field, i = change[1][-1]
        return change[1][:-1] + ((field, ("insert", i)),)
    return change[1]


def _disjoint(p, q):
    """Whether two changed places (AST paths) are different places: neither contains the other (a whole list,
    (field, ANY), contains its elements)."""
    def same(x, y):
        return x[0] == y[0] and (x[1] == y[1] or ANY in (x[1], y[1]))
    return not all(same(x, y) for x, y in zip(p, q))


def _apply(tree, changes):
    """tree with the changes made (each in tree's coordinates, at different places): replacements first, then the
    list edits from the last index back, so that no edit moves another's element."""
    tree = copy.deepcopy(tree)
    for change in changes:
        if change[0] in ("replace", "field"):
            if not change[1]:
                return None
            parent, (field, index) = node_at(tree, change[1][:-1]), change[1][-1]
            new = copy.deepcopy(change[2])
            if index is None or index == ANY:
                setattr(parent, field, new)
            else:
                getattr(parent, field)[index] = new
    edits = sorted((c for c in changes if c[0] in ("delete", "insert")), key=lambda c: c[1][-1][1], reverse=True)
    for change in edits:
        parent, (field, index) = node_at(tree, change[1][:-1]), change[1][-1]
        if change[0] == "delete":
            del getattr(parent, field)[index]
        else:
            getattr(parent, field).insert(index, copy.deepcopy(change[2]))
    return tree


def _region(ref, fill):
    """(start, end, replacement) of the one stretch of ref that fill rewrites (common prefix and suffix kept)."""
    start = 0
    while start < min(len(ref), len(fill)) and ref[start] == fill[start]:
        start += 1
    end = 0
    while end < min(len(ref), len(fill)) - start and ref[-1 - end] == fill[-1 - end]:
        end += 1
    return start, len(ref) - end, fill[start:len(fill) - end]


def combine(text, span, a, b):
    """(statement text, option text) of the reference statement `text` with the changes of the proven mutants a
    and b (entry, fill) both made, or None when they change the same place or the texts cannot be merged so that
    the option parses to both changes. span: the blank's (start, end) in text; the fills are texts of it."""
    s0, s1 = span
    ref = text[s0:s1]
    (a0, a1, ra), (b0, b1, rb) = sorted([_region(ref, a[1]), _region(ref, b[1])])
    if a1 > b0 or (a1 == b0 and (a0 == a1 or b0 == b1)):   # the texts overlap: no AST work (the common case)
        return None
    original = statement(text)
    try:
        ca, cb = edit(original, statement(a[0]["text"])), edit(original, statement(b[0]["text"]))
    except SyntaxError:
        return None
    if not _place(ca) or not _place(cb) or not _disjoint(_place(ca), _place(cb)):
        return None
    both = _apply(original, [ca, cb])
    if both is None:
        return None
    fill = ref[:a0] + ra + ref[a1:b0] + rb + ref[b1:]
    try:
        if ast.dump(statement(text[:s0] + fill + text[s1:])) != ast.dump(both):
            return None
    except SyntaxError:
        return None
    return ast.unparse(both), fill


def _ordered(pairs, rng, reference):
    """The fair distractors with different texts and behaviours, in pick_distractors' order of preference."""
    return pick_distractors(pairs, rng, reference, count=len(pairs))


def _consistent_swap(a, b, reference):
    """Two swaps that together make another consistent form rather than a mistake, right in another layout or by
    symmetry: operands or arguments swapped in two places (the column-vector `np.dot(Wh, h_prev) + np.dot(Wx,
    x)`), two partners exchanged (mixup's `(1 - lam) * x + lam * x[index]`, lam drawn from a symmetric Beta; a
    box's `top:top + w, left:left + h`), as split_heads' interleaved split with its inverse merge (final re-grade,
    issue 16). One partner put in two places is left to the partner rules (_ruled_out: `beta2` for both of m's β
    drops beta1, an input dropped)."""
    if a["operator"] != b["operator"] or a["operator"] not in SWAPS:
        return False
    if a["operator"] != "partner_name":
        return True
    original = statement(reference)
    try:
        ca, cb = edit(original, statement(a["text"])), edit(original, statement(b["text"]))
    except SyntaxError:
        return False
    if ca[0] != "replace" or cb[0] != "replace" or not ca[1] or not cb[1] or not _disjoint(ca[1], cb[1]):
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


def tries(pairs, rng, reference, span):
    """[(a, b, statement, option text)] for a 2x2 set, in order of preference, at most PAIRS_GRADED: a and b
    ((entry, fill) each) are conceptual distractors (no blunt operator) with behaviours of their own that change
    different places of the blank, their combination no give-away on sight. pairs: the blank's (entry, fill)
    candidates; reference: the statement (dedented); span: the blank's (start, end) in it."""
    ordered = [p for p in _ordered(pairs, rng, reference) if p[0]["operator"] not in BLUNT_OPERATORS]
    out = []
    for j in range(len(ordered)):
        for i in range(j):
            a, b = ordered[i], ordered[j]
            if a[0]["signature"] == b[0]["signature"] or _consistent_swap(a[0], b[0], reference):
                continue
            made = combine(reference, span, a, b)
            if made is None or _ruled_out(made, (a, b), reference):
                continue
            out.append((a, b, *made))
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
        if not key_is_centre(key, [fill for _, fill in chosen]):
            return chosen
    return picked
