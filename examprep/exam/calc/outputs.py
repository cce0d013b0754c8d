"""Calculation templates of output layers and losses: a softmax value, cross entropy, the mixup loss."""
import math

import numpy as np

from examprep.common.i18n import ja_en
from examprep.exam.calc.question import Redraw, calc_question, probabilities, scenario_set

# Positions in English stems are ordinal words: "element number 1" reads as x[1] to a NumPy reader (issue 16 re-grade:
# the 0-based element's value was an option beside the key).
ORDINALS = ("first", "second", "third", "fourth")


def _softmax_slips(x, k):
    """The slips of softmax(x)_k (a softmax output is in (0, 1): 0 or 1 (x_k alone without exp) and more are no
    probability, ruled out on sight)."""
    x = [float(v) for v in x]
    e = np.exp(np.array(x))
    y = e / e.sum()
    other = int(np.argmax(y)) if int(np.argmax(y)) != k else int(np.argmin(y))
    return [("linear", x[k] / sum(x) if 0 < x[k] < sum(x) else None, ja_en("exp を取らずに和で割った", "divided by the sum without exp")),
            ("other_element", float(y[other]), ja_en("別の要素の値を答えた", "gave another element's value")),
            ("left_out_self", float(e[k] / (e.sum() - e[k])) if e[k] < e.sum() - e[k] else None,
             ja_en("分母から自分自身を除いた", "left the element itself out of the denominator")),
            ("base_two", 2.0 ** x[k] / sum(2.0 ** v for v in x), ja_en("exp の代わりに 2 のべき乗を使った", "used powers of 2 instead of exp"))]


def _cross_entropy_slips(y, k):
    """The slips of the cross entropy −log y_k of a one-hot label k."""
    other = max((i for i in range(len(y)) if i != k), key=lambda i: y[i])
    return [("log2", -math.log2(y[k]), ja_en("log の底を 2 にした", "used log base 2")),
            ("log10", -math.log10(y[k]), ja_en("常用対数 (底 10) を使った", "used log base 10")),
            ("wrong_class", -math.log(y[other]), ja_en("正解でないクラスの確率を使った", "used a wrong class's probability")),
            ("one_minus", 1 - y[k], ja_en("1 − y を答えた", "gave 1 − y"))]


def softmax_value(rng, seed, set_id):
    from reference.functions import softmax

    n = rng.choice([3, 3, 4])
    x = [rng.randint(0, 4) for _ in range(n)]
    if len(set(x)) < 2 or sum(x) == 0:
        raise Redraw()
    k = rng.randrange(n)
    y = softmax(np.array(x, dtype=float))
    xs = ", ".join(map(str, x))
    params_ = {"x": x, "index": k}
    return [calc_question(
        f"calc:softmax_value:s{seed}", "softmax_value", "3-1-3",
        ja_en(f"スコア x = ({xs}) に softmax を適用したとき、{k + 1} 番目の要素の値はいくつか (小数第 3 位まで四捨五入)。",
              f"Softmax is applied to the scores x = ({xs}). What is the value of its {ORDINALS[k]} element "
              "(3 decimals)?"),
        ja_en(f"softmax(x)_k = exp(x_k) / Σ exp(x_j) = exp({x[k]}) / ({' + '.join(f'exp({v})' for v in x)}) = {y[k]:.3f}。",
              f"softmax(x)_k = exp(x_k) / Σ exp(x_j) = exp({x[k]}) / ({' + '.join(f'exp({v})' for v in x)}) = {y[k]:.3f}."),
        float(y[k]),
        _softmax_slips(x, k), 3, rng, set_id, seed, params_)]


