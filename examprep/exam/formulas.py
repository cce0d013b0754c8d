"""Formula-choice questions: "which formula is right", every option proven by evaluating it.

A family is one formula of the syllabus (softmax, cross entropy, the sigmoid's
derivative, Adam's step, the convolution output size ...). It holds the correct
formula as text with a NumPy function computing it, and the classic mutations of it
(the book's other variant, a missing square root, swapped β1/β2, a missing term ...),
each as text, a function and the slip it stands for. When a question is made, every
option is evaluated on PROOF_DRAWS seeded ordinary inputs against the *reference*
(reference.functions, reference.layers, reference.optimizers, reference.conv,
reference.init where it has the computation): the key must agree on every draw, a
distractor must disagree on every draw (a mutation that is right on ordinary inputs,
like −log Σ t·y for one-hot t, is never offered). tests/test_exam_formulas.py checks
the same against PyTorch where it has the computation.

Public API: FAMILIES (id -> family), formula_question(family_id, seed, set_id=None) -> Question,
prove(family_id) -> {option text: agrees with the reference on every draw}.
"""
import random
import zlib

import numpy as np

from examprep.common.i18n import ja_en
from examprep.exam.model import Option, Question
from examprep.problem.syllabus import AREAS, area_of

PROOF_DRAWS = 5


def _softmax_rows(a):
    from reference.functions import softmax
    return softmax(a)


# ----------------------------------------------------------------------------- inputs

def _logits(rng):
    return {"a": rng.normal(0, 2, size=(3, 5))}


def _probs_onehot(rng):
    y = _softmax_rows(rng.normal(0, 1.5, size=(4, 5)))
    t = np.eye(5)[rng.integers(0, 5, size=4)]
    return {"y": y, "t": t}


def _xs(rng):
    return {"x": rng.normal(0, 2, size=20)}


def _adam_state(rng):
    t = int(rng.integers(2, 12))
    grads = rng.normal(0, 1, size=(t, 6))
    return {"grads": grads, "t": t, "lr": 0.01, "b1": 0.9, "b2": 0.999, "W": rng.normal(0, 1, size=6)}


def _adam_moments(s):
    """m, v after s['t'] steps of the gradients (the part every option shares)."""
    m = np.zeros_like(s["W"])
    v = np.zeros_like(s["W"])
    for g in s["grads"]:
        m = s["b1"] * m + (1 - s["b1"]) * g
        v = s["b2"] * v + (1 - s["b2"]) * g ** 2
    return m, v


def _adam_reference(s):
    from reference.optimizers import Adam
    params = {"W": s["W"].copy()}
    opt = Adam(lr=s["lr"], beta1=s["b1"], beta2=s["b2"])
    before = None
    for g in s["grads"]:
        before = params["W"].copy()
        opt.update(params, {"W": g})
    return params["W"] - before   # the last step's change


def _adam_option(correct_b1, correct_b2, sqrt_v=True, sqrt_corr=True):
    def step(s):
        m, v = _adam_moments(s)
        t, b1, b2 = s["t"], s["b1"], s["b2"]
        m_hat = m / (1 - (b1 if correct_b1 else b2) ** t)
        v_hat = v / (1 - (b2 if correct_b2 else b1) ** t)
        root = np.sqrt(v_hat) if sqrt_v else v_hat
        if not sqrt_corr:
            m_hat = m / (1 - b1 ** t)
            root = np.sqrt(v / (1 - b2 ** t) ** 2) if sqrt_v else v
        return -s["lr"] * m_hat / (root + 1e-8)
    return step


def _momentum_state(rng):
    return {"v": rng.normal(0, 1, size=6), "g": rng.normal(0, 1, size=6), "W": rng.normal(0, 1, size=6),
            "alpha": 0.9, "lr": 0.1}


def _momentum_reference(s):
    from reference.optimizers import Momentum
    opt = Momentum(lr=s["lr"], momentum=s["alpha"])
    params = {"W": s["W"].copy()}
    opt.v = {"W": s["v"].copy()}
    opt.update(params, {"W": s["g"]})
    return params["W"]


def _rmsprop_state(rng):
    return {"h": rng.uniform(0.1, 2, size=6), "g": rng.normal(0, 1, size=6), "W": rng.normal(0, 1, size=6),
            "rho": 0.99, "lr": 0.01}


def _rmsprop_reference(s):
    from reference.optimizers import RMSprop
    opt = RMSprop(lr=s["lr"], decay_rate=s["rho"])
    params = {"W": s["W"].copy()}
    opt.h = {"W": s["h"].copy()}
    opt.update(params, {"W": s["g"]})
    return params["W"]


def _conv_sizes(rng):
    while True:
        H, K, S, P = int(rng.integers(8, 64)), int(rng.choice([3, 5, 7])), int(rng.choice([2, 3])), int(rng.integers(1, 4))
        if (H + 2 * P - K) % S == 0:
            return {"H": H, "K": K, "S": S, "P": P}


