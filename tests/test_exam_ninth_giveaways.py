"""Give-aways of the ninth examination (issue 16, exports of seeds 11 and 13 of main d1a12f0,
/work/notes/final9), kind 4: names the listing defines and reads only in a blank, one option lacking each; a
partner line with a reshape after its value."""
from examprep.exam.giveaways import shows_partner
from examprep.exam.partners import partner_line_shown
from tests.test_exam_compose import _code_question
from tests.test_exam_eighth_giveaways import _power


def test_options_each_lacking_another_unread_name_give_the_key_away():
    """mfcc's power blank (seed 13 Q95): `np.ones(n_fft)` lacks hann, `n_fft` for the hop lacks hop, `hann(hop)`
    keeps both; two options are ruled out by "use every name" though no one name rules out two."""
    assert shows_partner(_power(["stft_power(x, n_fft, n_fft, hann(n_fft))",
                                 "stft_power(x, n_fft, hop, np.ones(n_fft))",
                                 "stft_power(x, n_fft, hop, hann(hop))"]))


def test_one_option_lacking_an_unread_name_gives_nothing_away():
    # only the rectangular window lacks a name (hann); the others keep hann and hop in other places
    assert not shows_partner(_power(["stft_power(x, hop, n_fft, hann(n_fft))",
                                     "stft_power(x, n_fft, hop, np.ones(n_fft))",
                                     "stft_power(x, n_fft, hop, hann(hop))"]))


UPSAMPLE = ("        y0 = np.floor(src_y).astype(int)\n"
            "        x0 = np.floor(src_x).astype(int)\n"
            "        ly = (src_y - y0).reshape(-1, 1)\n"
            "        ＿＿(う)＿＿\n")


def test_a_partner_line_with_a_reshape_after_its_value_gives_the_blank_away():
    """upsample's `ly = (src_y - y0).reshape(-1, 1)` above the blank `lx = src_x - x0` (seed 13 Q48): the mirror of
    the key is the shown line's value before its reshape."""
    assert partner_line_shown("lx = src_x - x0", UPSAMPLE)
    q = _code_question("lx = src_x - x0", ["lx = src_x", "lx = x0 - src_x", "lx = src_x + x0"], "(う)", UPSAMPLE)
    assert shows_partner(q)


def test_a_partner_line_of_another_value_gives_nothing_away():
    # the partner's value inside arithmetic, on another name, or a partner line of a short value
    for shown in ("ly = 1 - (src_y - y0).reshape(-1, 1)", "wy = (src_y - y0).reshape(-1, 1)",
                  "ly = (src_y - y1).reshape(-1, 1)"):
        assert not partner_line_shown("lx = src_x - x0", UPSAMPLE.replace("ly = (src_y - y0).reshape(-1, 1)", shown))
    assert not partner_line_shown("b = x + c", "        a = (y + c).reshape(-1, 1)\n        ＿＿(う)＿＿\n")


def test_a_blank_reshaping_its_partners_shown_value_is_given_away():
    """The other way round (main 97d64ac's seed 11 and 13 exports with the rule above): the blank `ly = (src_y -
    y0).reshape(-1, 1)` below the shown `lx = src_x - x0`, whose options flip the sign."""
    code = UPSAMPLE.replace("ly = (src_y - y0).reshape(-1, 1)", "lx = src_x - x0")
    assert partner_line_shown("ly = (src_y - y0).reshape(-1, 1)", code)
    assert not partner_line_shown("ly = (src_y - y0).reshape(-1, 1)", code.replace("src_x - x0", "src_x - x1"))


DEPTHWISE = ("    def forward(self, x):\n"
             "        col = ＿＿(あ)＿＿\n"
             "        col_W = self.W.reshape(C, FH * FW)\n\n"
             "    def backward(self, dout):\n"
             "        dcol = dout[:, :, np.newaxis] * self.col_W\n"
             "        dcol = dcol.reshape(-1, C * FH * FW)\n"
             "        dx = col2im(dcol, self.x_shape, FH, FW, self.stride, self.pad)\n")
COL = "im2col(x, FH, FW, self.stride, self.pad).reshape(-1, C, FH * FW)"
SHAPE = {"check": "exception", "en": "ValueError while running forward output (step 1)"}
VALUES = {"check": "values", "en": "forward output (step 1): wrong values"}


def _col(wrong, code=DEPTHWISE, key=COL):
    from examprep.exam.model import Option

    q = _code_question(key, [w for w, _ in wrong], code=code, problem="depthwise_conv")
    q.options = [q.options[0]] + [Option(w, False, verdict) for w, verdict in wrong]
    q.blank["template"] = "col = ＿＿(あ)＿＿"
    return q


def test_a_forward_split_whose_one_live_distractor_the_backward_merge_rules_out_is_given_away():
    """depthwise_conv's `col = im2col(...).reshape(-1, C, FH * FW)` (seed 11 Q23, seed 13 Q43 of main d1a12f0): two
    options fail by their shape, the third (`(-1, FH * FW, C)` transposed back) is ruled out by the backward's
    `dcol.reshape(-1, C * FH * FW)`, which merges the sizes in the key's order."""
    wrong = [(COL.replace("(-1, C, FH * FW)", "(-1, FH * FW, C)"), SHAPE),
             (COL.replace("(-1, C, FH * FW)", "(C, -1, FH * FW)"), SHAPE),
             (COL.replace("(-1, C, FH * FW)", "(-1, FH * FW, C).transpose(0, 2, 1)"), VALUES)]
    assert shows_partner(_col(wrong))


