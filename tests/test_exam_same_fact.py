"""same_fact's chain steps and a problem's own partner names (issue 16, final re-grade 3: facts6)."""
from types import SimpleNamespace

from examprep.exam import ends, same_fact


def _q(line, answer, problem=None, wrong=()):
    """A code question whose blank is `answer` in `line`."""
    template = line.replace(answer, "＿＿", 1)
    options = [SimpleNamespace(text=answer, correct=True)] + [SimpleNamespace(text=w, correct=False) for w in wrong]
    return SimpleNamespace(answer=answer, code=template, problem=problem, options=options,
                           blank={"template": template, "marker": "＿＿", "candidate": 0})


def test_keys_sharing_a_chain_step_ask_one_fact():
    split = _q("return x.reshape(N, T, num_heads, D // num_heads).transpose(0, 2, 1, 3)",
               "x.reshape(N, T, num_heads, D // num_heads).transpose(0, 2, 1, 3)")
    merge = _q("x = x.transpose(0, 2, 1, 3).reshape(N, T, h * d_k)", "x.transpose(0, 2, 1, 3).reshape(N, T, h * d_k)")
    assert same_fact.same_fact(split, merge) and same_fact.same_fact(merge, split)
    # the key begins the chain of its line: the step after the blank counts (transposed_conv's dx = ＿＿.transpose)
    pooled = _q("out = out.reshape(N, out_h, out_w, C).transpose(0, 3, 1, 2)",
                "out.reshape(N, out_h, out_w, C).transpose(0, 3, 1, 2)")
    begun = _q("dx = dx.reshape(N, H, W, C_in).transpose(0, 3, 1, 2)", "dx.reshape(N, H, W, C_in)")
    assert same_fact.same_fact(pooled, begun)


def test_a_chain_step_is_no_fact_otherwise():
    pooled = _q("out = out.reshape(N, out_h, out_w, C).transpose(0, 3, 1, 2)",
                "out.reshape(N, out_h, out_w, C).transpose(0, 3, 1, 2)")
    # another permutation, a chain on an expression, one call alone, a step too short to be a fact
    other = _q("x = x.reshape(N, H, W, C).transpose(0, 2, 3, 1)", "x.reshape(N, H, W, C).transpose(0, 2, 3, 1)")
    on_expression = _q("y = (a + b).reshape(N, H, W, C).transpose(0, 3, 1, 2)",
                       "(a + b).reshape(N, H, W, C).transpose(0, 3, 1, 2)")
    short = _q("y = a.T.reshape(N, -1)", "a.T.reshape(N, -1)")
    shorter = _q("z = a.T.reshape(M, -1)", "a.T.reshape(M, -1)")
    assert not same_fact.same_fact(pooled, other)
    assert not same_fact.same_fact(pooled, on_expression)
    assert not same_fact.same_fact(short, shorter)
    # a key inside an argument of the chain is not in it (the blank C asks no transpose)
    inner = _q("dx = dx.reshape(N, H, W, C_in * k).transpose(0, 3, 1, 2)", "C_in * k")
    assert not same_fact.same_fact(pooled, inner)


def test_a_problems_own_partners_mirror_its_keys():
    # dilated_conv's mutant_partners: [H, W], [FH, FW], [FH_d, FW_d], ... swapped all at once
    height = _q("out_h = (H + 2 * self.pad - FH_d) // self.stride + 1", "H + 2 * self.pad - FH_d",
                problem="dilated_conv")
    width = _q("out_w = (W + 2 * self.pad - FW_d) // self.stride + 1",
               "out_w = (W + 2 * self.pad - FW_d) // self.stride + 1", problem="dilated_conv")
    width.blank["template"] = "＿＿"
    assert same_fact.same_fact(height, width) and same_fact.mirrored(height, width)
    # without the problem's partners the two are not one fact (FH_d is no global partner name)
    assert not same_fact.same_fact(_q(height.blank["template"].replace("＿＿", height.answer), height.answer),
                                   SimpleNamespace(**{**vars(width), "problem": None}))


