"""Calculation templates of parameter updates: one Adam or Momentum step, Adam at t > 1, weight decay."""
import math

import numpy as np

from examprep.common.i18n import ja_en
from examprep.exam.calc.question import calc_question, scenario_set, signed


def adam_step(rng, seed, set_id):
    from reference.optimizers import Adam

    w = rng.choice([1.0, 0.5, -0.5, 2.0, -1.0])
    g = rng.choice([0.2, 0.5, -0.4, 1.0, -2.0, 0.1])
    lr = rng.choice([0.1, 0.01, 0.05, 0.001])
    b1, b2 = 0.9, 0.999
    opt = Adam(lr=lr, beta1=b1, beta2=b2)
    params = {"w": np.array([w])}
    opt.update(params, {"w": np.array([g])})
    key = float(params["w"][0])
    m, v = (1 - b1) * g, (1 - b2) * g * g
    step = lr * (m / (1 - b1)) / (math.sqrt(v / (1 - b2)) + 1e-8)
    decimals = 4 if lr >= 0.01 else 5
    params_ = {"w": w, "grad": g, "lr": lr, "beta1": b1, "beta2": b2, "eps": 1e-8, "t": 1}
    return [calc_question(
        f"calc:adam_step:s{seed}", "adam_step", "3-2-3",
        ja_en(f"パラメータ w = {w} を Adam (学習率 {lr}、β1 = {b1}、β2 = {b2}、ε = 1e-8、m と v の初期値 0) で更新する。"
              f"勾配が {g} のとき、1 回目 (t = 1) の更新後の w はいくつか (小数第 {decimals} 位まで四捨五入)。",
              f"A parameter w = {w} is updated by Adam (learning rate {lr}, β1 = {b1}, β2 = {b2}, ε = 1e-8, m and v "
              f"start at 0). With gradient {g}, what is w after the first update (t = 1), rounded to {decimals} decimals?"),
        ja_en(f"m = (1 − β1)g = {m:g}、v = (1 − β2)g² = {v:g}。バイアス補正 m̂ = m / (1 − β1) = {g}、"
              f"v̂ = v / (1 − β2) = {g * g:g} により、最初の一歩は学習率と同じ大きさ: w − lr·m̂ / (√v̂ + ε) = {key:.{decimals}f}。",
              f"m = (1 − β1)g = {m:g}, v = (1 − β2)g² = {v:g}. Bias correction gives m̂ = m / (1 − β1) = {g} and "
              f"v̂ = v / (1 − β2) = {g * g:g}, so the first step has the size of the learning rate: "
              f"w − lr·m̂ / (√v̂ + ε) = {key:.{decimals}f}."),
        key,
        [("no_bias_correction", w - lr * m / (math.sqrt(v) + 1e-8), ja_en("バイアス補正を忘れた", "forgot the bias correction")),
         ("wrong_sign", w + step, ja_en("勾配の方向に進んだ (符号が逆)", "stepped along the gradient (wrong sign)")),
         ("sgd", w - lr * g, ja_en("Adam ではなく SGD の更新をした", "did a plain SGD step")),
         ("m_correction_only", w - lr * (m / (1 - b1)) / (math.sqrt(v) + 1e-8),
          ja_en("m だけ補正して v を補正していない", "corrected m but not v"))],
        decimals, rng, set_id, seed, params_)]