def _deconv_sizes(rng):
    return {"H": int(rng.integers(4, 32)), "K": int(rng.choice([2, 3, 4, 5])), "S": int(rng.choice([2, 3])),
            "P": int(rng.integers(0, 2))}


def _deconv_reference(s):
    """The size a transposed convolution produces is the input size of the convolution it transposes: the one
    with conv_output_size(size, K, S, P) == H (the smallest such size, as with output_padding = 0)."""
    from reference.conv import conv_output_size
    return next(n for n in range(1, 10 * s["H"] * s["S"] + 10) if n + 2 * s["P"] >= s["K"]
                and (n + 2 * s["P"] - s["K"]) % s["S"] == 0 and conv_output_size(n, s["K"], s["S"], s["P"]) == s["H"])


def _attention_inputs(rng):
    d = int(rng.choice([4, 8]))
    return {"Q": rng.normal(0, 1, size=(3, d)), "K": rng.normal(0, 1, size=(5, d)), "V": rng.normal(0, 1, size=(5, 2)),
            "d": d}


def _attention(s, scale_inside=True, root=True, axis=-1, transpose=False):
    from reference.functions import softmax
    scores = s["Q"] @ s["K"].T
    div = np.sqrt(s["d"]) if root else s["d"]
    if scale_inside:
        scores = scores / div
    w = softmax(scores) if axis == -1 else softmax(scores.T).T
    out = w @ s["V"]
    return out if scale_inside else out / div


def _lstm_inputs(rng):
    H = 4
    return {"f": rng.uniform(0.05, 0.95, H), "i": rng.uniform(0.05, 0.95, H), "o": rng.uniform(0.05, 0.95, H),
            "g": rng.uniform(-0.95, 0.95, H), "c": rng.normal(0, 1, H)}


def _fan_in(rng):
    return {"n": int(rng.integers(16, 1024))}


def _l2_inputs(rng):
    return {"W": rng.normal(0, 1, size=(3, 4)), "X": rng.normal(0, 1, size=(5, 3)), "lam": float(rng.choice([0.1, 0.01, 0.5]))}


def _l2_loss(s, W):
    return 0.5 * np.sum((s["X"] @ W) ** 2) + 0.5 * s["lam"] * np.sum(W ** 2)


def _l2_reference(s):
    from reference.functions import numerical_gradient
    W = s["W"].copy()
    return numerical_gradient(lambda w: _l2_loss(s, w), W)


def _dists(rng):
    p = rng.dirichlet(np.ones(4) * 2)
    q = rng.dirichlet(np.ones(4) * 2)
    return {"p": p, "q": q}


# ----------------------------------------------------------------------------- families