def test_complementary_keys_of_one_set_ask_one_fact():
    # positional_encoding, seed 11 (Q57/Q58, final re-grade 5): sin on the even columns, cos on the odd ones
    sin = _q("pe[:, 0::2] = np.sin(angle)", "0::2", "positional_encoding", wrong=("0:", "1::2", "-1::2"))
    cos = _q("pe[:, 1::2] = np.cos(angle)", ":, 1::2", "positional_encoding", wrong=(":, 1:", ":, 0::2", ":, 2::2"))
    assert same_fact.complementary(cos, sin) and same_fact.complementary(sin, cos)
    assert not same_fact.same_fact(cos, sin)   # not across sets: only one set asks both
    cos.blank["candidate"] = 1
    # both lines are left out: either alone would show the other (the final examination of this session found
    # `pe[:, 1::2] = np.cos(angle)` shown beside the blank `0::2` in seeds 11 and 13 when only the second was)
    assert same_fact.renamed_twins([sin, cos]) == {0, 1}
    # keys differing only in numbers, on the side their options change
    even = _q("pe[:, 0::2] = np.sin(angle)", "0::2", wrong=("0:",))
    odd = _q("pe[:, 1::2] = np.cos(angle)", ":, 1::2", wrong=(":, 1:",))
    assert same_fact.complementary(even, odd)


def test_keys_on_other_sides_or_other_names_are_not_complementary():
    sin = _q("pe[:, 0::2] = np.sin(angle)", "0::2", wrong=("0:", "1::2"))
    # the options change the value, not the target
    value = _q("pe[:, 1::2] = np.cos(angle)", "np.cos(angle)", wrong=("np.sin(angle)", "np.tan(angle)"))
    assert not same_fact.complementary(sin, value)
    # another array's slice with another step
    other = _q("h[:, 0:H] = np.tanh(a)", "0:H", wrong=("H:", ":"))
    assert not same_fact.complementary(sin, other)


def test_argmax_and_max_over_one_axis_ask_one_fact():
    # max_pooling, seed 13 (Q62/Q63, final re-grade 5)
    arg = _q("arg_max = np.argmax(col, axis=1)", "np.argmax(col, axis=1)",
             wrong=("np.argmin(col, axis=1)", "np.argmax(col, axis=0)"))
    top = _q("out = np.max(col, axis=1)", "out = np.max(col, axis=1)", wrong=("out = np.min(col, axis=1)",))
    top.blank["template"] = "＿＿"
    assert same_fact.same_fact(arg, top) and same_fact.same_fact(top, arg)
    # another axis or another array is another fact
    other = _q("out = np.max(col, axis=0)", "np.max(col, axis=0)", wrong=("np.min(col, axis=0)",))
    assert not same_fact.same_fact(arg, other)


def test_one_reduction_over_one_axis_asked_twice_is_one_fact():
    # rnn_cell's db and Repeat's backward, seed 11 Q49/Q69 and seed 13 Q61/Q67 (final re-grade 5)
    db = _q("db = np.sum(dt, axis=0)", "np.sum(dt, axis=0)", wrong=("np.mean(dt)", "np.sum(dt)", "np.mean(dt, axis=0)"))
    dx = _q("dx = np.sum(dout, axis=0, keepdims=True)", "np.sum(dout, axis=0, keepdims=True)",
            wrong=("np.sum(dout, axis=1, keepdims=True)", "np.sum(dout, axis=0)"))
    assert same_fact.same_fact(db, dx) and same_fact.same_fact(dx, db)
    # options that change only the summed array; a reduction of an expression whose options only drop the axis;
    # another axis, a fact of its own until the eighth examination (a parameter's gradient over the batch axis and
    # others is one fact now: the next test)
    conv = _q("self.db = np.sum(dout, axis=(0, 2, 3))", "np.sum(dout, axis=(0, 2, 3))",
              wrong=("np.sum(dout, axis=0)", "np.mean(dout, axis=(0, 2, 3))"))
    operand_only = _q("db = np.sum(dt, axis=0)", "np.sum(dt, axis=0)", wrong=("np.sum(dh, axis=0)",))
    product = _q("dg = np.sum(xn * dout, axis=0)", "np.sum(xn * dout, axis=0)", wrong=("np.sum(xn * dout)",))
    assert same_fact.same_fact(db, conv)
    assert not same_fact.same_fact(operand_only, dx)
    assert not same_fact.same_fact(product, db)


