"""Distractors ruled out by what the problem's listing shows and which conventions its drill accepts
(examprep.exam.code.problem_rules; a fourth examination of issue 16's exports)."""
from examprep.exam.code import curated, problem_rules
from examprep.hole import holes, mutants
from examprep.problem import catalog


def _ruled_out(problem_id):
    """{(operator, mutated statement)} that the rules rule out, and all of the problem's mutants."""
    problem = catalog.get(problem_id)
    cands = holes.candidates(problem)
    muts = curated.with_mistakes(problem, cands, mutants.mutants_for(problem, cands))
    out = problem_rules.not_offered(problem, muts)
    return {(muts[i].operator, muts[i].text.strip()) for i in out}, {(m.operator, m.text.strip()) for m in muts}


def test_an_unshown_helpers_argument_order_is_not_offered():
    """mfcc imports mel_filterbank and stft_power: their argument order is not in the listing (librosa's differs)."""
    out, every = _ruled_out("mfcc")
    assert ("swap_arguments", "mel = power @ mel_filterbank(n_filters, fs, n_fft).T") in out
    assert ("swap_arguments", "power = stft_power(x, n_fft, hann(n_fft), hop)") in out
    kept = [m for m in every - out if m[1].startswith("mel = ") and m[0] != "swap_arguments"]
    assert kept   # the helper's other mutants (a transpose dropped, operands swapped) stay


def test_the_books_functions_keep_their_argument_orders():
    """im2col(input_data, filter_h, filter_w, stride, pad) is the book's: a swap there stays a question."""
    out, every = _ruled_out("transposed_conv")
    swaps = {m for m in every if m[0] == "swap_arguments" and "im2col(" in m[1]}
    assert swaps and not swaps & out


def test_an_expression_the_problem_names_is_not_offered():
    """ordinal_encoding's `np.arange(K + 1)`: the listing's decoder counts p > 0.5 over any number of columns, so
    K + 1 thresholds decode as K - 1 do (seed 11 Q49 of the sixth examination); its data names it
    (`exam_not_offered:`). The line's everyday mistakes stay."""
    out, every = _ruled_out("ordinal_encoding")
    plus = ("flip_sign", "return (y[:, np.newaxis] > np.arange(K + 1)).astype(np.float64)")
    assert plus in every and plus in out
    assert ("mistake", "return (y[:, np.newaxis] >= np.arange(K - 1)).astype(np.float64)") not in out
    assert ("compare_flip", "return (y[:, np.newaxis] < np.arange(K - 1)).astype(np.float64)") not in out
    assert not [m for m in out if "K - 1" in m[1]]


def test_an_argument_order_the_listings_own_definition_shows_is_not_offered():
    """time_bilstm's `def __init__(self, Wx1, Wh1, b1, Wx2, Wh2, b2, stateful=False)` shows the order of
    `TimeLSTM(Wx1, Wh1, b1, stateful)` (seventh examination: seed 11 Q58, seed 13 Q57, options that only permute it)."""
    out, every = _ruled_out("time_bilstm")
    swaps = {m for m in every if m[0] == "swap_arguments" and "TimeLSTM(" in m[1]}
    assert ("swap_arguments", "self.forward_lstm = TimeLSTM(Wx1, b1, Wh1, stateful)") in swaps
    assert swaps <= out


def test_an_argument_order_no_definition_shows_stays():
    """transposed_conv calls the book's col2im and im2col with arguments its own definitions do not take in that
    order; anchor_generation's `np.meshgrid(scales, ratios, indexing='ij')` takes NumPy's order, whatever the
    listing's parameters."""
    for pid, called in [("transposed_conv", "im2col("), ("anchor_generation", "np.meshgrid(")]:
        out, every = _ruled_out(pid)
        swaps = {m for m in every if m[0] == "swap_arguments" and called in m[1]}
        assert swaps and not swaps & out, pid


def test_a_convention_the_drill_accepts_is_not_offered():
    """lp_pool's GeM, the mean over the window, is the problem's power_mean convention."""
    out, every = _ruled_out("lp_pool")
    gem = ("sum_mean", "out = np.mean(np.abs(col) ** self.p, axis=1) ** (1 / self.p)")
    assert gem in every and gem in out
    assert ("axis", "out = np.sum(np.abs(col) ** self.p, axis=0) ** (1 / self.p)") not in out


def test_the_ordinal_title_does_not_state_the_count_its_blank_asks():
    """ordinal_encoding's key `y[:, np.newaxis] > np.arange(K - 1)` against a title that said "K − 1 binary
    tasks": the title answered the count and ruled out `np.arange(K + 1)` on sight (a fourth examination)."""
    title = catalog.get("ordinal_encoding").title
    assert "K" not in title["ja"] and "K" not in title["en"]


def test_the_repeat_title_states_the_input_shape_its_blanks_depend_on():
    """comp_graph_nodes' Repeat: `np.repeat(x, self.N, axis=0)` and `np.sum(dout, axis=0, keepdims=True)` are right
    only for a row x of shape (1, D), which the listing (docstrings stripped) does not show; a column x would take
    axis=1, and a 1-d x no keepdims (a fifth examination: not answerable). The title states the shape."""
    title = catalog.get("comp_graph_nodes").title
    assert "(1, D)" in title["ja"] and "(1, D)" in title["en"]


