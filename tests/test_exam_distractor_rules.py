"""Distractors the final re-grades of issue 16 found ruled out on sight or right on the inputs the listing allows,
each kind judged by a rule (examprep.exam.code.distractors), and the everyday mistakes beside them that stay."""
import random

import pytest

from examprep.exam.code import argument_rules, blanks, distractors, shape_rules


def _mutant(operator, text, check="values", en="", case="batch of 4 rows"):
    return {"operator": operator, "text": text, "verdict": {"check": check, "en": en, "case": case, "what": ""}}


# (operator, reference statement, mutant, ruled out)
RULES = [
    # a regulariser's gradient cut to its input: the function would do nothing; a forgotten shortcut stays
    ("first_operand", "return dW + lam * np.sign(W)", "return dW", True),
    ("first_operand", "return x + sigma * rng.standard_normal(x.shape)", "return x", True),
    ("first_operand", "return dx + ds", "return dx", False),
    ("first_operand", "x_mix = lam * x + (1 - lam) * x[index]", "x_mix = lam * x", False),
    # a parameter update or a perturbation with its operands swapped: the whole new value negated
    ("swap_operands", "theta_i = theta - alpha * mse_grad(theta, X_s, y_s)",
     "theta_i = alpha * mse_grad(theta, X_s, y_s) - theta", True),
    ("swap_operands", "return theta - beta * meta_grad", "return beta * meta_grad - theta", True),
    ("swap_operands", "x[idx] = tmp_val - h", "x[idx] = h - tmp_val", True),
    ("swap_operands", "xc = x - mu", "xc = mu - x", False),
    ("swap_operands", "d = y - t", "d = t - y", False),
    ("swap_operands", "grad = (fxh1 - fxh2) / (2 * h)", "grad = (fxh2 - fxh1) / (2 * h)", False),
    # one of two calls of the same function with its arguments swapped: the other call shows the order
    ("swap_arguments", "return lam * ce(y, t_a) + (1 - lam) * ce(y, t_b)",
     "return lam * ce(y, t_a) + (1 - lam) * ce(t_b, y)", True),
    ("swap_arguments", "loss = self.layer.forward(score, label)", "loss = self.layer.forward(label, score)", False),
    # the array of a NumPy function moved to a count's place
    ("swap_arguments", "return np.rot90(x, k, axes=(-2, -1))", "return np.rot90(k, x, axes=(-2, -1))", True),
    ("swap_arguments", "dx = np.dot(du, W1.T)", "dx = np.dot(W1.T, du)", False),
    # a slice whose bounds come from two axes
    ("partner_name", "out.append(img[:, top:top + size, left:left + size])",
     "out.append(img[:, top:top + size, top:left + size])", True),
    ("partner_name", "out[:, top:top + h, left:left + w] = value", "out[:, top:top + h, left:top + w] = value", True),
    # a block slice counted in two sizes (grouped_conv, ninth examination); the filter-group size on both ends stays
    ("partner_name", "col = im2col(x[:, g * Cg:(g + 1) * Cg], FH, FW, self.stride, self.pad)",
     "col = im2col(x[:, g * Fg:(g + 1) * Cg], FH, FW, self.stride, self.pad)", True),
    ("partner_name", "col = im2col(x[:, g * Cg:(g + 1) * Cg], FH, FW, self.stride, self.pad)",
     "col = im2col(x[:, g * Cg:(g + 1) * Fg], FH, FW, self.stride, self.pad)", True),
    ("mistake", "col = im2col(x[:, g * Cg:(g + 1) * Cg], FH, FW, self.stride, self.pad)",
     "col = im2col(x[:, g * Fg:(g + 1) * Fg], FH, FW, self.stride, self.pad)", False),
    ("slice_bound", "col = im2col(x[:, g * Cg:(g + 1) * Cg], FH, FW, self.stride, self.pad)",
     "col = im2col(x[:, g * Cg:(g + 2) * Cg], FH, FW, self.stride, self.pad)", False),
    ("slice_bound", "out[:, top:top + h, left:left + w] = value", "out[:, top:top + h, left + 1:left + w] = value",
     True),   # no mixed slice, but one axis shifted where both are sliced alike (one_axis_shift)
    ("slice_bound", "out[:, top:top + h, left:left + w] = value",
     "out[:, top + 1:top + h + 1, left + 1:left + w + 1] = value", False),
    # np.rot90 without its axes: right for an (H, W, C) image, a layout only the docstring rules out
    ("mistake", "return np.rot90(x, k, axes=(-2, -1))", "return np.rot90(x, k)", True),
    ("int_off_by_one", "return np.rot90(x, k, axes=(-2, -1))", "return np.rot90(x, k, axes=(-3, -1))", False),
    # a reshape with the 1 put first: the same array as no reshape under broadcasting
    ("permute_reshape", "hr = h.reshape(N, 1, H)", "hr = h.reshape(1, N, H)", True),
    ("permute_reshape", "hr = h.reshape(N, 1, H)", "hr = h.reshape(N, H, 1)", False),
    ("first_operand", "hr = h.reshape(N, 1, H)", "hr = h", False),
    ("permute_reshape", "ar = a.reshape(N, T, 1)", "ar = a.reshape(N, 1, T)", False),
    # another function of the reference with the first one's arguments (col2im needs the shape)
    ("partner_name", "col = im2col(dout, FH, FW, self.stride, self.pad)",
     "col = col2im(dout, FH, FW, self.stride, self.pad)", True),
    ("partner_name", "y = sigmoid(a)", "y = relu(a)", False),
    # one set's inputs with the other set's labels; the other set as a whole stays (the support set's gradient)
    ("partner_name", "g_q = mse_grad(theta_i, X_q, y_q)", "g_q = mse_grad(theta_i, X_q, y_s)", True),
    ("partner_name", "g_q = mse_grad(theta_i, X_q, y_q)", "g_q = mse_grad(theta_i, X_s, y_s)", False),
    ("partner_name", "loss = lam * ce(y, t_a)", "loss = lam * ce(y, t_b)", False),
    ("partner_name", "Q = split_heads(np.dot(x_q, W_q), self.num_heads)",
     "Q = split_heads(np.dot(x_q, W_k), self.num_heads)", False),
    # options right on friendly inputs: the batch axis moved (right for a batch of one); a box's h for w stays
    # (right only for a square box, r = 1: random erasing draws r from [0.3, 3.3])
    ("permute_transpose", "dout = dout.transpose(0, 2, 3, 1)", "dout = dout.transpose(2, 0, 3, 1)", True),
    ("permute_transpose", "return x.transpose(0, 2, 1, 3).reshape(N, T, h * d_k)",
     "return x.transpose(2, 0, 1, 3).reshape(N, T, h * d_k)", True),
    ("permute_transpose", "y = np.transpose(x, (0, 2, 3, 1))", "y = np.transpose(x, (3, 2, 0, 1))", True),
    ("permute_transpose", "dout = dout.transpose(0, 2, 3, 1)", "dout = dout.transpose(0, 3, 2, 1)", False),
    ("permute_transpose", "return x.transpose(0, 2, 1, 3)", "return x.transpose(0, 2, 3, 1)", False),
    # h dropped from an assigned index, w used twice (random_erasing, final re-grade 3: h computed and unused)
    ("partner_name", "out[:, top:top + h, left:left + w] = value", "out[:, top:top + w, left:left + w] = value", True),
    ("int_off_by_one", "out[:, top:top + h, left:left + w] = value", "out[:, top:top + h - 1, left:left + w] = value",
     True),   # no input dropped, but one axis shifted where both are sliced alike (one_axis_shift)
    ("int_off_by_one", "out[:, top:top + h, left:left + w] = value",
     "out[:, top:top + h - 1, left:left + w - 1] = value", False),
    ("slice_bound", "decoder_ts = ts[:, 1:]", "decoder_ts = ts[:, 0:]", True),     # the whole axis as a slice
    ("slice_bound", "decoder_ts = ts[:, 1:]", "decoder_ts = ts[:, 2:]", False),
    ("slice_bound", "pe[:, 1::2] = np.cos(a)", "pe[:, 0::2] = np.cos(a)", False),   # a step: a real slice
    ("slice_bound", "target = corpus[window_size:-window_size]", "target = corpus[window_size + 1:window_size]", True),
    ("slice_bound", "target = corpus[window_size:-window_size]", "target = corpus[window_size:window_size]", True),
    ("slice_bound", "target = corpus[window_size:-window_size]", "target = corpus[window_size + 1:-window_size]",
     False),
    # a width that normalises made a sum of two positions (mel_filterbank)
    ("flip_sign", "up = (freqs - left) / (center - left)", "up = (freqs - left) / (center + left)", True),
    ("flip_sign", "down = (right - freqs) / (right - center)", "down = (right - freqs) / (right + center)", True),
    ("flip_sign", "down = (right - freqs) / (right - center)", "down = (right + freqs) / (right - center)", False),
    # a recurrence stored under, or fed from, its partner (Adam's m and v)
    ("partner_name", "self.m[key] = self.beta1 * self.m[key] + (1 - self.beta1) * grads[key]",
     "self.v[key] = self.beta1 * self.m[key] + (1 - self.beta1) * grads[key]", True),
    ("partner_name", "self.v[key] = self.beta2 * self.v[key] + (1 - self.beta2) * grads[key] ** 2",
     "self.v[key] = self.beta2 * self.m[key] + (1 - self.beta2) * grads[key] ** 2", True),
    # a moving average's two weights from two names (exams 11 and 13 of main d358198: Adam's v with beta1 and
    # beta2 in one line, ruled out on sight); the weights swapped, the complement or the square dropped stay
    ("partner_name", "self.v[key] = self.beta2 * self.v[key] + (1 - self.beta2) * grads[key] ** 2",
     "self.v[key] = self.beta1 * self.v[key] + (1 - self.beta2) * grads[key] ** 2", True),
    ("partner_name", "self.v[key] = self.beta2 * self.v[key] + (1 - self.beta2) * grads[key] ** 2",
     "self.v[key] = self.beta2 * self.v[key] + (1 - self.beta1) * grads[key] ** 2", True),
    ("partner_name", "self.m[key] = self.beta1 * self.m[key] + (1 - self.beta1) * grads[key]",
     "self.m[key] = self.beta2 * self.m[key] + (1 - self.beta1) * grads[key]", True),
    ("partner_name", "h_next = (1 - z) * h_prev + z * h_hat", "h_next = (1 - z) * h_prev + r * h_hat", True),
    ("mistake", "self.v[key] = self.beta2 * self.v[key] + (1 - self.beta2) * grads[key] ** 2",
     "self.v[key] = (1 - self.beta2) * self.v[key] + self.beta2 * grads[key] ** 2", False),
    ("mistake", "self.v[key] = self.beta2 * self.v[key] + (1 - self.beta2) * grads[key] ** 2",
     "self.v[key] = self.beta2 * self.v[key] + grads[key] ** 2", False),
    ("mistake", "self.v[key] = self.beta2 * self.v[key] + (1 - self.beta2) * grads[key] ** 2",
     "self.v[key] = self.beta2 * self.v[key] + (1 - self.beta2) * grads[key]", False),
    ("combined", "self.v[key] = self.beta2 * self.v[key] + (1 - self.beta2) * grads[key] ** 2",
     "self.v[key] = self.beta1 * self.v[key] + (1 - self.beta1) * grads[key] ** 2", False),   # v with m's beta
    ("partner_name", "x_mix = lam * x + (1 - lam) * x[index]", "x_mix = lam * x + lam * x[index]", False),
    # a dilated kernel's height for its width: right on square kernels (dilated_conv, the friendly-input check)
    ("partner_name", "out_h = (H + 2 * self.pad - FH_d) // self.stride + 1",
     "out_h = (H + 2 * self.pad - FW_d) // self.stride + 1", True),
    ("partner_name", "out_w = (W + 2 * self.pad - FW_d) // self.stride + 1",
     "out_w = (W + 2 * self.pad - FH_d) // self.stride + 1", True),
    ("partner_name", "H_out = H * s", "H_out = W * s", True),
    ("partner_name", "out_w = (W + 2 * self.pad - FW_d) // self.stride + 1",
     "out_w = (W + 2 * self.pad - FW) // self.stride + 1", False),   # the undilated size: the concept
    ("partner_name", "a = np.dot(x_t, W_x)", "a = np.dot(x_t, W_h)", False),   # a weight's W is no width
    # a fifth examination (seeds 11, 13 of main c63d8fe): a constant as np.where's condition, a difference of
    # one quantity at two points made a sum; their everyday neighbours stay
    ("swap_arguments", "logits = np.where(logits < kth, -np.inf, logits)",
     "logits = np.where(-np.inf, logits < kth, logits)", True),
    ("swap_arguments", "logits = np.where(logits < kth, -np.inf, logits)",
     "logits = np.where(logits < kth, logits, -np.inf)", False),
    ("flip_sign", "grad[idx] = (fxh1 - fxh2) / (2 * h)", "grad[idx] = (fxh1 + fxh2) / (2 * h)", True),
    ("swap_operands", "grad[idx] = (fxh1 - fxh2) / (2 * h)", "grad[idx] = (fxh2 - fxh1) / (2 * h)", False),
    ("flip_sign", "d = y - t", "d = y + t", False),
    # a fourth examination (seeds 11, 13): a minimum in max pooling; max against argmax and np.minimum stay
    ("argmax_argmin", "arg_max = np.argmax(col, axis=1)", "arg_max = np.argmin(col, axis=1)", True),
    ("max_min", "out = np.max(col, axis=1)", "out = np.min(col, axis=1)", True),
    ("combined", "out = np.max(col, axis=1)", "out = np.min(col)", True),
    ("argmax_argmin", "t = t.argmax(axis=1)", "t = t.argmin(axis=1)", True),
    ("mistake", "out = np.max(col, axis=1)", "out = np.argmax(col, axis=1)", False),
    ("max_min", "x1 = np.maximum(box[0], boxes[:, 0])", "x1 = np.minimum(box[0], boxes[:, 0])", False),
    ("argmax_argmin", "idx = np.argmin(dist, axis=1)", "idx = np.argmax(dist, axis=1)", False),
    # `+ 1` on one of two axes sliced alike; on both, or a partner swap, stays
    ("slice_bound", "out.append(img[:, top:top + size, left:left + size])",
     "out.append(img[:, top:top + size + 1, left:left + size])", True),
    ("slice_bound", "dx = dx_pad[:, :, self.pad:self.pad + H, self.pad:self.pad + W]",
     "dx = dx_pad[:, :, self.pad:self.pad + H, self.pad + 1:self.pad + W]", True),
    ("combined", "dx = dx_pad[:, :, self.pad:self.pad + H, self.pad:self.pad + W]",
     "dx = dx_pad[:, :, self.pad:self.pad + H + 1, self.pad + 1:self.pad + W]", True),
    ("combined", "out.append(img[:, top:top + size, left:left + size])",
     "out.append(img[:, top:top + size + 1, left:left + size + 1])", False),
    ("int_off_by_one", "y = x[:, 1:, :-1]", "y = x[:, 2:, :-1]", False),   # the axes were not sliced alike
    # a relative error's difference made a sum; the difference reversed, or a sum elsewhere, stays
    ("flip_sign", "rel = np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), eps)",
     "rel = np.abs(a + b) / np.maximum(np.abs(a) + np.abs(b), eps)", True),
    ("combined", "rel = np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), eps)",
     "rel = np.abs(a + b) / np.minimum(np.abs(a) + np.abs(b), eps)", True),
    ("max_min", "rel = np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), eps)",
     "rel = np.abs(a - b) / np.minimum(np.abs(a) + np.abs(b), eps)", False),
    ("flip_sign", "z = (x - mu) / sigma", "z = (x + mu) / sigma", False),
    # pre-emphasis with slices of two lengths; the pairing reversed stays
    ("slice_bound", "return np.append(x[0], x[1:] - alpha * x[:-1])",
     "return np.append(x[0], x[2:] - alpha * x[:-1])", True),
    ("combined", "return np.append(x[0], x[1:] - alpha * x[:-1])",
     "return np.append(x[0], x[2:] + alpha * x[:-1])", True),
    ("swap_operands", "return np.append(x[0], x[1:] - alpha * x[:-1])",
     "return np.append(x[0], x[:-1] - alpha * x[1:])", False),
    # a stepped slice from the end (positional_encoding's `-1::2`: the last column alone, sixth examination);
    # a negative start without a step and another start with the step stay
    ("slice_bound", "pe[:, 0::2] = np.sin(angle)", "pe[:, -1::2] = np.sin(angle)", True),
    ("slice_bound", "pe[:, 0::2] = np.sin(angle)", "pe[:, 1::2] = np.sin(angle)", False),
    ("int_off_by_one", "h_last = hs[:, -1:]", "h_last = hs[:, -2:]", False),
    # two matrix products transposed alike made to transpose in one term only (wavenet_block's dz, seed 13 of the
    # sixth examination); both transposes dropped, a term's operands swapped, a lone product stay
    ("drop_transpose", "dz = np.dot(dres, self.Wr.T) + np.dot(dskip, self.Ws.T)",
     "dz = np.dot(dres, self.Wr) + np.dot(dskip, self.Ws.T)", True),
    ("drop_transpose", "dx_kv = np.dot(dK, W_k.T) + np.dot(dV, W_v.T)", "dx_kv = np.dot(dK, W_k.T) + np.dot(dV, W_v)",
     True),
    ("partner_name", "a = x @ Wx + h @ Wh", "a = x @ Wx.T + h @ Wh", True),
    ("combined", "dz = np.dot(dres, self.Wr.T) + np.dot(dskip, self.Ws.T)",
     "dz = np.dot(dres, self.Wr) + np.dot(dskip, self.Ws)", False),
    ("swap_operands", "dz = np.dot(dres, self.Wr.T) + np.dot(dskip, self.Ws.T)",
     "dz = np.dot(self.Wr.T, dres) + np.dot(dskip, self.Ws.T)", False),
    ("drop_transpose", "dx = np.dot(dout, self.W.T)", "dx = np.dot(dout, self.W)", False),
    # an optional argument (mask=None) moved between required ones; Q, K, V reordered stays
    ("swap_arguments", "heads = self.attention.forward(Q, K, V, mask)",
     "heads = self.attention.forward(Q, K, mask, V)", True),
    ("swap_arguments", "heads = self.attention.forward(Q, K, V, mask)",
     "heads = self.attention.forward(K, Q, V, mask)", False),
]