FAMILIES = {
    "softmax": {
        "item": "3-1-3", "inputs": _logits, "reference": lambda s: _softmax_rows(s["a"]),
        "stem": ja_en("ソフトマックス関数の出力 yk (入力 a1 … an) の式として正しいものはどれか。",
                      "Which formula gives the softmax output yk for inputs a1 … an?"),
        "key": ("yk = exp(ak) / Σi exp(ai)", lambda s: np.exp(s["a"]) / np.exp(s["a"]).sum(axis=-1, keepdims=True)),
        "wrong": [
            ("yk = ak / Σi ai", lambda s: s["a"] / s["a"].sum(axis=-1, keepdims=True),
             ja_en("exp を取らずに正規化した", "normalised without exp")),
            ("yk = 1 / (1 + exp(−ak))", lambda s: 1 / (1 + np.exp(-s["a"])),
             ja_en("シグモイド関数と取り違えた", "took the sigmoid")),
            ("yk = exp(ak − max(a)) / Σi exp(ai)",
             lambda s: np.exp(s["a"] - s["a"].max(axis=-1, keepdims=True)) / np.exp(s["a"]).sum(axis=-1, keepdims=True),
             ja_en("最大値を分子からだけ引いた", "subtracted the maximum in the numerator only")),
            ("yk = ak − log Σi exp(ai)", lambda s: s["a"] - np.log(np.exp(s["a"]).sum(axis=-1, keepdims=True)),
             ja_en("log softmax (対数を取った値) と取り違えた", "gave the log-softmax")),
            ("yk = exp(ak) / Σi exp(ak)", lambda s: np.exp(s["a"]) / (s["a"].shape[-1] * np.exp(s["a"])),
             ja_en("分母の添字を k のままにした", "kept the index k in the denominator"))],
        "explanation": ja_en("指数関数で正にしてから合計で割り、合計 1 の確率にする。入力から定数 (最大値) を引くなら分子と分母の両方から引く。",
                             "Make every value positive with exp, then divide by the sum so the outputs sum to 1. A constant "
                             "(the maximum) may be subtracted, but from numerator and denominator alike."),
        "source": "ゼロから作るDeep Learning ① 3.5.1 (恒等関数とソフトマックス関数)"},
    "cross_entropy": {
        "item": "3-1-3", "inputs": _probs_onehot,
        "reference": lambda s: __import__("reference.functions", fromlist=["x"]).cross_entropy_error(s["y"], s["t"].argmax(axis=1)),
        "stem": ja_en("ミニバッチ N 件のソフトマックス出力 y と one-hot の教師データ t に対する交差エントロピー誤差の式として正しいものはどれか。",
                      "For softmax outputs y and one-hot targets t of a mini-batch of N, which formula is the cross-entropy error?"),
        "key": ("E = −(1/N) Σn Σk tnk log ynk", lambda s: -np.sum(s["t"] * np.log(s["y"])) / len(s["y"])),
        "wrong": [
            ("E = −(1/N) Σn Σk ynk log tnk", lambda s: -np.sum(s["y"] * np.log(s["t"] + 1e-300)) / len(s["y"]),
             ja_en("y と t を入れ替えた", "swapped y and t")),
            ("E = −(1/N) Σn Σk log ynk", lambda s: -np.sum(np.log(s["y"])) / len(s["y"]),
             ja_en("正解以外のクラスの項も足した", "summed the terms of every class, not the target's")),
            ("E = −(1/N) Σn Σk [tnk log ynk + (1 − tnk) log(1 − ynk)]",
             lambda s: -np.sum(s["t"] * np.log(s["y"]) + (1 - s["t"]) * np.log(1 - s["y"])) / len(s["y"]),
             ja_en("多クラスの出力にバイナリ交差エントロピーを使った", "used binary cross entropy on a softmax output")),
            ("E = −(1/N) log Σn Σk tnk ynk", lambda s: -np.log(np.sum(s["t"] * s["y"])) / len(s["y"]),
             ja_en("和を取ってから対数を取った", "took the log of the sum")),
            ("E = −(1/N) Σn log Σk tnk ynk", lambda s: -np.sum(np.log(np.sum(s["t"] * s["y"], axis=1))) / len(s["y"]),
             None)],   # right for one-hot t: the proof drops it
        "explanation": ja_en("one-hot なので各データで正解クラスの −log y だけが残り、それをバッチで平均する。",
                             "With one-hot t only −log y of each example's target class remains, averaged over the batch."),
        "source": "ゼロから作るDeep Learning ① 4.2.2, 4.2.4 (ミニバッチ対応版交差エントロピー誤差)"},
    "sigmoid_grad": {
        "item": "3-1-4", "inputs": _xs,
        "reference": lambda s: _layer_backward("Sigmoid", s["x"]),
        "stem": ja_en("シグモイド関数 σ(x) = 1 / (1 + exp(−x)) の導関数として正しいものはどれか。",
                      "Which is the derivative of the sigmoid σ(x) = 1 / (1 + exp(−x))?"),
        "key": ("σ(x)(1 − σ(x))", lambda s: _sig(s["x"]) * (1 - _sig(s["x"]))),
        "wrong": [
            ("x(1 − x)", lambda s: s["x"] * (1 - s["x"]), ja_en("出力ではなく入力 x で計算した", "used the input x instead of the output")),
            ("1 − σ(x)²", lambda s: 1 - _sig(s["x"]) ** 2, ja_en("tanh の導関数の形にした", "used the form of tanh's derivative")),
            ("σ(x)(1 + σ(x))", lambda s: _sig(s["x"]) * (1 + _sig(s["x"])), ja_en("符号を誤った", "got the sign wrong")),
            ("σ(x)²", lambda s: _sig(s["x"]) ** 2, ja_en("1 − σ(x) の因子を σ(x) にした", "used σ(x) for the factor 1 − σ(x)")),
            ("σ(x) σ(−x)", lambda s: _sig(s["x"]) * _sig(-s["x"]), None)],   # equal to the key: dropped by the proof
        "explanation": ja_en("dσ/dx = exp(−x)/(1 + exp(−x))² = σ(x)(1 − σ(x))。逆伝播では順伝播の出力 y を使い dout·y(1 − y)。",
                             "dσ/dx = exp(−x)/(1 + exp(−x))² = σ(x)(1 − σ(x)); backward uses the forward output y: dout·y(1 − y)."),
        "source": "ゼロから作るDeep Learning ① 5.5.2 (Sigmoid レイヤ)"},
    "tanh_grad": {
        "item": "3-1-4", "inputs": _xs,
        "reference": lambda s: _layer_backward("Tanh", s["x"]),
        "stem": ja_en("tanh(x) の導関数として正しいものはどれか。", "Which is the derivative of tanh(x)?"),
        "key": ("1 − tanh²(x)", lambda s: 1 - np.tanh(s["x"]) ** 2),
        "wrong": [
            ("1 − x²", lambda s: 1 - s["x"] ** 2, ja_en("出力ではなく入力 x で計算した", "used the input x instead of the output")),
            ("tanh(x)(1 − tanh(x))", lambda s: np.tanh(s["x"]) * (1 - np.tanh(s["x"])),
             ja_en("シグモイドの導関数の形にした", "used the form of the sigmoid's derivative")),
            ("1 + tanh²(x)", lambda s: 1 + np.tanh(s["x"]) ** 2, ja_en("符号を誤った", "got the sign wrong")),
            ("(1 − tanh(x))²", lambda s: (1 - np.tanh(s["x"])) ** 2, ja_en("二乗の位置を誤った", "squared the wrong term"))],
        "explanation": ja_en("d tanh/dx = 1/cosh²(x) = 1 − tanh²(x)。x = 0 で最大値 1 を取る。",
                             "d tanh/dx = 1/cosh²(x) = 1 − tanh²(x), largest (1) at x = 0."),
        "source": "Goodfellow, Bengio, Courville: Deep Learning (2016) 6.3.2"},
    "adam_step": {
        "item": "3-2-3", "inputs": _adam_state, "reference": _adam_reference,
        "stem": ja_en("Adam の t 回目の更新で、m ← β1 m + (1 − β1) g、v ← β2 v + (1 − β2) g² を計算した後の重みの更新として正しいものはどれか (ε は省略)。",
                      "At Adam's t-th step, after m ← β1 m + (1 − β1) g and v ← β2 v + (1 − β2) g², which is the weight update "
                      "(ε omitted)?"),
        "key": ("W ← W − η · (m / (1 − β1^t)) / √(v / (1 − β2^t))", _adam_option(True, True)),
        "wrong": [
            ("W ← W − η · (m / (1 − β2^t)) / √(v / (1 − β1^t))", _adam_option(False, False),
             ja_en("β1 と β2 を入れ替えた", "swapped β1 and β2")),
            ("W ← W − η · (m / (1 − β1^t)) / (v / (1 − β2^t))", _adam_option(True, True, sqrt_v=False),
             ja_en("v の平方根を取っていない", "did not take the square root of v")),
            ("W ← W − η · m / √v", lambda s: -s["lr"] * _adam_moments(s)[0] / (np.sqrt(_adam_moments(s)[1]) + 1e-8),
             ja_en("バイアス補正を忘れた", "forgot the bias correction")),
            ("W ← W − η · (m / (1 − β1^t)) / √(v / (1 − β2^t)²)", _adam_option(True, True, sqrt_corr=False),
             ja_en("v の補正を二乗で割った", "divided v by the squared correction"))],
        "explanation": ja_en("m̂ = m/(1 − β1^t)、v̂ = v/(1 − β2^t)、W ← W − η m̂/(√v̂ + ε)。本の実装は lr_t = η√(1 − β2^t)/(1 − β1^t) にまとめて同じ値を計算する。",
                             "m̂ = m/(1 − β1^t), v̂ = v/(1 − β2^t), W ← W − η m̂/(√v̂ + ε). The book folds both into "
                             "lr_t = η√(1 − β2^t)/(1 − β1^t), the same value."),
        "source": "Kingma & Ba: Adam (ICLR 2015) Algorithm 1; ゼロから作るDeep Learning ① 6.1.6"},
    "momentum_step": {
        "item": "3-2-1", "inputs": _momentum_state, "reference": _momentum_reference,
        "stem": ja_en("Momentum SGD (モメンタム係数 α、学習率 η、勾配 g) の 1 回の更新として正しいものはどれか。",
                      "Which is one Momentum SGD update (momentum α, learning rate η, gradient g)?"),
        "key": ("v ← αv − ηg,  W ← W + v", lambda s: s["W"] + (s["alpha"] * s["v"] - s["lr"] * s["g"])),
        "wrong": [
            ("v ← αv + ηg,  W ← W + v", lambda s: s["W"] + (s["alpha"] * s["v"] + s["lr"] * s["g"]),
             ja_en("勾配の符号を誤った (上り坂に進む)", "wrong sign of the gradient (climbs)")),
            ("v ← αv − ηg,  W ← W − v", lambda s: s["W"] - (s["alpha"] * s["v"] - s["lr"] * s["g"]),
             ja_en("速度を引いた", "subtracted the velocity")),
            ("v ← α(v − ηg),  W ← W + v", lambda s: s["W"] + s["alpha"] * (s["v"] - s["lr"] * s["g"]),
             ja_en("勾配にも α を掛けた", "multiplied the gradient by α too")),
            ("v ← αv − ηg,  W ← W − ηg", lambda s: s["W"] - s["lr"] * s["g"],
             ja_en("速度を使わず SGD と同じ更新にした", "ignored the velocity (plain SGD)"))],
        "explanation": ja_en("速度 v は過去の更新を α で減衰させて蓄積し、勾配と逆向きに進む。",
                             "The velocity accumulates past updates decayed by α and moves against the gradient."),
        "source": "ゼロから作るDeep Learning ① 6.1.4 (Momentum)"},
    "rmsprop_step": {
        "item": "3-2-3", "inputs": _rmsprop_state, "reference": _rmsprop_reference,
        "stem": ja_en("RMSProp (減衰率 ρ、学習率 η、勾配 g) の 1 回の更新として正しいものはどれか (ε は省略)。",
                      "Which is one RMSProp update (decay rate ρ, learning rate η, gradient g; ε omitted)?"),
        "key": ("h ← ρh + (1 − ρ)g²,  W ← W − ηg / √h",
                lambda s: s["W"] - s["lr"] * s["g"] / np.sqrt(s["rho"] * s["h"] + (1 - s["rho"]) * s["g"] ** 2)),
        "wrong": [
            ("h ← h + g²,  W ← W − ηg / √h", lambda s: s["W"] - s["lr"] * s["g"] / np.sqrt(s["h"] + s["g"] ** 2),
             ja_en("AdaGrad の累積にした", "accumulated as AdaGrad does")),
            ("h ← ρh + (1 − ρ)g²,  W ← W − ηg / h",
             lambda s: s["W"] - s["lr"] * s["g"] / (s["rho"] * s["h"] + (1 - s["rho"]) * s["g"] ** 2),
             ja_en("平方根を取っていない", "did not take the square root")),
            ("h ← ρh + (1 − ρ)g,  W ← W − ηg / √h",
             lambda s: s["W"] - s["lr"] * s["g"] / np.sqrt(np.abs(s["rho"] * s["h"] + (1 - s["rho"]) * s["g"])),
             ja_en("勾配を二乗していない", "did not square the gradient")),
            ("h ← ρh + (1 − ρ)g²,  W ← W − η√h · g",
             lambda s: s["W"] - s["lr"] * np.sqrt(s["rho"] * s["h"] + (1 - s["rho"]) * s["g"] ** 2) * s["g"],
             ja_en("√h で割らずに掛けた", "multiplied by √h instead of dividing"))],
        "explanation": ja_en("勾配の二乗の指数移動平均 h で割り、よく動くパラメータの学習率を下げる。単純に足し続けるのは AdaGrad。",
                             "Dividing by the exponential moving average h of squared gradients slows parameters that move a "
                             "lot; summing forever is AdaGrad."),
        "source": "ゼロから作るDeep Learning ① 6.1.5 (AdaGrad, RMSProp); Tieleman & Hinton (2012)"},
    "conv_size": {
        "item": "3-4-1", "inputs": _conv_sizes,
        "reference": lambda s: __import__("reference.conv", fromlist=["x"]).conv_output_size(s["H"], s["K"], s["S"], s["P"]),
        "stem": ja_en("入力の高さ H、フィルタの高さ FH、ストライド S、パディング P の畳み込みの出力の高さ OH の式として正しいものはどれか。",
                      "Which formula gives the output height OH of a convolution (input height H, filter height FH, stride S, "
                      "padding P)?"),
        "key": ("OH = (H + 2P − FH) / S + 1", lambda s: (s["H"] + 2 * s["P"] - s["K"]) / s["S"] + 1),
        "wrong": [
            ("OH = (H + P − FH) / S + 1", lambda s: (s["H"] + s["P"] - s["K"]) / s["S"] + 1,
             ja_en("パディングを片側分しか足していない", "padded one side only")),
            ("OH = (H + 2P − FH + 1) / S", lambda s: (s["H"] + 2 * s["P"] - s["K"] + 1) / s["S"],
             ja_en("+1 をストライドで割った", "divided the + 1 by the stride")),
            ("OH = (H − FH) / S + 1", lambda s: (s["H"] - s["K"]) / s["S"] + 1, ja_en("パディングを忘れた", "forgot the padding")),
            ("OH = (H + 2P) / S − FH + 1", lambda s: (s["H"] + 2 * s["P"]) / s["S"] - s["K"] + 1,
             ja_en("フィルタの大きさもストライドで割らなかった", "did not divide the filter size by the stride"))],
        "explanation": ja_en("パディング後の幅 H + 2P から、フィルタが収まる位置の数を数える: (H + 2P − FH)/S + 1。",
                             "Count the filter positions on the padded width H + 2P: (H + 2P − FH)/S + 1."),
        "source": "ゼロから作るDeep Learning ① 7.2.5 (式 7.1)"},
    "deconv_size": {
        "item": "3-4-2", "inputs": _deconv_sizes, "reference": _deconv_reference,
        "stem": ja_en("転置畳み込み (入力の高さ H、カーネル K、ストライド S、パディング P、output_padding なし) の出力の高さの式として正しいものはどれか。",
                      "Which formula gives the output height of a transposed convolution (input height H, kernel K, stride S, "
                      "padding P, no output padding)?"),
        "key": ("(H − 1)S − 2P + K", lambda s: (s["H"] - 1) * s["S"] - 2 * s["P"] + s["K"]),
        "wrong": [
            ("(H − 1)S + 2P + K", lambda s: (s["H"] - 1) * s["S"] + 2 * s["P"] + s["K"],
             ja_en("パディングの符号を誤った", "added the padding")),
            ("HS − 2P + K", lambda s: s["H"] * s["S"] - 2 * s["P"] + s["K"], ja_en("H − 1 でなく H を掛けた", "multiplied H, not H − 1")),
            ("(H + 2P − K) / S + 1", lambda s: (s["H"] + 2 * s["P"] - s["K"]) / s["S"] + 1,
             ja_en("通常の畳み込みの式を使った", "used the ordinary convolution's formula")),
            ("(H − 1)S − 2P + K − 1", lambda s: (s["H"] - 1) * s["S"] - 2 * s["P"] + s["K"] - 1,
             ja_en("1 つ少なく数えた", "off by one"))],
        "explanation": ja_en("通常の畳み込み OH = (I + 2P − K)/S + 1 を I について解いた大きさ。",
                             "The ordinary formula OH = (I + 2P − K)/S + 1 solved for I."),
        "source": "Dumoulin & Visin: A guide to convolution arithmetic for deep learning (2016) 4.6; PyTorch documentation: torch.nn.ConvTranspose2d"},
    "attention": {
        "item": "3-6-1", "inputs": _attention_inputs, "reference": lambda s: _attention(s),
        "stem": ja_en("Q (n×d_k)、K (m×d_k)、V (m×d_v) に対する Scaled Dot-Product Attention の式として正しいものはどれか (softmax は行ごと)。",
                      "Which is scaled dot-product attention for Q (n×d_k), K (m×d_k), V (m×d_v) (softmax per row)?"),
        "key": ("softmax(QKᵀ / √d_k) V", lambda s: _attention_direct(s)),
        "wrong": [
            ("softmax(QKᵀ / d_k) V", lambda s: _attention(s, root=False), ja_en("√d_k ではなく d_k で割った", "divided by d_k, not √d_k")),
            ("softmax(QKᵀ) V / √d_k", lambda s: _attention(s, scale_inside=False),
             ja_en("ソフトマックスの後でスケーリングした", "scaled after the softmax")),
            ("softmax(QKᵀ / √d_k) V (softmax は列ごと)", lambda s: _attention(s, axis=0),
             ja_en("ソフトマックスの軸を誤った", "normalised over the wrong axis")),
            ("softmax(KQᵀ / √d_k)ᵀ V", lambda s: _attention(s, axis=0),
             None)],   # the same as softmax per column of QKᵀ written another way: kept out (it is a twin)
        "explanation": ja_en("クエリとキーの内積を √d_k で割ってから、各クエリ (行) についてソフトマックスを取り、その重みで V を平均する。",
                             "Divide the query–key dot products by √d_k, take the softmax over each query's row, and average V "
                             "with those weights."),
        "source": "Vaswani et al.: Attention Is All You Need (NeurIPS 2017) 3.2.1 (1)"},
    "lstm_cell": {
        "item": "3-5-2", "inputs": _lstm_inputs,
        "reference": lambda s: s["f"] * s["c"] + s["i"] * s["g"],
        "stem": ja_en("LSTM の記憶セルの更新式として正しいものはどれか (f: 忘却ゲート、i: 入力ゲート、o: 出力ゲート、g: 新しい記憶の候補、⊙: 要素積)。",
                      "Which is the LSTM memory cell update (f forget gate, i input gate, o output gate, g the new candidate, "
                      "⊙ element-wise product)?"),
        "key": ("c_t = f ⊙ c_{t−1} + i ⊙ g", lambda s: s["f"] * s["c"] + s["i"] * s["g"]),
        "wrong": [
            ("c_t = f ⊙ g + i ⊙ c_{t−1}", lambda s: s["f"] * s["g"] + s["i"] * s["c"], ja_en("ゲートを入れ替えた", "swapped the gates")),
            ("c_t = f ⊙ c_{t−1} + o ⊙ g", lambda s: s["f"] * s["c"] + s["o"] * s["g"],
             ja_en("入力ゲートの代わりに出力ゲートを使った", "used the output gate instead of the input gate")),
            ("c_t = (1 − i) ⊙ c_{t−1} + i ⊙ g", lambda s: (1 - s["i"]) * s["c"] + s["i"] * s["g"],
             ja_en("GRU のように忘却を入力ゲートと連動させた", "coupled forgetting to the input gate, as a GRU does")),
            ("c_t = o ⊙ tanh(f ⊙ c_{t−1} + i ⊙ g)", lambda s: s["o"] * np.tanh(s["f"] * s["c"] + s["i"] * s["g"]),
             ja_en("隠れ状態 h_t の式と取り違えた", "gave the hidden state's formula"))],
        "explanation": ja_en("忘却ゲートで古い記憶を残す割合、入力ゲートで新しい情報 g を加える割合を決める。h_t = o ⊙ tanh(c_t)。",
                             "The forget gate keeps part of the old memory, the input gate adds part of g; h_t = o ⊙ tanh(c_t)."),
        "source": "ゼロから作るDeep Learning ❷ 6.2 (LSTM); Hochreiter & Schmidhuber (1997)"},
    "he_init": {
        "item": "3-2-4", "inputs": _fan_in,
        "reference": lambda s: __import__("reference.init", fromlist=["x"]).he_std(s["n"]),
        "stem": ja_en("活性化関数に ReLU を使う層 (前層のノード数 n) の重みの初期値に He の初期値を使うとき、その標準偏差はどれか。",
                      "With He initialisation for a ReLU layer whose previous layer has n nodes, what is the weights' standard "
                      "deviation?"),
        "key": ("√(2 / n)", lambda s: np.sqrt(2 / s["n"])),
        "wrong": [
            ("√(1 / n)", lambda s: np.sqrt(1 / s["n"]), ja_en("Xavier の初期値を使った", "used Xavier's value")),
            ("2 / n", lambda s: 2 / s["n"], ja_en("分散と標準偏差を取り違えた", "gave the variance")),
            ("√(2 / (n + n_out)) (n_out = n)", lambda s: np.sqrt(2 / (2 * s["n"])),
             ja_en("Glorot の一様分布版の分母を使った", "used Glorot's fan-in + fan-out")),
            ("0.01", lambda s: 0.01 + 0 * s["n"], ja_en("固定の小さな値にした", "used a fixed small value"))],
        "explanation": ja_en("ReLU は負の半分を 0 にして分散を半分にするので、Xavier の 1/n の 2 倍の分散 2/n にする。標準偏差はその平方根。",
                             "ReLU zeroes the negative half and halves the variance, so He doubles Xavier's 1/n to 2/n; the "
                             "standard deviation is its square root."),
        "source": "He et al.: Delving Deep into Rectifiers (ICCV 2015) 2.2; ゼロから作るDeep Learning ① 6.2.3"},
    "l2_grad": {
        "item": "3-3-1", "inputs": _l2_inputs, "reference": _l2_reference,
        "stem": ja_en("損失 L に L2 正則化項 (λ/2)‖W‖² を加えた損失 L' の、W に関する勾配として正しいものはどれか。",
                      "The L2 term (λ/2)‖W‖² is added to a loss L. Which is the gradient of the total loss L' with respect to W?"),
        "key": ("∂L'/∂W = ∂L/∂W + λW", lambda s: s["X"].T @ (s["X"] @ s["W"]) + s["lam"] * s["W"]),
        "wrong": [
            ("∂L'/∂W = ∂L/∂W + λ sign(W)", lambda s: s["X"].T @ (s["X"] @ s["W"]) + s["lam"] * np.sign(s["W"]),
             ja_en("L1 正則化の勾配にした", "used the L1 penalty's gradient")),
            ("∂L'/∂W = ∂L/∂W + (λ/2)W", lambda s: s["X"].T @ (s["X"] @ s["W"]) + s["lam"] / 2 * s["W"],
             ja_en("2 乗の微分の係数 2 を忘れた", "forgot the factor 2 from the square")),
            ("∂L'/∂W = ∂L/∂W − λW", lambda s: s["X"].T @ (s["X"] @ s["W"]) - s["lam"] * s["W"],
             ja_en("符号を誤った", "got the sign wrong")),
            ("∂L'/∂W = ∂L/∂W + λW²", lambda s: s["X"].T @ (s["X"] @ s["W"]) + s["lam"] * s["W"] ** 2,
             ja_en("微分せずに二乗を残した", "kept the square instead of differentiating"))],
        "explanation": ja_en("(λ/2)‖W‖² = (λ/2)Σ w² の微分は λW。SGD では W が毎回 (1 − ηλ) 倍に縮む (weight decay)。",
                             "The derivative of (λ/2)Σ w² is λW; with SGD, W shrinks by (1 − ηλ) every step (weight decay)."),
        "source": "ゼロから作るDeep Learning ① 6.4.2 (Weight decay)"},
    "kl_formula": {
        "item": "1-3-1", "inputs": _dists,
        "reference": lambda s: float(np.sum(s["p"] * (np.log(s["p"]) - np.log(s["q"])))),
        "stem": ja_en("離散分布 P, Q の KL ダイバージェンス D_KL(P ‖ Q) の式として正しいものはどれか。",
                      "Which formula is the KL divergence D_KL(P ‖ Q) of discrete distributions P and Q?"),
        "key": ("Σx P(x) log (P(x) / Q(x))", lambda s: float(np.sum(s["p"] * np.log(s["p"] / s["q"])))),
        "wrong": [
            ("Σx Q(x) log (Q(x) / P(x))", lambda s: float(np.sum(s["q"] * np.log(s["q"] / s["p"]))),
             ja_en("D_KL(Q ‖ P) と向きを逆にした", "reversed it into D_KL(Q ‖ P)")),
            ("Σx P(x) log (Q(x) / P(x))", lambda s: float(np.sum(s["p"] * np.log(s["q"] / s["p"]))),
             ja_en("対数の中の分数を逆にした (符号が逆)", "inverted the ratio (the sign flips)")),
            ("−Σx P(x) log Q(x)", lambda s: float(-np.sum(s["p"] * np.log(s["q"]))),
             ja_en("交差エントロピーと取り違えた", "gave the cross entropy")),
            ("Σx (P(x) − Q(x)) log P(x)", lambda s: float(np.sum((s["p"] - s["q"]) * np.log(s["p"]))),
             ja_en("期待値の重みを誤った", "weighted the log wrongly"))],
        "explanation": ja_en("P で期待値を取った log(P/Q)。交差エントロピー H(P, Q) からエントロピー H(P) を引いたものに等しく、0 以上。",
                             "The expectation under P of log(P/Q); it equals the cross entropy H(P, Q) minus the entropy H(P) "
                             "and is never negative."),
        "source": "Goodfellow, Bengio, Courville: Deep Learning (2016) 3.13 (3.50)"},
}