def cross_entropy_value(rng, seed, set_id):
    from reference.functions import cross_entropy_error

    n = rng.choice([3, 4])
    y = probabilities(rng, n)
    k = rng.randrange(n)
    t = np.zeros(n)
    t[k] = 1
    ce = float(cross_entropy_error(np.array(y), t))
    ys = ", ".join(f"{p:.2f}" for p in y)
    params_ = {"y": y, "label": k}
    return [calc_question(
        f"calc:cross_entropy_value:s{seed}", "cross_entropy_value", "3-1-3",
        ja_en(f"出力 y = ({ys}) (softmax 後)、正解が {k + 1} 番目のクラスのとき、交差エントロピー誤差 −Σ t log y "
              "(自然対数) はいくつか (小数第 3 位まで四捨五入)。",
              f"The network outputs y = ({ys}) (after softmax) and the true class is the {ORDINALS[k]} one. What is "
              "the cross entropy error −Σ t log y (natural log), rounded to 3 decimals?"),
        ja_en(f"one-hot の t で残るのは正解クラスの項だけ: −log({y[k]:.2f}) = {ce:.3f}。",
              f"With a one-hot t only the true class's term remains: −log({y[k]:.2f}) = {ce:.3f}."),
        ce,
        _cross_entropy_slips(y, k), 3, rng, set_id, seed, params_)]


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
    return [calc_question(
        f"calc:mixup_loss:s{seed}", "mixup_loss", "3-7-1",
        ja_en(f"3 クラス (A, B, C) の分類で、クラス {names[i]} の画像とクラス {names[j]} の画像を λ = {lam:g} (前者の重み) で MixUp した。"
              f"この入力に対するモデルの出力が (A, B, C) = {probs} のとき、交差エントロピー誤差 (自然対数) はいくらか (小数第 3 位まで四捨五入)。",
              f"In a 3-class problem (A, B, C), an image of class {names[i]} and one of class {names[j]} are mixed by MixUp with "
              f"λ = {lam:g} (the first one's weight). The model outputs (A, B, C) = {probs} for the mixed input. What is the "
              "cross-entropy loss (natural log), rounded to 3 decimals?"),
        ja_en(f"ラベルも同じ λ で混ぜる: {names[i]} = {lam:g}、{names[j]} = {1 - lam:g}。"
              f"E = −({lam:g} log {probs[i]:g} + {1 - lam:g} log {probs[j]:g}) = {key:.3f}。",
              f"The label is mixed with the same λ: {names[i]} = {lam:g}, {names[j]} = {1 - lam:g}. "
              f"E = −({lam:g} log {probs[i]:g} + {1 - lam:g} log {probs[j]:g}) = {key:.3f}."),
        key,
        [("first_label", -math.log(probs[i]), ja_en("ラベルを混ぜず、1 枚目のラベルだけを使った", "kept the first image's label only")),
         ("swapped_lambda", -((1 - lam) * math.log(probs[i]) + lam * math.log(probs[j])),
          ja_en("λ を逆のクラスに掛けた", "applied λ to the other class")),
         ("mixed_probability", -math.log(lam * probs[i] + (1 - lam) * probs[j]),
          ja_en("確率を混ぜてから対数を取った", "mixed the probabilities before the log")),
         ("second_label", -math.log(probs[j]), ja_en("2 枚目のラベルだけを使った", "used the second image's label only"))],
        3, rng, set_id, seed, params_)]


def _carried_probability(made):
    """The loss options of softmax_ce: −log of each wrong probability the first question shows. Every option of
    the one is then −log of an option of the other: with slips of its own, the key's −log y_k was the only loss
    option whose y a probability option held, which gave both keys away (the twenty-fourth examination, seed 12
    Q58 / Q59, seed 13 Q38 / Q39)."""
    return [(f"carried_{o.operator}", -math.log(o.value),
             ja_en(f"正解クラスの確率を誤った値 ({o.verdict['ja']}) のまま −log y を取った",
                   f"took −log y of a wrong probability of the true class ({o.verdict['en']})"))
            for o in made[0].options if not o.correct]


