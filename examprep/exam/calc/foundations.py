"""Calculation templates of area 1 (mathematical foundations): entropy, KL divergence (also of Gaussians),
mutual information, Bayes' theorem, binomial probabilities, the Gaussian MLE, eigenvalues.
"""
import math

import numpy as np

from examprep.common.i18n import ja_en
from examprep.exam.calc.question import Redraw, calc_question, probabilities, scenario_set, signed, within


def entropy_value(rng, seed, set_id):
    p = rng.choice([[0.5, 0.5], [0.5, 0.25, 0.25], [0.25, 0.25, 0.25, 0.25], [0.75, 0.25], [0.8, 0.2],
                    [0.6, 0.3, 0.1], [0.5, 0.3, 0.2], [0.4, 0.4, 0.2], [0.7, 0.2, 0.1], [0.9, 0.1]])
    bits = rng.random() < 0.5
    arr = np.array(p)
    h_nats = float(-np.sum(arr * np.log(arr)))
    h_bits = float(-np.sum(arr * np.log2(arr)))
    key, other = (h_bits, h_nats) if bits else (h_nats, h_bits)
    unit_ja, unit_en = ("ビット (底 2)", "bits (base 2)") if bits else ("ナット (自然対数)", "nats (natural log)")
    log = np.log2 if bits else np.log
    ps = ", ".join(f"{v:g}" for v in p)
    params_ = {"p": p, "base": 2 if bits else "e"}
    return [calc_question(
        f"calc:entropy_value:s{seed}", "entropy_value", "1-3-1",
        ja_en(f"確率分布 p = ({ps}) のエントロピー H(p) = −Σ p log p を{unit_ja} で求めよ (小数第 3 位まで四捨五入)。",
              f"What is the entropy H(p) = −Σ p log p of p = ({ps}) in {unit_en}, rounded to 3 decimals?"),
        ja_en(f"H(p) = −Σ p_i log p_i = {key:.3f} {'ビット' if bits else 'ナット'}。",
              f"H(p) = −Σ p_i log p_i = {key:.3f} {'bits' if bits else 'nats'}."),
        key,
        # within 0 <= H <= log K in the unit asked (the tenth examination: the unweighted mean of -log p is never
        # below log K, so it was ruled out on sight; the other base's value may be too)
        within([("other_base", other, ja_en("log の底を取り違えた", "used the other log base")),
                ("log10", float(-np.sum(arr * np.log10(arr))), ja_en("常用対数 (底 10) を使った", "used log base 10")),
                ("uniform", float(log(len(p))), ja_en("確率を見ずに一様分布の log K を答えた",
                                                      "gave log K, as if p were uniform")),
                ("gini", float(1 - np.sum(arr ** 2)), ja_en("ジニ不純度と取り違えた", "computed the Gini impurity instead"))],
               0.0, float(log(len(p)))),
        3, rng, set_id, seed, params_)]