@pytest.mark.parametrize("operator, reference, text, ruled_out", RULES)
def test_rule(operator, reference, text, ruled_out):
    assert distractors.give_away(_mutant(operator, text), text, "        " + reference) is ruled_out


def test_reshape_sizes_that_fail_only_by_not_multiplying_out_are_not_offered():
    """max_pooling's dcol = dmax.reshape(dmax.shape[0] * dmax.shape[1] * dmax.shape[2], -1): another shape index
    fails only where the sizes do not multiply out; wherever they do (a square map, equal sizes) the data is the
    key's, and col2im re-reads it, so the option is right on every input it runs on (a delta re-grade)."""
    ref = "dcol = dmax.reshape(dmax.shape[0] * dmax.shape[1] * dmax.shape[2], -1)"
    text = "dcol = dmax.reshape(dmax.shape[0] * dmax.shape[1] * dmax.shape[1], -1)"
    size = ("ValueError while running backward return (step 1) (line 47: " + text + "): cannot reshape array of "
            "size 90 into shape (30,newaxis)")
    assert distractors.give_away(_mutant("int_off_by_one", text, "exception", size), text, ref)
    # wrong by its values or by a broadcast on an ordinary input: a fair option
    assert not distractors.give_away(_mutant("int_off_by_one", text, "values"), text, ref)
    broadcast = "ValueError: operands could not be broadcast together with shapes (2,4,3) (4,2,1)"
    ref, text = "ar = a.reshape(N, T, 1)", "ar = a.reshape(T, N, 1)"
    assert not distractors.give_away(_mutant("permute_reshape", text, "exception", broadcast), text, ref)
    # another size named (which channel count is the concept): right only when C_in == C_out, a fair option
    ref, text = "out = out + self.b.reshape(1, C_out, 1, 1)", "out = out + self.b.reshape(1, C_in, 1, 1)"
    assert not distractors.give_away(_mutant("partner_name", text, "exception", size), text, ref)
    # the size error of another statement's change, not of a reshape's sizes
    ref, text = "y = np.sum(x.reshape(N, -1), axis=1)", "y = np.sum(x.reshape(N, -1), axis=0)"
    assert not distractors.give_away(_mutant("axis", text, "exception", size), text, ref)


