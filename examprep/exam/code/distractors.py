"""Choosing a blank's three distractors among its proven-wrong mutants: no give-aways, different behaviours.

A proven-wrong mutant is offered only if it reads as a mistake a learner makes (the book's other variant, a wrong
axis, a swapped partner, a sign, a missing term), never as arithmetic no one writes (issue 16). give_away() judges
each mutant by where its change sits in the reference statement's AST, not by its text.

This module is the entry point (give_away, cannot_fill, pick_distractors); the rules live by the kind of change
they judge: operand_rules (arithmetic: operands, signs, integers, dropped terms), argument_rules (calls and their
arguments), slice_rules (slices and indices), shape_rules (sizes, axes, reshapes, transposes), with rule_nodes
the AST readings they share.
"""
import functools

from examprep.exam.code.blanks import diff_path, node_at, statement
from examprep.exam.code.argument_rules import (constant_condition, default_plane, input_dropped, min_for_max,
    mixed_pair, nonsense_arguments, odd_argument_swap, optional_moved, wrong_arity)
from examprep.exam.code.operand_rules import (complement_flipped, difference_summed, epsilon_sign, mixed_complements,
    mixed_reductions, negated_update, nonsense_first_operand, nonsense_int, nonsense_swap, passes_through,
    plain_sum_flipped, self_assignment, self_cancelling, state_renamed, twin_difference_summed, width_summed)
from examprep.exam.code.shape_rules import (array_form, batch_axis_moved, broadcast_reshape, one_sided_transpose,
    repeated_axes, reshape_sizes_only, right_when_square)
from examprep.exam.code.slice_rules import (empty_slice, identity_slice, length_mismatched, misaligned_slices,
    mixed_slice, odd_step, one_axis_shift, repeated_column, stepped_from_end)

# The whole value replaced by its first operand (`np.sum(x * d)` -> `x * d`): a missing term or reduction, offered
# only when the three other options cannot be filled with the learner's everyday mistakes.
BLUNT_OPERATORS = {"first_operand"}
MISTAKE = "mistake"   # a problem's named classic mistake (examprep.exam.code.curated)
# Always ruled out: a perturbed float constant (an epsilon 1e-7 -> 2e-7, a β of 1.8: right on ordinary inputs or
# a changed ε), and the statement's whole value negated (`-np.sqrt(2.0 / n_in)`, `batch_size = -x.shape[0]`).
NEVER = {"float_perturbed", "negate"}
# A distractor that fails only by its shape: the grader's wrong-shape verdict, or NumPy refusing the shapes (a
# broadcast, reshape or matmul mismatch, an axis out of range). The listing's own shapes (`N, C, H, W = x.shape`)
# rule such an option out without reading the computation, so a blank offers at most MOST_SHAPE_ERRORS of them
# and at least two distractors that compute a wrong value of the right shape (the eighth examination, issue 16).
SHAPE_ERRORS = ("ValueError", "AxisError")
MOST_SHAPE_ERRORS = 2
# A scalar where the listing wants an array is another shape too (ninth examination: both examiners counted
# `np.sum(t)` and `np.sqrt(np.sum(diff ** 2))` among the options ruled out by their shape): the grader's type
# verdict on a number, a TypeError or IndexError that a scalar or a shape raises further on (`len(d)` of a
# float, `y[np.arange(N), t]` with t of another length). A TypeError of a call's own arguments (`np.max(0, x)`,
# the classic slip for np.maximum) is not one.
SCALAR_RESULT = "an array, not a scalar"
SHAPE_MESSAGES = ("has no len()", "is not subscriptable", "is not iterable", "unsized object",
                  "iteration over a 0-d array", "array is 0-dimensional", "could not be broadcast")
# An index out of bounds is a shape too when the mutant only reordered axes (col2im's filter axes swapped, which a
# non-square filter exposes as "index 3 is out of bounds for axis 3 with size 3": tenth examination); after index
# arithmetic (`np.minimum(y0 + 1, H)`, an off-by-one) it is the value mistake the blank asks about.
LAYOUT_OPERATORS = ("permute_transpose", "permute_reshape", "reshape_for_transpose")
OUT_OF_BOUNDS = "is out of bounds for axis"
EDGE_CASES = ("extreme", "exactly 0", "overflow", "underflow", "±1000", "huge", "tiny", "clamped")


