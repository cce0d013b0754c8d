"""Concept ties (seen.CONCEPTS, SHOWN): a concept is asked once per exam, and a listing that prints a concept's
answer does not meet a question that asks it (final re-grade 3: facts6)."""
from types import SimpleNamespace

from examprep.exam.seen import Seen


def _q(source, code=None, kind="calc", stem=None, problem=None):
    stem = stem or f"A question on {source}."
    return SimpleNamespace(id=f"{kind}:{source}", kind=kind, problem=problem, template=None if problem else source,
                           stem={"ja": stem, "en": stem}, label=None, code=code, options=[], answer=f"k_{len(source)}",
                           blank=None, item="3-1-1")


IM2COL = "out_h = (H + 2 * pad - filter_h) // stride + 1\nout_w = (W + 2 * pad - filter_w) // stride + 1\n"


def _fits_after(first, second):
    seen = Seen()
    assert seen.fits(first)
    seen.add(first)
    return seen.fits(second)


def test_a_listing_that_prints_a_calcs_formula_meets_no_such_calc():
    listing = _q("im2col", IM2COL, kind="code_choice", problem="im2col")
    calc = _q("conv_output_size")
    assert not _fits_after(listing, calc) and not _fits_after(calc, listing)
    # two listings that both print it ask it neither: both may be in one exam
    pooling = _q("max_pooling", IM2COL.replace("filter_", "pool_"), kind="code_choice", problem="max_pooling")
    assert _fits_after(listing, pooling)
    # the calc and a listing without the formula
    assert _fits_after(calc, _q("affine", "out = np.dot(x, W) + b\n", kind="code_choice", problem="affine"))


def test_the_final_regrades_ties():
    ties = [("kl_value", "formula:kl_formula"), ("deconv_output", "transposed_conv"),
            ("receptive_field", "receptive_field_strided"), ("bank:seq2seq", "seq2seq"),
            ("torch:bn-eval", "torch:eval-dropout")]
    for a, b in ties:
        assert not _fits_after(_q(a), _q(b)), (a, b)
    # a listing's print, by rule: seq2seq's rn(D, 4 * H), the DAE's 1 - h ** 2, the LSTM scenario's stem, NHWC rows
    shown = [(_q("dilated_conv", "out_h = (H + 2 * self.pad - FH_d) // self.stride + 1\n", "code_choice",
                 problem="dilated_conv"), _q("conv_output_size")),
             (_q("seq2seq", "lstm_Wx = rn(D, 4 * H)\n", "code_choice", problem="seq2seq"), _q("lstm_params")),
             (_q("denoising_autoencoder", "dh = dy * (1 - h ** 2)\n", "code_choice", problem="denoising_autoencoder"),
              _q("formula:tanh_grad", kind="formula")),
             (_q("scenario:lstm:dc_prev", "c_next = f * c_prev + g * i\n", "formula",
                 stem="ds = dh_next * o * (1 - np.tanh(c_next) ** 2) + dc_next"), _q("formula:tanh_grad", kind="formula")),
             (_q("pointwise_conv", "x = x.transpose(0, 2, 3, 1).reshape(-1, C)\n", "code_choice", problem="pointwise_conv"),
              _q("torch:permute-reshape", kind="framework")),
             (_q("softmax_temperature", "return exp_x / np.sum(exp_x, axis=-1, keepdims=True)\n", "code_choice",
                 problem="softmax_temperature"), _q("torch:softmax-dim", kind="framework")),
             (_q("depthwise_conv", "out = np.sum(col * W_col, axis=1)\n", "code_choice", problem="depthwise_conv"),
              _q("grouped_params"))]
    for listing, asker in shown:
        assert not _fits_after(listing, asker), listing.id
        assert not _fits_after(asker, listing), listing.id
    # the rules stay narrow: another power, another permutation
    assert _fits_after(_q("adam", "lr_t = lr * np.sqrt(1 - beta2 ** t)\n", "code_choice", problem="adam"),
                       _q("formula:tanh_grad", kind="formula"))
    assert _fits_after(_q("x", "x = x.transpose(0, 3, 1, 2).reshape(-1, C)\n", "code_choice", problem="x"),
                       _q("torch:permute-reshape", kind="framework"))