def test_a_sum_against_its_mean_over_the_same_axes_is_one_fact_whatever_it_sums():
    # seed 11 Q43/Q74 (final examination 7): transposed_conv's db and group_norm's dgamma, both against
    # {np.sum, np.mean} x {axis=(0, 2, 3), no axis}
    db = _q("self.db = np.sum(dout, axis=(0, 2, 3))", "self.db = np.sum(dout, axis=(0, 2, 3))",
            wrong=("self.db = np.mean(dout, axis=(0, 2, 3))", "self.db = np.sum(dout)", "self.db = np.mean(dout)"))
    db.blank["template"] = "＿＿"
    dgamma = _q("self.dgamma = np.sum(self.xn * dout, axis=(0, 2, 3))", "np.sum(self.xn * dout, axis=(0, 2, 3))",
                wrong=("np.mean(self.xn * dout, axis=(0, 2, 3))", "np.mean(self.xn * dout)",
                       "np.sum(self.xn * dout)"))
    assert same_fact.same_fact(db, dgamma) and same_fact.same_fact(dgamma, db)
    # seed 13 Q30/Q31/Q43: layernorm's dbeta and dgamma (one set) and pointwise_conv's db, sums over axis 0
    dbeta = _q("self.dbeta = dout.reshape(-1, D).sum(axis=0)", "dout.reshape(-1, D).sum(axis=0)", "layernorm",
               wrong=("dout.reshape(-1, D).sum(axis=1)", "dout.reshape(-1, D).mean(axis=0)",
                      "dout.reshape(-1, D).mean(axis=1)"))
    dgamma_ln = _q("self.dgamma = (dout * self.xn).reshape(-1, D).sum(axis=0)",
                   "(dout * self.xn).reshape(-1, D).sum(axis=0)", "layernorm",
                   wrong=("(dout * self.xn).reshape(-1, D).mean(axis=0)", "(dout * self.xn).reshape(-1, D).mean()",
                          "(dout * self.xn).reshape(-1, D).sum()"))
    dgamma_ln.blank["candidate"] = 1
    pointwise = _q("self.db = np.sum(dout, axis=0)", "np.sum(dout, axis=0)",
                   wrong=("np.mean(dout, axis=1)", "np.sum(dout, axis=1)", "np.mean(dout, axis=0)"))
    assert same_fact.same_fact(dgamma_ln, dbeta) and same_fact.same_fact(pointwise, dbeta)
    assert same_fact.renamed_twins([dbeta, dgamma_ln]) == {1}
    # not flagged: seed 11 Q36's axis=0 against (0, 2, 3); seed 13 Q36/Q54, ordinal_encoding's count of thresholds
    # passed (options only drop the axis) and attention_weight's dh, both over axis 1
    rnn_db = _q("db = np.sum(dt, axis=0)", "np.sum(dt, axis=0)",
                wrong=("np.mean(dt)", "np.sum(dt)", "np.mean(dt, axis=0)"))
    ordinal = _q("return np.sum(p > 0.5, axis=1)", "return np.sum(p > 0.5, axis=1)",
                 wrong=("return np.sum(p, axis=1)", "return np.sum(p)", "return np.sum(p > 0.5)"))
    ordinal.blank["template"] = "＿＿"
    dh = _q("dh = np.sum(dhr, axis=1)", "dh = np.sum(dhr, axis=1)",
            wrong=("dh = np.mean(dhr)", "dh = np.mean(dhr, axis=1)", "dh = np.sum(dhr)"))
    dh.blank["template"] = "＿＿"
    assert not same_fact.same_fact(ordinal, dh) and not same_fact.same_fact(dh, ordinal)