def test_a_statistic_added_to_its_own_array_is_not_offered():
    """layernorm's `xc = x + mu` (mu = np.mean(x, ...)), group_norm's `xg + mu` and upsample's `lx = src_x + x0`
    (x0 = np.floor(src_x)): centring by adding the mean, which no one writes (ninth examination, seed 13 Q35 / Q48,
    seed 11 Q56). The operands swapped, the statistic left out and a sign flipped elsewhere stay."""
    for pid, added, kept in [("layernorm", "xc = x + mu", ["xc = mu - x", "xc = x"]),
                             ("group_norm", "xc = xg + mu", ["xc = mu - xg", "xc = xg"]),
                             ("upsample", "lx = src_x + x0", ["lx = x0 - src_x", "lx = src_x"])]:
        out, every = _ruled_out(pid)
        assert ("flip_sign", added) in every and ("flip_sign", added) in out, pid
        for text in kept:
            assert text in {m[1] for m in every} and text not in {m[1] for m in out}, (pid, text)
    # a sum of a value and a statistic of another array is not judged (batchnorm's backward dxc + dmu-like sums)
    statistics = problem_rules._statistics("mu = x.mean(axis=0)\nm = np.max(h, axis=1)\n")
    from examprep.exam.code.blanks import statement
    assert problem_rules._statistic_added(statement("d = y - mu"), statement("d = y + mu"), statistics) is False
    assert problem_rules._statistic_added(statement("d = x - m"), statement("d = x + m"), statistics) is False
    assert problem_rules._statistic_added(statement("d = h - m"), statement("d = h + m"), statistics) is True
    assert problem_rules._statistic_added(statement("e = x - np.max(x, axis=1, keepdims=True)"),
                                          statement("e = x + np.max(x, axis=1, keepdims=True)"), frozenset())
    # a backward formula's sign stays (layernorm's dxn + np.mean(dxn, ...))
    assert not problem_rules._statistic_added(statement("d = dxn - np.mean(dxn, axis=-1)"),
                                              statement("d = dxn + np.mean(dxn, axis=-1)"), frozenset())


def test_index_slips_the_problem_names_are_not_offered():
    """mfcc's `np.append(x[1], ...)` and `np.append(x[1:] - alpha * x[:-1], x[0])` (seed 13 Q94), uncertainty
    sampling's `-(p_sorted[:, 0] - p_sorted[:, -2])` and `[:k - 1]` (seed 11 Q90 / Q91): slips no learner makes,
    named in the problems' `exam_not_offered:`. The lines' real mistakes stay."""
    out, every = _ruled_out("mfcc")
    for text in ["return np.append(x[1], x[1:] - alpha * x[:-1])", "return np.append(x[1:] - alpha * x[:-1], x[0])"]:
        assert text in {m[1] for m in out}
    assert {"return np.append(x[:-1] - alpha * x[1:], x[-1])", "return np.append(x[0], x[1:] + alpha * x[:-1])"} \
        <= {m[1] for m in every - out}
    out, every = _ruled_out("uncertainty_sampling")
    assert {"score = -(p_sorted[:, 0] - p_sorted[:, -2])", "return np.argsort(-score)[:k - 1]"} <= {m[1] for m in out}
    assert {"score = -(p_sorted[:, -2] - p_sorted[:, -1])", "return np.argsort(score)[:k]"} \
        <= {m[1] for m in every - out}


def test_a_slip_no_learner_makes_is_not_offered_among_the_classic_mistakes():
    """upsample's nearest_spreads_mass (`... / self.scale ** 2`, seed 11 Q40): the drill keeps it, the exam offers
    np.tile, the line's real mistake."""
    out, every = _ruled_out("upsample")
    texts = {m[1] for m in every}
    assert not [t for t in texts if "/ self.scale ** 2" in t]
    assert "out = np.tile(x, (1, 1, self.scale, self.scale))" in texts


def test_the_examinations_named_expressions_are_not_offered():
    """The eleventh to thirteenth examinations' `exam_not_offered:` entries each rule out a real mutant of their
    problem, and the line's other mistakes stay: group_norm's instance-norm reshape and mismatched beta,
    transposed_conv's layout-free dW reshape, grouped_conv's Fg / Cg swaps, transformer_block's residual-free sum,
    flow_affine_coupling's backward slips that mirror its forward's."""
    for problem_id, named, kept in [
            ("group_norm", ["x.reshape(N, C, -1)", "self.beta.reshape(C, 1, 1, 1)"], "x.reshape(N, -1, self.G)"),
            ("transposed_conv", ["reshape(C_in, FH, C_out, FW)"], "np.dot(dcol.T, self.x_row).reshape(C_in, C_out"),
            ("grouped_conv", ["dW_g.T.reshape(Cg, Cg, FH, FW)", "dW_g.T.reshape(Cg, Fg, FH, FW)"], "dW_g.reshape("),
            ("transformer_block", ["= dx_q + dx_kv"], "ds2 + dx_q + dx_kv"),
            ("flow_affine_coupling", ["- dlogdet[:, None]", "dlogdet[:, None] * exp_s"], "ds = dy2 * x2 * exp_s\n"),
            ("nesterov", ["-self.lr * v_prev"], "self.momentum * v_prev + (1 + self.momentum)"),
            ("mu_law", ["np.log10(1 + mu * np.abs(x))"], "np.log1p(mu * np.abs(x))\n"),
            ("sampling_decode", ["= np.sort(logits)\n"], "np.sort(logits)[top_k"),
            ("logsumexp", ["np.mean(np.exp(x - m)", "np.exp(m - x)"], "np.max(x, axis=axis"),
            ("causal_conv1d", ["k * k"], "k * d + 1:k * d + T")]:
        out, every = _ruled_out(problem_id)
        texts = {text + "\n" for _, text in out}
        for expression in named:
            assert any(expression in t for t in texts), (problem_id, expression)
        assert any(kept in text + "\n" for _, text in every - out), (problem_id, kept)
