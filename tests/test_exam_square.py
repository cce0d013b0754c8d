"""Option sets that do not give the key away by closeness (examprep.exam.code.square).

Unit tests build a blank's candidate distractors by hand and grade the combined statements with a stand-in grader;
the last test makes real code sets and grades every combined option again in a fresh sandbox run.
"""
import random

import pytest

from examprep.problem import catalog
from examprep.exam.code import fills, square
from examprep.exam.code import questions as code_questions

REFERENCE = "mu = np.mean(x, axis=-1, keepdims=True)"


def _entry(operator, text, signature, status="wrong", check="values"):
    return {"text": text, "operator": operator, "status": status, "signature": signature,
            "verdict": {"check": check, "stage": "output", "case": "a batch of 4 rows", "what": "mu",
                        "ja": "値が違います。", "en": "wrong values"}}


def _line(operator, text, signature):
    """A whole-line blank's candidate: the mutant's statement is its option text."""
    return _entry(operator, text, signature), text


def _part(operator, text, start, signature):
    """A sub-expression blank's candidate: the blank is the mutant's statement from `start` on."""
    return _entry(operator, text, signature), text[start:]


def _pairs():
    """The fair distractors of the whole-line blank of REFERENCE: sum for mean, keepdims dropped, another axis."""
    return [(_entry("sum_mean", "mu = np.sum(x, axis=-1, keepdims=True)", "s1"),
             "mu = np.sum(x, axis=-1, keepdims=True)"),
            (_entry("drop_keepdims", "mu = np.mean(x, axis=-1)", "s2"), "mu = np.mean(x, axis=-1)"),
            (_entry("axis", "mu = np.mean(x, axis=0, keepdims=True)", "s3"),
             "mu = np.mean(x, axis=0, keepdims=True)")]


def _grader(status="wrong", signature="s-both"):
    calls = []

    def grade(texts):
        calls.append(list(texts))
        return {t: _entry("combined", t, f"{signature}:{t}", status=status) for t in texts}
    grade.calls = calls
    return grade


def test_a_two_by_two_set_is_offered_where_two_places_change():
    grade = _grader()
    picked = square.square(_pairs(), random.Random(0), REFERENCE, (0, len(REFERENCE)), grade)
    assert picked is not None and len(picked) == 3
    (a, fa), (b, fb), (ab, fab) = picked
    assert ab["operator"] == "combined" and ab["status"] == "wrong"
    # a+b makes a's and b's changes at once, written in the reference's style
    changes = {fa, fb}
    assert fab in {"mu = np.sum(x, axis=-1)", "mu = np.sum(x, axis=0, keepdims=True)", "mu = np.mean(x, axis=0)"}
    assert len({REFERENCE, fa, fb, fab}) == 4 and changes <= {p[1] for p in _pairs()}
    # no option is the unique centre: each has two neighbours at one change
    assert square.centre([REFERENCE, fa, fb, fab]) == [0, 1, 2, 3]
    assert all(len(call) <= square.PAIRS_GRADED for call in grade.calls)


def test_a_combination_graded_right_is_never_offered():
    """Two changes can cancel (two sign flips): a combination the grader accepts is no option."""
    grade = _grader(status="passes")
    assert square.square(_pairs(), random.Random(0), REFERENCE, (0, len(REFERENCE)), grade) is None
    unfair = _grader(status="unfair")
    assert square.square(_pairs(), random.Random(0), REFERENCE, (0, len(REFERENCE)), unfair) is None


def test_a_combination_that_behaves_as_a_part_is_not_offered():
    """softmax's np.max(x, axis=0) beside np.max(x, axis=0, keepdims=True): they broadcast alike, one option."""
    def grade(texts):
        return {t: _entry("combined", t, "s1") for t in texts}   # the signature of sum_mean
    pairs = [p for p in _pairs() if p[0]["operator"] in ("sum_mean", "drop_keepdims")]
    assert square.square(pairs, random.Random(0), REFERENCE, (0, len(REFERENCE)), grade) is None