def _bias_sums():
    """rnn_cell's db over axis 0 and vit_patch_embed's over (0, 1), each against {np.sum, np.mean} x {the axes, none}."""
    rnn_db = _q("db = np.sum(dt, axis=0)", "np.sum(dt, axis=0)",
                wrong=("np.mean(dt)", "np.sum(dt)", "np.mean(dt, axis=0)"))
    vit_db = _q("self.db = np.sum(dtokens, axis=(0, 1))", "self.db = np.sum(dtokens, axis=(0, 1))",
                wrong=("self.db = np.mean(dtokens)", "self.db = np.mean(dtokens, axis=(0, 1))",
                       "self.db = np.sum(dtokens)"))
    vit_db.blank["template"] = "＿＿"
    return rnn_db, vit_db


def test_a_parameter_gradient_summed_over_the_batch_is_one_fact_whatever_the_other_axes():
    # eighth examination (main 538b1bb), kind 5: rnn_cell's db over axis 0 beside vit_patch_embed's db (seed 11
    # Q36/Q77), beside conv2d_naive's db over (0, 2, 3) (seed 13 Q54/Q71); main ce8017e's exports still ask them
    # (seed 11 Q75/Q77, seed 13 Q62/Q64)
    rnn_db, vit_db = _bias_sums()
    conv_db = _q("self.db = np.sum(dout, axis=(0, 2, 3))", "np.sum(dout, axis=(0, 2, 3))",
                 wrong=("np.mean(dout, axis=(0, 2, 3))", "np.mean(dout, axis=0)", "np.sum(dout, axis=0)"))
    for a, b in [(rnn_db, vit_db), (conv_db, vit_db), (rnn_db, conv_db)]:
        assert same_fact.same_fact(a, b) and same_fact.same_fact(b, a)
    # not flagged: a gradient summed over another axis than the batch's (attention_weight's dh over time,
    # upsample's dx over each block), a forward sum (the context vector), a gradient's sum whose options change
    # only the summed array
    dh = _q("dh = np.sum(dhr, axis=1)", "np.sum(dhr, axis=1)",
            wrong=("np.sum(dhr, axis=0)", "np.mean(dhr, axis=0)", "np.mean(dhr, axis=1)"))
    upsample = _q("dx = dout.reshape(N, C, H_out // s, s, W_out // s, s).sum(axis=(3, 5))",
                  "dout.reshape(N, C, H_out // s, s, W_out // s, s).sum(axis=(3, 5))",
                  wrong=("dout.reshape(N, C, H_out // s, s, W_out // s, s).mean()",
                         "dout.reshape(N, C, H_out // s, s, W_out // s, s).mean(axis=(3, 5))"))
    context = _q("c = np.sum(t, axis=0)", "np.sum(t, axis=0)", wrong=("np.mean(t, axis=0)", "np.sum(t)"))
    operand_only = _q("db = np.sum(dt, axis=0)", "np.sum(dt, axis=0)", wrong=("np.sum(dh, axis=0)",))
    for other in (dh, upsample, context, operand_only):
        assert not same_fact.same_fact(other, conv_db) and not same_fact.same_fact(conv_db, other)