def test_the_iou_calc_and_the_iou_listing_are_one_concept():
    # seventh examination, seed 13 Q80 (box_iou: the IoU of D1 and G) beside Q94/Q95 (iou_box's area and union)
    listing = _q("iou_box", "union = area + areas - inter\n", "code_choice", problem="iou_box")
    assert not _fits_after(_q("box_iou"), listing) and not _fits_after(listing, _q("box_iou"))
    assert not _fits_after(_q("bank:iou-def", kind="knowledge"), listing)
    # NMS asks another concept (which boxes survive), though it computes IoUs
    assert _fits_after(_q("nms_count"), listing)


def test_a_code_key_shows_what_it_prints():
    # depthwise_conv's blank dout.transpose(0, 2, 3, 1).reshape(-1, C) is torch:permute-reshape's key
    key = _q("depthwise_conv", "dout = ＿＿\n", "code_choice", problem="depthwise_conv")
    key.answer = "dout.transpose(0, 2, 3, 1).reshape(-1, C)"
    assert not _fits_after(key, _q("torch:permute-reshape", kind="framework"))
    key.answer = "dout.reshape(-1, C)"
    assert _fits_after(key, _q("torch:permute-reshape", kind="framework"))


def test_a_knowledge_item_whose_concept_is_taken_is_not_chosen():
    seen = Seen()
    seen.add(_q("rnn_cell", "dt = dh_next * (1 - h_next ** 2)\n", "code_choice", problem="rnn_cell"))
    assert seen.concept_taken("formula:tanh_grad")      # shown by the listing: _knowledge_sets picks another item
    assert not seen.concept_taken("formula:softmax") and not seen.concept_taken("bank:gap")
    seen.add(_q("formula:softmax", kind="formula"))
    assert not seen.concept_taken("formula:softmax") and seen.concept_taken("torch:softmax-dim")


def test_the_precision_definition_and_the_precision_calc_are_one_concept():
    # tenth examination, seed 12 Q11 (metrics calc: the precision) beside Q17 (bank:precision-def: TP / (TP + FP));
    # F1's definition 2PR / (P + R) likewise; recall's use (which metric, not how it is computed) is another fact
    definition = _q("bank:precision-def", kind="knowledge")
    assert not _fits_after(_q("metrics_precision"), definition) and not _fits_after(definition, _q("metrics_precision"))
    assert not _fits_after(_q("metrics_f1"), _q("bank:f1-def", kind="knowledge"))
    assert _fits_after(_q("metrics_recall"), definition)
    assert _fits_after(_q("metrics_recall"), _q("bank:recall-use", kind="knowledge"))


def test_listings_that_print_momentum_batchnorms_inference_or_affines_backward_meet_no_question_asking_it():
    # the eleventh examination: seed 12 Q70 (Nesterov's listing) beside Q27 (bank:momentum), seed 13 Q37
    # (spatial_batchnorm's running_mean) beside Q28 (bank:bn-train-test), seed 13 Q49 (TimeAffine's dx and db)
    # beside Q65 (bank:affine-backward)
    nesterov = _q("nesterov", "self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]\n", "code_choice",
                  problem="nesterov")
    batchnorm = _q("spatial_batchnorm", "xc = x - self.running_mean\n", "code_choice", problem="spatial_batchnorm")
    time_affine = _q("time_affine", "dx = np.dot(dout, W.T)\ndb = np.sum(dout, axis=0)\n", "code_choice",
                     problem="time_affine")
    for listing, item in ((nesterov, "bank:momentum"), (batchnorm, "bank:bn-train-test"),
                          (time_affine, "bank:affine-backward")):
        asked = _q(item, kind="knowledge")
        assert not _fits_after(listing, asked) and not _fits_after(asked, listing), item
        assert _fits_after(listing, _q("bank:gap", kind="knowledge"))
    # the listing that asks the concept itself is not barred by printing it
    affine = _q("affine", "dx = np.dot(dout, self.W.T)\n", "code_choice", problem="affine")
    assert _fits_after(_q("bank:gap", kind="knowledge"), affine)


