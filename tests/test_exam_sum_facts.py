""""Sum, not mean" asked once per kind (examprep.exam.sum_facts; the ninth examination, kind 5: seed 11 Q24/Q64,
Q25/Q57, Q41/Q66 and seed 13 Q32/Q45, Q47/Q71 of main d1a12f0, layernorm's two means seed 13 Q34/Q36/Q37)."""
from types import SimpleNamespace

from examprep.exam import same_fact, sum_facts


def _q(line, answer, wrong=(), code=None):
    """A code question whose blank is `answer` in `line` (its listing `code`, else the line)."""
    template = line.replace(answer, "＿＿", 1)
    options = [SimpleNamespace(text=answer, correct=True)] + [SimpleNamespace(text=w, correct=False) for w in wrong]
    return SimpleNamespace(answer=answer, code=code or template, problem="p", options=options,
                           blank={"template": template, "marker": "＿＿", "candidate": 0})


def _same(a, b):
    return same_fact.same_fact(a, b) and same_fact.same_fact(b, a)


def _apart(a, b):
    return not same_fact.same_fact(a, b) and not same_fact.same_fact(b, a)


def _one_fact(pairs, others, refs):
    """Every pair asks one fact; none of `others` asks the fact of any of `refs`."""
    assert all(_same(a, b) for a, b in pairs)
    assert all(_apart(other, ref) for other in others for ref in refs)


DW = "np.sum(self.col * dout[:, :, np.newaxis], axis=0).reshape(C, 1, FH, FW)"


def test_a_parameter_gradient_summed_over_the_batch_whatever_the_summand():
    # seed 11 Q25/Q57: depthwise_conv's dW (a sum reshaped) beside group_norm's dgamma; seed 13 Q32/Q45: beside
    # pointwise_conv's db; main's exports, seed 12: layernorm's dbeta (a reshaped gradient summed)
    depthwise = _q(f"self.dW = {DW}", f"self.dW = {DW}",
                   wrong=(f"self.dW = {DW.replace('np.sum', 'np.mean')}", f"self.dW = {DW.replace(', axis=0', '')}"))
    dgamma = _q("self.dgamma = np.sum(self.xn * dout, axis=(0, 2, 3))", "np.sum(self.xn * dout, axis=(0, 2, 3))",
                wrong=("np.sum(self.xn * dout)", "np.mean(self.xn * dout, axis=(0, 2, 3))"))
    db = _q("self.db = np.sum(dout, axis=0)", "np.sum(dout, axis=0)",
            wrong=("np.mean(dout, axis=1)", "np.sum(dout, axis=1)", "np.mean(dout, axis=0)"))
    dbeta = _q("self.dbeta = dout.reshape(-1, D).sum(axis=0)", "dout.reshape(-1, D).sum(axis=0)",
               wrong=("dout.reshape(-1, D).sum()", "dout.reshape(-1, D).mean(axis=0)"))
    # not: a batch sum nested in an expression (batchnorm's mean gradient), a forward sum over axis 0
    nested = _q("dx = dxc - np.sum(dxc, axis=0) / N", "dxc - np.sum(dxc, axis=0) / N",
                wrong=("dxc - np.mean(dxc, axis=0) / N",))
    forward = _q("c = np.sum(a * hs, axis=0)", "np.sum(a * hs, axis=0)", wrong=("np.mean(a * hs, axis=0)",))
    _one_fact([(depthwise, dgamma), (depthwise, db), (dbeta, depthwise), (dbeta, db)], (nested, forward),
              (depthwise, dbeta))


UPSAMPLE = "dout.reshape(N, C, H_out // s, s, W_out // s, s)"