def test_a_scale_gradient_summed_over_the_batch_is_the_bias_fact():
    # eighth examination (main 538b1bb), kind 5 medium: group_norm's dgamma over (0, 2, 3) beside a bias's db
    # (rnn_cell's over axis 0, vit_patch_embed's over (0, 1)), one option grid {np.sum, np.mean} x {the axes, none}
    rnn_db, vit_db = _bias_sums()
    dgamma = _q("self.dgamma = np.sum(self.xn * dout, axis=(0, 2, 3))", "np.sum(self.xn * dout, axis=(0, 2, 3))",
                wrong=("np.sum(self.xn * dout)", "np.mean(self.xn * dout, axis=(0, 2, 3))", "np.mean(self.xn * dout)"))
    layernorm = _q("dgamma = np.sum(self.xn * dout, axis=0)", "np.sum(self.xn * dout, axis=0)", "layernorm",
                   wrong=("np.mean(self.xn * dout, axis=0)", "np.sum(self.xn * dout)"))
    for a, b in [(rnn_db, dgamma), (dgamma, vit_db), (layernorm, vit_db)]:
        assert same_fact.same_fact(a, b) and same_fact.same_fact(b, a)
    # not flagged beside a bias's sum over other axes than theirs (the same axes are a fact of their own): a sum of
    # a product over other axes (a per-sample scale's), a product of no gradient (a forward weighted sum), a sum
    # of a gradient expression that is no product
    per_sample = _q("dg = np.sum(self.xn * dout, axis=(1, 2))", "np.sum(self.xn * dout, axis=(1, 2))",
                    wrong=("np.mean(self.xn * dout, axis=(1, 2))", "np.sum(self.xn * dout)"))
    forward = _q("c = np.sum(a * hs, axis=0)", "np.sum(a * hs, axis=0)", wrong=("np.mean(a * hs, axis=0)",))
    difference = _q("dv = np.sum(dout - dmu, axis=0)", "np.sum(dout - dmu, axis=0)",
                    wrong=("np.mean(dout - dmu, axis=0)", "np.sum(dout - dmu)"))
    for other in (per_sample, forward, difference):
        assert not same_fact.same_fact(other, vit_db) and not same_fact.same_fact(vit_db, other)


def test_a_transpose_and_its_inverse_in_one_set_ask_one_layout():
    # transposed_conv, seed 11 Q50/Q53 (final re-grade 5): NCHW to rows with C_in last, and back
    forward = _q("x_row = x.transpose(0, 2, 3, 1).reshape(-1, C_in)",
                 "x_row = x.transpose(0, 2, 3, 1).reshape(-1, C_in)", "transposed_conv",
                 wrong=("x_row = x.reshape(-1, C_in)",))
    forward.blank["template"] = "＿＿"
    backward = _q("dx = dx.reshape(N, H, W, C_in).transpose(0, 3, 1, 2)", "dx.reshape(N, H, W, C_in)",
                  "transposed_conv", wrong=("dx.reshape(N, H, C_in, W)",))
    backward.blank["candidate"] = 1
    assert same_fact.inverse(forward, backward) and same_fact.inverse(backward, forward)
    assert same_fact.renamed_twins([forward, backward]) == {1}
    # the same permutation twice is the chain-step rule's; a permutation that is its own inverse is no pair here;
    # a key that is only an argument of the chain begins no transpose
    again = _q("y = z.transpose(0, 2, 3, 1)", "z.transpose(0, 2, 3, 1)", wrong=("z.transpose(0, 3, 1, 2)",))
    heads = _q("x = x.transpose(0, 2, 1, 3)", "x.transpose(0, 2, 1, 3)", wrong=("x.transpose(0, 1, 2, 3)",))
    inner = _q("dx = dx.reshape(N, H, W, C_in * k).transpose(0, 3, 1, 2)", "C_in * k", wrong=("C_in",))
    assert not same_fact.inverse(forward, again)
    assert not same_fact.inverse(heads, heads)
    assert not same_fact.inverse(forward, inner)