def test_a_live_distractor_the_merge_leaves_or_a_backward_blank_is_not_given_away():
    live = (COL.replace("(-1, C, FH * FW)", "(-1, FH * FW, C).transpose(0, 2, 1)"), VALUES)
    shape = [(COL.replace("(-1, C, FH * FW)", "(-1, FH * FW, C)"), SHAPE),
             (COL.replace("(-1, C, FH * FW)", "(C, -1, FH * FW)"), SHAPE)]
    # a second live option that keeps the split (another stride), a merge in another order, no merge shown
    assert not shows_partner(_col(shape[:1] + [live, (COL.replace("self.stride", "1"), VALUES)]))
    assert not shows_partner(_col(shape + [live], DEPTHWISE.replace("C * FH * FW", "FH * FW * C")))
    assert not shows_partner(_col(shape + [live], DEPTHWISE.replace("C * FH * FW", "-1")))
    # a backward blank splitting dout's rows beside a forward merge: deriving the backward is the question
    code = "        col = col.reshape(-1, C * FH * FW)\n        dcol = ＿＿(あ)＿＿\n"
    key = "dout.reshape(-1, C, FH * FW)"
    assert not shows_partner(_col([("dout.reshape(-1, FH * FW, C).transpose(0, 2, 1)", VALUES),
                                   ("dout.reshape(-1, FH * FW, C)", SHAPE), ("dout.reshape(C, -1, FH * FW)", SHAPE)],
                                  code, key))


GROUPED = ("        for g in range(self.groups):\n"
           "            col = ＿＿(あ)＿＿\n"
           "            col_W = self.W[g * Fg:(g + 1) * Fg].reshape(Fg, -1).T\n"
           "            outs.append(np.dot(col, col_W))\n\n"
           "    def backward(self, dout):\n"
           "        for g in range(self.groups):\n"
           "            dout_g = dout[:, g * Fg:(g + 1) * Fg]\n")
GROUP_COL = "col = im2col(x[:, g * Cg:(g + 1) * Cg], FH, FW, self.stride, self.pad)"


def test_a_group_block_slice_shown_on_another_array_gives_the_blank_away():
    """grouped_conv's `x[:, g * Cg:(g + 1) * Cg]` beside the shown `dout[:, g * Fg:(g + 1) * Fg]` (seed 11 Q35 of
    main d1a12f0): the first Cg channels, every groups-th channel and the two sizes mixed are all ruled out by the
    shown block of group g."""
    first, strided = (GROUP_COL.replace("g * Cg:(g + 1) * Cg", part) for part in (":Cg", "g::self.groups"))
    wrong = [first, strided, GROUP_COL.replace("g * Cg:", "g * Fg:")]
    assert shows_partner(_code_question(GROUP_COL, wrong, code=GROUPED))


def test_a_block_slice_of_another_form_or_options_keeping_it_give_nothing_away():
    first, strided = (GROUP_COL.replace("g * Cg:(g + 1) * Cg", part) for part in (":Cg", "g::self.groups"))
    wrong = [first, strided, GROUP_COL.replace("self.stride, self.pad", "self.pad, self.stride")]
    # the shown block written another way (g * Fg + Fg), or with other numbers (lstm's gate slices)
    assert not shows_partner(_code_question(GROUP_COL, wrong, code=GROUPED.replace("(g + 1) * Fg", "g * Fg + Fg")))
    gates = "        f = A[:, 2 * H:3 * H]\n        i = ＿＿(あ)＿＿\n"
    assert not shows_partner(_code_question("i = A[:, H:2 * H]", ["i = A[:, :H]", "i = A[:, H:]", "i = A[H:2 * H]"],
                                            code=gates))
    # only one option changes the slice
    wrong = [GROUP_COL.replace("g * Cg:(g + 1) * Cg", ":Cg"), GROUP_COL.replace("FH, FW", "FW, FH"),
             GROUP_COL.replace("self.stride, self.pad", "self.pad, self.stride")]
    assert not shows_partner(_code_question(GROUP_COL, wrong, code=GROUPED))


def test_a_group_block_slice_ruling_out_the_one_live_distractor_gives_the_blank_away():
    """grouped_conv's `col_W = self.W[g * Fg:(g + 1) * Fg].reshape(Fg, -1).T` (main 97d64ac + the rule above, seed
    11): the transpose dropped fails by its shape, every groups-th filter is the one live option, and the shown
    `dout[:, g * Fg:(g + 1) * Fg]` (or the blanked line's `self.dW[g * Fg:(g + 1) * Fg]`) rules it out."""
    from examprep.exam.model import Option

    key = "col_W = self.W[g * Fg:(g + 1) * Fg].reshape(Fg, -1).T"
    wrong = [(key.replace(".T", ""), SHAPE), (key.replace("g * Fg:(g + 1) * Fg", "g::self.groups"), VALUES),
             (key.replace("g * Fg:(g + 1) * Fg", "g::self.groups").replace(".T", ""), SHAPE)]
    code = GROUPED.replace("col_W = self.W[g * Fg:(g + 1) * Fg].reshape(Fg, -1).T", "＿＿(い)＿＿")
    q = _code_question(key, [w for w, _ in wrong], code=code)
    q.options = [q.options[0]] + [Option(w, False, verdict) for w, verdict in wrong]
    assert shows_partner(q)
    q.code = code.replace("dout[:, g * Fg:(g + 1) * Fg]", "dout[:, g::self.groups]")
    assert not shows_partner(q)
    q.code += "            self.dW[g * Fg:(g + 1) * Fg] = ＿＿(う)＿＿\n"
    assert shows_partner(q)