def test_changes_at_one_place_are_not_combined():
    ref = "y = x - mu"
    flip = (_entry("flip_sign", "y = x + mu", "s1"), "x + mu")
    swap = (_entry("swap_operands", "y = mu - x", "s2"), "mu - x")
    assert square.combine(ref, (4, len(ref)), flip, swap) is None
    axis = (_entry("axis", "mu = np.mean(x, axis=0, keepdims=True)", "s3"), "np.mean(x, axis=0, keepdims=True)")
    other = (_entry("axis", "mu = np.mean(x, axis=1, keepdims=True)", "s4"), "np.mean(x, axis=1, keepdims=True)")
    assert square.combine(REFERENCE, (5, len(REFERENCE)), axis, other) is None


def test_combined_text_keeps_the_reference_style_and_both_changes():
    ref = "out = out.reshape(N, out_h, out_w, -1).transpose(0, 3, 1, 2)"
    a = (_entry("permute_reshape", "out = out.reshape(N, out_h, -1, out_w).transpose(0, 3, 1, 2)", "s1"),
         "out.reshape(N, out_h, -1, out_w).transpose(0, 3, 1, 2)")
    b = (_entry("permute_transpose", "out = out.reshape(N, out_h, out_w, -1).transpose(0, 3, 2, 1)", "s2"),
         "out.reshape(N, out_h, out_w, -1).transpose(0, 3, 2, 1)")
    made = square.combine(ref, (6, len(ref)), a, b)
    assert made == ("out = out.reshape(N, out_h, -1, out_w).transpose(0, 3, 2, 1)",
                    "out.reshape(N, out_h, -1, out_w).transpose(0, 3, 2, 1)")


def test_a_give_away_combination_is_not_graded():
    """The combination must pass the same give-away rules: an axis named twice is ruled out on sight."""
    ref = "y = np.sum(x, axis=(0, 2))"
    a = _line("axis", "y = np.sum(x, axis=(2, 2))", "s1")
    b = _line("axis", "y = np.sum(x, axis=(0, 0))", "s2")
    grade = _grader()
    assert square.square([a, b], random.Random(0), ref, (0, len(ref)), grade) is None
    assert grade.calls == []


def test_spread_picks_distractors_with_no_centre_key():
    key = "np.sum(d, axis=0)"
    pairs = [(_entry("axis", "y = np.sum(d, axis=1)", "s1"), "np.sum(d, axis=1)"),
             (_entry("drop_axis", "y = np.sum(d)", "s2"), "np.sum(d)"),
             (_entry("sum_mean", "y = np.mean(d, axis=0)", "s3"), "np.mean(d, axis=0)"),
             (_entry("axis", "y = np.sum(d, axis=-1)", "s4"), "np.sum(d, axis=-1)")]
    picked = pairs[:3]
    assert square.key_is_centre(key, [f for _, f in picked])
    chosen = square.spread(pairs, random.Random(0), "y = np.sum(d, axis=0)", key, picked)
    assert len(chosen) == 3 and not square.key_is_centre(key, [f for _, f in chosen])


@pytest.mark.parametrize("pid", ["layernorm", "batchnorm", "conv2d"])
def test_real_sets_offer_graded_wrong_combinations(pid, module_examprep_home):
    """Real code sets: some blank has a 2x2 set, and every combined option fails a fresh grading."""
    problem = catalog.get(pid)
    questions = [q for seed in range(4) for q in code_questions.code_set(problem, seed, 3)]
    combined = [(q, o) for q in questions for o in q.options if o.operator == square.COMBINED]
    assert combined, f"{pid}: no 2x2 set"
    failures = fills.grade_fills(problem, [(f"{i}", q, o.text) for i, (q, o) in enumerate(combined)])
    for i, (q, option) in enumerate(combined):
        assert failures[f"{i}"] is not None, f"{q.id}: the combined option {option.text} passes"
        assert failures[f"{i}"].check == option.verdict["check"]
        assert square.centre([o.text for o in q.options]) != [q.key]


