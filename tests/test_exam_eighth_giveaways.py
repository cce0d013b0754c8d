"""Give-aways of the eighth examination (issue 16, exports of seeds 11 and 13 of main 538b1bb,
/work/notes/final8), kind 4: a name the listing defines and reads only in a blank; a gradient sum over a blank's
axes shown in another set's listing; a parameter's broadcast shape shown beside another one's."""
from examprep.exam import giveaways
from examprep.exam.giveaways import shows_partner
from tests.test_exam_compose import _code_question

MFCC = ("import numpy as np\n"
        "from reference.audio import hann, stft_power, mel_filterbank\n\n\n"
        "def preemphasis(x, alpha):\n"
        "    return ＿＿(あ)＿＿\n\n\n"
        "def mfcc(x, fs, n_fft, hop, n_filters, n_mfcc, alpha):\n"
        "    x = preemphasis(x, alpha)\n"
        "    power = ＿＿(い)＿＿\n"
        "    mel = ＿＿(う)＿＿\n"
        "    log_mel = np.log(mel + 1e-10)\n"
        "    return log_mel @ dct.T\n")
POWER = "stft_power(x, n_fft, hop, hann(n_fft))"


def _power(wrong, code=MFCC):
    q = _code_question(POWER, wrong, "(い)", code)
    q.blank["template"] = "power = ＿＿(い)＿＿"
    return q


def test_a_name_defined_and_read_only_by_the_key_gives_it_away():
    """mfcc's `hann` (imported) and `hop` (a parameter), read by the power blank only (seed 13 Q88): every option
    without them is ruled out; transformer_block's `dx_kv`, assigned and read only by the blank `dx = ds1 + dx_q +
    dx_kv` (main ce8017e, seed 11 Q57, whose options `ds2 + dx_q` and `ds1 + dx_q` lacked it)."""
    assert shows_partner(_power(["stft_power(x, n_fft, n_fft, np.ones(n_fft))", "stft_power(x, n_fft, n_fft, "
                                 "hann(n_fft))", "stft_power(x, n_fft, hop, np.ones(n_fft))"]))
    code = ("    dx_q, dx_kv = self.attention.backward(ds1)\n"
            "    ＿＿(あ)＿＿\n"
            "    return dx\n")
    assert shows_partner(_code_question("dx = ds1 + dx_q + dx_kv", ["dx = ds2 + dx_q", "dx = ds1 + dx_q",
                                                                    "dx = ds2 + dx_q + dx_kv"], code=code))


def test_a_name_read_elsewhere_or_kept_by_the_options_gives_nothing_away():
    # one option without the name is a fair slip; a name another line reads; a name no line defines
    assert not shows_partner(_power(["stft_power(x, n_fft, n_fft, hann(n_fft))", "stft_power(x, hop, n_fft, "
                                     "hann(n_fft))", "stft_power(x, hop, hop, hann(n_fft))"]))
    wrong = ["stft_power(x, n_fft, n_fft, np.ones(n_fft))", "stft_power(x, n_fft, n_fft, hann(n_fft))",
             "stft_power(x, n_fft, hop, np.ones(n_fft))"]
    read = MFCC.replace("    return log_mel @ dct.T\n", "    frames = len(x) // hop\n    w = hann(n_fft)\n"
                        "    return log_mel @ dct.T\n")
    assert not shows_partner(_power(wrong, read))
    assert not shows_partner(_power(wrong, "power = ＿＿(い)＿＿\n"))


TRANSPOSED_CONV = ("    def backward(self, dout):\n"
                   "        self.db = np.sum(dout, axis=(0, 2, 3))\n"
                   "        dcol = ＿＿(あ)＿＿\n")
DGAMMA = ("self.dgamma = np.sum(self.xn * dout, axis=(0, 2, 3))",
          ["self.dgamma = np.sum(self.xn * dout)", "self.dgamma = np.mean(self.xn * dout, axis=(0, 2, 3))",
           "self.dgamma = np.mean(self.xn * dout)"])


def test_a_gradient_sum_over_the_blanks_axes_in_another_listing_gives_it_away():
    """transposed_conv's listing shows `self.db = np.sum(dout, axis=(0, 2, 3))` while group_norm's blank dgamma sums
    over those axes against a mean and no axes (seed 11 Q43/Q74 of main 538b1bb, kind 4): the later blank is left
    out, and a later listing showing an earlier blank's sum counts too (hidden_for_earlier hides that line)."""
    earlier = _code_question("x_row", ["x"], code=TRANSPOSED_CONV, problem="transposed_conv")
    dgamma = _code_question(*DGAMMA, code="＿＿(あ)＿＿\n", problem="group_norm")
    assert giveaways.shows_statement_elsewhere(dgamma, [earlier])
    assert giveaways.shows_earlier_statement([dgamma], TRANSPOSED_CONV)