def test_the_gradient_of_a_repeat_sums_over_its_copies():
    # seed 11 Q41/Q66, seed 13 Q47/Q71: upsample's dx over each block and attention_weight's dh over time
    upsample = _q(f"dx = {UPSAMPLE}.sum(axis=(3, 5))", f"{UPSAMPLE}.sum(axis=(3, 5))",
                  wrong=(f"{UPSAMPLE}.mean()", f"{UPSAMPLE}.mean(axis=(3, 5))", f"{UPSAMPLE}.sum()"))
    dh = _q("dh = np.sum(dhr, axis=1)", "dh = np.sum(dhr, axis=1)",
            wrong=("dh = np.mean(dhr)", "dh = np.mean(dhr, axis=1)", "dh = np.sum(dhr)"))
    assert _same(upsample, dh)
    # not: a bias's sum over the batch (another kind), a sum of a gradient whose options change only its axes
    db = _q("self.db = np.sum(dout, axis=0)", "np.sum(dout, axis=0)", wrong=("np.mean(dout, axis=0)",))
    axes_only = _q("dx = dcol.sum(axis=(2, 4))", "dcol.sum(axis=(2, 4))", wrong=("dcol.sum(axis=(3, 5))",))
    assert _apart(upsample, db) and _apart(dh, db) and _apart(axes_only, upsample)


def test_a_weighted_sum_is_a_product_summed_over_an_axis():
    # seed 11 Q24/Q64, seed 13 Q44/Q69: depthwise_conv's forward and attention_weight's `s = np.sum(t, axis=2)`
    # below `t = hs * ar`
    depthwise = _q("out = np.sum(col * col_W, axis=2) + self.b", "out = np.sum(col * col_W, axis=2) + self.b",
                   wrong=("out = np.mean(col * col_W, axis=2) + self.b", "out = np.sum(col * col_W) + self.b"))
    listing = "t = hs * ar\ns = ＿＿\nreturn s"
    attention = _q("s = np.sum(t, axis=2)", "np.sum(t, axis=2)", wrong=("np.mean(t, axis=2)", "np.sum(t)"),
                   code=listing)
    assert _same(depthwise, attention)
    # not: a name the listing does not assign a product, a Euclidean distance (a sum of squares nested in sqrt)
    # beside a gradient summed over axis 1
    plain = _q("s = np.sum(t, axis=2)", "np.sum(t, axis=2)", wrong=("np.mean(t, axis=2)", "np.sum(t)"),
               code=listing.replace("hs * ar", "hs + ar"))
    distance = _q("d = np.sqrt(np.sum(diff ** 2, axis=1))", "d = np.sqrt(np.sum(diff ** 2, axis=1))",
                  wrong=("d = np.sqrt(np.mean(diff ** 2, axis=1))", "d = np.sqrt(np.sum(diff ** 2))"))
    dh = _q("dh = np.sum(dhr, axis=1)", "dh = np.sum(dhr, axis=1)", wrong=("dh = np.mean(dhr, axis=1)",))
    assert _apart(plain, depthwise) and _apart(distance, dh)
    assert sum_facts.PRODUCT_SUM not in sum_facts.question_facts(plain)


def test_a_mean_against_its_sum_over_one_axis_is_one_fact():
    # seed 13 Q34/Q36/Q37: layernorm's mu, var and the mean in dx, each "mean over axis -1"
    mu = _q("mu = np.mean(x, axis=-1, keepdims=True)", "np.mean(x, axis=-1, keepdims=True)",
            wrong=("np.sum(x, axis=-1)", "np.mean(x, axis=-1)", "np.sum(x, axis=-1, keepdims=True)"))
    var = _q("var = np.mean(xc ** 2, axis=-1, keepdims=True)", "np.mean(xc ** 2, axis=-1, keepdims=True)",
             wrong=("np.sum(xc ** 2, axis=-1, keepdims=True)", "np.mean(xc ** 2, axis=0, keepdims=True)"))
    key = "dxn - np.mean(dxn, axis=-1, keepdims=True) - self.xn * np.mean(dxn * self.xn, axis=-1, keepdims=True)"
    dx = _q(f"dx = {key}", key, wrong=(key.replace("axis=-1", "axis=0", 1),
                                     key.replace("np.mean(dxn *", "np.sum(dxn *")))
    assert _same(mu, var) and _same(var, dx) and _same(mu, dx)
    # not: another reduction over that axis (softmax's max), a mean whose options change only its operand
    softmax = _q("m = np.max(x, axis=-1, keepdims=True)", "np.max(x, axis=-1, keepdims=True)",
                 wrong=("np.max(x, axis=-1)", "np.max(x, axis=0, keepdims=True)"))
    operand = _q("v = np.mean(xc ** 2, axis=-1, keepdims=True)", "np.mean(xc ** 2, axis=-1, keepdims=True)",
                 wrong=("np.mean(xc, axis=-1, keepdims=True)",))
    assert _apart(softmax, mu) and _apart(operand, mu)