def test_a_slice_of_another_length_than_what_it_meets_is_not_offered():
    """bert_embedding's `pos_E[:T + 1]` beside `tok_E[ids]` (T = ids.shape[1] shown) and positional_encoding's
    `pe[:, 0:] = np.sin(angle)` (angle of d_model / 2 columns): a broadcast error seen on sight (the sixth
    examination, seeds 11 and 13); judged with the grader's broadcast verdict only."""
    ref = "out = tok_E[ids] + seg_E[segments] + pos_E[:T]"
    shapes = "ValueError: operands could not be broadcast together with shapes (2,5,4) (6,4)"
    for text in ("out = tok_E[ids] + seg_E[segments] + pos_E[:T + 1]",
                 "out = tok_E[ids] + seg_E[segments] + pos_E[:T - 1]"):
        assert distractors.give_away(_mutant("slice_bound", text, "exception", shapes), text, ref)
        assert not distractors.give_away(_mutant("slice_bound", text, "values"), text, ref)   # met by a bias: values
    ref, text = "dpos[:T] = dout.sum(axis=0)", "dpos[:T + 1] = dout.sum(axis=0)"
    into = "ValueError: could not broadcast input array from shape (5,4) into shape (6,4)"
    assert distractors.give_away(_mutant("slice_bound", text, "exception", into), text, ref)
    ref, text = "pe[:, 0::2] = np.sin(angle)", "pe[:, 0:] = np.sin(angle)"
    into = "ValueError: could not broadcast input array from shape (6,4) into shape (6,8)"
    assert distractors.give_away(_mutant("slice_step", text, "exception", into), text, ref)
    ref, text = "pe[:, 1::2] = np.cos(angle)", "pe[:, 2::2] = np.cos(angle)"
    into = "ValueError: could not broadcast input array from shape (6,4) into shape (6,3)"
    assert distractors.give_away(_mutant("slice_bound", text, "exception", into), text, ref)
    text = "pe[:, 0::2] = np.cos(angle)"   # the other half: the same length, wrong values
    assert not distractors.give_away(_mutant("slice_bound", text, "values"), text, ref)
    # a start shifted, a slice read alone (its shape met only by a later line): options
    ref, text = "out = tok_E[ids] + pos_E[:T]", "out = tok_E[ids] + pos_E[1:T]"
    assert not distractors.give_away(_mutant("slice_bound", text, "exception", shapes), text, ref)
    ref, text = "h = hs[:, :T]", "h = hs[:, :T - 1]"
    assert not distractors.give_away(_mutant("slice_bound", text, "exception", shapes), text, ref)


