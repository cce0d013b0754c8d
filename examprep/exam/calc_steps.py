"""Multi-step calculation templates across areas 1–5 (issue 16): Adam at t > 1, receptive fields with strides,
KL between Gaussians, attention parameters, AP from a ranked list, eigenvalues, binomial probabilities, the
Gaussian MLE, mutual information, ROC-AUC, perplexity, transposed-conv sizes, grouped-conv parameters, the
mixup loss and a weight-decay step.

Same contract as calc_questions (which merges STEPS into its TEMPLATES): template(rng, seed, set_id) ->
[Question], the key computed here (by the reference where it has the computation), three wrong options from
classic slips, Redraw when two options would look the same. tests/test_exam_calc_steps.py recomputes every
key independently (PyTorch, another algorithm).
"""
import math

import numpy as np

from examprep.exam.calc_questions import Redraw, _question, _t


def adam_t(rng, seed, set_id):
    """The size of Adam's t-th update (t = 2 or 3) of a scalar weight, from the gradients so far."""
    from reference.optimizers import Adam

    t = rng.choice([2, 3])
    grads = [rng.choice([-2.0, -1.0, -0.5, 0.5, 1.0, 2.0, 3.0]) for _ in range(t)]
    lr, b1, b2 = 0.1, 0.9, 0.999
    params = {"w": np.array([1.0])}
    opt = Adam(lr=lr, beta1=b1, beta2=b2)
    for g in grads:
        before = params["w"].copy()
        opt.update(params, {"w": np.array([g])})
    step = float((params["w"] - before)[0])
    m = v = 0.0
    for g in grads:
        m, v = b1 * m + (1 - b1) * g, b2 * v + (1 - b2) * g * g
    m_hat, v_hat = m / (1 - b1 ** t), v / (1 - b2 ** t)
    gs = ", ".join(f"{g:g}" for g in grads)
    params_ = {"grads": grads, "lr": lr, "beta1": b1, "beta2": b2, "t": t}
    return [_question(
        f"calc:adam_t:s{seed}", "adam_t", "3-2-3",
        _t(f"Adam (学習率 0.1、β1 = 0.9、β2 = 0.999、ε は無視できる) でスカラーの重み w を更新する。m = v = 0 から始めて、"
           f"勾配が順に {gs} だった。{t} 回目の更新で w が変化する量 (更新後 − 更新前) はいくらか (小数第 4 位まで四捨五入)。",
           f"Adam (learning rate 0.1, β1 = 0.9, β2 = 0.999, ε negligible) updates a scalar weight w, starting from m = v = 0. "
           f"The gradients were {gs}, in that order. By how much does w change at update {t} (after − before), rounded to "
           f"4 decimals?"),
        _t(f"m = {m:.5g}、v = {v:.5g}、m̂ = m/(1 − 0.9^{t}) = {m_hat:.5g}、v̂ = v/(1 − 0.999^{t}) = {v_hat:.5g}。"
           f"変化量 = −0.1 · m̂/√v̂ = {step:.4f}。",
           f"m = {m:.5g}, v = {v:.5g}, m̂ = m/(1 − 0.9^{t}) = {m_hat:.5g}, v̂ = v/(1 − 0.999^{t}) = {v_hat:.5g}. "
           f"Change = −0.1 · m̂/√v̂ = {step:.4f}."),
        step,
        [("no_bias_correction", -lr * m / math.sqrt(v), _t("バイアス補正を忘れた", "forgot the bias correction")),
         ("first_step_correction", -lr * (m / (1 - b1)) / math.sqrt(v / (1 - b2)),
          _t("補正を t = 1 の値 (1 − β) で行った", "corrected with t = 1 (1 − β)")),
         ("last_gradient_only", -lr * grads[-1] / abs(grads[-1]), _t("最後の勾配だけで t = 1 のように計算した",
                                                                     "used the last gradient alone, as at t = 1")),
         ("no_sqrt", -lr * m_hat / v_hat, _t("v̂ の平方根を取っていない", "did not take the square root of v̂"))],
        4, rng, set_id, seed, params_)]