def test_a_side_with_a_comprehension_is_compared():
    # a set that same_fact's sum facts remade asked complementary() of ngram's `np.stack([tokens[i:len(tokens) - n
    # + 1 + i] for i in range(n)])`, whose squeezed text (`foriinrange(n)`) did not parse (export of seed 11)
    key = "np.stack([tokens[i:len(tokens) - n + 1 + i] for i in range(n)])"
    a = _q(f"grams = {key}", f"grams = {key}", wrong=(f"grams = {key.replace('+ 1 + i', '+ i')}",))
    b = _q("grams = np.stack([tokens[i:i + n] for i in range(n)])", "grams = np.stack([tokens[i:i + n] for i in range(n)])",
           wrong=("grams = np.stack([tokens[i:i + n - 1] for i in range(n)])",))
    assert same_fact.complementary(a, b) in (True, False)


def test_a_weight_gradient_transposed_before_its_reshape_is_one_fact():
    # seed 11 Q36/Q67 (grouped_conv, dilated_conv) and Q52 (pointwise_conv) of main d1a12f0; main 97d64ac's exports
    # ask grouped_conv's beside pointwise_conv's (seed 11 Q66/Q72, seed 13 Q64/Q56 after the sum facts)
    grouped = _q("self.dW[g * Fg:(g + 1) * Fg] = dW_g.T.reshape(Fg, Cg, FH, FW)", "dW_g.T.reshape(Fg, Cg, FH, FW)",
                 wrong=("dW_g.reshape(Fg, Cg, FH, FW)", "dW_g.reshape(Fg, FH, Cg, FW)"))
    key = "np.dot(self.col.T, dout).transpose(1, 0).reshape(FN, C, FH_d, FW_d)"
    dilated = _q(f"dW_d = {key}", key, wrong=("np.dot(self.col.T, dout).reshape(FN, C, FH_d, FW_d)",
                                              "np.dot(self.col.T, dout).transpose(1, 0).reshape(C, FN, FH_d, FW_d)"))
    conv = _q("self.dW = self.dW.transpose(1, 0).reshape(FN, C, FH, FW)",
              "self.dW.transpose(1, 0).reshape(FN, C, FH, FW)", wrong=("self.dW.reshape(FN, C, FH, FW)",))
    pointwise = _q("self.dW = np.dot(dout.T, self.x_row)", "np.dot(dout.T, self.x_row)",
                   wrong=("np.dot(self.x_row, dout.T)", "np.dot(self.x_row.T, dout).reshape(self.W.shape)"))
    # not: the forward's `W.reshape(FN, -1).T` (no gradient), a gradient product whose options only swap its
    # operands (time_affine's dW), a reshape whose options change only its order
    forward = _q("col_W = self.W[g * Fg:(g + 1) * Fg].reshape(Fg, -1).T", "self.W[g * Fg:(g + 1) * Fg].reshape(Fg, -1).T",
                 wrong=("self.W[g * Fg:(g + 1) * Fg].reshape(Fg, -1)",))
    swapped = _q("dW = np.dot(rx.T, dout)", "dW = np.dot(rx.T, dout)", wrong=("dW = np.dot(dout, rx.T)",))
    order = _q("self.dW = self.dW.transpose(1, 0).reshape(FN, C, FH, FW)",
               "self.dW.transpose(1, 0).reshape(FN, C, FH, FW)",
               wrong=("self.dW.transpose(1, 0).reshape(C, FN, FH, FW)", "self.dW.transpose(1, 0).reshape(FN, FH, C, FW)"))
    _one_fact([(grouped, dilated), (dilated, conv), (conv, pointwise), (pointwise, grouped)], (forward, swapped, order),
              (grouped, pointwise))