def test_the_twelfth_examinations_cross_set_answers_meet_no_question_asking_them():
    # seed 11: the grouped-params calc's stem describes the 1x1 pointwise convolution (Q35 beside bank:pointwise,
    # Q22); the logsumexp listing subtracts the maximum (Q47 beside softmax's blank Q74 and
    # bank:softmax-invariance Q53); Adam's listing prints RMSprop's update line (Q27 beside Q73)
    assert not _fits_after(_q("grouped_params"), _q("bank:pointwise", kind="knowledge"))
    logsumexp = _q("logsumexp", "m = np.max(x, axis=axis, keepdims=True)\n", "code_choice", problem="logsumexp")
    assert not _fits_after(logsumexp, _q("bank:softmax-invariance", kind="knowledge"))
    assert not _fits_after(logsumexp, _q("softmax", "x = ＿＿\n", "code_choice", problem="softmax"))
    adam = _q("adam", "params[key] -= self.lr * m_hat / (np.sqrt(v_hat) + 1e-8)\n", "code_choice", problem="adam")
    rmsprop = _q("rmsprop", "params[key] ＿＿\n", "code_choice", problem="rmsprop")
    assert not _fits_after(adam, rmsprop) and not _fits_after(rmsprop, adam)
    # Adam's listing with that line blanked shows nothing
    assert _fits_after(_q("adam", "＿＿(あ)＿＿\n", "code_choice", problem="adam"), rmsprop)


def test_the_simple_rnns_count_and_the_lstms_count_are_one_concept():
    # twelfth examination, seed 12 Q23 (bank:rnn-params offers 4(DH + H² + H)) beside Q64 (the LSTM scenario's count)
    assert not _fits_after(_q("bank:rnn-params", kind="knowledge"), _q("lstm_params"))


def test_the_thirteenth_examinations_cross_set_answers_meet_no_question_asking_them():
    # seed 12: time_softmax_with_loss' backward prints softmax minus one-hot (Q34 beside bank:softmax-ce-grad, Q28);
    # group_norm's title and listing say what instance norm averages (Q66 beside bank:norm-axes, Q31); seed 11:
    # bank:lp-pool's stem writes out the Lp pooling lp_pool's blank computes (Q29 beside Q53)
    time_loss = _q("time_softmax_with_loss", "dx = ys.copy()\ndx[np.arange(N * T), ts] -= 1\n", "code_choice",
                   problem="time_softmax_with_loss")
    assert not _fits_after(time_loss, _q("bank:softmax-ce-grad", kind="knowledge"))
    assert not _fits_after(_q("group_norm", "xg = ＿＿\n", "code_choice", problem="group_norm"),
                           _q("bank:norm-axes", kind="knowledge"))
    lp = _q("bank:lp-pool", kind="knowledge", stem="Which statement about Lp pooling, outputting (Σ |x|^p)^(1/p) over "
                                                   "a window, is correct?")
    assert not _fits_after(lp, _q("lp_pool", "out = ＿＿\n", "code_choice", problem="lp_pool"))
    # the LSTM scenario's weight sharing is the bank item's fact
    assert not _fits_after(_q("scenario:lstm:shared", kind="knowledge"), _q("bank:rnn-weight-sharing", kind="knowledge"))


def test_a_time_layer_built_from_one_parameter_set_shows_the_weight_sharing():
    # fourteenth examination, seed 11: time_lstm's `LSTM(*self.params)` for every step beside the LSTM scenario's
    # "how many sets of (Wx, Wh, b)" (Q57 beside Q46)
    time_lstm = _q("time_lstm", "layer = LSTM(*self.params)\n", "code_choice", problem="time_lstm")
    assert not _fits_after(time_lstm, _q("scenario:lstm:shared", kind="knowledge"))
    assert not _fits_after(_q("bank:rnn-weight-sharing", kind="knowledge"), time_lstm)