def momentum_step(rng, seed, set_id):
    from reference.optimizers import Momentum

    w = rng.choice([1.0, 0.5, -0.5, 2.0, -1.0])
    g = rng.choice([0.2, 0.5, -0.4, 1.0, -2.0])
    v0 = rng.choice([0.1, -0.1, 0.05, -0.2, 0.3])
    lr = rng.choice([0.1, 0.01, 0.05])
    mom = rng.choice([0.9, 0.9, 0.5, 0.8])
    opt = Momentum(lr=lr, momentum=mom)
    opt.v = {"w": np.array([v0])}
    params = {"w": np.array([w])}
    opt.update(params, {"w": np.array([g])})
    key = float(params["w"][0])
    v1 = mom * v0 - lr * g
    params_ = {"w": w, "v": v0, "grad": g, "lr": lr, "momentum": mom}
    return [calc_question(
        f"calc:momentum_step:s{seed}", "momentum_step", "3-2-1",
        ja_en(f"Momentum (v ← αv − η∇L、w ← w + v) で、学習率 η = {lr}、α = {mom}、現在の w = {w}、v = {v0}、勾配 {g} の"
              "とき、更新後の w はいくつか (小数第 4 位まで四捨五入)。",
              f"Momentum SGD (v ← αv − η∇L, w ← w + v) with learning rate η = {lr} and α = {mom}: w = {w}, v = {v0} and "
              f"the gradient is {g}. What is w after the update, rounded to 4 decimals?"),
        ja_en(f"v ← {mom}×{signed(v0)} − {lr}×{signed(g)} = {v1:.4f}、w ← {w} + {signed(round(v1, 4))} = {key:.4f}。",
              f"v ← {mom}×{signed(v0)} − {lr}×{signed(g)} = {v1:.4f}, w ← {w} + {signed(round(v1, 4))} = {key:.4f}."),
        key,
        [("sgd", w - lr * g, ja_en("速度 v を使わず SGD の更新をした", "ignored the velocity (plain SGD)")),
         ("wrong_sign", w + mom * v0 + lr * g, ja_en("勾配の項の符号を逆にした", "flipped the gradient term's sign")),
         ("old_velocity", w + v0, ja_en("更新前の v を足した", "added the velocity before its update")),
         ("no_momentum_factor", w + v0 - lr * g, ja_en("v に α を掛け忘れた", "forgot to multiply v by α"))],
        4, rng, set_id, seed, params_)]


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
    return [calc_question(
        f"calc:adam_t:s{seed}", "adam_t", "3-2-3",
        ja_en(f"Adam (学習率 0.1、β1 = 0.9、β2 = 0.999、ε は無視できる) でスカラーの重み w を更新する。m = v = 0 から始めて、"
              f"勾配が順に {gs} だった。{t} 回目の更新で w が変化する量 (更新後 − 更新前) はいくらか (小数第 4 位まで四捨五入)。",
              f"Adam (learning rate 0.1, β1 = 0.9, β2 = 0.999, ε negligible) updates a scalar weight w, starting from m = v = 0. "
              f"The gradients were {gs}, in that order. By how much does w change at update {t} (after − before), rounded to "
              f"4 decimals?"),
        ja_en(f"m = {m:.5g}、v = {v:.5g}、m̂ = m/(1 − 0.9^{t}) = {m_hat:.5g}、v̂ = v/(1 − 0.999^{t}) = {v_hat:.5g}。"
              f"変化量 = −0.1 · m̂/√v̂ = {step:.4f}。",
              f"m = {m:.5g}, v = {v:.5g}, m̂ = m/(1 − 0.9^{t}) = {m_hat:.5g}, v̂ = v/(1 − 0.999^{t}) = {v_hat:.5g}. "
              f"Change = −0.1 · m̂/√v̂ = {step:.4f}."),
        step,
        [("no_bias_correction", -lr * m / math.sqrt(v), ja_en("バイアス補正を忘れた", "forgot the bias correction")),
         ("first_step_correction", -lr * (m / (1 - b1)) / math.sqrt(v / (1 - b2)),
          ja_en("補正を t = 1 の値 (1 − β) で行った", "corrected with t = 1 (1 − β)")),
         ("last_gradient_only", -lr * grads[-1] / abs(grads[-1]), ja_en("最後の勾配だけで t = 1 のように計算した",
                                                                        "used the last gradient alone, as at t = 1")),
         ("no_sqrt", -lr * m_hat / v_hat, ja_en("v̂ の平方根を取っていない", "did not take the square root of v̂"))],
        4, rng, set_id, seed, params_)]


