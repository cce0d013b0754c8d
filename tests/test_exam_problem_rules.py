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