def test_which_end_asked_twice_in_one_set_is_one_fact():
    # vit_patch_embed, seed 11 Q76/Q77/Q78 (seventh examination): the class token first, asked by the forward's
    # concatenation and the backward's two slices
    forward = _q("z = np.concatenate([cls, tokens], axis=1) + self.pos_embed",
                 "z = np.concatenate([cls, tokens], axis=1) + self.pos_embed", "vit_patch_embed",
                 wrong=("z = np.concatenate([tokens, cls], axis=1) + self.pos_embed",
                        "z = np.concatenate([tokens, cls], axis=0) + self.pos_embed"))
    forward.blank["template"] = "＿＿"
    dcls = _q("self.dcls_token = np.sum(dz[:, :1], axis=0, keepdims=True)",
              "self.dcls_token = np.sum(dz[:, :1], axis=0, keepdims=True)", "vit_patch_embed",
              wrong=("self.dcls_token = np.mean(dz[:, -1:], axis=0, keepdims=True)",
                     "self.dcls_token = np.sum(dz[:, -1:], axis=0, keepdims=True)"))
    dcls.blank.update(template="＿＿", candidate=1)
    dtokens = _q("dtokens = dz[:, 1:]", "dz[:, 1:]", "vit_patch_embed", wrong=("dz", "dz[:, 2:]", "dz[:, :-1]"))
    dtokens.blank["candidate"] = 2
    assert ends.ends(forward, dcls) and ends.ends(dtokens, dcls)
    assert same_fact.renamed_twins([forward, dcls, dtokens]) == {0, 1, 2}
    # not flagged: one end asked beside other choices; np.dot's operands swapped; a slice against its complement
    # (the complementary rule's) or another bound; a list swapped outside a concatenation
    dpos = _q("self.dpos_embed = np.sum(dz, axis=0, keepdims=True)", "np.sum(dz, axis=0, keepdims=True)",
              "vit_patch_embed", wrong=("np.mean(dz, axis=0, keepdims=True)", "np.sum(dz, axis=1, keepdims=True)"))
    dpos.blank["candidate"] = 3
    dot = _q("dx = np.dot(dout, W.T)", "np.dot(dout, W.T)", "vit_patch_embed", wrong=("np.dot(W.T, dout)",))
    dot.blank["candidate"] = 4
    half = _q("dh = dhs[:, :, :H]", "dhs[:, :, :H]", "time_bilstm", wrong=("dhs[:, :, H:]", "dhs[:, :, :2 * H]"))
    half.blank["candidate"] = 5
    pair = _q("out = [dh, dc]", "[dh, dc]", "time_bilstm", wrong=("[dc, dh]",))
    pair.blank["candidate"] = 6
    assert same_fact.renamed_twins([forward, dpos, dot]) == set()
    assert not ends.ends(half, forward) and not ends.ends(pair, forward)



def test_a_shown_line_taking_the_same_axis_end_gives_the_blank_away():
    # vit_patch_embed, cold export of seed 11 with the rule above: `dtokens = dz[:, 1:]` asked below the forward's
    # `z = np.concatenate([cls, tokens], axis=1) + self.pos_embed` (the class token first on axis 1)
    dtokens = _q("dtokens = dz[:, 1:]", "dz[:, 1:]", "vit_patch_embed", wrong=("dz[:, :-1]", "dz", "dz[:, 2:]"))
    forward = "z = np.concatenate([cls, tokens], axis=1) + self.pos_embed"
    assert ends.ends_shown(dtokens, ["self.dpos_embed = np.sum(dz, axis=0, keepdims=True)", forward])
    concat = _q(forward, "np.concatenate([cls, tokens], axis=1)", "vit_patch_embed",
                wrong=("np.concatenate([tokens, cls], axis=1)", "np.concatenate([cls, tokens], axis=0)"))
    assert ends.ends_shown(concat, ["self.dcls_token = np.sum(dz[:, :1], axis=0, keepdims=True)"])
    # not flagged: a concatenation on another axis; a slice on another axis; a blank whose options take no end
    assert not ends.ends_shown(dtokens, ["z = np.concatenate([cls, tokens], axis=0)"])
    assert not ends.ends_shown(concat, ["x = dz[1:]", "h = hs[:, :, :H]"])
    dpos = _q("self.dpos_embed = np.sum(dz, axis=0, keepdims=True)", "np.sum(dz, axis=0, keepdims=True)",
              "vit_patch_embed", wrong=("np.mean(dz, axis=0, keepdims=True)", "np.sum(dz, axis=1, keepdims=True)"))
    assert not ends.ends_shown(dpos, [forward])