def weight_decay_step(rng, seed, set_id):
    """One SGD step with an L2 penalty (λ/2)w² added to the loss."""
    w = rng.choice([2.0, -1.5, 1.0, 3.0, -2.0, 0.5])
    g = rng.choice([0.5, -0.5, 1.0, -1.0, 0.2, 2.0])
    lam = rng.choice([0.1, 0.01, 0.2, 0.5])
    lr = rng.choice([0.1, 0.5, 0.05])
    key = w - lr * (g + lam * w)
    params_ = {"w": w, "grad": g, "lambda": lam, "lr": lr}
    return [calc_question(
        f"calc:weight_decay_step:s{seed}", "weight_decay_step", "3-3-1",
        ja_en(f"損失 L に L2 正則化項 (λ/2) w² (λ = {lam:g}) を加えて、学習率 {lr:g} の SGD で重み w = {w:g} を 1 回更新する。"
              f"∂L/∂w = {g:g} のとき、更新後の w はいくらか (小数第 4 位まで四捨五入)。",
              f"An L2 term (λ/2) w² (λ = {lam:g}) is added to a loss L, and SGD with learning rate {lr:g} updates a weight "
              f"w = {w:g} once. If ∂L/∂w = {g:g}, what is w after the update, rounded to 4 decimals?"),
        ja_en(f"w ← w − η(∂L/∂w + λw) = {w:g} − {lr:g} × ({g:g} + {lam:g} × {w:g}) = {key:.4f}。",
              f"w ← w − η(∂L/∂w + λw) = {w:g} − {lr:g} × ({g:g} + {lam:g} × {w:g}) = {key:.4f}."),
        key,
        [("half_lambda", w - lr * (g + lam / 2 * w), ja_en("正則化項の勾配を (λ/2)w とした", "took (λ/2)w as the penalty's gradient")),
         ("l1", w - lr * (g + lam * math.copysign(1, w)), ja_en("L1 正則化の勾配 λ sign(w) を使った", "used the L1 gradient λ sign(w)")),
         ("no_decay", w - lr * g, ja_en("正則化項を忘れた", "forgot the penalty")),
         ("decay_without_lr", w - lr * g - lam * w, ja_en("減衰項に学習率を掛けていない", "did not scale the decay by the learning rate"))],
        4, rng, set_id, seed, params_)]


