"""Formula families of training: the Adam, Momentum and RMSProp updates, He initialisation, the L2 gradient."""
import numpy as np

from examprep.common.i18n import ja_en


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


FAMILIES = {
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
            ("v ← αv − ηg,  W ← W + v − ηg",
             lambda s: s["W"] + (s["alpha"] * s["v"] - s["lr"] * s["g"]) - s["lr"] * s["g"],
             ja_en("速度に含まれる勾配の項をもう一度足した", "applied the gradient step again on top of the velocity")),
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
            ("√(6 / n)", lambda s: np.sqrt(6 / s["n"]),
             ja_en("He の一様分布版の範囲 (上限) を標準偏差とした", "gave the bound of He's uniform variant, not the standard deviation")),
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
}