def test_signatures_are_read_from_the_reference():
    signatures = argument_rules.reference_signatures()
    assert signatures["im2col"] == (3, 5) and signatures["col2im"] == (4, 6)


def test_options_of_one_array_are_one_option():
    """attention_weight's `ds.reshape(T, N, 1).repeat(H)` beside `ds.reshape(N, T, 1).repeat(H)`: a repeat without
    an axis reads its array flat, so the reshape before it changes nothing (a fourth examination)."""
    form = shape_rules.array_form
    assert form("dt = ds.reshape(T, N, 1).repeat(H)") == form("dt = ds.reshape(N, T, 1).repeat(H)")
    assert form("np.sum(x.reshape(N, -1))") == form("np.sum(x)")
    assert form("ds.reshape(T, N, 1).repeat(H, axis=2)") != form("ds.reshape(N, T, 1).repeat(H, axis=2)")
    assert form("np.sum(x.reshape(N, -1), axis=1)") != form("np.sum(x, axis=1)")
    one = {"operator": "permute_reshape", "signature": "a"}
    two = {"operator": "drop_axis", "signature": "b"}
    three = {"operator": "axis", "signature": "c"}
    pairs = [(one, "ds.reshape(T, N, 1).repeat(H)"), (two, "ds.reshape(N, T, 1).repeat(H)"),
             (three, "ds.reshape(N, T, 1).repeat(H, axis=0)")]
    picked = distractors.pick_distractors([(dict(e, text=f), f) for e, f in pairs], random.Random(0),
                                          "dt = ds.reshape(N, T, 1).repeat(H, axis=2)")
    assert len(picked) == 2