def adam_two_steps(rng, seed, set_id):
    """Adam's first two updates of a scalar weight from gradients g1, g2: the first moment m_2, the bias-corrected
    second moment v̂_2 and w after step 2 (a set of three; keys from the reference's Adam). The three questions are
    one source, adam_two_steps, so the Adam concept (adam_t's, the adam listing's) admits all three."""
    from reference.optimizers import Adam

    g1, g2 = rng.sample([-2.0, -1.0, -0.5, 0.5, 1.0, 2.0, 3.0], 2)
    w0, lr, b1, b2 = 1.0, 0.1, 0.9, 0.999
    opt = Adam(lr=lr, beta1=b1, beta2=b2)
    params = {"w": np.array([w0])}
    opt.update(params, {"w": np.array([g1])})
    w1 = float(params["w"][0])
    opt.update(params, {"w": np.array([g2])})
    w2, m2, v2 = float(params["w"][0]), float(opt.m["w"][0]), float(opt.v["w"][0])
    m_hat, v_hat = m2 / (1 - b1 ** 2), v2 / (1 - b2 ** 2)
    m1, v1 = (1 - b1) * g1, (1 - b2) * g1 * g1
    not_squared = (b2 * (1 - b2) * g1 + (1 - b2) * g2) / (1 - b2 ** 2)
    params_ = {"grads": [g1, g2], "w": w0, "lr": lr, "beta1": b1, "beta2": b2}
    scen = ja_en(f"Adam (学習率 {lr:g}、β1 = {b1:g}、β2 = {b2:g}、ε は無視できる) でスカラーの重み w = {w0:g} を更新する。"
                 f"m = v = 0 から始めて、1 回目の勾配が {g1:g}、2 回目の勾配が {g2:g} だった。",
                 f"Adam (learning rate {lr:g}, β1 = {b1:g}, β2 = {b2:g}, ε negligible) updates a scalar weight w = {w0:g}, "
                 f"starting from m = v = 0. The gradient is {g1:g} at step 1 and {g2:g} at step 2.")
    ask = [
        ("m", "adam_two_steps", "2 回目の更新後の 1 次モーメント m_2 (バイアス補正前) はいくつか",
         "What is the first moment m_2 after step 2 (before bias correction)", m2,
         ja_en(f"m_1 = (1 − β1)g_1 = {m1:g}、m_2 = β1 m_1 + (1 − β1)g_2 = {b1:g}×{signed(m1)} + {1 - b1:g}×{signed(g2)} "
               f"= {m2:.4f}。", f"m_1 = (1 − β1)g_1 = {m1:g}, m_2 = β1 m_1 + (1 − β1)g_2 = {b1:g}×{signed(m1)} + "
               f"{1 - b1:g}×{signed(g2)} = {m2:.4f}."),
         [("bias_corrected", m_hat, ja_en("バイアス補正した m̂_2 を答えた", "gave the bias-corrected m̂_2")),
          ("swapped_weights", (1 - b1) * b1 * g1 + b1 * g2, ja_en("β1 と 1 − β1 を逆に掛けた (両方のステップで)",
                                                                  "swapped the weights β1 and 1 − β1 (at both steps)")),
          ("m1_is_g1", b1 * g1 + (1 - b1) * g2, ja_en("m_1 を g_1 そのものとした ((1 − β1) を掛け忘れた)",
                                                       "took m_1 = g_1 (forgot the (1 − β1))")),
          ("mean", (g1 + g2) / 2, ja_en("勾配の単純平均を取った", "took the plain mean of the gradients"))]),
        ("v_hat", "adam_two_steps", "2 回目の更新でのバイアス補正後の 2 次モーメント v̂_2 はいくつか",
         "What is the bias-corrected second moment v̂_2 at step 2", v_hat,
         ja_en(f"v_1 = (1 − β2)g_1² = {v1:g}、v_2 = β2 v_1 + (1 − β2)g_2² = {v2:.7f}、"
               f"v̂_2 = v_2 / (1 − β2²) = {v_hat:.4f}。",
               f"v_1 = (1 − β2)g_1² = {v1:g}, v_2 = β2 v_1 + (1 − β2)g_2² = {v2:.7f}, "
               f"v̂_2 = v_2 / (1 − β2²) = {v_hat:.4f}."),
         [("no_bias_correction", v2, ja_en("バイアス補正を忘れた (v_2 を答えた)", "forgot the bias correction (gave v_2)")),
          ("first_step_correction", v2 / (1 - b2), ja_en("補正を t = 1 の値 (1 − β2) で行った", "corrected with t = 1 (1 − β2)")),
          ("not_squared", not_squared if not_squared > 0 else None, ja_en("勾配を 2 乗していない", "did not square the gradients")),
          ("square_of_mean", ((g1 + g2) / 2) ** 2, ja_en("勾配の平均を 2 乗した", "squared the mean of the gradients"))]),
        ("w", "adam_two_steps", "2 回目の更新後の w はいくつか", "What is w after step 2", w2,
         ja_en(f"1 回目で w_1 = {w1:.4f} (最初の一歩は学習率の大きさ)。m̂_2 = m_2 / (1 − β1²) = {m_hat:.4f}、v̂_2 = {v_hat:.4f} "
               f"より w_2 = w_1 − {lr:g}·m̂_2/√v̂_2 = {w2:.4f}。",
               f"Step 1 gives w_1 = {w1:.4f} (the first step has the size of the learning rate). m̂_2 = m_2 / (1 − β1²) "
               f"= {m_hat:.4f} and v̂_2 = {v_hat:.4f}, so w_2 = w_1 − {lr:g}·m̂_2/√v̂_2 = {w2:.4f}."),
         [("no_bias_correction", w1 - lr * m2 / math.sqrt(v2), ja_en("2 回目でバイアス補正を忘れた",
                                                                     "forgot the bias correction at step 2")),
          ("first_step_correction", w1 - lr * (m2 / (1 - b1)) / math.sqrt(v2 / (1 - b2)),
           ja_en("補正を t = 1 の値 (1 − β) で行った", "corrected with t = 1 (1 − β)")),
          ("forgot_step_one", w0 - lr * m_hat / math.sqrt(v_hat), ja_en("1 回目の更新を w に反映していない",
                                                                        "left out step 1's change of w")),
          ("wrong_sign", w1 + lr * m_hat / math.sqrt(v_hat), ja_en("2 回目を勾配の方向に進めた (符号が逆)",
                                                                   "took step 2 along the gradient (wrong sign)"))]),
    ]
    return scenario_set("adam_two_steps", "3-2-3", scen, ask, 4, rng, set_id, seed, params_)