def _sig(x):
    from reference.functions import sigmoid
    return sigmoid(x)


def _layer_backward(name, x):
    from reference import layers
    layer = getattr(layers, name)()
    layer.forward(x.copy())
    return layer.backward(np.ones_like(x))


def _attention_direct(s):
    e = np.exp(s["Q"] @ s["K"].T / np.sqrt(s["d"]))
    return (e / e.sum(axis=1, keepdims=True)) @ s["V"]


def _draws(family_id):
    family = FAMILIES[family_id]
    rng = np.random.default_rng(zlib.crc32(family_id.encode()))
    return [family["inputs"](rng) for _ in range(PROOF_DRAWS)]


def _agrees(fn, draws, reference):
    out = []
    for s in draws:
        with np.errstate(all="ignore"):
            try:
                got = np.asarray(fn(s), dtype=float)
            except (ValueError, FloatingPointError, ZeroDivisionError):
                out.append(False)
                continue
        want = np.asarray(reference(s), dtype=float)
        out.append(got.shape == want.shape and bool(np.all(np.isfinite(got)))
                   and np.allclose(got, want, rtol=1e-5, atol=1e-8))
    return out


_PROOFS = {}


def prove(family_id):
    """{option text: (agrees on every draw, disagrees on every draw)} against the reference, cached per process."""
    if family_id not in _PROOFS:
        family = FAMILIES[family_id]
        draws = _draws(family_id)
        result = {}
        for text, fn, *_ in [family["key"]] + family["wrong"]:
            if fn is None:
                result[text] = (False, False)
                continue
            agree = _agrees(fn, draws, family["reference"])
            result[text] = (all(agree), not any(agree))
        _PROOFS[family_id] = result
    return _PROOFS[family_id]