def test_a_side_with_a_comprehension_is_read_as_spelt():
    # n-gram windows: the side the options change holds `for i in range(n)`, which squeezed would not parse
    # (a cold export with MOST_SHAPE_ERRORS = 1 raised SyntaxError here, seed 11)
    line = "windows = np.stack([tokens[i:len(tokens) - n + 1 + i] for i in range(n)])"
    a = _q(line, "len(tokens) - n + 1 + i", wrong=("len(tokens) - n + i", "len(tokens) + 1 + i"))
    b = _q(line, "len(tokens) - n + 1 + i", wrong=("len(tokens) - n + 2 + i",))
    b.blank["candidate"] = 1
    assert same_fact.complementary(a, b)
    assert not same_fact.complementary(a, _q("y = x[i:n]", "i:n", wrong=("i:n + 1",)))


def test_a_convex_combination_asked_by_its_weights_is_one_fact():
    # the tenth examination, seed 12 Q71/Q72 of main cfb07fa: mixup's x_mix and its loss, one rule c * A + (1 - c)
    # * B under other names, their distractors one for one; RMSProp's h the same rule (its weight a factor of a
    # longer product)
    x_mix = _q("x_mix = lam * x + (1 - lam) * x[index]", "lam * x + (1 - lam) * x[index]",
               wrong=("lam * x", "lam * x + lam * x[index]", "(1 - lam) * x + (1 - lam) * x[index]"))
    ce = "cross_entropy_error"
    loss = _q(f"return lam * {ce}(y, t_a) + (1 - lam) * {ce}(y, t_b)",
              f"return lam * {ce}(y, t_a) + (1 - lam) * {ce}(y, t_b)",
              wrong=(f"return (1 - lam) * {ce}(y, t_a) + (1 - lam) * {ce}(y, t_b)", f"return lam * {ce}(y, t_a)",
                     f"return lam * {ce}(y, t_a) + lam * {ce}(y, t_b)"))
    h = _q("self.h[key] = self.decay_rate * self.h[key] + (1 - self.decay_rate) * grads[key] * grads[key]",
           "self.decay_rate * self.h[key] + (1 - self.decay_rate) * grads[key] * grads[key]",
           wrong=("(1 - self.decay_rate) * self.h[key] + (1 - self.decay_rate) * grads[key] * grads[key]",
                  "self.h[key] + grads[key] * grads[key]"))
    assert same_fact.same_fact(x_mix, loss) and same_fact.same_fact(loss, x_mix) and same_fact.same_fact(h, x_mix)
    loss.blank = dict(loss.blank, candidate=2)
    x_mix.problem = loss.problem = "mixup"
    assert same_fact.renamed_twins([x_mix, loss]) == {2}
    # not: a combination whose options change its operands only, one nested in an expression, a sum of products
    # whose weights are not c and 1 - c
    operands = _q("m = beta * m + (1 - beta) * g", "beta * m + (1 - beta) * g",
                  wrong=("beta * m + (1 - beta) * m", "beta * g + (1 - beta) * g"))
    nested = _q("loss = np.sum(y * d ** 2 + (1 - y) * hinge ** 2) / (2 * len(d))",
                "np.sum(y * d ** 2 + (1 - y) * hinge ** 2) / (2 * len(d))",
                wrong=("np.sum((1 - y) * d ** 2 + (1 - y) * hinge ** 2) / (2 * len(d))",))
    weighted = _q("out = a * x + b * y", "a * x + b * y", wrong=("a * x + a * y", "a * x"))
    assert not any(same_fact.same_fact(q, x_mix) or same_fact.same_fact(x_mix, q)
                   for q in (operands, nested, weighted))


