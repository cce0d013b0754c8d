"""Give-aways and repeats of the fourth examination (issue 16, exports of seeds 11 and 13 of main 07b0412): a
blank's inverse, the other branch of its if, its slice's complement, the same backward pattern or a single
reduction under other names, an argument order shown by a scenario's definition, a scenario stem printing a key,
RMSprop's line as Adam's v."""
from types import SimpleNamespace

from examprep.exam import code_walk, compose, giveaways, seen
from examprep.exam.giveaways import shows_partner
from examprep.exam.same_fact import renamed_shape
from tests.test_exam_compose import _code_question

MERGE = "def merge_heads(x):\n    N, h, T, d_k = x.shape\n    return x.transpose(0, 2, 1, 3).reshape(N, T, h * d_k)\n"


def test_a_blank_whose_inverse_is_shown_leaks():
    """split_heads' blank beside merge_heads (seeds 11 Q22, 12 Q30, 13 Q57 of main e9f85f4), a backward's
    `dout.transpose(0, 2, 3, 1).reshape(-1, 1)` beside its forward's `reshape(...).transpose(0, 3, 1, 2)` (seed
    12 Q43, lp_pool); not a chain that is not undone (the same permutation twice, a chain with another step)."""
    split = _code_question("return x.reshape(N, T, num_heads, D // num_heads).transpose(0, 2, 1, 3)",
                           ["return x.reshape(N, T, num_heads, D // num_heads).transpose(0, 2, 3, 1)",
                            "return x.reshape(N, num_heads, T, D // num_heads).transpose(0, 2, 1, 3)"],
                           code="def split_heads(x, num_heads):\n    ＿＿(あ)＿＿\n\n\n" + MERGE)
    assert shows_partner(split)
    sizes = _code_question("x.reshape(N, T, num_heads, D // num_heads)",
                           ["x.reshape(N, num_heads, T, D // num_heads)", "x.reshape(T, N, num_heads, D // num_heads)"],
                           code="def split_heads(x, num_heads):\n    return ＿＿(あ)＿＿.transpose(0, 2, 1, 3)\n\n\n"
                                + MERGE)
    sizes.blank["template"] = "return ＿＿(あ)＿＿.transpose(0, 2, 1, 3)"
    assert shows_partner(sizes)
    forward = "out = out.reshape(N, out_h, out_w, C).transpose(0, 3, 1, 2)\n"
    backward = _code_question("dout = dout.transpose(0, 2, 3, 1).reshape(-1, 1)",
                              ["dout = dout.transpose(0, 3, 1, 2).reshape(-1, 1)", "dout = dout.reshape(-1, 1)"],
                              code=forward + "＿＿(あ)＿＿\n")
    assert shows_partner(backward)
    # not undone: the forward's permutation again, or a chain with another step
    assert not shows_partner(_code_question(backward.answer, [o.text for o in backward.options[1:]],
                                            code="out = out.transpose(0, 2, 3, 1).reshape(N, -1)\n＿＿(あ)＿＿\n"))
    assert not shows_partner(_code_question(backward.answer, [o.text for o in backward.options[1:]],
                                            code="out = out.repeat(2, axis=0).transpose(0, 3, 1, 2)\n＿＿(あ)＿＿\n"))


def test_a_transpose_undone_by_a_shown_one_leaks_whatever_reshapes_stand_beside():
    """avg_pooling's backward `dout = dout.transpose(0, 2, 3, 1)` beside the blank `out.reshape(N, out_h, out_w,
    C).transpose(0, 3, 1, 2)` (the final examination of 2026-12-03, seed 11 Q57); not the same permutation, nor a
    self-inverse one."""
    key = "out = out.reshape(N, out_h, out_w, C).transpose(0, 3, 1, 2)"
    wrong = ["out = out.reshape(N, out_h, C, out_w).transpose(0, 3, 1, 2)",
             "out = out.reshape(N, out_h, out_w, C).transpose(0, 1, 3, 2)"]
    assert shows_partner(_code_question(key, wrong, code="＿＿(あ)＿＿\ndout = dout.transpose(0, 2, 3, 1)\n"))
    assert not shows_partner(_code_question(key, wrong, code="＿＿(あ)＿＿\ndout = dout.transpose(0, 3, 1, 2)\n"))
    swap = "y = x.reshape(N, T, D).transpose(0, 2, 1)"
    assert not shows_partner(_code_question(swap, ["y = x.reshape(N, D, T).transpose(0, 2, 1)",
                                                   "y = x.reshape(N, T, D).transpose(1, 0, 2)"],
                                            code="＿＿(あ)＿＿\ndx = dy.transpose(0, 2, 1)\n"))