def softmax_ce(rng, seed, set_id):
    """One input's logits z and label t through SoftmaxWithLoss: the true class's probability, the loss and one
    gradient dL/dz_j = y_j − t_j (a set of three; keys from the reference layer's forward and backward). No option is
    another question's key: the first question's y_k would give away the others' slips. The loss's options are −log
    of the probability's options (_carried_probability)."""
    from reference.layers import SoftmaxWithLoss

    n = rng.choice([3, 3, 4])
    z = [rng.randint(0, 4) for _ in range(n)]
    if len(set(z)) < 2 or sum(z) == 0:
        raise Redraw()
    # the gradient of a wrong class: the true class's y_k - 1 would give the first question's y_k away through its
    # options (the tenth examination, seeds 12 and 13)
    k = rng.randrange(n)
    j = rng.choice([i for i in range(n) if i != k])
    t = np.zeros((1, n))
    t[0, k] = 1
    layer = SoftmaxWithLoss()
    loss = float(layer.forward(np.array([z], dtype=float), t))
    y = [float(v) for v in layer.y[0]]
    grad = float(layer.backward()[0, j])
    zs = ", ".join(map(str, z))
    scen_ja = (f"{n} クラス分類のモデルが、ある入力に対してロジット z = ({zs}) を出力した。正解は {k + 1} 番目のクラスで、"
               "損失は softmax の後の交差エントロピー誤差 (自然対数) である。")
    scen_en = (f"A {n}-class classifier outputs the logits z = ({zs}) for one input whose true class is the "
               f"{ORDINALS[k]} one; the loss is the cross entropy error (natural log) after a softmax.")
    grad_slips = [("as_true_class", y[j] - 1, ja_en("このクラスを正解クラスとして扱った (y − 1)",
                                                    "treated this class as the true one (y − 1)")),
                  ("sign", -grad, ja_en("符号を逆にした (t − y)", "flipped the sign (t − y)")),
                  ("no_gradient", 0.0, ja_en("正解でないクラスには勾配が流れないとした",
                                             "assumed no gradient reaches a wrong class")),
                  ("jacobian_diagonal", y[j] * (1 - y[j]), ja_en("softmax の微分 y(1 − y) だけを答えた",
                                                               "gave the softmax derivative y(1 − y) alone"))]
    params_ = {"z": z, "label": k, "grad_class": j}
    ask = [
        ("prob", "softmax_ce_prob", f"softmax 後の正解クラスの確率 y_{k + 1} はいくつか",
         "What is the softmax probability of the true class", y[k],
         ja_en(f"y_k = exp(z_k) / Σ exp(z_j) = exp({z[k]}) / ({' + '.join(f'exp({v})' for v in z)}) = {y[k]:.3f}。",
               f"y_k = exp(z_k) / Σ exp(z_j) = exp({z[k]}) / ({' + '.join(f'exp({v})' for v in z)}) = {y[k]:.3f}."),
         _softmax_slips(z, k)),
        ("loss", "softmax_ce_loss", "この入力の損失はいくつか", "What is the loss for this input", loss,
         ja_en(f"one-hot の t で残るのは正解クラスの項だけ: −log y_{k + 1} = −log({y[k]:.4f}) = {loss:.3f}。",
               f"With a one-hot t only the true class's term remains: −log({y[k]:.4f}) = {loss:.3f}."),
         _carried_probability),
        ("grad", "softmax_ce_grad", f"損失の {j + 1} 番目のロジットについての勾配 ∂L/∂z_{j + 1} はいくつか",
         f"What is the gradient of the loss with respect to the {ORDINALS[j]} logit", grad,
         ja_en(f"softmax と交差エントロピーを合わせた勾配は ∂L/∂z = y − t: {y[j]:.4f} − {int(t[0, j])} = {grad:.3f}。",
               f"Softmax and cross entropy together give ∂L/∂z = y − t: {y[j]:.4f} − {int(t[0, j])} = {grad:.3f}."),
         grad_slips),
    ]
    return scenario_set("softmax_ce", "3-1-3", ja_en(scen_ja, scen_en), ask, 3, rng, set_id, seed, params_)