def test_a_change_on_two_sliced_axes_is_an_option():
    """conv2d_naive's crop changed alike on both axes (`dx_pad[:, :, self.pad:H, self.pad:W]`, a classic mistake
    that one_axis_shift keeps): its index tuple is written without the parentheses ast.unparse puts around it."""
    text = "dx = dx_pad[:, :, self.pad:self.pad + H, self.pad:self.pad + W]"
    out = blanks._choices(text, ("dx = dx_pad[:, :, self.pad:H, self.pad:W]",))
    assert "dx_pad[:, :, self.pad:H, self.pad:W]" in {fill for fills in out.values() for _, fill in fills}


def _failing(operator, text, signature, check, en="wrong values"):
    return {"text": text, "operator": operator, "status": "wrong", "signature": signature,
            "verdict": {"check": check, "stage": "output", "case": "c", "what": "x", "ja": en, "en": en}}


def test_a_blank_offers_at_most_two_shape_errors():
    """split_heads' `x.reshape(N, T, h, d).transpose(0, 2, 1, 3)` offered three reshapes NumPy refuses or that
    return another shape (the eighth examination): `N, h, T, d_k = x.shape` rules them out without reading the
    computation. At most MOST_SHAPE_ERRORS of the three fail by their shape; a value mistake fills the third place,
    and with none the line has no three fair distractors."""
    reference = "return x.reshape(N, T, h, d).transpose(0, 2, 1, 3)"
    shapes = [_failing("permute_reshape", "x.reshape(T, N, h, d).transpose(0, 2, 1, 3)", "a", "shape"),
              _failing("permute_transpose", "x.reshape(N, T, h, d).transpose(0, 2, 3, 1)", "b", "exception",
                       "ValueError while running forward (line 3: ...): cannot reshape array of size 24"),
              _failing("drop_transpose", "x.reshape(N, T, h, d)", "c", "exception",
                       "AxisError while running forward (line 3: ...): axis 3 is out of bounds")]
    value = _failing("reshape_for_transpose", "x.reshape(N, h, T, d)", "d", "values")
    pairs = [(e, e["text"]) for e in shapes]
    assert distractors.MOST_SHAPE_ERRORS == 2 and all(map(distractors.shape_error, shapes))
    assert not distractors.shape_error(value)
    assert not distractors.shape_error(_failing("x", "x", "e", "exception", "TypeError while running relu: ..."))
    assert not distractors.shape_error(_failing("drop_keepdims", "np.sum(dout, axis=0)", "f", "shape"))
    # arguments reordered that the call refuses (dilated_conv's col2im, ninth examination) count; np.max(0, x) not
    assert distractors.shape_error(_failing("swap_arguments", "col2im(FH_d, dcol, self.x_shape, FW_d, 1, 0)", "g",
                                            "exception", "TypeError while running backward: ..."))
    assert not distractors.shape_error(_failing("mistake", "np.max(0, x)", "h", "exception",
                                                "TypeError while running relu(...): ..."))
    # a scalar where an array is expected, and the errors a scalar or a shape raises further on (ninth
    # examination); a float index (max for argmax) and a list returned stay value mistakes
    assert distractors.shape_error(_failing("drop_axis", "np.sum(t)", "i", "type",
                                            "forward output (step 1): expected a NumPy array (an array, not a "
                                            "scalar: check the axis of sum/mean), got float64."))
    assert not distractors.shape_error(_failing("x", "list(t)", "j", "type",
                                                "forward output: expected a NumPy array (a NumPy array, not a list)"))
    assert distractors.shape_error(_failing("drop_axis", "d = np.sqrt(np.sum(diff ** 2))", "k", "exception",
                                            "TypeError while running forward output (step 1) (line 18: loss = ...):"
                                            " object of type 'numpy.float64' has no len()"))
    assert distractors.shape_error(_failing("axis", "t.argmax(axis=0)", "l", "exception",
                                            "IndexError while running cross_entropy_error(...) (line 17: ...): shape"
                                            " mismatch: indexing arrays could not be broadcast together with shapes"
                                            " (5,) (4,)"))
    assert not distractors.shape_error(_failing("partner_name", "t.max(axis=1)", "m", "exception",
                                                "IndexError while running cross_entropy_error(...) (line 17: ...): "
                                                "arrays used as indices must be of integer (or boolean) type"))
    assert not distractors.shape_error(_failing("mistake", "np.max(0, x)", "n", "exception",
                                                "TypeError while running relu(...) (line 3: ...): only integer scalar"
                                                " arrays can be converted to a scalar index"))
    # axes reordered, exposed by a non-square filter as an index out of bounds (col2im's filter axes swapped, tenth
    # examination), count; an off-by-one in index arithmetic out of bounds is the value mistake the blank asks
    bounds = ("IndexError while running col2im(...) (line 23: ...): index 3 is out of bounds for axis 3 with "
              "size 3")
    assert distractors.shape_error(_failing("permute_reshape", "col.reshape(N, out_h, out_w, C, filter_w, filter_h)",
                                            "o", "exception", bounds))
    assert not distractors.shape_error(_failing("int_off_by_one", "y1 = np.minimum(y0 + 1, H - 0)", "p",
                                                "exception", bounds))
    assert len(distractors.pick_distractors(pairs, random.Random(0), reference)) == 2
    picked = distractors.pick_distractors(pairs + [(value, value["text"])], random.Random(0), reference)
    assert len(picked) == 3 and value in [e for e, _ in picked]
    # square's order of preference keeps every fair distractor: the cap applies to the three it offers
    assert len(distractors.pick_distractors(pairs, random.Random(0), reference, count=4,
                                            cap_shape_errors=False)) == 3