def _change(reference, entry):
    """(original statement, mutant statement, path to the changed node) of a mutant, each parsed once, or None when
    its text does not parse."""
    try:
        original, mutant = statement(reference), statement(entry["text"])
    except (SyntaxError, KeyError):
        return None
    return original, mutant, diff_path(original, mutant)


def give_away(entry, fill, reference):
    """Whether a proven-wrong mutant is still not a fair exam distractor: ruled out on sight (nonsense arithmetic,
    an attribute the class does not have) or right on ordinary inputs (wrong only on an edge case).

    entry: the mutant's proof entry (operator, text, verdict); fill: its option text; reference: the reference
    statement the mutant changes (its text, any indentation).
    """
    verdict = entry.get("verdict") or {}
    # Another legitimate convention (a problem's `conventions:`, e.g. the mean over steps of a loss the drill sums)
    # is a second defensible answer: the listing does not say which convention it follows.
    if verdict.get("check") == "convention":
        return True
    # An attribute the class does not have, or an element its list or shape does not have (`layer.grads[1]` of a
    # layer with one parameter, `dhs.shape[3]` of a 3-d array).
    message = (verdict.get("en") or "") + (verdict.get("what") or "")
    if "AttributeError" in message or "list index out of range" in message or "tuple index out of range" in message:
        return True
    # An index shifted past the array's end (`alpha[T + 1, S - 1]` of a (T, S) array): ruled out on sight.
    if entry["operator"] in ("flip_sign", "int_off_by_one") and "out of bounds" in message:
        return True
    if any(word in (verdict.get("case") or "").lower() for word in EDGE_CASES):
        return True
    change = _change(reference, entry) if verdict.get("check") == "exception" else None
    if change is not None and "reshape" in entry.get("text", "") and reshape_sizes_only(change[0], change[1], message):
        return True
    # A slice met element by element, or assigned to, made of another length (`pos_E[:T + 1]`): a broadcast error.
    if change is not None and length_mismatched(change[0], change[1], message):
        return True
    return give_away_whatever_verdict(entry, reference)


def give_away_whatever_verdict(entry, reference):
    """give_away's judgement of the mutant's text alone (its operator and where its change sits), which no verdict
    can change: such a mutant is never shown, so the exam's proofs do not grade it (proof.prove)."""
    return _judged_on_text(entry["operator"], entry.get("text"), reference)


@functools.lru_cache(maxsize=8192)
def _judged_on_text(operator, text, reference):
    """give_away_whatever_verdict of (operator, mutant text, reference text): the proofs and the exam's picks ask
    about the same mutants, each parse costing a millisecond."""
    entry = {"operator": operator} if text is None else {"operator": operator, "text": text}
    if operator in NEVER:
        return True
    change = _change(reference, entry)
    if change is None:
        return False
    original, mutant, path = change
    if self_cancelling(original, mutant) or self_assignment(mutant):
        return True
    if operator == "partner_name" and input_dropped(original, mutant):
        return True
    if operator == "flip_sign" and (epsilon_sign(original, path) or complement_flipped(original, mutant, path)
                                    or plain_sum_flipped(original, path)):
        return True
    if right_when_square(original, mutant) or repeated_axes(original, mutant):
        return True
    if passes_through(original, mutant) or mixed_slice(original, mutant) or default_plane(original, mutant):
        return True
    if broadcast_reshape(original, mutant) or (operator == "partner_name" and wrong_arity(original, mutant)):
        return True
    if batch_axis_moved(original, mutant) or (operator == "partner_name" and mixed_pair(original, mutant)):
        return True
    if operator == "swap_operands" and negated_update(original, path):
        return True
    if operator == "swap_arguments" and odd_argument_swap(original, mutant):
        return True
    if odd_step(original, mutant) or stepped_from_end(original, mutant):
        return True
    if empty_slice(original, mutant) or mixed_reductions(original, mutant):
        return True
    if identity_slice(original, mutant) or width_summed(original, mutant) or state_renamed(original, mutant):
        return True
    if min_for_max(original, mutant) or one_axis_shift(original, mutant) or difference_summed(original, mutant):
        return True
    if misaligned_slices(original, mutant) or optional_moved(original, mutant) or repeated_column(original, mutant):
        return True
    if constant_condition(original, mutant) or twin_difference_summed(original, mutant):
        return True
    if mixed_complements(original, mutant) or one_sided_transpose(original, mutant):
        return True
    if operator == "int_off_by_one":
        return nonsense_int(original, path)
    if operator == "swap_operands":
        return nonsense_swap(node_at(original, path))
    if operator == "swap_arguments":
        return nonsense_arguments(original, mutant)
    if operator == "first_operand":
        return nonsense_first_operand(original)
    return False