def receptive_field_strided(rng, seed, set_id):
    """Receptive field of a stack of convolutions and poolings with strides: r = 1 + Σ (k_i − 1) Π_{j<i} s_j."""
    kinds = [("conv", 3, 1), ("conv", 3, 2), ("pool", 2, 2), ("conv", 5, 1), ("conv", 3, 1), ("pool", 3, 2),
             ("conv", 7, 2)]
    layers = [rng.choice(kinds) for _ in range(rng.choice([3, 4]))]
    if all(s == 1 for _, _, s in layers[:-1]):
        raise Redraw()
    r, jump = 1, 1
    for _, k, s in layers:
        r += (k - 1) * jump
        jump *= s
    no_stride = 1 + sum(k - 1 for _, k, _ in layers)
    own_stride = 1
    j = 1
    for _, k, s in layers:
        j *= s
        own_stride += (k - 1) * j
    names_ja = {"conv": "畳み込み", "pool": "プーリング"}
    desc_ja = " → ".join(f"{names_ja[n]} {k}×{k} (ストライド {s})" for n, k, s in layers)
    desc_en = " → ".join(f"{n} {k}×{k} (stride {s})" for n, k, s in layers)
    params_ = {"layers": [list(l) for l in layers]}
    return [_question(
        f"calc:receptive_field_strided:s{seed}", "receptive_field_strided", "3-4-1",
        _t(f"入力側から順に {desc_ja} を重ねた (パディングは受容野に影響しない)。最後の層の出力 1 画素の受容野の一辺は何画素か。",
           f"The layers, from the input: {desc_en} (padding does not change the receptive field). How many input pixels "
           f"wide is the receptive field of one output pixel of the last layer?"),
        _t(f"受容野 r = 1 + Σ (k_i − 1) × (それより前の層のストライドの積) = {r}。",
           f"r = 1 + Σ (k_i − 1) × (product of the strides of the earlier layers) = {r}."),
        r,
        [("ignored_strides", no_stride, _t("ストライドを無視した", "ignored the strides")),
         ("own_stride", own_stride, _t("その層自身のストライドまで掛けた", "also multiplied by the layer's own stride")),
         ("product", math.prod(k for _, k, _ in layers), _t("カーネルの大きさを掛け合わせた", "multiplied the kernel sizes")),
         ("sum_kernels", sum(k for _, k, _ in layers), _t("カーネルの大きさを足しただけ", "added the kernel sizes"))],
        0, rng, set_id, seed, params_)]


def kl_gaussians(rng, seed, set_id):
    """KL(N(μ1, σ1²) ‖ N(μ2, σ2²)) = log(σ2/σ1) + (σ1² + (μ1 − μ2)²)/(2σ2²) − 1/2, in nats."""
    m1, m2 = rng.choice([0.0, 1.0, -1.0, 2.0]), rng.choice([0.0, 1.0, 0.5, -0.5])
    s1, s2 = rng.choice([0.5, 1.0, 2.0]), rng.choice([1.0, 2.0, 0.5])
    if (m1, s1) == (m2, s2):
        raise Redraw()

    def kl(a, sa, b, sb):
        return math.log(sb / sa) + (sa ** 2 + (a - b) ** 2) / (2 * sb ** 2) - 0.5

    key = kl(m1, s1, m2, s2)
    params_ = {"mu1": m1, "sigma1": s1, "mu2": m2, "sigma2": s2}
    return [_question(
        f"calc:kl_gaussians:s{seed}", "kl_gaussians", "1-3-1",
        _t(f"P = N(μ = {m1:g}, σ = {s1:g})、Q = N(μ = {m2:g}, σ = {s2:g}) (σ は標準偏差) のとき、D_KL(P ‖ Q) は何ナットか "
           f"(自然対数、小数第 3 位まで四捨五入)。",
           f"P = N(μ = {m1:g}, σ = {s1:g}) and Q = N(μ = {m2:g}, σ = {s2:g}) (σ the standard deviation). What is "
           f"D_KL(P ‖ Q) in nats (natural log), rounded to 3 decimals?"),
        _t(f"D_KL = log(σQ/σP) + (σP² + (μP − μQ)²)/(2σQ²) − 1/2 = {key:.3f}。",
           f"D_KL = log(σQ/σP) + (σP² + (μP − μQ)²)/(2σQ²) − 1/2 = {key:.3f}."),
        key,
        [("reversed", kl(m2, s2, m1, s1), _t("D_KL(Q ‖ P) を求めた", "computed D_KL(Q ‖ P)")),
         ("sigma_as_variance", math.log(s2 / s1) + (s1 + (m1 - m2) ** 2) / (2 * s2) - 0.5,
          _t("標準偏差を分散として代入した", "used the standard deviations as variances")),
         ("no_half", key + 0.5, _t("−1/2 を忘れた", "forgot the − 1/2")),
         ("log_variance_ratio", math.log(s2 ** 2 / s1 ** 2) + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s2 ** 2) - 0.5,
          _t("対数の項を分散の比にした", "took the log of the variance ratio"))],
        3, rng, set_id, seed, params_)]