def formula_question(family_id, seed, set_id=None):
    """One formula-choice question: the key and three distractors proven wrong on every draw, shuffled by seed."""
    family = FAMILIES[family_id]
    proof = prove(family_id)
    key_text = family["key"][0]
    if not proof[key_text][0]:
        raise RuntimeError(f"formula family {family_id}: the key disagrees with the reference")
    usable = [(text, slip) for text, fn, slip in family["wrong"] if slip is not None and proof[text][1]]
    rng = random.Random(f"formula:{family_id}:{seed}")
    if len(usable) < 3:
        raise RuntimeError(f"formula family {family_id}: fewer than three proven distractors")
    chosen = rng.sample(usable, 3)
    options = [Option(key_text, True)] + [Option(text, False, verdict={"check": "formula", **slip}, operator="formula")
                                          for text, slip in chosen]
    rng.shuffle(options)
    key = next(i for i, o in enumerate(options) if o.correct)
    area = area_of(family["item"])
    return Question(id=f"formula:{family_id}:s{seed}", kind="formula", problem=None, template=f"formula:{family_id}",
                    area=area, section=AREAS[area]["ja"], item=family["item"], stem=dict(family["stem"]),
                    explanation=dict(family["explanation"]), options=options, key=key, answer=key_text,
                    set_id=set_id or f"formula:{family_id}:s{seed}", seed=seed, source=family["source"])