def test_a_combination_stopped_as_a_part_by_its_shape_is_offered():
    """np.mean(col, axis=0) beside np.sum(col, axis=0): both of the wrong shape, different values: a 2x2 set."""
    def grade(texts):
        return {t: _entry("combined", t, "s1", check="shape") for t in texts}   # the signature of sum_mean
    pairs = [(dict(p[0], verdict=dict(p[0]["verdict"], check="shape")), p[1]) for p in _pairs()
             if p[0]["operator"] in ("sum_mean", "drop_keepdims")]
    picked = square.square(pairs, random.Random(0), REFERENCE, (0, len(REFERENCE)), grade)
    assert picked is not None and picked[2][1] == "mu = np.sum(x, axis=-1)"


def test_two_swaps_of_one_kind_are_not_combined():
    """Both partner weights swapped is mixup's other consistent form (lam ~ Beta(a, a) is symmetric): no a+b."""
    ref = "x_mix = lam * x + (1 - lam) * x[index]"
    a = _line("partner_name", "x_mix = (1 - lam) * x + (1 - lam) * x[index]", "s1")
    b = _line("partner_name", "x_mix = lam * x + lam * x[index]", "s2")
    assert square.combine(ref, (0, len(ref)), a, b)[1] == "x_mix = (1 - lam) * x + lam * x[index]"
    assert square.tries([a, b], random.Random(0), ref, (0, len(ref))) == []


def test_partner_rules_judge_the_combination():
    """Adam's m with beta2 in both places is no exchange of partners (_consistent_swap), but it drops beta1 by using
    beta2 twice: the partner rule for an input dropped, applied to the combination, rules it out."""
    ref = "self.m[key] = self.beta1 * self.m[key] + (1 - self.beta1) * grads[key]"
    a = _line("partner_name", "self.m[key] = self.beta2 * self.m[key] + (1 - self.beta1) * grads[key]", "s1")
    b = _line("partner_name", "self.m[key] = self.beta1 * self.m[key] + (1 - self.beta2) * grads[key]", "s2")
    assert not square._consistent_swap(a[0], b[0], ref)
    assert square.combine(ref, (0, len(ref)), a, b)[1] == \
        "self.m[key] = self.beta2 * self.m[key] + (1 - self.beta2) * grads[key]"
    assert square.tries([a, b], random.Random(0), ref, (0, len(ref))) == []


def test_operands_swapped_in_two_places_are_not_combined():
    ref = "t = np.dot(h_prev, Wh) + np.dot(x, Wx) + b"
    a = _line("swap_operands", "t = np.dot(Wh, h_prev) + np.dot(x, Wx) + b", "s1")
    b = _line("swap_operands", "t = np.dot(h_prev, Wh) + np.dot(Wx, x) + b", "s2")
    assert square.combine(ref, (0, len(ref)), a, b) is not None
    assert square.tries([a, b], random.Random(0), ref, (0, len(ref))) == []


def test_two_reorderings_of_one_list_are_composed():
    """split_heads' reshape with three argument orders (seed 12's export, main e9f85f4): the key was the option
    closest to the others; two reorderings of the one list make a 2x2 set with their composition."""
    ref = "return x.reshape(N, T, num_heads, D // num_heads)"
    where = (7, len(ref))
    a = _part("permute_reshape", "return x.reshape(N, num_heads, T, D // num_heads)", 7, "s1")
    b = _part("permute_reshape", "return x.reshape(N, T, D // num_heads, num_heads)", 7, "s2")
    assert square.combine(ref, where, a, b) is None    # one place: not combine()'s
    made = square.combine_overlapping(ref, where, a, b)
    assert [fill for _, fill in made] == ["x.reshape(N, D // num_heads, T, num_heads)",
                                          "x.reshape(N, num_heads, D // num_heads, T)"]
    assert made[0][0] == "return x.reshape(N, D // num_heads, T, num_heads)"
    picked = square.square([a, b], random.Random(0), ref, where, _grader())
    assert picked is not None and picked[2][1] in {fill for _, fill in made}
    best = square.centre([ref[7:]] + [fill for _, fill in picked])
    assert 0 in best and len(best) > 1