def attention_params(rng, seed, set_id):
    """Parameters of multi-head attention with d_model and h heads (W_Q, W_K, W_V, W_O with biases)."""
    d = rng.choice([64, 128, 256, 512, 768])
    h = rng.choice([4, 8, 12, 16])
    if d % h:
        raise Redraw()
    key = 4 * (d * d + d)
    params_ = {"d_model": d, "heads": h}
    return [_question(
        f"calc:attention_params:s{seed}", "attention_params", "3-6-1",
        _t(f"d_model = {d}、ヘッド数 {h} (d_k = d_v = d_model / ヘッド数) の Multi-Head Attention 層 (Q, K, V への射影と出力の射影、"
           f"すべてバイアスあり) の学習可能なパラメータ数はいくつか。",
           f"How many trainable parameters has a multi-head attention layer with d_model = {d} and {h} heads "
           f"(d_k = d_v = d_model / heads), counting the Q, K, V projections and the output projection, all with biases?"),
        _t(f"各ヘッドの射影を合わせると W_Q, W_K, W_V はそれぞれ {d}×{d}、出力の W_O も {d}×{d}。4 × ({d}² + {d}) = {key}。"
           "ヘッド数はパラメータ数を変えない。",
           f"The heads' projections together make W_Q, W_K, W_V each {d}×{d}, and W_O is {d}×{d}: 4 × ({d}² + {d}) = "
           f"{key}. The number of heads does not change the count."),
        key,
        [("per_head_full", 4 * h * (d * d + d), _t("ヘッドごとに d_model×d_model の射影を数えた",
                                                   "counted a d_model×d_model projection per head")),
         ("no_output", 3 * (d * d + d), _t("出力の射影 W_O を忘れた", "forgot the output projection W_O")),
         ("no_bias", 4 * d * d, _t("バイアスを数えていない", "forgot the biases")),
         ("one_head_size", 4 * (d * (d // h) + d // h), _t("1 ヘッド分の射影だけを数えた", "counted one head's projections"))],
        0, rng, set_id, seed, params_)]


def average_precision(ranked, positives):
    """AP of a ranked list of hits (True/False) with `positives` relevant items in all: Σ_k P@k·[hit_k] / positives."""
    hits, total = 0, 0.0
    for k, hit in enumerate(ranked, 1):
        if hit:
            hits += 1
            total += hits / k
    return total / positives


def ap_ranked(rng, seed, set_id):
    """Average precision of one class from detections ranked by confidence (each already matched: TP or FP)."""
    n = rng.choice([5, 6, 7])
    ranked = [rng.random() < 0.6 for _ in range(n)]
    found = sum(ranked)
    positives = found + rng.choice([0, 1, 2])
    if found < 2 or found == n:
        raise Redraw()
    key = average_precision(ranked, positives)
    marks = " ".join("TP" if h else "FP" for h in ranked)
    precisions = [sum(ranked[:k]) / k for k in range(1, n + 1)]
    params_ = {"ranked": ranked, "positives": positives}
    return [_question(
        f"calc:ap_ranked:s{seed}", "ap_ranked", "4-2-1",
        _t(f"あるクラスの検出結果を信頼度の高い順に並べ、IoU で正解と照合すると {marks} だった。このクラスの正解の物体は全部で "
           f"{positives} 個ある。AP (各 TP の位置での適合率の和 / 正解数、補間なし) はいくらか (小数第 3 位まで四捨五入)。",
           f"Detections of one class, ranked by confidence and matched to the ground truth by IoU, are: {marks}. There are "
           f"{positives} ground-truth objects of the class. What is the AP (sum of the precision at each TP / number of "
           f"ground-truth objects, no interpolation), rounded to 3 decimals?"),
        _t(f"各 TP の位置の適合率を足して正解数 {positives} で割る: {key:.3f}。見つからなかった正解も分母に入る。",
           f"Add the precision at each TP and divide by the {positives} ground-truth objects: {key:.3f}. Missed objects "
           "count in the denominator."),
        key,
        [("over_found", average_precision(ranked, found), _t("見つかった TP の数で割った", "divided by the TPs found")),
         ("mean_precision", sum(precisions) / n, _t("全順位の適合率を平均した", "averaged the precision at every rank")),
         ("final_precision", precisions[-1], _t("最後の順位の適合率を答えた", "gave the precision at the last rank")),
         ("recall", found / positives, _t("再現率を答えた", "gave the recall"))],
        3, rng, set_id, seed, params_)]


def eigen_2x2(rng, seed, set_id):
    """The larger eigenvalue of a 2×2 matrix with integer eigenvalues."""
    l1, l2 = rng.sample([-2, -1, 1, 2, 3, 4, 5, 6], 2)
    p = rng.choice([1, 2, -1])
    # A = P diag(l1, l2) P^-1 with P = [[1, p], [1, p + 1]] (det 1): integer entries, eigenvalues l1, l2.
    A = np.array([[1, p], [1, p + 1]]) @ np.diag([l1, l2]) @ np.array([[p + 1, -p], [-1, 1]])
    a, b, c, d = (int(v) for v in A.ravel())
    if b == 0 or c == 0 or max(abs(a), abs(b), abs(c), abs(d)) > 20:
        raise Redraw()
    key = max(l1, l2)
    tr, det = a + d, a * d - b * c
    params_ = {"A": [[a, b], [c, d]]}
    return [_question(
        f"calc:eigen_2x2:s{seed}", "eigen_2x2", "1-1-2",
        _t(f"行列 A = [[{a}, {b}], [{c}, {d}]] の固有値のうち大きい方はいくつか。",
           f"What is the larger eigenvalue of the matrix A = [[{a}, {b}], [{c}, {d}]]?"),
        _t(f"特性方程式 λ² − (tr A)λ + det A = λ² − ({tr})λ + ({det}) = 0 の解は {min(l1, l2)} と {key}。",
           f"The characteristic equation λ² − (tr A)λ + det A = λ² − ({tr})λ + ({det}) = 0 has roots {min(l1, l2)} and {key}."),
        key,
        [("diagonal", max(a, d), _t("対角成分を固有値とした", "took a diagonal entry")),
         ("trace", tr, _t("トレースを答えた", "gave the trace")),
         ("determinant", det, _t("行列式を答えた", "gave the determinant")),
         ("sign", -min(l1, l2), _t("特性方程式の解の符号を誤った", "got the sign of a root wrong"))],
        0, rng, set_id, seed, params_)]


def binomial_prob(rng, seed, set_id):
    """P(X = k) for X ~ B(n, p)."""
    n = rng.choice([4, 5, 6, 8, 10])
    k = rng.randrange(1, n)
    p = rng.choice([0.1, 0.2, 0.3, 0.4, 0.5, 0.6])
    key = math.comb(n, k) * p ** k * (1 - p) ** (n - k)
    params_ = {"n": n, "k": k, "p": p}
    return [_question(
        f"calc:binomial_prob:s{seed}", "binomial_prob", "1-2-2",
        _t(f"成功確率 {p:g} の試行を独立に {n} 回行う。ちょうど {k} 回成功する確率はいくらか (小数第 4 位まで四捨五入)。",
           f"A trial succeeding with probability {p:g} is repeated {n} times independently. What is the probability of "
           f"exactly {k} successes, rounded to 4 decimals?"),
        _t(f"{n}C{k} · {p:g}^{k} · {1 - p:g}^{n - k} = {math.comb(n, k)} × {p ** k * (1 - p) ** (n - k):.6g} = {key:.4f}。",
           f"{n}C{k} · {p:g}^{k} · {1 - p:g}^{n - k} = {math.comb(n, k)} × {p ** k * (1 - p) ** (n - k):.6g} = {key:.4f}."),
        key,
        [("no_combinations", p ** k * (1 - p) ** (n - k), _t("組合せの数 nCk を掛けていない", "forgot the number of ways nCk")),
         ("all_failures", math.comb(n, k) * p ** k * (1 - p) ** n, _t("失敗の回数を n − k ではなく n にした",
                                                                        "raised 1 − p to n instead of n − k")),
         ("at_least", sum(math.comb(n, j) * p ** j * (1 - p) ** (n - j) for j in range(k, n + 1)),
          _t("k 回以上の確率を求めた", "computed P(X ≥ k)")),
         ("swapped_p", math.comb(n, k) * (1 - p) ** k * p ** (n - k), _t("成功と失敗の確率を入れ替えた",
                                                                          "swapped the success and failure probabilities"))],
        4, rng, set_id, seed, params_)]


def gauss_mle(rng, seed, set_id):
    """The maximum likelihood estimate of a Gaussian's variance from a small sample."""
    n = rng.choice([4, 5])
    xs = [rng.choice([1, 2, 3, 4, 5, 6, 7, 8, 9]) for _ in range(n)]
    mean = sum(xs) / n
    ss = sum((x - mean) ** 2 for x in xs)
    if ss == 0:
        raise Redraw()
    key = ss / n
    params_ = {"x": xs}
    return [_question(
        f"calc:gauss_mle:s{seed}", "gauss_mle", "1-2-4",
        _t(f"データ {', '.join(map(str, xs))} が独立にガウス分布 N(μ, σ²) に従うとして、μ と σ² を最尤推定する。σ² の推定値はいくらか "
           "(小数第 3 位まで四捨五入)。",
           f"The data {', '.join(map(str, xs))} are taken as independent draws from N(μ, σ²). What is the maximum "
           "likelihood estimate of σ², rounded to 3 decimals?"),
        _t(f"μ̂ = 標本平均 = {mean:g}、σ̂² = (1/N) Σ (x − μ̂)² = {ss:g} / {n} = {key:.3f}。",
           f"μ̂ = the sample mean = {mean:g}; σ̂² = (1/N) Σ (x − μ̂)² = {ss:g} / {n} = {key:.3f}."),
        key,
        [("unbiased", ss / (n - 1), _t("N − 1 で割った (不偏分散で、最尤推定量ではない)",
                                      "divided by N − 1 (the unbiased estimate, not the MLE)")),
         ("std", math.sqrt(key), _t("標準偏差を答えた", "gave the standard deviation")),
         ("uncentred", sum(x * x for x in xs) / n, _t("平均を引かずに二乗平均を取った", "did not subtract the mean")),
         ("abs_dev", sum(abs(x - mean) for x in xs) / n, _t("絶対偏差の平均を取った", "averaged absolute deviations"))],
        3, rng, set_id, seed, params_)]


def _h(ps, base=2):
    return -sum(p * math.log(p, base) for p in ps if p > 0)


def mutual_information(rng, seed, set_id):
    """I(X; Y) = H(X) + H(Y) − H(X, Y) in bits from a 2×2 joint table."""
    cells = [rng.choice([1, 2, 3, 4, 5, 6]) for _ in range(4)]
    total = sum(cells)
    if total not in (8, 10, 16, 20) or cells[0] * cells[3] == cells[1] * cells[2]:
        raise Redraw()
    j = [c / total for c in cells]
    px, py = [j[0] + j[1], j[2] + j[3]], [j[0] + j[2], j[1] + j[3]]
    hx, hy, hxy = _h(px), _h(py), _h(j)
    key = hx + hy - hxy
    if key < 0.05:   # nearly independent: the nats slip would sit next to the key
        raise Redraw()
    params_ = {"joint": [[j[0], j[1]], [j[2], j[3]]]}
    return [_question(
        f"calc:mutual_information:s{seed}", "mutual_information", "1-3-1",
        _t(f"2 値の確率変数 X, Y の同時分布が P(0,0) = {j[0]:g}、P(0,1) = {j[1]:g}、P(1,0) = {j[2]:g}、P(1,1) = {j[3]:g} "
           "(P(X, Y)) のとき、相互情報量 I(X; Y) は何ビットか (小数第 3 位まで四捨五入)。",
           f"Binary variables X, Y have the joint distribution P(0,0) = {j[0]:g}, P(0,1) = {j[1]:g}, P(1,0) = {j[2]:g}, "
           f"P(1,1) = {j[3]:g} (P(X, Y)). What is the mutual information I(X; Y) in bits, rounded to 3 decimals?"),
        _t(f"H(X) = {hx:.4f}、H(Y) = {hy:.4f}、H(X, Y) = {hxy:.4f}。I = H(X) + H(Y) − H(X, Y) = {key:.3f} ビット。",
           f"H(X) = {hx:.4f}, H(Y) = {hy:.4f}, H(X, Y) = {hxy:.4f}. I = H(X) + H(Y) − H(X, Y) = {key:.3f} bits."),
        key,
        [("joint_entropy", hxy, _t("結合エントロピーを答えた", "gave the joint entropy")),
         ("conditional", hxy - hy, _t("条件付きエントロピー H(X | Y) を答えた", "gave the conditional entropy H(X | Y)")),
         ("nats", key * math.log(2), _t("自然対数で計算した (ナット)", "used the natural log (nats)")),
         ("sum", hx + hy, _t("H(X, Y) を引いていない", "did not subtract H(X, Y)"))],
        3, rng, set_id, seed, params_)]


def roc_auc(rng, seed, set_id):
    """ROC-AUC from scores and labels: the probability that a positive outscores a negative (ties count 1/2)."""
    n = rng.choice([6, 7, 8])
    scores = rng.sample([0.95, 0.9, 0.85, 0.8, 0.7, 0.65, 0.6, 0.5, 0.4, 0.35, 0.3, 0.2, 0.1], n)
    labels = [rng.random() < 0.5 for _ in range(n)]
    pos = [s for s, l in zip(scores, labels) if l]
    neg = [s for s, l in zip(scores, labels) if not l]
    if len(pos) < 2 or len(neg) < 2:
        raise Redraw()
    pairs = [(p > q) + 0.5 * (p == q) for p in pos for q in neg]
    key = sum(pairs) / len(pairs)
    if key in (0.0, 1.0):
        raise Redraw()
    acc = sum((s >= 0.5) == l for s, l in zip(scores, labels)) / n
    shown = ", ".join(f"{s:g} ({'陽性' if l else '陰性'})" for s, l in zip(scores, labels))
    shown_en = ", ".join(f"{s:g} ({'positive' if l else 'negative'})" for s, l in zip(scores, labels))
    params_ = {"scores": scores, "labels": labels}
    return [_question(
        f"calc:roc_auc:s{seed}", "roc_auc", "2-1-12",
        _t(f"二値分類器のスコアと正解が {shown} だった。ROC 曲線の下の面積 AUC はいくらか (小数第 3 位まで四捨五入)。",
           f"A binary classifier's scores and true classes are {shown_en}. What is the area under the ROC curve (AUC), "
           "rounded to 3 decimals?"),
        _t(f"AUC = 陽性のスコアが陰性のスコアより大きいペアの割合 = {sum(pairs):g} / ({len(pos)} × {len(neg)}) = {key:.3f}。",
           f"AUC = the share of (positive, negative) pairs ranked correctly = {sum(pairs):g} / ({len(pos)} × {len(neg)}) "
           f"= {key:.3f}."),
        key,
        [("flipped", 1 - key, _t("陰性が陽性より上の割合を求めた", "counted pairs ranked the wrong way")),
         ("accuracy", acc, _t("しきい値 0.5 の正解率を答えた", "gave the accuracy at threshold 0.5")),
         ("per_positive", sum(1 for p in pos if all(p > q for q in neg)) / len(pos),
          _t("すべての陰性より上にある陽性の割合を求めた", "counted positives above every negative"))],
        3, rng, set_id, seed, params_)]


def perplexity(rng, seed, set_id):
    """Perplexity from the probabilities a language model gave the correct words."""
    ps = [rng.choice([0.5, 0.25, 0.2, 0.1, 0.4, 0.8, 0.05]) for _ in range(rng.choice([3, 4]))]
    ce = -sum(math.log(p) for p in ps) / len(ps)
    key = math.exp(ce)
    shown = ", ".join(f"{p:g}" for p in ps)
    params_ = {"p": ps}
    return [_question(
        f"calc:perplexity:s{seed}", "perplexity", "2-1-12",
        _t(f"言語モデルが文中の {len(ps)} 単語の正解に与えた確率が順に {shown} だった。この文でのパープレキシティはいくらか "
           "(小数第 3 位まで四捨五入)。",
           f"A language model gave the correct words of a {len(ps)}-word sentence the probabilities {shown}. What is the "
           "perplexity on the sentence, rounded to 3 decimals?"),
        _t(f"平均交差エントロピー L = −(1/N) Σ log p = {ce:.4f}、パープレキシティ = exp(L) = {key:.3f} (確率の幾何平均の逆数)。",
           f"Mean cross entropy L = −(1/N) Σ log p = {ce:.4f}; perplexity = exp(L) = {key:.3f}, the inverse geometric "
           "mean of the probabilities."),
        key,
        [("cross_entropy", ce, _t("交差エントロピーそのものを答えた", "gave the cross entropy itself")),
         ("arith_mean", len(ps) / sum(ps), _t("算術平均の逆数を取った", "inverted the arithmetic mean")),
         ("mean_inverse", sum(1 / p for p in ps) / len(ps), _t("確率の逆数を平均した", "averaged the inverse probabilities")),
         ("no_mean", math.exp(-sum(math.log(p) for p in ps)), _t("単語数で平均していない", "did not average over the words"))],
        3, rng, set_id, seed, params_)]


def deconv_output(rng, seed, set_id):
    """Output size of a transposed convolution."""
    H, K, S, P = rng.choice([4, 7, 8, 14, 16]), rng.choice([2, 3, 4, 5]), rng.choice([2, 2, 3]), rng.choice([0, 1, 1, 2])
    key = (H - 1) * S - 2 * P + K
    if key <= 0:
        raise Redraw()
    params_ = {"H": H, "K": K, "stride": S, "pad": P}
    return [_question(
        f"calc:deconv_output:s{seed}", "deconv_output", "3-4-2",
        _t(f"高さ・幅 {H} の特徴マップに、カーネル {K}×{K}、ストライド {S}、パディング {P} の転置畳み込み (output_padding なし) を"
           "適用する。出力の高さはいくつか。",
           f"A transposed convolution with a {K}×{K} kernel, stride {S} and padding {P} (no output padding) is applied to a "
           f"feature map of height and width {H}. What is the output height?"),
        _t(f"(H − 1)S − 2P + K = ({H} − 1)×{S} − 2×{P} + {K} = {key}。",
           f"(H − 1)S − 2P + K = ({H} − 1)×{S} − 2×{P} + {K} = {key}."),
        key,
        [("conv_formula", (H + 2 * P - K) // S + 1, _t("通常の畳み込みの式を使った", "used the ordinary convolution's formula")),
         ("plus_padding", (H - 1) * S + 2 * P + K, _t("パディングを足した", "added the padding")),
         ("times_h", H * S - 2 * P + K, _t("H − 1 でなく H を掛けた", "multiplied H, not H − 1")),
         ("times_stride", H * S, _t("入力をストライド倍しただけ", "multiplied the input by the stride"))],
        0, rng, set_id, seed, params_)]


def grouped_params(rng, seed, set_id):
    """Parameters of a depthwise separable convolution, or of a grouped one."""
    C = rng.choice([32, 64, 128, 256])
    Co = rng.choice([64, 128, 256])
    K = rng.choice([3, 3, 5])
    if rng.random() < 0.5:
        g = rng.choice([2, 4, 8])
        key = K * K * C * Co // g + Co
        params_ = {"C": C, "C_out": Co, "K": K, "groups": g}
        return [_question(
            f"calc:grouped_params:s{seed}", "grouped_params", "3-4-2",
            _t(f"入力 {C} チャネル、出力 {Co} チャネル、カーネル {K}×{K}、グループ数 {g} のグループ化畳み込み (バイアスあり) の"
               "パラメータ数はいくつか。",
               f"How many parameters has a grouped convolution with {C} input channels, {Co} output channels, {K}×{K} "
               f"kernels and {g} groups (with biases)?"),
            _t(f"各グループは {C // g} チャネルから {Co // g} チャネルを作る: {g} × {K}×{K}×{C // g}×{Co // g} + {Co} = {key}。",
               f"Each group maps {C // g} channels to {Co // g}: {g} × {K}×{K}×{C // g}×{Co // g} + {Co} = {key}."),
            key,
            [("no_groups", K * K * C * Co + Co, _t("グループ数で割っていない", "did not divide by the groups")),
             ("divided_twice", K * K * C * Co // (g * g) + Co, _t("グループ数で 2 回割った", "divided by the groups twice")),
             ("bias_per_group", K * K * C * Co // g + g, _t("バイアスをグループごとに 1 つと数えた", "counted one bias per group")),
             ("times_groups", K * K * C * Co * g + Co, _t("グループ数を掛けた", "multiplied by the groups"))],
            0, rng, set_id, seed, params_)]
    key = K * K * C + C + C * Co + Co
    params_ = {"C": C, "C_out": Co, "K": K, "groups": "depthwise separable"}
    return [_question(
        f"calc:grouped_params:s{seed}", "grouped_params", "3-4-2",
        _t(f"入力 {C} チャネルに、{K}×{K} の depthwise 畳み込み (チャネルごと、バイアスあり) と、出力 {Co} チャネルの 1×1 の pointwise "
           "畳み込み (バイアスあり) を続ける depthwise separable 畳み込みのパラメータ数はいくつか。",
           f"A depthwise separable convolution on {C} input channels: a {K}×{K} depthwise convolution (per channel, with "
           f"biases) followed by a 1×1 pointwise convolution to {Co} channels (with biases). How many parameters?"),
        _t(f"depthwise {K}×{K}×{C} + {C}、pointwise {C}×{Co} + {Co}、合計 {key}。",
           f"Depthwise {K}×{K}×{C} + {C}, pointwise {C}×{Co} + {Co}: {key} in all."),
        key,
        [("standard", K * K * C * Co + Co, _t("通常の畳み込みとして数えた", "counted an ordinary convolution")),
         ("depthwise_full", K * K * C * C + C + C * Co + Co, _t("depthwise を全チャネル結合で数えた",
                                                               "counted the depthwise part as fully connected")),
         ("no_pointwise", K * K * C + C, _t("pointwise の部分を忘れた", "forgot the pointwise part")),
         ("no_bias", K * K * C + C * Co, _t("バイアスを数えていない", "forgot the biases"))],
        0, rng, set_id, seed, params_)]


def mixup_loss(rng, seed, set_id):
    """Cross entropy of a prediction against a mixup label."""
    lam = rng.choice([0.6, 0.7, 0.8, 0.75, 0.9])
    probs = rng.choice([(0.5, 0.3, 0.2), (0.6, 0.3, 0.1), (0.4, 0.4, 0.2), (0.7, 0.2, 0.1), (0.5, 0.4, 0.1)])
    i, j = rng.sample([0, 1, 2], 2)
    label = [0.0, 0.0, 0.0]
    label[i] += lam
    label[j] += 1 - lam
    key = -sum(t * math.log(p) for t, p in zip(label, probs))
    names = "ABC"
    params_ = {"lambda": lam, "probs": list(probs), "i": i, "j": j}
    return [_question(
        f"calc:mixup_loss:s{seed}", "mixup_loss", "3-7-1",
        _t(f"3 クラス (A, B, C) の分類で、クラス {names[i]} の画像とクラス {names[j]} の画像を λ = {lam:g} (前者の重み) で MixUp した。"
           f"この入力に対するモデルの出力が (A, B, C) = {probs} のとき、交差エントロピー誤差 (自然対数) はいくらか (小数第 3 位まで四捨五入)。",
           f"In a 3-class problem (A, B, C), an image of class {names[i]} and one of class {names[j]} are mixed by MixUp with "
           f"λ = {lam:g} (the first one's weight). The model outputs (A, B, C) = {probs} for the mixed input. What is the "
           "cross-entropy loss (natural log), rounded to 3 decimals?"),
        _t(f"ラベルも同じ λ で混ぜる: {names[i]} = {lam:g}、{names[j]} = {1 - lam:g}。"
           f"E = −({lam:g} log {probs[i]:g} + {1 - lam:g} log {probs[j]:g}) = {key:.3f}。",
           f"The label is mixed with the same λ: {names[i]} = {lam:g}, {names[j]} = {1 - lam:g}. "
           f"E = −({lam:g} log {probs[i]:g} + {1 - lam:g} log {probs[j]:g}) = {key:.3f}."),
        key,
        [("first_label", -math.log(probs[i]), _t("ラベルを混ぜず、1 枚目のラベルだけを使った", "kept the first image's label only")),
         ("swapped_lambda", -((1 - lam) * math.log(probs[i]) + lam * math.log(probs[j])),
          _t("λ を逆のクラスに掛けた", "applied λ to the other class")),
         ("mixed_probability", -math.log(lam * probs[i] + (1 - lam) * probs[j]),
          _t("確率を混ぜてから対数を取った", "mixed the probabilities before the log")),
         ("second_label", -math.log(probs[j]), _t("2 枚目のラベルだけを使った", "used the second image's label only"))],
        3, rng, set_id, seed, params_)]


def weight_decay_step(rng, seed, set_id):
    """One SGD step with an L2 penalty (λ/2)w² added to the loss."""
    w = rng.choice([2.0, -1.5, 1.0, 3.0, -2.0, 0.5])
    g = rng.choice([0.5, -0.5, 1.0, -1.0, 0.2, 2.0])
    lam = rng.choice([0.1, 0.01, 0.2, 0.5])
    lr = rng.choice([0.1, 0.5, 0.05])
    key = w - lr * (g + lam * w)
    params_ = {"w": w, "grad": g, "lambda": lam, "lr": lr}
    return [_question(
        f"calc:weight_decay_step:s{seed}", "weight_decay_step", "3-3-1",
        _t(f"損失 L に L2 正則化項 (λ/2) w² (λ = {lam:g}) を加えて、学習率 {lr:g} の SGD で重み w = {w:g} を 1 回更新する。"
           f"∂L/∂w = {g:g} のとき、更新後の w はいくらか (小数第 4 位まで四捨五入)。",
           f"An L2 term (λ/2) w² (λ = {lam:g}) is added to a loss L, and SGD with learning rate {lr:g} updates a weight "
           f"w = {w:g} once. If ∂L/∂w = {g:g}, what is w after the update, rounded to 4 decimals?"),
        _t(f"w ← w − η(∂L/∂w + λw) = {w:g} − {lr:g} × ({g:g} + {lam:g} × {w:g}) = {key:.4f}。",
           f"w ← w − η(∂L/∂w + λw) = {w:g} − {lr:g} × ({g:g} + {lam:g} × {w:g}) = {key:.4f}."),
        key,
        [("half_lambda", w - lr * (g + lam / 2 * w), _t("正則化項の勾配を (λ/2)w とした", "took (λ/2)w as the penalty's gradient")),
         ("l1", w - lr * (g + lam * math.copysign(1, w)), _t("L1 正則化の勾配 λ sign(w) を使った", "used the L1 gradient λ sign(w)")),
         ("no_decay", w - lr * g, _t("正則化項を忘れた", "forgot the penalty")),
         ("decay_without_lr", w - lr * g - lam * w, _t("減衰項に学習率を掛けていない", "did not scale the decay by the learning rate"))],
        4, rng, set_id, seed, params_)]


STEPS = {   # id -> (function, weight when mixing within its area)
    "adam_t": (adam_t, 1),
    "receptive_field_strided": (receptive_field_strided, 1),
    "kl_gaussians": (kl_gaussians, 1),
    "attention_params": (attention_params, 1),
    "ap_ranked": (ap_ranked, 1),
    "eigen_2x2": (eigen_2x2, 1),
    "binomial_prob": (binomial_prob, 1),
    "gauss_mle": (gauss_mle, 1),
    "mutual_information": (mutual_information, 1),
    "roc_auc": (roc_auc, 1),
    "perplexity": (perplexity, 1),
    "deconv_output": (deconv_output, 1),
    "grouped_params": (grouped_params, 1),
    "mixup_loss": (mixup_loss, 1),
    "weight_decay_step": (weight_decay_step, 1),
}