def test_im2col_row_order_and_class_argmax_are_one_fact_each():
    """The eleventh examination: seed 12 asked im2col's `col.transpose(0, 4, 5, 1, 2, 3)` beside col2im's and
    depthwise_conv's (N, out_h, out_w) layouts (each hinting at the others), seed 13 cross_entropy's
    `t.argmax(axis=1)` beside time_softmax_with_loss' `ts.argmax(axis=2)`."""
    im2col = _q("col = col.transpose(0, 4, 5, 1, 2, 3).reshape(N * out_h * out_w, -1)", "col.transpose(0, 4, 5, 1, 2, 3)",
                problem="im2col")
    col2im = _q("col = col.reshape(N, out_h, out_w, C, filter_h, filter_w).transpose(0, 3, 4, 5, 1, 2)",
                "col.reshape(N, out_h, out_w, C, filter_h, filter_w).transpose(0, 3, 4, 5, 1, 2)", problem="col2im")
    depthwise = _q("out = out.reshape(N, out_h, out_w, -1).transpose(0, 3, 1, 2)",
                   "out.reshape(N, out_h, out_w, -1).transpose(0, 3, 1, 2)", problem="depthwise_conv")
    rows = _q("x_row = x.transpose(0, 2, 3, 1).reshape(-1, C_in)", "x.transpose(0, 2, 3, 1).reshape(-1, C_in)",
              problem="transposed_conv")
    for a, b in ((im2col, col2im), (im2col, depthwise), (col2im, rows), (depthwise, rows)):
        assert same_fact.same_fact(a, b) and same_fact.same_fact(b, a)
    labels = _q("t = t.argmax(axis=1)", "t.argmax(axis=1)", problem="cross_entropy")
    time_labels = _q("ts = ts.argmax(axis=2)", "ts.argmax(axis=2)", problem="time_softmax_with_loss")
    assert same_fact.same_fact(labels, time_labels)
    # neither is another layout or reduction: a filter reshape, a max
    weights = _q("col_W = self.W.reshape(FN, -1).T", "self.W.reshape(FN, -1).T", problem="conv2d")
    assert not same_fact.same_fact(im2col, weights) and not same_fact.same_fact(labels, weights)


def test_a_blank_of_the_transpose_before_its_reshape_asks_the_row_order():
    """The twenty-fourth examination, seed 12 Q45 / Q67: dilated_conv's blank `dout.transpose(0, 2, 3, 1)` of `dout =
    dout.transpose(0, 2, 3, 1).reshape(-1, FN)` beside grouped_conv's `out.reshape(N, out_h, out_w, -1).transpose(0,
    3, 1, 2)`, each key a distractor of the other. A transpose with no reshape after it is no row order."""
    dilated = _q("dout = dout.transpose(0, 2, 3, 1).reshape(-1, FN)", "dout.transpose(0, 2, 3, 1)",
                 problem="dilated_conv")
    grouped = _q("out = out.reshape(N, out_h, out_w, -1).transpose(0, 3, 1, 2)",
                 "out.reshape(N, out_h, out_w, -1).transpose(0, 3, 1, 2)", problem="grouped_conv")
    assert same_fact.same_fact(dilated, grouped) and same_fact.same_fact(grouped, dilated)
    image = _q("img = x.transpose(0, 2, 3, 1)", "x.transpose(0, 2, 3, 1)", problem="channels_last")
    assert not same_fact.same_fact(image, grouped)
