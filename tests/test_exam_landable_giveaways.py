"""Give-away rules that had cost sets until the walk could hide a line instead of leaving a blank out
(code_walk.hide_giveaways; issue 16): from the fifth examination (branch fix8b-unlanded) a product's factors in any
order, a wrong option a shown line computes, np.dot's argument roles shown by a sibling weight gradient, a
reduction shown in another item of the same chapter; from the final one, a reduction undone by a repeat over the
same axis and Adam's partner moment shown up to its square."""
from types import SimpleNamespace

from examprep.exam import inferred
from examprep.exam.counterparts import reduction_inverse_shown
from examprep.exam.partners import partner_line_shown_but_square
from examprep.exam.giveaways import kindred, shows_partner
from examprep.exam.same_call import product_roles_shown

GRU_BACKWARD = ("    dh_prev = dh_next * (1 - z)\n"
                "    dt = dz * z * (1 - z)\n"
                "    dWxz = np.dot(x.T, dt)\n"
                "    dWhz = np.dot(h_prev.T, dt)\n")


def test_sigmoids_derivative_is_shown_by_a_product_in_another_order():
    # sigmoid's backward (seed 13 Q42 of the fifth examination) beside GRU's dt = dz * z * (1 - z)
    key = "dx = dout * (1.0 - self.out) * self.out"
    wrong = ["dx = dout * (1.0 + self.out) * self.out", "dx = dout * (1.0 - self.out)",
             "dx = dout * self.out * self.out"]
    assert inferred.statement_shown(key, wrong, (GRU_BACKWARD,))
    # a product of other shape shows nothing
    assert not inferred.statement_shown(key, wrong, ("    y = a * b\n",))


def _q(line, answer, wrong, code):
    template = line.replace(answer, "＿＿", 1)
    options = [SimpleNamespace(text=answer, correct=True)] + [SimpleNamespace(text=w, correct=False) for w in wrong]
    return SimpleNamespace(answer=answer, code=code, problem="gru_cell", options=options,
                           blank={"template": template, "marker": "＿＿", "candidate": 0})


def test_a_wrong_option_that_a_shown_line_computes_gives_the_blank_away():
    # GRU's dh_hat = dh_next * z (seed 13 Q68): the option dh_next * (1 - z) is what dh_prev is given
    wrong = ["dh_next * (1 - z)", "dh_next * (1 + z)", "z"]
    shown = _q("dh_hat = dh_next * z", "dh_next * z", wrong, GRU_BACKWARD + "    dh_hat = ＿＿\n")
    assert shows_partner(shown)
    hidden = _q("dh_hat = dh_next * z", "dh_next * z", wrong, "    dh_prev = ...\n    dh_hat = ＿＿\n")
    assert not shows_partner(hidden)


def test_np_dots_argument_roles_are_shown_by_a_sibling_gradient():
    key = "dWhh = np.dot((r * h_prev).T, dt)"
    wrong = ["dWhh = np.dot(dt, (r * h_prev).T)", "dWhh = np.dot(r * h_prev, dt)", "dWhh = np.dot(dt, r * h_prev)"]
    assert product_roles_shown(key, wrong, GRU_BACKWARD.split("\n"))     # seed 13 Q69
    assert not product_roles_shown(key, wrong, ["    dx = np.dot(dt, Wx.T)"])
    # options that keep the roles rule nothing out
    assert not product_roles_shown(key, ["dWhh = np.dot((r + h_prev).T, dt)", "dWhh = np.dot(h_prev.T, dt)",
                                         "dWhh = np.dot((r * h_prev).T, dz)"], GRU_BACKWARD.split("\n"))


def test_items_of_one_chapter_are_kindred():
    assert kindred("3-5-1", "3-5-2") and kindred("3-5-1", "3-5-1")      # rnn_cell's db beside GRU's dbh (Q61)
    assert not kindred("3-7-4", "3-4-3") and not kindred(None, "3-5-1") and not kindred("3-5-1", None)


def test_a_reduction_is_undone_by_a_repeat_over_the_same_axis():
    # avg_pooling's forward beside its backward (seed 11 Q21), the Repeat node's forward beside its backward (Q51)
    assert reduction_inverse_shown("out = np.mean(col, axis=1)",
                                   ["    dcol = np.repeat(dout.reshape(-1, 1) / pool_size, pool_size, axis=1)"])
    assert reduction_inverse_shown("y = np.repeat(x, self.N, axis=0)", ["dx = np.sum(dout, axis=0, keepdims=True)"])
    assert reduction_inverse_shown("dt = ds.reshape(N, T, 1).repeat(H, axis=2)", ["s = np.sum(t, 2)"])
    # another axis, two reductions, or no constant axis show nothing
    assert not reduction_inverse_shown("out = np.mean(col, axis=1)", ["dcol = np.repeat(dout, 2, axis=0)"])
    assert not reduction_inverse_shown("out = np.mean(col, axis=1)", ["x = np.sum(a, axis=1)"])
    assert not reduction_inverse_shown("out = np.mean(col, axis=k)", ["dcol = np.repeat(dout, 2, axis=k)"])


