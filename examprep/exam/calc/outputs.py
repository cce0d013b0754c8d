"""Calculation templates of output layers and losses: a softmax value, cross entropy, the mixup loss."""
import math

import numpy as np

from examprep.common.i18n import ja_en
from examprep.exam.calc.question import Redraw, calc_question, probabilities

# Positions in English stems are ordinal words: "element number 1" reads as x[1] to a NumPy reader (issue 16 re-grade:
# the 0-based element's value was an option beside the key).
ORDINALS = ("first", "second", "third", "fourth")


def softmax_value(rng, seed, set_id):
    from reference.functions import softmax

    n = rng.choice([3, 3, 4])
    x = [rng.randint(0, 4) for _ in range(n)]
    if len(set(x)) < 2 or sum(x) == 0:
        raise Redraw()
    k = rng.randrange(n)
    y = softmax(np.array(x, dtype=float))
    e = np.exp(np.array(x, dtype=float))
    other = int(np.argmax(y)) if int(np.argmax(y)) != k else int(np.argmin(y))
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
        # a softmax output is in (0, 1): 0 or 1 (x_k alone without exp) and more are no probability, ruled out on sight
        [("linear", x[k] / sum(x) if 0 < x[k] < sum(x) else None, ja_en("exp を取らずに和で割った", "divided by the sum without exp")),
         ("other_element", float(y[other]), ja_en("別の要素の値を答えた", "gave another element's value")),
         ("left_out_self", float(e[k] / (e.sum() - e[k])) if e[k] < e.sum() - e[k] else None,
          ja_en("分母から自分自身を除いた", "left the element itself out of the denominator")),
         ("base_two", 2.0 ** x[k] / sum(2.0 ** v for v in x), ja_en("exp の代わりに 2 のべき乗を使った", "used powers of 2 instead of exp"))],
        3, rng, set_id, seed, params_)]


def cross_entropy_value(rng, seed, set_id):
    from reference.functions import cross_entropy_error

    n = rng.choice([3, 4])
    y = probabilities(rng, n)
    k = rng.randrange(n)
    t = np.zeros(n)
    t[k] = 1
    ce = float(cross_entropy_error(np.array(y), t))
    other = max((i for i in range(n) if i != k), key=lambda i: y[i])
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
        [("log2", -math.log2(y[k]), ja_en("log の底を 2 にした", "used log base 2")),
         ("log10", -math.log10(y[k]), ja_en("常用対数 (底 10) を使った", "used log base 10")),
         ("wrong_class", -math.log(y[other]), ja_en("正解でないクラスの確率を使った", "used a wrong class's probability")),
         ("one_minus", 1 - y[k], ja_en("1 − y を答えた", "gave 1 − y"))],
        3, rng, set_id, seed, params_)]


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