def test_a_reordering_carries_a_changed_argument_along():
    """multi_head_attention's dconcat (seed 11): operands swapped and a transpose dropped in one of them."""
    ref = "dconcat = np.dot(dout, W_o.T)"
    a = _line("swap_operands", "dconcat = np.dot(W_o.T, dout)", "s1")
    b = _line("drop_transpose", "dconcat = np.dot(dout, W_o)", "s2")
    assert square.combine_overlapping(ref, (0, len(ref)), a, b) == [("dconcat = np.dot(W_o, dout)",
                                                                      "dconcat = np.dot(W_o, dout)")]
    # equal elements (the 1s of a bias reshape) move as little as they can
    ref = "out = out + self.b.reshape(1, C_out, 1, 1)"
    a = _line("permute_reshape", "out = out + self.b.reshape(1, 1, C_out, 1)", "s1")
    b = _line("partner_name", "out = out + self.b.reshape(1, C_in, 1, 1)", "s2")
    assert [f for _, f in square.combine_overlapping(ref, (0, len(ref)), a, b)] == \
        ["out = out + self.b.reshape(1, 1, C_in, 1)"]


def test_a_change_inside_the_part_another_keeps_is_combined():
    """cross_entropy's loss (seed 12): the division dropped (a classic mistake) and the minus dropped inside the
    part it keeps: `np.sum(...)`, in the reference's spelling (`1e-7`)."""
    ref = "loss = -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size"
    where = (7, len(ref))
    a = _part("mistake", "loss = -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7))", 7, "s1")
    b = _part("drop_negation", "loss = np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size", 7, "s2")
    assert [f for _, f in square.combine_overlapping(ref, where, a, b)] == \
        ["np.sum(np.log(y[np.arange(batch_size), t] + 1e-7))"]


def test_overlapping_changes_are_combined_only_as_two_mistakes():
    """Not combined: a sign flipped with the operands swapped (`mu + x`, the flip again); a call replaced by
    another with a reordering of the first's arguments (split_heads' reshape-only mistake beside a transpose
    reordered would mix one call's name with the other's arguments); a combination that leaves a bare name
    (`dx = dout` for the sigmoid's backward: nothing computed)."""
    ref = "xc = x - mu"
    assert square.combine_overlapping(ref, (5, len(ref)), _line("swap_operands", "xc = mu - x", "s1"),
                                      _line("flip_sign", "xc = x + mu", "s2")) == []
    ref = "return x.reshape(N, T, num_heads, D // num_heads).transpose(0, 2, 1, 3)"
    a = _line("permute_transpose", "return x.reshape(N, T, num_heads, D // num_heads).transpose(0, 2, 3, 1)", "s1")
    b = _line("mistake", "return x.reshape(N, num_heads, T, D // num_heads)", "s2")
    assert square.combine_overlapping(ref, (0, len(ref)), a, b) == []
    ref = "dx = dout * (1.0 - self.out) * self.out"
    a = _line("first_operand", "dx = dout * (1.0 - self.out)", "s1")
    b = _line("mistake", "dx = dout * self.out", "s2")
    assert square.combine_overlapping(ref, (0, len(ref)), a, b) == []


def test_two_swaps_in_one_argument_list_are_combined():
    """Two swaps of one call's arguments are a third order, not another consistent form (mfcc's stft_power)."""
    ref = "power = stft_power(x, n_fft, hop, hann(n_fft))"
    a = _line("swap_arguments", "power = stft_power(n_fft, x, hop, hann(n_fft))", "s1")
    b = _line("swap_arguments", "power = stft_power(x, hop, n_fft, hann(n_fft))", "s2")
    assert not square._consistent_swap(a[0], b[0], ref)
    assert square.tries([a, b], random.Random(0), ref, (0, len(ref)))