def kl_value(rng, seed, set_id):
    n = rng.choice([2, 3])
    p, q = probabilities(rng, n), probabilities(rng, n)
    if p == q:
        raise Redraw()
    P, Q = np.array(p), np.array(q)
    kl = float(np.sum(P * np.log(P / Q)))
    ps, qs = ", ".join(f"{v:.2f}" for v in p), ", ".join(f"{v:.2f}" for v in q)
    params_ = {"p": p, "q": q}
    return [calc_question(
        f"calc:kl_value:s{seed}", "kl_value", "1-3-1",
        ja_en(f"p = ({ps})、q = ({qs}) のとき、KL ダイバージェンス D_KL(p‖q) = Σ p log(p/q) (自然対数) はいくつか (小数第 3 位まで四捨五入)。",
              f"For p = ({ps}) and q = ({qs}), what is the KL divergence D_KL(p‖q) = Σ p log(p/q) (natural log), to 3 "
              "decimals?"),
        ja_en(f"D_KL(p‖q) = Σ p_i log(p_i / q_i) = {kl:.3f}。KL ダイバージェンスは非対称で、D_KL(q‖p) とは一般に異なります。",
              f"D_KL(p‖q) = Σ p_i log(p_i / q_i) = {kl:.3f}. The KL divergence is not symmetric: D_KL(q‖p) differs in "
              "general."),
        kl,
        [("swapped", float(np.sum(Q * np.log(Q / P))), ja_en("p と q を入れ替えた (D_KL(q‖p))", "swapped p and q (D_KL(q‖p))")),
         ("log2", float(np.sum(P * np.log2(P / Q))), ja_en("log の底を 2 にした", "used log base 2")),
         ("cross_entropy", float(-np.sum(P * np.log(Q))), ja_en("交差エントロピー H(p, q) を答えた (エントロピーを引いていない)",
                                                            "gave the cross entropy H(p, q) (did not subtract the entropy)")),
         # not -kl: a negative KL is ruled out on sight (D_KL >= 0), a re-grade found it in 16 % of the draws
         ("log10", float(np.sum(P * np.log10(P / Q))), ja_en("常用対数 (底 10) を使った", "used log base 10"))],
        3, rng, set_id, seed, params_)]


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
    return [calc_question(
        f"calc:kl_gaussians:s{seed}", "kl_gaussians", "1-3-1",
        ja_en(f"P = N(μ = {m1:g}, σ = {s1:g})、Q = N(μ = {m2:g}, σ = {s2:g}) (σ は標準偏差) のとき、D_KL(P ‖ Q) は何ナットか "
              f"(自然対数、小数第 3 位まで四捨五入)。",
              f"P = N(μ = {m1:g}, σ = {s1:g}) and Q = N(μ = {m2:g}, σ = {s2:g}) (σ the standard deviation). What is "
              f"D_KL(P ‖ Q) in nats (natural log), rounded to 3 decimals?"),
        ja_en(f"D_KL = log(σQ/σP) + (σP² + (μP − μQ)²)/(2σQ²) − 1/2 = {key:.3f}。",
              f"D_KL = log(σQ/σP) + (σP² + (μP − μQ)²)/(2σQ²) − 1/2 = {key:.3f}."),
        key,
        [("reversed", kl(m2, s2, m1, s1), ja_en("D_KL(Q ‖ P) を求めた", "computed D_KL(Q ‖ P)")),
         ("sigma_as_variance", math.log(s2 / s1) + (s1 + (m1 - m2) ** 2) / (2 * s2) - 0.5,
          ja_en("標準偏差を分散として代入した", "used the standard deviations as variances")),
         ("no_half", key + 0.5, ja_en("−1/2 を忘れた", "forgot the − 1/2")),
         ("log_variance_ratio", math.log(s2 ** 2 / s1 ** 2) + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s2 ** 2) - 0.5,
          ja_en("対数の項を分散の比にした", "took the log of the variance ratio"))],
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
    return [calc_question(
        f"calc:mutual_information:s{seed}", "mutual_information", "1-3-1",
        ja_en(f"2 値の確率変数 X, Y の同時分布が P(0,0) = {j[0]:g}、P(0,1) = {j[1]:g}、P(1,0) = {j[2]:g}、P(1,1) = {j[3]:g} "
              "(P(X, Y)) のとき、相互情報量 I(X; Y) は何ビットか (小数第 3 位まで四捨五入)。",
              f"Binary variables X, Y have the joint distribution P(0,0) = {j[0]:g}, P(0,1) = {j[1]:g}, P(1,0) = {j[2]:g}, "
              f"P(1,1) = {j[3]:g} (P(X, Y)). What is the mutual information I(X; Y) in bits, rounded to 3 decimals?"),
        ja_en(f"H(X) = {hx:.4f}、H(Y) = {hy:.4f}、H(X, Y) = {hxy:.4f}。I = H(X) + H(Y) − H(X, Y) = {key:.3f} ビット。",
              f"H(X) = {hx:.4f}, H(Y) = {hy:.4f}, H(X, Y) = {hxy:.4f}. I = H(X) + H(Y) − H(X, Y) = {key:.3f} bits."),
        key,
        [("joint_entropy", hxy, ja_en("結合エントロピーを答えた", "gave the joint entropy")),
         ("conditional", hxy - hy, ja_en("条件付きエントロピー H(X | Y) を答えた", "gave the conditional entropy H(X | Y)")),
         ("nats", key * math.log(2), ja_en("自然対数で計算した (ナット)", "used the natural log (nats)")),
         ("sum", hx + hy, ja_en("H(X, Y) を引いていない", "did not subtract H(X, Y)"))],
        3, rng, set_id, seed, params_)]


def bayes_posterior(rng, seed, set_id):
    """P(condition | positive test) from prevalence, sensitivity and specificity (Bayes' theorem)."""
    prior = rng.choice([0.01, 0.02, 0.05, 0.1, 0.2])
    sens = rng.choice([0.8, 0.9, 0.95, 0.99])
    spec = rng.choice([0.9, 0.95, 0.98, 0.99])
    joint = sens * prior
    false_pos = (1 - spec) * (1 - prior)
    key = joint / (joint + false_pos)
    params_ = {"prior": prior, "sensitivity": sens, "specificity": spec}
    return [calc_question(
        f"calc:bayes_posterior:s{seed}", "bayes_posterior", "1-2-1",
        ja_en(f"ある病気の有病率は {prior:g}、検査の感度 (病気の人が陽性になる確率) は {sens:g}、特異度 (病気でない人が"
              f"陰性になる確率) は {spec:g} である。検査が陽性だった人が病気である確率はいくらか (小数第 3 位まで四捨五入)。",
              f"A disease has prevalence {prior:g}. A test has sensitivity {sens:g} (P(positive | disease)) and "
              f"specificity {spec:g} (P(negative | no disease)). What is the probability that a person who tests "
              f"positive has the disease, rounded to 3 decimals?"),
        ja_en(f"ベイズの定理: P(病気|陽性) = 感度×有病率 / (感度×有病率 + (1−特異度)×(1−有病率)) = "
              f"{joint:g} / ({joint:g} + {false_pos:g}) = {key:.3f}。",
              f"Bayes' theorem: P(disease | positive) = sens·prior / (sens·prior + (1 − spec)(1 − prior)) = "
              f"{joint:g} / ({joint:g} + {false_pos:g}) = {key:.3f}."),
        key,
        [("likelihood", sens, ja_en("P(陽性|病気) (感度) と P(病気|陽性) を取り違えた",
                                    "confused P(positive | disease) with P(disease | positive)")),
         ("no_prior", sens / (sens + (1 - spec)), ja_en("有病率 (事前確率) を掛けていない", "ignored the prior (prevalence)")),
         ("joint", joint, ja_en("分母 (陽性になる確率) で割っていない", "did not divide by P(positive)")),
         ("spec_as_false_positive", joint / (joint + spec * (1 - prior)),
          ja_en("偽陽性率に 1−特異度 ではなく特異度を使った", "used the specificity as the false-positive rate"))],
        3, rng, set_id, seed, params_)]


def binomial_prob(rng, seed, set_id):
    """P(X = k) for X ~ B(n, p)."""
    n = rng.choice([4, 5, 6, 8, 10])
    k = rng.randrange(1, n)
    p = rng.choice([0.1, 0.2, 0.3, 0.4, 0.5, 0.6])
    key = math.comb(n, k) * p ** k * (1 - p) ** (n - k)
    params_ = {"n": n, "k": k, "p": p}
    return [calc_question(
        f"calc:binomial_prob:s{seed}", "binomial_prob", "1-2-2",
        ja_en(f"成功確率 {p:g} の試行を独立に {n} 回行う。ちょうど {k} 回成功する確率はいくらか (小数第 4 位まで四捨五入)。",
              f"A trial succeeding with probability {p:g} is repeated {n} times independently. What is the probability of "
              f"exactly {k} success{'es' if k != 1 else ''}, rounded to 4 decimals?"),
        ja_en(f"{n}C{k} · {p:g}^{k} · {1 - p:g}^{n - k} = {math.comb(n, k)} × {p ** k * (1 - p) ** (n - k):.6g} = {key:.4f}。",
              f"{n}C{k} · {p:g}^{k} · {1 - p:g}^{n - k} = {math.comb(n, k)} × {p ** k * (1 - p) ** (n - k):.6g} = {key:.4f}."),
        key,
        [("no_combinations", p ** k * (1 - p) ** (n - k), ja_en("組合せの数 nCk を掛けていない", "forgot the number of ways nCk")),
         ("all_failures", math.comb(n, k) * p ** k * (1 - p) ** n, ja_en("失敗の回数を n − k ではなく n にした",
                                                                        "raised 1 − p to n instead of n − k")),
         ("at_least", sum(math.comb(n, j) * p ** j * (1 - p) ** (n - j) for j in range(k, n + 1)),
          ja_en("k 回以上の確率を求めた", "computed P(X ≥ k)")),
         ("swapped_p", math.comb(n, k) * (1 - p) ** k * p ** (n - k), ja_en("成功と失敗の確率を入れ替えた",
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
    return [calc_question(
        f"calc:gauss_mle:s{seed}", "gauss_mle", "1-2-4",
        ja_en(f"データ {', '.join(map(str, xs))} が独立にガウス分布 N(μ, σ²) に従うとして、μ と σ² を最尤推定する。σ² の推定値はいくらか "
              "(小数第 3 位まで四捨五入)。",
              f"The data {', '.join(map(str, xs))} are taken as independent draws from N(μ, σ²). What is the maximum "
              "likelihood estimate of σ², rounded to 3 decimals?"),
        ja_en(f"μ̂ = 標本平均 = {mean:g}、σ̂² = (1/N) Σ (x − μ̂)² = {ss:g} / {n} = {key:.3f}。",
              f"μ̂ = the sample mean = {mean:g}; σ̂² = (1/N) Σ (x − μ̂)² = {ss:g} / {n} = {key:.3f}."),
        key,
        [("unbiased", ss / (n - 1), ja_en("N − 1 で割った (不偏分散で、最尤推定量ではない)",
                                      "divided by N − 1 (the unbiased estimate, not the MLE)")),
         ("std", math.sqrt(key), ja_en("標準偏差を答えた", "gave the standard deviation")),
         ("uncentred", sum(x * x for x in xs) / n, ja_en("平均を引かずに二乗平均を取った", "did not subtract the mean")),
         ("abs_dev", sum(abs(x - mean) for x in xs) / n, ja_en("絶対偏差の平均を取った", "averaged absolute deviations"))],
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
    return [calc_question(
        f"calc:eigen_2x2:s{seed}", "eigen_2x2", "1-1-2",
        ja_en(f"行列 A = [[{a}, {b}], [{c}, {d}]] の固有値のうち大きい方はいくつか。",
              f"What is the larger eigenvalue of the matrix A = [[{a}, {b}], [{c}, {d}]]?"),
        ja_en(f"特性方程式 λ² − (tr A)λ + det A = λ² − {signed(tr)}λ + {signed(det)} = 0 の解は {min(l1, l2)} と {key}。",
              f"The characteristic equation λ² − (tr A)λ + det A = λ² − {signed(tr)}λ + {signed(det)} = 0 has roots {min(l1, l2)} and {key}."),
        key,
        [("diagonal", max(a, d), ja_en("対角成分を固有値とした", "took a diagonal entry")),
         ("trace", tr, ja_en("トレースを答えた", "gave the trace")),
         ("determinant", det, ja_en("行列式を答えた", "gave the determinant")),
         ("sign", -min(l1, l2), ja_en("特性方程式の解の符号を誤った", "got the sign of a root wrong"))],
        0, rng, set_id, seed, params_)]


def entropy_kl(rng, seed, set_id):
    """One pair of distributions p, q: the entropy H(p), the cross entropy H(p, q) and D_KL(p‖q) (a set of three;
    the keys obey H(p, q) = H(p) + D_KL(p‖q)). No option is another question's key: a learner who answered the set's
    first question would rule it out on sight."""
    n = rng.choice([2, 3, 3])
    p, q = probabilities(rng, n), probabilities(rng, n)
    if p == q:
        raise Redraw()
    P, Q = np.array(p), np.array(q)

    def h(a, b, log=np.log):   # −Σ a log b
        return float(-np.sum(a * log(b)))

    hp, hpq, kl = h(P, P), h(P, Q), float(np.sum(P * np.log(P / Q)))
    ps, qs = ", ".join(f"{v:.2f}" for v in p), ", ".join(f"{v:.2f}" for v in q)
    scen_ja = f"2 つの確率分布 p = ({ps})、q = ({qs}) がある (対数は自然対数)。"
    scen_en = f"Two distributions are p = ({ps}) and q = ({qs}) (natural logarithms)."
    params_ = {"p": p, "q": q}
    ask = [
        ("entropy", "entropy_kl_h", "エントロピー H(p) はいくつか", "What is the entropy H(p)", hp,
         ja_en(f"H(p) = −Σ p_i log p_i = {hp:.3f}。", f"H(p) = −Σ p_i log p_i = {hp:.3f}."),
         # within 0 <= H <= log K (the tenth examination: the unweighted mean of -log p is never below log K, and
         # an option above it is ruled out on sight)
         within([("other_distribution", h(Q, Q), ja_en("q のエントロピー H(q) を求めた", "computed the entropy of q")),
                 ("log2", h(P, P, np.log2), ja_en("log の底を 2 にした", "used log base 2")),
                 ("gini", float(1 - np.sum(P ** 2)), ja_en("ジニ不純度と取り違えた", "computed the Gini impurity instead")),
                 ("log10", h(P, P, np.log10), ja_en("常用対数 (底 10) を使った", "used log base 10"))],
                0.0, math.log(n))),
        ("cross_entropy", "entropy_kl_ce", "交差エントロピー H(p, q) = −Σ p log q はいくつか",
         "What is the cross entropy H(p, q) = −Σ p log q", hpq,
         ja_en(f"H(p, q) = −Σ p_i log q_i = {hpq:.3f}。", f"H(p, q) = −Σ p_i log q_i = {hpq:.3f}."),
         [("swapped", h(Q, P), ja_en("p と q を入れ替えた (H(q, p))", "swapped p and q (H(q, p))")),
          ("log2", h(P, Q, np.log2), ja_en("log の底を 2 にした", "used log base 2")),
          ("unweighted", float(-np.mean(np.log(Q))), ja_en("p で重み付けせずに −log q を平均した",
                                                          "averaged −log q without weighting by p")),
          ("log10", h(P, Q, np.log10), ja_en("常用対数 (底 10) を使った", "used log base 10"))]),
        ("kl", "entropy_kl_kl", "KL ダイバージェンス D_KL(p‖q) はいくつか", "What is the KL divergence D_KL(p‖q)", kl,
         ja_en(f"D_KL(p‖q) = Σ p_i log(p_i / q_i) = H(p, q) − H(p) = {kl:.3f}。KL ダイバージェンスは非対称で、"
               "D_KL(q‖p) とは一般に異なります。",
               f"D_KL(p‖q) = Σ p_i log(p_i / q_i) = H(p, q) − H(p) = {kl:.3f}. The KL divergence is not symmetric: "
               "D_KL(q‖p) differs in general."),
         # not H(p) − H(p, q) (negative, ruled out on sight) nor H(p, q) (the second question's key)
         [("swapped", float(np.sum(Q * np.log(Q / P))), ja_en("p と q を入れ替えた (D_KL(q‖p))", "swapped p and q (D_KL(q‖p))")),
          ("log2", float(np.sum(P * np.log2(P / Q))), ja_en("log の底を 2 にした", "used log base 2")),
          # not D_KL(p‖q) + D_KL(q‖p) beside the swapped one: the key plus another option is no slip's value to
          # offer (the twenty-second examination, seeds 11 Q4 / 12 Q10); the unweighted mean instead
          ("unweighted", float(np.mean(np.log(P / Q))) if np.mean(np.log(P / Q)) > 0 else None,
           ja_en("p で重み付けせずに log(p / q) を平均した", "averaged log(p / q) without weighting by p")),
          ("log10", float(np.sum(P * np.log10(P / Q))), ja_en("常用対数 (底 10) を使った", "used log base 10"))]),
    ]
    return scenario_set("entropy_kl", "1-3-1", ja_en(scen_ja, scen_en), ask, 3, rng, set_id, seed, params_)