ADAM = ("            self.m[key] = self.beta1 * self.m[key] + (1 - self.beta1) * grads[key]\n"
        "            ＿＿(あ)＿＿\n")


def test_adams_partner_moment_is_shown_up_to_its_square():
    v = "self.v[key] = self.beta2 * self.v[key] + (1 - self.beta2) * grads[key] ** 2"
    assert partner_line_shown_but_square(v, ADAM)                       # both examinations' Adam question
    m = "self.m[key] = self.beta1 * self.m[key] + (1 - self.beta1) * grads[key]"
    shown_v = "    self.v[key] = self.beta2 * self.v[key] + (1 - self.beta2) * grads[key]**2\n"
    assert partner_line_shown_but_square(m, shown_v)
    # RMSprop's h beside Adam's v is no partner line (another name), nor is m's line with another decay
    rmsprop_like = "self.h[key] = self.beta1 * self.h[key] + (1 - self.beta1) * grads[key]\n"
    assert not partner_line_shown_but_square(v, rmsprop_like)
    assert not partner_line_shown_but_square(v, "self.m[key] = 0.9 * self.m[key] + 0.1 * grads[key]\n")


def _labelled(template, answer, wrong, code, problem):
    """A code question whose blank ＿＿(あ)＿＿ in `template` has the key `answer`."""
    return SimpleNamespace(answer=answer, code=code, problem=problem,
                           options=[SimpleNamespace(text=answer, correct=True)] +
                           [SimpleNamespace(text=w, correct=False) for w in wrong],
                           blank={"template": template, "marker": "＿＿(あ)＿＿", "candidate": 0})


def test_a_column_of_every_row_reads_as_one_rows_item():
    # iou_box: the batch's areas line below the blank area of one box (the seventh examination, seed 13 Q94)
    code = ("    area = ＿＿(あ)＿＿\n"
            "    areas = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])\n")
    wrong = ["(box[0] - box[2]) * (box[3] - box[1])", "(box[2] - box[0]) * (box[3] + box[1])",
             "(box[0] - box[2]) * (box[3] + box[1])"]
    q = _labelled("area = ＿＿(あ)＿＿", "(box[2] - box[0]) * (box[3] - box[1])", wrong, code, "iou_box")
    assert shows_partner(q)
    # a listing without the batch's line shows nothing
    q.code = "    area = ＿＿(あ)＿＿\n    inter = w * h\n    xx1 = np.maximum(box[0], boxes[:, 0])\n"
    assert not shows_partner(q)


def test_a_term_of_a_shown_sum_shows_the_key():
    # multi_head_attention's dx_kv beside the blank dconcat (the seventh examination, seed 13 Q27)
    wrong = ["np.dot(W_o, dout)", "np.dot(W_o.T, dout)", "np.dot(dout, W_o)"]
    q = _labelled("dconcat = ＿＿(あ)＿＿", "np.dot(dout, W_o.T)", wrong,
                  "        dconcat = ＿＿(あ)＿＿\n        dx_kv = np.dot(dK, W_k.T) + np.dot(dV, W_v.T)\n",
                  "multi_head_attention")
    assert shows_partner(q)
    # a sum of forward products (no transpose) shows nothing of it
    q.code = "        dconcat = ＿＿(あ)＿＿\n        t = np.dot(h, Wh) + np.dot(x, Wx)\n"
    assert not shows_partner(q)


def test_a_chain_that_is_its_own_inverse_shown_gives_its_transpose_away():
    """The twenty-ninth examination, seed 11 Q87: swin's window_reverse prints `x.transpose(0, 1, 3, 2, 4,
    5).reshape(B, H, W, -1)` beside the blank `windows = x.transpose(0, 1, 3, 2, 4, 5).reshape(-1, ws, ws, C)`.
    Another permutation, or none, stays allowed."""
    from examprep.exam.counterparts import inverse_shown

    blank = "windows = x.transpose(0, 1, 3, 2, 4, 5).reshape(-1, ws, ws, C)"
    key = "x.transpose(0, 1, 3, 2, 4, 5).reshape(-1, ws, ws, C)"
    assert inverse_shown(blank, key, ["x = x.transpose(0, 1, 3, 2, 4, 5).reshape(B, H, W, -1)"])
    assert not inverse_shown(blank, key, ["x = x.transpose(0, 2, 1, 3, 4, 5).reshape(B, H, W, -1)"])
    assert not inverse_shown(blank, key, ["x = windows.reshape(B, H, W, -1)"])