def test_a_blunt_distractor_pairs_only_after_the_conceptual_ones():
    """softmax_with_loss' dx (seed 13): the mean forgotten (the first operand kept) and a sign flipped inside it
    make a 2x2 set, tried after every pair of two conceptual distractors; never two blunt ones. (The operands
    swapped in the part kept, `self.t - self.y`, are ruled out by the swap's own rules, judged on the whole.)"""
    ref = "dx = (self.y - self.t) / batch_size"
    blunt = _line("first_operand", "dx = self.y - self.t", "s1")
    flip = _line("flip_sign", "dx = (self.y + self.t) / batch_size", "s2")
    swap = _line("swap_operands", "dx = (self.t - self.y) / batch_size", "s3")
    found = square.tries([blunt, flip, swap], random.Random(0), ref, (0, len(ref)))
    assert [t[3] for t in found] == ["dx = self.y + self.t"]
    assert square._pairs_in_order([blunt, flip, swap]) == [(1, 2), (0, 1), (0, 2)]
    assert square._pairs_in_order([blunt, _line("first_operand", "dx = self.y", "s4")]) == []


def test_a_set_that_would_leave_the_key_the_centre_is_not_graded():
    """vit_patchify's reshape (seed 12): either composition of the two reorderings leaves the key the closest
    option (its elements are of 1, 5 and 11 tokens), so no combination is graded."""
    ref = "return x.reshape(N, (H // P) * (W // P), C * P * P)"
    a = _line("permute_reshape", "return x.reshape((H // P) * (W // P), N, C * P * P)", "s1")
    b = _line("permute_reshape", "return x.reshape(N, C * P * P, (H // P) * (W // P))", "s2")
    assert square.combine_overlapping(ref, (0, len(ref)), a, b)
    grade = _grader()
    assert square.square([a, b], random.Random(0), ref, (0, len(ref)), grade) is None and grade.calls == []


def test_a_set_whose_key_is_the_farthest_option_is_not_graded():
    """upsample's dout.reshape (seed 11 on main b9389d8): two reorderings composed into a set whose key is the
    option farthest from the others (the opposite cue): not graded."""
    ref = "dx = dout.reshape(N, C, H_out // s, s, W_out // s, s)"
    a = _line("permute_reshape", "dx = dout.reshape(N, C, H_out // s, W_out // s, s, s)", "s1")
    b = _line("permute_reshape", "dx = dout.reshape(N, C, s, H_out // s, W_out // s, s)", "s2")
    made = [fill for _, fill in square.combine_overlapping(ref, (0, len(ref)), a, b)]
    assert "dx = dout.reshape(N, C, s, W_out // s, H_out // s, s)" in made
    assert square.farthest([ref, a[1], b[1], "dx = dout.reshape(N, C, s, W_out // s, H_out // s, s)"]) == [0]
    assert all(square.key_stands_out(ref, [a[1], b[1], fill]) for fill in made)
    assert square.tries([a, b], random.Random(0), ref, (0, len(ref))) == []


def test_two_value_mistakes_pair_before_a_shape_mistake():
    """A 2x2 set with a part that fails only by its shape offers two options the listing's shapes rule out (that
    part and the combination), leaving the key against one (the tenth examination): pairs of two value mistakes
    come first; a shape part pairs only after them."""
    shape = _line("axis", "s = np.sum(t, axis=0)", "s1")
    shape[0]["verdict"] = {"check": "shape", "en": "wrong shape"}
    flip = _line("flip_sign", "s = -np.sum(t, axis=2)", "s2")
    mean = _line("sum_mean", "s = np.mean(t, axis=2)", "s3")
    assert square._pairs_in_order([shape, flip, mean]) == [(1, 2), (0, 1), (0, 2)]
    assert square._pairs_in_order([flip, mean, shape]) == [(0, 1), (0, 2), (1, 2)]