def test_the_other_branch_of_the_same_if_leaks():
    """softmax_with_loss's one-hot branch blanked beside its label branch (seed 13 Q40), and the reverse; a blank
    in an if without an else, or whose other branch assigns another name, is not."""
    code = ("if self.t.size == self.y.size:\n    dx = ＿＿(あ)＿＿\nelse:\n    dx = self.y.copy()\n"
            "    dx[np.arange(batch_size), self.t] -= 1\n    dx = dx / batch_size\nreturn dx * dout\n")
    onehot = _code_question("(self.y - self.t) / batch_size",
                            ["self.y - self.t", "(self.t - self.y) / batch_size"], code=code)
    onehot.blank["template"] = "dx = ＿＿(あ)＿＿"
    assert shows_partner(onehot)
    labels = _code_question("dx[np.arange(batch_size), self.t] -= 1",
                            ["dx[np.arange(batch_size), self.t] += 1", "dx[:, self.t] -= 1"],
                            code="if self.t.size == self.y.size:\n    dx = (self.y - self.t) / batch_size\nelse:\n"
                                 "    dx = self.y.copy()\n    ＿＿(あ)＿＿\n    dx = dx / batch_size\n")
    assert shows_partner(labels)
    alone = _code_question("(self.y - self.t) / batch_size", ["self.y - self.t", "(self.t - self.y) / batch_size"],
                           code="if self.t.size == self.y.size:\n    dx = ＿＿(あ)＿＿\nreturn dx\n")
    alone.blank["template"] = "dx = ＿＿(あ)＿＿"
    assert not shows_partner(alone)
    other = _code_question("(self.y - self.t) / batch_size", ["self.y - self.t", "(self.t - self.y) / batch_size"],
                           code="if mask:\n    dx = ＿＿(あ)＿＿\nelse:\n    t = self.t.argmax(axis=1)\n")
    other.blank["template"] = "dx = ＿＿(あ)＿＿"
    assert not shows_partner(other)


def test_the_complementary_slice_shows_the_position():
    """vit_patch_embed's `dtokens = dz[:, 1:]` beside the blank `self.dcls_token = np.sum(dz[:, :1], ...)` whose
    options take `dz[:, -1:]` (seed 11 Q78); a slice of another array, or options that do not change the slice,
    are not."""
    key = "self.dcls_token = np.sum(dz[:, :1], axis=0, keepdims=True)"
    wrong = ["self.dcls_token = np.sum(dz[:, -1:], axis=0, keepdims=True)",
             "self.dcls_token = np.mean(dz[:, :1], axis=0, keepdims=True)"]
    assert shows_partner(_code_question(key, wrong, code="＿＿(あ)＿＿\ndtokens = dz[:, 1:]\n"))
    assert not shows_partner(_code_question(key, wrong, code="＿＿(あ)＿＿\ndtokens = dy[:, 1:]\n"))
    assert not shows_partner(_code_question(key, [wrong[1], "self.dcls_token = np.sum(dz[:, :1], axis=1)"],
                                            code="＿＿(あ)＿＿\ndtokens = dz[:, 1:]\n"))


def test_the_same_backward_matmul_under_other_names_leaks():
    """MultiHeadAttention's `dx_q = np.dot(dQ, W_q.T)` beside the blank `dconcat = np.dot(dout, W_o.T)` (seed 11
    Q25): a transpose counts as an operation; a product without one under another name stays an idiom."""
    wrong = ["dconcat = np.dot(dout, W_o)", "dconcat = dout", "dconcat = np.dot(W_o.T, dout)"]
    code = "＿＿(あ)＿＿\ndx_q = np.dot(dQ, W_q.T)\n"
    assert shows_partner(_code_question("dconcat = np.dot(dout, W_o.T)", wrong, code=code))
    plain = ["out = np.dot(W, x)", "out = x", "out = np.dot(x, W.T)"]
    assert not shows_partner(_code_question("out = np.dot(x, W)", plain, code="＿＿(あ)＿＿\nh = np.dot(a, V)\n"))