def test_a_sum_over_other_axes_or_a_forward_reduction_elsewhere_gives_nothing_away():
    dgamma = _code_question(*DGAMMA, code="＿＿(あ)＿＿\n", problem="group_norm")
    for line in ("        self.db = np.sum(dout, axis=0)\n",             # other axes
                 "        s = np.sum(t, axis=(0, 2, 3))\n",             # a forward sum
                 "        self.db = np.mean(dout, axis=(0, 2, 3))\n"):  # not a sum
        assert not giveaways.shows_statement_elsewhere(
            dgamma, [_code_question("x_row", ["x"], code=line + "        ＿＿(あ)＿＿\n", problem="other")])
    # options that change only the summed array ask no axes
    operand = _code_question("self.dgamma = np.sum(self.xn * dout, axis=(0, 2, 3))",
                             ["self.dgamma = np.sum(dout, axis=(0, 2, 3))", "self.dgamma = np.sum(self.xc * dout, "
                              "axis=(0, 2, 3))"], problem="group_norm")
    assert not giveaways.shows_earlier_statement([operand], TRANSPOSED_CONV)


GN_OUT = "out = self.gamma.reshape(1, C, 1, 1) * self.xn + self.beta.reshape(1, C, 1, 1)"


def _beta(shape):
    return GN_OUT.replace("beta.reshape(1, C, 1, 1)", f"beta.reshape({shape})")


def test_a_parameters_broadcast_shape_shown_beside_another_gives_it_away():
    """group_norm's whole forward line against beta reshaped to (1, 1, C, 1) and (C, 1, 1, 1) beside gamma's (1, C,
    1, 1) in the option itself (main 5c17dbb's export of seed 13, Q51); a listing line showing the shape counts too."""
    assert shows_partner(_code_question(GN_OUT, [_beta("1, 1, C, 1"), "out = self.gamma.reshape(1, C, 1, 1) * self.xn",
                                                 _beta("C, 1, 1, 1")]))
    bias = ("out = out + self.b.reshape(1, C_out, 1, 1)", ["out = out + self.b.reshape(C_out, 1, 1, 1)",
                                                           "out = out + self.b.reshape(C_in, 1, 1, 1)"])
    assert shows_partner(_code_question(*bias, code="y = self.gamma.reshape(1, C, 1, 1) * x\n＿＿(あ)＿＿\n"))


BIAS = ("out = out + self.b.reshape(1, C_out, 1, 1)", ["out = out + self.b.reshape(C_out, 1, 1, 1)",
                                                       "out = out + self.b.reshape(1, 1, C_out, 1)"])


def test_a_broadcast_shape_in_another_listing_gives_it_away():
    """transposed_conv's bias blank `self.b.reshape(1, C_out, 1, 1)` against (C_out, 1, 1, 1) and (1, 1, C_out, 1)
    while group_norm's listing shows `self.gamma.reshape(1, C, 1, 1)` (seeds 11 and 12 of main 5c17dbb): a later
    blank is left out, and a later listing showing an earlier blank's shape, in forward and in backward, has both
    lines hidden (code_walk.hidden_for_earlier, up to MAX_HIDDEN lines)."""
    from examprep.exam import code_walk
    from examprep.exam.code.questions import plain_listing
    from examprep.hole import holes
    from examprep.problem import catalog

    group_norm = catalog.get("group_norm")
    earlier = _code_question("x", ["a", "b", "c"], code=plain_listing(group_norm), problem="group_norm")
    bias = _code_question(*BIAS, code="＿＿(あ)＿＿\n", problem="transposed_conv")
    assert giveaways.shows_statement_elsewhere(bias, [earlier])
    assert giveaways.shows_earlier_statement([bias], plain_listing(group_norm))
    shown = tuple(c.index for c in holes.candidates(group_norm) if "gamma.reshape(1, C, 1, 1)" in c.text)
    assert len(shown) == 2 and code_walk.hidden_for_earlier(group_norm, [bias]) == shown


def test_a_broadcast_shape_elsewhere_not_the_keys_or_not_ruled_out_gives_nothing_away():
    bias = _code_question(*BIAS, code="＿＿(あ)＿＿\n", problem="transposed_conv")
    for line in ("        y = x + self.b.reshape(1, 1, 1, C)\n",     # another broadcast shape
                 "        y = x * self.gamma.reshape(C, -1)\n"):     # no broadcast shape (not all 1 but one)
        assert not giveaways.shows_statement_elsewhere(
            bias, [_code_question("x", ["a"], code=line + "        ＿＿(あ)＿＿\n", problem="other")])
    # one wrong option of another shape only (the other keeps the shape with another name)
    named = _code_question(BIAS[0], ["out = out + self.b.reshape(C_out, 1, 1, 1)",
                                     "out = out + self.b.reshape(1, C_in, 1, 1)"], problem="transposed_conv")
    assert not giveaways.shows_earlier_statement([named], "y = self.gamma.reshape(1, C, 1, 1) * x\n")


def test_a_broadcast_shape_not_shown_or_kept_by_the_options_gives_nothing_away():
    # another name in the key's shape, the term dropped; a bias's shape no other line shows
    assert not shows_partner(_code_question(GN_OUT, [_beta("1, self.G, 1, 1"), _beta("1, C_in, 1, 1"),
                                                     "out = self.gamma.reshape(1, C, 1, 1) * self.xn"]))
    assert not shows_partner(_code_question("out = out + self.b.reshape(1, C_out, 1, 1)",
                                            ["out = out + self.b.reshape(C_out, 1, 1, 1)",
                                             "out = out + self.b.reshape(C_in, 1, 1, 1)"]))