def test_im2cols_output_shape_is_the_row_layout_the_conv_listings_print():
    # fourteenth examination, seed 12: bank:im2col-shape (Q62) beside col2im's `col.reshape(N, out_h, out_w, C, ...)`
    # (Q49) and lp_pool's `dcol.reshape(-1, C * pool_h * pool_w)` (Q59)
    shape = _q("bank:im2col-shape", kind="knowledge")
    col2im = _q("col2im", "col = col.reshape(N, out_h, out_w, C, filter_h, filter_w)\n", "code_choice", problem="col2im")
    lp_pool = _q("lp_pool", "dcol = dcol.reshape(-1, C * self.pool_h * self.pool_w)\n", "code_choice",
                 problem="lp_pool")
    assert not _fits_after(col2im, shape) and not _fits_after(shape, lp_pool)


def test_a_backward_swapping_a_products_inputs_shows_the_multiplication_nodes_rule():
    # sixteenth examination, seed 13: bank:chain-rule ("which gradient goes to x of z = x·y", Q23) beside
    # attention_weight's listing printing `dhs = dt * hr` / `dhr = dt * hs` (Q46 / Q47)
    rule = _q("bank:chain-rule", kind="knowledge")
    attention = _q("attention_weight", "dhs = dt * hr\n        dhr = dt * hs\n", "code_choice",
                   problem="attention_weight")
    mul = _q("relu_layer", "dx = dout * self.y\n        dy = dout * self.x\n", "code_choice", problem="relu_layer")
    assert not _fits_after(attention, rule) and not _fits_after(rule, mul)
    # one product's gradient alone (dropout's `dout * self.mask`), or two that do not swap, prints no rule
    one = _q("attention_weight", "dx = dout * self.mask\n", "code_choice", problem="attention_weight")
    two = _q("attention_weight", "dhs = dt * hr\n        dhr = dt * hr\n", "code_choice", problem="attention_weight")
    assert _fits_after(one, rule) and _fits_after(two, rule)


def test_gate_derivatives_and_joined_heads_printed_by_a_listing_meet_no_question_asking_them():
    """The twenty-sixth and twenty-seventh examinations, seed 12: wavenet_block's backward prints tanh's and the
    sigmoid's derivatives with `self.` names (beside formula:tanh_grad and the Sigmoid layer's blank), and
    multi_head_attention's forward joins the heads and projects them (beside bank:multihead)."""
    wavenet = _q("wavenet_block", "df = dz * self.sg * (1 - self.tf ** 2)\ndg = dz * self.tf * self.sg * (1 - self.sg)\n",
                 "code_choice", problem="wavenet_block")
    mha = _q("multi_head_attention", "concat = merge_heads(heads)\nout = np.dot(concat, W_o)\n", "code_choice",
             problem="multi_head_attention")
    for listing, asker in ((wavenet, _q("formula:tanh_grad", kind="formula")),
                           (wavenet, _q("sigmoid_layer", "dx = dout * (1.0 - self.out) * self.out\n", "code_choice",
                                        problem="sigmoid_layer")),
                           (mha, _q("bank:multihead", kind="knowledge"))):
        assert not _fits_after(listing, asker) and not _fits_after(asker, listing), (listing.id, asker.id)
    # not: a difference of two names, a listing that splits heads without joining them
    assert _fits_after(_q("mixup", "x = lam * (1 - mu)\n", "code_choice", problem="mixup"), _q("formula:sigmoid_grad", kind="formula"))
    assert _fits_after(_q("split", "Q = split_heads(np.dot(x, W_q), h)\n", "code_choice", problem="split"),
                       _q("bank:multihead", kind="knowledge"))