def test_a_reshaped_gradient_sum_is_given_away_by_another_listing():
    # seed 11 Q25 of main d1a12f0: depthwise_conv's own `self.db = np.sum(dout, axis=0)` hidden for its dW blank,
    # the same line shown in grouped_conv's, pointwise_conv's and dilated_conv's listings
    wrong = (f"self.dW = {DW.replace('np.sum', 'np.mean')}", f"self.dW = {DW.replace(', axis=0', '')}",
             f"self.dW = {DW.replace('np.sum', 'np.mean').replace(', axis=0', '')}")
    depthwise = _q(f"self.dW = {DW}", f"self.dW = {DW}", wrong=wrong)
    pointwise = "def backward(self, dout):\n    self.db = np.sum(dout, axis=0)\n    return np.dot(dout, self.W)"
    assert sum_facts.gradient_sum_shown(depthwise, (pointwise,))
    # not: a bias summed over other axes, a forward sum over axis 0, the db line blanked
    for code in (pointwise.replace("axis=0", "axis=(0, 2, 3)"), "out = np.sum(x * w, axis=0)",
                 pointwise.replace("np.sum(dout, axis=0)", "＿＿(あ)＿＿")):
        assert not sum_facts.gradient_sum_shown(depthwise, (code,))


def test_a_sum_of_a_comprehension_is_read():
    # the summand is read as a node, not parsed again from its squeezed text (`[aforainb]` does not parse)
    key = "np.sum([w * x for w, x in pairs], axis=0)"
    q = _q(f"s = {key}", key, wrong=(key.replace("np.sum", "np.mean"),))
    assert ("sum", "0", "forward") in sum_facts.question_facts(q)


def _exam_q(n, line, answer, wrong):
    """_q with what seen.Seen reads of a question (stem, label, item, ...), problem `p<n>`."""
    q = _q(line, answer, wrong)
    q.problem, q.stem, q.label, q.template, q.id, q.item = f"p{n}", {"en": f"listing {n}"}, "(a)", None, str(n), "3-1"
    q.blank = dict(q.blank, candidate=n)
    return q


def test_sum_or_mean_is_asked_at_most_twice_an_exam_and_once_a_set():
    # the tenth examination, seed 12 of main cfb07fa: Q31 upsample (its mean a curated `mistake`), Q38
    # attention_weight's forward, Q44 grouped_conv's db, Q87 contrastive_loss' distance: once the shape-only
    # distractors are gone, each asks "sum or mean" (three kinds, and a distance no kind counts)
    from examprep.exam.seen import Seen

    upsample = _exam_q(31, f"dx = {UPSAMPLE}.sum(axis=(3, 5))", f"dx = {UPSAMPLE}.sum(axis=(3, 5))",
                       (f"dx = {UPSAMPLE}.mean(axis=(3, 5))", f"dx = {UPSAMPLE}.mean()", f"dx = {UPSAMPLE}.sum()"))
    weighted = _exam_q(38, "s = np.sum(t, axis=2)", "np.sum(t, axis=2)",
                       ("np.sum(t, axis=0)", "np.mean(t, axis=0)", "np.mean(t, axis=2)"))
    db = _exam_q(44, "self.db = np.sum(dout, axis=0)", "np.sum(dout, axis=0)",
                 ("np.sum(dout, axis=1)", "np.mean(dout, axis=0)", "np.mean(dout, axis=1)"))
    distance = _exam_q(87, "d = np.sqrt(np.sum(diff ** 2, axis=1))", "d = np.sqrt(np.sum(diff ** 2, axis=1))",
                       ("d = np.sqrt(np.sum(diff ** 2))", "d = np.sqrt(np.mean(diff ** 2, axis=1))",
                        "d = np.sqrt(np.mean(diff ** 2))"))
    # not: a sum whose options change only its axis or operand, a sum against a sum divided (no mean offered)
    axes_only = _exam_q(1, "dx = dcol.sum(axis=(2, 4))", "dcol.sum(axis=(2, 4))",
                        ("dcol.sum(axis=(3, 5))", "dcol.sum()"))
    divided = _exam_q(2, "loss = np.sum(e) / N", "np.sum(e) / N", ("np.sum(e)", "-np.sum(e) / N"))
    assert all(map(sum_facts.swaps_sum_mean, (upsample, weighted, db, distance)))
    assert not sum_facts.swaps_sum_mean(axes_only) and not sum_facts.swaps_sum_mean(divided)
    seen = Seen()
    assert seen.take([upsample, weighted, db, distance, axes_only, divided]) == [upsample, weighted, axes_only,
                                                                                 divided]
    # within one set, the second such blank is a twin: the set is made again without it
    assert same_fact.renamed_twins([db, distance]) == {87}
    assert not same_fact.renamed_twins([db, axes_only]) and not same_fact.renamed_twins([divided, distance])