def test_a_single_reduction_whose_keywords_the_options_change_leaks():
    """weight_sum's `c = np.sum(t, axis=1)` in another set's listing beside attention_weight's blank `dh =
    np.sum(dhr, axis=1)`, whose options change the axis (seed 11 Q57): a give-away, not an idiom; another axis,
    another syllabus item's listing, or options that change only the function, are not."""
    wrong = ["dh = np.mean(dhr, axis=0)", "dh = np.mean(dhr, axis=1)", "dh = np.sum(dhr, axis=0)"]
    q = _code_question("dh = np.sum(dhr, axis=1)", wrong)
    listing = SimpleNamespace(code="c = np.sum(t, axis=1)\n", blank=None, answer="x", options=[], item=q.item)
    assert giveaways.shows_statement_elsewhere(q, [listing])
    assert giveaways.shows_earlier_statement([q], listing.code, q.item)   # the other way round
    other = SimpleNamespace(code="c = np.sum(t, axis=2)\n", blank=None, answer="x", options=[], item=q.item)
    assert not giveaways.shows_statement_elsewhere(q, [other])
    # another topic's listing: its axis belongs to its own data (ensemble_vote's argmax over classes beside
    # max_pooling's argmax over a window's elements)
    topic = SimpleNamespace(code="c = np.sum(t, axis=1)\n", blank=None, answer="x", options=[], item="3-7-4")
    assert not giveaways.shows_statement_elsewhere(q, [topic])
    assert not giveaways.shows_earlier_statement([q], topic.code, topic.item)
    functions = _code_question("dh = np.sum(dhr, axis=1)", ["dh = np.mean(dhr, axis=1)", "dh = np.max(dhr, axis=1)"])
    assert not giveaways.shows_statement_elsewhere(functions, [listing])


def test_a_scenarios_definition_shows_a_layer_calls_argument_order():
    """The attention scenario's `def attention(Q, K, V, mask=None)` beside MultiHeadAttention's blank
    `self.attention.forward(Q, K, V, mask)` whose options reorder the arguments (seed 11 Q24); an array method's
    arguments (reshape's sizes) are not a signature."""
    scenario = SimpleNamespace(code="def attention(Q, K, V, mask=None):\n    return Q\n", blank=None, answer="x",
                               options=[], stem={"en": "s"})
    q = _code_question("self.attention.forward(Q, K, V, mask)",
                       ["self.attention.forward(Q, V, K, mask)", "self.attention.forward(K, Q, V, mask)"],
                       problem="multi_head_attention")
    assert giveaways.shows_order_elsewhere(q, [scenario])
    assert code_walk._left_out([q], seen.Seen(), [scenario]) == {0}
    sizes = _code_question("x.reshape(Q, K, V, mask)", ["x.reshape(Q, V, K, mask)", "x.reshape(K, Q, V, mask)"])
    assert not giveaways.shows_order_elsewhere(sizes, [scenario])


def test_a_scenario_stem_that_prints_a_key_leaks():
    """A scenario stem is checked against the code sets' keys (the LSTM scenario's dc_prev stem once printed
    `dh_next * o * (1 - np.tanh(c_next) ** 2)`)."""
    stem = SimpleNamespace(code="h = 1\n", blank=None, answer="x", options=[],
                           stem={"ja": "ds = dh_next * o * (1 - np.tanh(c_next) ** 2) のとき", "en": "given ds"})
    q = _code_question("ds = dh_next * o * (1 - np.tanh(c_next) ** 2)", ["ds = dh_next * o"])
    assert giveaways.shows_statement_elsewhere(q, [stem])
    assert not giveaways.shows_statement_elsewhere(_code_question("ds = dh_next * (1 - o ** 2)", ["ds = o"]), [stem])


def test_rmsprops_line_is_adams_second_moment():
    """RMSprop's `self.decay_rate * self.h[key] + (1 - self.decay_rate) * grads[key] * grads[key]` and Adam's v
    line (seed 13 Q66/Q68): one fact (a factor twice is its square); another power is not."""
    rms = "self.decay_rate * self.h[key] + (1 - self.decay_rate) * grads[key] * grads[key]"
    adam = "self.v[key] = self.beta2 * self.v[key] + (1 - self.beta2) * grads[key] ** 2"
    assert renamed_shape(rms) == renamed_shape(adam)
    assert renamed_shape(rms) != renamed_shape("self.v[key] = self.beta2 * self.v[key] + (1 - self.beta2) * grads[key]")