def test_a_condition_swapped_with_a_branch_of_np_where_is_not_offered():
    """smooth_l1's backward offered `np.where(self.diff / self.beta, np.sign(self.diff), np.abs(self.diff) <
    self.beta)` (main 4c21455, seed 11): a float as the condition, which no one writes. Its branches swapped stay."""
    reference = "dx = np.where(np.abs(self.diff) < self.beta, self.diff / self.beta, np.sign(self.diff))"

    def ruled_out(text):
        return distractors.give_away_whatever_verdict({"operator": "swap_arguments", "text": text}, reference)
    assert ruled_out("dx = np.where(self.diff / self.beta, np.abs(self.diff) < self.beta, np.sign(self.diff))")
    assert ruled_out("dx = np.where(self.diff / self.beta, np.sign(self.diff), np.abs(self.diff) < self.beta)")
    assert not ruled_out("dx = np.where(np.abs(self.diff) < self.beta, np.sign(self.diff), self.diff / self.beta)")


def test_value_mistakes_are_picked_before_shape_mistakes():
    """With the shape-error cap, the distractors wrong by their values come before those a listing's shapes rule
    out on sight (after the named classic mistakes): three value mistakes leave no key-against-one."""
    reference = "s = np.sum(t, axis=2)"
    shapes = [_failing("axis", "np.sum(t, axis=0)", "a", "shape"), _failing("drop_axis", "np.sum(t)", "b", "type",
                                                                            "expected a NumPy array (an array, "
                                                                            "not a scalar)")]
    values = [_failing("sum_mean", "np.mean(t, axis=2)", "c", "values"),
              _failing("flip_sign", "-np.sum(t, axis=2)", "d", "values"),
              _failing("swap_operands", "np.sum(2, axis=t)", "e", "values")]
    for seed in range(10):
        picked = distractors.pick_distractors([(e, e["text"]) for e in shapes + values], random.Random(seed),
                                              reference)
        assert sorted(e["signature"] for e, _ in picked) == ["c", "d", "e"], seed
