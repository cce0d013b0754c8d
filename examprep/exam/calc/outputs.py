"""Calculation templates of output layers and losses: a softmax value, cross entropy, the mixup loss."""
import math

import numpy as np

from examprep.common.i18n import ja_en
from examprep.exam.calc.question import Redraw, calc_question, probabilities, rounded_text, scenario_set

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


def _logits(rng, n):
    z = [rng.randint(0, 4) for _ in range(n)]
    if len(set(z)) < 2 or sum(z) == 0:
        raise Redraw()
    return z


def softmax_ce(rng, seed, set_id):
    """A mini-batch of two inputs' logits through SoftmaxWithLoss (the book's loss, the batch mean): the first
    input's true-class probability, the batch's loss and one gradient dL/dz1_j = (y1_j − t1_j) / N (a set of three;
    keys from the reference layer's forward and backward). No option is another question's key: the first question's
    y_k would give away the others' slips. The loss is the batch's, not the first input's −log y_k: asked alone, its
    options either held the key's −log y_k as the only −log of a probability option (the twenty-fourth examination)
    or, made from the probability's options, scored one calculation twice (the twenty-fifth); the batch asks the
    second input's softmax and the mean, and the gradient the division by N."""
    from reference.layers import SoftmaxWithLoss

    n = rng.choice([3, 3, 4])
    z1, z2 = _logits(rng, n), _logits(rng, n)
    k1, k2 = rng.randrange(n), rng.randrange(n)
    # the gradient of a wrong class: the true class's y_k - 1 would give the first question's y_k away through its
    # options (the tenth examination, seeds 12 and 13)
    j = rng.choice([i for i in range(n) if i != k1])
    t = np.zeros((2, n))
    t[0, k1] = t[1, k2] = 1
    layer = SoftmaxWithLoss()
    loss = float(layer.forward(np.array([z1, z2], dtype=float), t))
    y1, y2 = ([float(v) for v in row] for row in layer.y)
    grad = float(layer.backward()[0, j])
    l1, l2 = -math.log(y1[k1]), -math.log(y2[k2])
    scen_ja = (f"{n} クラス分類のモデルが、2 つの入力からなるミニバッチに対してロジット z₁ = ({', '.join(map(str, z1))})、"
               f"z₂ = ({', '.join(map(str, z2))}) を出力した。正解は{f'どちらも {k1 + 1} 番目' if k1 == k2 else f'それぞれ {k1 + 1} 番目と {k2 + 1} 番目'}のクラスで、損失は "
               "softmax の後の交差エントロピー誤差 (自然対数) のバッチ平均である。")
    scen_en = (f"A {n}-class classifier outputs the logits z₁ = ({', '.join(map(str, z1))}) and z₂ = "
               f"({', '.join(map(str, z2))}) for a mini-batch of two inputs whose true classes are "
               + (f"both the {ORDINALS[k1]} one" if k1 == k2 else f"the {ORDINALS[k1]} and the {ORDINALS[k2]} one")
               + "; the loss is the batch mean of the cross entropy error (natural log) after a softmax.")
    loss_slips = [("batch_sum", l1 + l2, ja_en("バッチの平均ではなく和を取った", "summed over the batch instead of averaging")),
                  ("mean_probability", -math.log((y1[k1] + y2[k2]) / 2),
                   ja_en("2 つの確率を平均してから log を取った", "averaged the two probabilities before the log")),
                  ("log2", (math.log2(1 / y1[k1]) + math.log2(1 / y2[k2])) / 2, ja_en("log の底を 2 にした", "used log base 2")),
                  ("log10", (math.log10(1 / y1[k1]) + math.log10(1 / y2[k2])) / 2,
                   ja_en("常用対数 (底 10) を使った", "used log base 10"))]
    grad_slips = [("no_batch_mean", y1[j], ja_en("バッチサイズ N = 2 で割っていない", "did not divide by the batch size N = 2")),
                  ("as_true_class", (y1[j] - 1) / 2, ja_en("このクラスを正解クラスとして扱った (y − 1)",
                                                            "treated this class as the true one (y − 1)")),
                  ("sign", -grad, ja_en("符号を逆にした (t − y)", "flipped the sign (t − y)")),
                  ("no_gradient", 0.0, ja_en("正解でないクラスには勾配が流れないとした",
                                             "assumed no gradient reaches a wrong class"))]
    params_ = {"z": [z1, z2], "labels": [k1, k2], "grad_class": j}
    ask = [
        ("prob", "softmax_ce_prob", "1 つ目の入力について、softmax 後の正解クラスの確率はいくつか",
         "What is the softmax probability of the first input's true class", y1[k1],
         ja_en(f"exp(z_k) / Σ exp(z_j) = exp({z1[k1]}) / ({' + '.join(f'exp({v})' for v in z1)}) = {y1[k1]:.3f}。",
               f"exp(z_k) / Σ exp(z_j) = exp({z1[k1]}) / ({' + '.join(f'exp({v})' for v in z1)}) = {y1[k1]:.3f}."),
         # not y1_j, which the gradient offers as its "not divided by N" slip: the probability option that reappears
         # there would be a wrong class's
         [s for s in _softmax_slips(z1, k1) if s[1] is None or rounded_text(s[1], 3) != rounded_text(y1[j], 3)]),
        ("loss", "softmax_ce_loss", "このミニバッチの損失はいくつか", "What is the loss of this mini-batch", loss,
         ja_en(f"one-hot の t で各入力に残るのは正解クラスの項だけ: (−log {y1[k1]:.4f} − log {y2[k2]:.4f}) / 2 = "
               f"({l1:.4f} + {l2:.4f}) / 2 = {loss:.3f}。",
               f"With one-hot labels only each input's true-class term remains: (−log {y1[k1]:.4f} − log {y2[k2]:.4f}) / 2 "
               f"= ({l1:.4f} + {l2:.4f}) / 2 = {loss:.3f}."),
         # none the first input's −log y_k: the one loss option a probability option's −log gave (the key's)
         [s for s in loss_slips if rounded_text(s[1], 3) != rounded_text(l1, 3)]),
        ("grad", "softmax_ce_grad", f"1 つ目の入力の {j + 1} 番目のロジットについての損失の勾配はいくつか",
         f"What is the gradient of the loss with respect to the first input's {ORDINALS[j]} logit", grad,
         ja_en(f"softmax と交差エントロピーを合わせた勾配は ∂L/∂z = (y − t) / N (バッチ平均なので N = 2 で割る): "
               f"({y1[j]:.4f} − {int(t[0, j])}) / 2 = {grad:.3f}。",
               f"Softmax and cross entropy together give ∂L/∂z = (y − t) / N (the loss is a batch mean, N = 2): "
               f"({y1[j]:.4f} − {int(t[0, j])}) / 2 = {grad:.3f}."),
         grad_slips),
    ]
    return scenario_set("softmax_ce", "3-1-3", ja_en(scen_ja, scen_en), ask, 3, rng, set_id, seed, params_)