def cannot_fill(entries, reference, count=3):
    """Whether a line's mutants cannot give `count` distractors whatever the grader says of them: fewer than
    `count` different texts are left once give_away_whatever_verdict is applied (pick_distractors wants `count`
    different option texts, and two mutants of one text give one option)."""
    fair = set()
    for e in entries:   # judged in order until `count` texts are found: a line's other mutants may never be asked
        if e["text"] not in fair and not give_away_whatever_verdict(e, reference):
            fair.add(e["text"])
            if len(fair) >= count:
                return False
    return True


def shape_error(entry):
    """Whether a proven mutant fails only by its shape (SHAPE_ERRORS): a wrong output shape, or NumPy refusing
    the shapes before any value is computed, or a call that refuses its arguments in another order (any exception
    of a swap_arguments mutant: dilated_conv's `col2im(FH_d, dcol, ...)`, ninth examination). A dropped keepdims is
    not one: where the kept axis goes is the concept the exam asks (softmax's `np.max(x, axis=-1, keepdims=True)`).
    A classic call mistake that raises (`np.max(0, x)` for np.maximum) is not one either. A scalar where an array
    is expected is one (SCALAR_RESULT, SHAPE_MESSAGES)."""
    verdict = entry.get("verdict") or {}
    if entry.get("operator") == "drop_keepdims":
        return False
    message = verdict.get("en") or ""
    if verdict.get("check") == "exception":
        error = message.split(" ", 1)[0]
        return entry.get("operator") == "swap_arguments" or error in SHAPE_ERRORS or \
            (error in ("TypeError", "IndexError") and any(m in message for m in SHAPE_MESSAGES)) or \
            (error == "IndexError" and OUT_OF_BOUNDS in message and entry.get("operator") in LAYOUT_OPERATORS)
    if verdict.get("check") == "type":
        return SCALAR_RESULT in message
    return verdict.get("check") == "shape"


def too_many_shape_errors(entries):
    """Whether a blank's distractors (proof entries) hold more shape-only failures than MOST_SHAPE_ERRORS."""
    return sum(map(shape_error, entries)) > MOST_SHAPE_ERRORS


def pick_distractors(pairs, rng, reference, count=3, cap_shape_errors=True):
    """Up to count (entry, text) pairs with different texts and verdicts, none a give-away.

    reference: the statement the mutants change. Mutations a learner actually makes (axis, keepdims, transpose,
    sign, sum/mean ...) come before the blunt ones (a missing term: the value replaced by its first operand), and
    different operators before repeats. With cap_shape_errors, at most MOST_SHAPE_ERRORS of those chosen fail
    only by their shape (the others are skipped); without it (square's whole order of preference) all are kept.
    """
    pairs = [(entry, fill) for entry, fill in pairs if not give_away(entry, fill, reference)]
    rng.shuffle(pairs)
    # a named classic mistake first (exam.code.curated); then, with the cap, the ones wrong by their values before
    # those a listing's shapes rule out on sight (a blank with a value mistake to spare leaves no key-against-one)
    pairs.sort(key=lambda pair: (pair[0]["operator"] != MISTAKE, cap_shape_errors and shape_error(pair[0])))
    chosen, texts, signatures, operators = [], set(), set(), set()
    for allow_blunt, prefer_new_operator in ((False, True), (False, False), (True, True), (True, False)):
        for entry, fill in pairs:
            if len(chosen) == count:
                return chosen
            norm = array_form(fill)   # two texts of one array are one option (shape_rules.array_form)
            if norm in texts or entry["signature"] in signatures:
                continue
            if entry["operator"] in BLUNT_OPERATORS and not allow_blunt:
                continue
            # Each named mistake counts as an operator of its own: all of them before the mechanical ones.
            kind = (entry["operator"], norm) if entry["operator"] == MISTAKE else entry["operator"]
            if prefer_new_operator and kind in operators:
                continue
            if cap_shape_errors and too_many_shape_errors([e for e, _ in chosen] + [entry]):
                continue
            chosen.append((entry, fill))
            texts.add(norm)
            signatures.add(entry["signature"])
            operators.add(kind)
    return chosen
