"""Calculation questions for the mock exam: random but plausible numbers, the key computed by the reference.

Each template draws its numbers from a seeded RNG, computes the key by running the
reference where it has the computation (reference.conv.conv_output_size, the
Convolution / Affine layers' own parameter arrays, a backward pass for the receptive
field, reference.functions.softmax / cross_entropy_error, reference.optimizers.Adam /
Momentum; plain NumPy for entropy, KL and the metrics), and takes its three wrong
options from a list of classic slips (forgot the padding, off by one, forgot the bias,
log base, forgot the bias correction, precision and recall swapped ...). The four
options must differ once rounded to the precision shown; otherwise the numbers are
drawn again. A template returns a list of questions: several when they share one
scenario (a convolution layer: output size, parameters, multiply-adds; one confusion
matrix: precision, recall, F1), which then share a set_id.

Public API: TEMPLATES (id -> weight), calc_set(template_id, seed) -> [Question],
calc_questions(count, seed) -> [Question] (whole sets, about count questions).
"""
import math
import random

import numpy as np

from examprep.exam.model import Option, Question
from examprep.problem.syllabus import AREAS, area_of

MAX_DRAWS = 100


class Redraw(Exception):
    """The drawn numbers make two options look the same: draw again."""


def _fmt(value, decimals):
    if decimals == 0:
        return str(int(round(value)))
    text = f"{value:.{decimals}f}"
    return "0." + "0" * decimals if text == "-0." + "0" * decimals else text


def _question(qid, template, item, stem, explanation, key, slips, decimals, rng, set_id, seed, params):
    """A calc question with the key and the first three slips that differ from it (and each other) as shown,
    none within one unit of the last decimal of the key (rounding intermediate values can land there).

    slips: [(slip id, value, {ja, en} description)]. Raises Redraw when fewer than three remain.
    """
    scaled = key * 10 ** decimals
    if decimals and abs(scaled - math.floor(scaled) - 0.5) < 1e-6:
        raise Redraw()   # a rounding tie: "rounded to N decimals" would not say which way
    key_text = _fmt(key, decimals)
    seen = {key_text}
    wrong = []
    for slip, value, text in slips:
        if value is None or not math.isfinite(value):
            continue
        shown = _fmt(value, decimals)
        if shown in seen or (decimals == 0 and value < 1):
            continue
        # One unit of the last decimal away from the key is what rounding intermediate results can give (F1 from
        # rounded precision and recall): such an option could be right for a careful learner, so it is not offered.
        if decimals and abs(float(shown) - float(key_text)) < 1.5 * 10 ** -decimals:
            continue
        seen.add(shown)
        wrong.append(Option(shown, False, verdict={"check": "slip", "ja": text["ja"], "en": text["en"]},
                            operator=slip, value=float(value)))
        if len(wrong) == 3:
            break
    if len(wrong) < 3:
        raise Redraw()
    options = [Option(key_text, True, value=float(key))] + wrong
    rng.shuffle(options)
    area = area_of(item)
    return Question(id=qid, kind="calc", problem=None, template=template, area=area, section=AREAS[area]["ja"],
                    item=item, stem=stem, explanation=explanation, options=options,
                    key=next(i for i, o in enumerate(options) if o.correct), answer=key_text, set_id=set_id,
                    seed=seed, params=params)


def _p(x):
    """A number for a formula: negative ones in parentheses."""
    return f"({x:g})" if x < 0 else f"{x:g}"


def _t(ja, en):
    return {"ja": ja, "en": en}


# ----------------------------------------------------------------------------- CNN


def conv_layer(rng, seed, set_id):
    """One convolution layer: output size, parameter count, multiply-adds (a set of three)."""
    from reference.conv import Convolution, conv_output_size

    C = rng.choice([1, 3, 8, 16, 32, 64])
    H = rng.choice([7, 14, 28, 32, 56, 64])
    K = rng.choice([1, 3, 3, 5, 7])
    S = rng.choice([1, 1, 2])
    P = rng.choice([0, 1, 2, 3] if K > 1 else [0])
    FN = rng.choice([8, 16, 32, 64, 128])
    if (H + 2 * P - K) % S or H + 2 * P < K or K == 1 and S == 1:
        raise Redraw()
    bias = rng.random() < 0.75
    out = conv_output_size(H, K, S, P)
    layer = Convolution(np.zeros((FN, C, K, K)), np.zeros(FN), stride=S, pad=P)
    params = layer.W.size + (layer.b.size if bias else 0)
    macs = out * out * FN * C * K * K
    params_ = {"C": C, "H": H, "W": H, "FN": FN, "FH": K, "FW": K, "stride": S, "pad": P, "bias": bias}
    scen_ja = (f"入力が {C}×{H}×{H} (チャネル×高さ×幅) の特徴マップに、{K}×{K} のフィルタ {FN} 枚、ストライド {S}、"
               f"パディング {P} の畳み込み層を適用する{'' if bias else ' (バイアスなし)'}。")
    scen_en = (f"A convolution layer with {FN} filters of {K}×{K}, stride {S} and padding {P}"
               f"{'' if bias else ' (no bias)'} is applied to a {C}×{H}×{H} (channels×height×width) feature map.")
    qs = []
    qs.append(_question(
        f"calc:conv_layer:s{seed}:size", "conv_output_size", "3-4-1",
        _t(scen_ja + "出力特徴マップの高さ (= 幅) はいくつか。", scen_en + " What is the height (= width) of the output?"),
        _t(f"出力サイズ = (H + 2P − FH) / S + 1 = ({H} + 2×{P} − {K}) / {S} + 1 = {out}。",
           f"Output size = (H + 2P − FH) / S + 1 = ({H} + 2×{P} − {K}) / {S} + 1 = {out}."),
        out,
        [("forgot_padding", (H - K) // S + 1, _t("パディングを忘れた", "forgot the padding")),
         ("forgot_plus_one", (H + 2 * P - K) // S, _t("+1 を忘れた", "forgot the + 1")),
         ("padding_one_side", (H + P - K) // S + 1, _t("パディングを片側分しか足していない", "padded one side only")),
         ("forgot_stride", H + 2 * P - K + 1, _t("ストライドで割っていない", "did not divide by the stride"))],
        0, rng, set_id, seed, params_))
    weights = FN * C * K * K
    if bias:
        param_slips = [("forgot_bias", weights, _t("バイアスを数えていない", "forgot the biases")),
                       ("forgot_channels", FN * K * K + FN, _t("入力チャネル数 C を掛けていない",
                                                               "forgot the input channels C")),
                       ("bias_per_input_channel", weights + C, _t("バイアスを入力チャネルごとに数えた",
                                                                   "counted one bias per input channel")),
                       ("one_filter", C * K * K + 1, _t("フィルタ 1 枚分しか数えていない", "counted one filter only"))]
        expl = _t(f"重み FN×C×FH×FW = {FN}×{C}×{K}×{K} = {weights} に、フィルタごとのバイアス {FN} を足して {params}。",
                  f"Weights FN×C×FH×FW = {FN}×{C}×{K}×{K} = {weights}, plus one bias per filter ({FN}): {params}.")
    else:
        param_slips = [("counted_bias", weights + FN, _t("ないはずのバイアスを数えた", "counted biases the layer does not have")),
                       ("forgot_channels", FN * K * K, _t("入力チャネル数 C を掛けていない",
                                                          "forgot the input channels C")),
                       ("one_filter", C * K * K, _t("フィルタ 1 枚分しか数えていない", "counted one filter only")),
                       ("output_size", FN * out * out, _t("出力の要素数と取り違えた", "gave the output's size"))]
        expl = _t(f"バイアスなしなので重みだけ: FN×C×FH×FW = {FN}×{C}×{K}×{K} = {params}。",
                  f"No bias, so the weights only: FN×C×FH×FW = {FN}×{C}×{K}×{K} = {params}.")
    qs.append(_question(
        f"calc:conv_layer:s{seed}:params", "conv_params", "3-4-1",
        _t(scen_ja + "この層の学習可能なパラメータ数はいくつか。", scen_en + " How many trainable parameters does it have?"),
        expl, params, param_slips, 0, rng, set_id, seed, params_))
    qs.append(_question(
        f"calc:conv_layer:s{seed}:macs", "conv_macs", "3-4-1",
        _t(scen_ja + "入力 1 枚あたりの積和演算 (乗算と加算の組) の回数はいくつか (バイアスの加算は数えない)。",
           scen_en + " How many multiply-accumulate operations does it take per input image (bias additions not "
                     "counted)?"),
        _t(f"出力 1 要素あたり C×FH×FW = {C * K * K} 回、出力要素は FN×OH×OW = {FN}×{out}×{out} 個なので "
           f"{C * K * K}×{FN * out * out} = {macs}。",
           f"Each output element takes C×FH×FW = {C * K * K} MACs and there are FN×OH×OW = {FN}×{out}×{out} of "
           f"them: {C * K * K}×{FN * out * out} = {macs}."),
        macs,
        [("input_size", H * H * FN * C * K * K, _t("出力ではなく入力の大きさを使った", "used the input size, not the output size")),
         ("forgot_channels", out * out * FN * K * K, _t("入力チャネル数 C を掛けていない", "forgot the input channels C")),
         ("flops", 2 * macs, _t("乗算と加算を別々に数えた (FLOPs)", "counted multiplications and additions separately (FLOPs)")),
         ("forgot_filters", out * out * C * K * K, _t("フィルタ枚数 FN を掛けていない", "forgot the number of filters FN"))],
        0, rng, set_id, seed, params_))
    return qs


def pool_output_size(rng, seed, set_id):
    from reference.conv import conv_output_size

    H = rng.choice([6, 8, 12, 14, 24, 28, 32, 56, 112])
    k, s, p = rng.choice([(2, 2, 0), (2, 2, 0), (3, 2, 1), (3, 2, 0), (3, 1, 1), (2, 1, 0)])
    if (H + 2 * p - k) % s:
        raise Redraw()
    kind_ja, kind_en = rng.choice([("最大", "max"), ("平均", "average")])
    out = conv_output_size(H, k, s, p)
    params_ = {"H": H, "W": H, "pool": k, "stride": s, "pad": p, "kind": kind_en}
    return [_question(
        f"calc:pool_output_size:s{seed}", "pool_output_size", "3-4-3",
        _t(f"{H}×{H} の特徴マップに、ウィンドウ {k}×{k}、ストライド {s}、パディング {p} の{kind_ja}プーリングを適用する。"
           "出力の高さ (= 幅) はいくつか。",
           f"{kind_en.capitalize()} pooling with a {k}×{k} window, stride {s} and padding {p} is applied to a {H}×{H} "
           "feature map. What is the height (= width) of the output?"),
        _t(f"プーリングも畳み込みと同じ式: (H + 2P − k) / S + 1 = ({H} + 2×{p} − {k}) / {s} + 1 = {out}。",
           f"Pooling follows the convolution formula: (H + 2P − k) / S + 1 = ({H} + 2×{p} − {k}) / {s} + 1 = {out}."),
        out,
        [("divide_by_window", H // k, _t("入力をウィンドウの大きさで割った", "divided the input by the window size")),
         ("forgot_plus_one", (H + 2 * p - k) // s, _t("+1 を忘れた", "forgot the + 1")),
         ("forgot_padding", (H - k) // s + 1, _t("パディングを忘れた", "forgot the padding")),
         ("forgot_stride", H + 2 * p - k + 1, _t("ストライドで割っていない", "did not divide by the stride")),
         ("one_more", out + 1, _t("1 つ多く数えた", "off by one"))],
        0, rng, set_id, seed, params_)]


def receptive_field(rng, seed, set_id):
    """Receptive field of L stacked KxK convolutions (stride 1), found with the reference's backward pass."""
    from reference.conv import Convolution

    L = rng.choice([2, 3, 4, 5, 6])
    K = rng.choice([3, 3, 3, 5])
    size = 2 * L * (K - 1) + 3
    layers = [Convolution(np.ones((1, 1, K, K)), np.zeros(1)) for _ in range(L)]
    x = np.zeros((1, 1, size, size))
    for layer in layers:
        x = layer.forward(x)
    dout = np.zeros_like(x)
    dout[0, 0, x.shape[2] // 2, x.shape[3] // 2] = 1.0
    for layer in reversed(layers):
        dout = layer.backward(dout)
    rows = np.nonzero(np.abs(dout[0, 0]).sum(axis=1))[0]
    rf = int(rows.max() - rows.min() + 1)
    params_ = {"layers": L, "kernel": K, "stride": 1}
    return [_question(
        f"calc:receptive_field:s{seed}", "receptive_field", "3-4-1",
        _t(f"{K}×{K} の畳み込み層 (ストライド 1) を {L} 層重ねる。最後の層の出力 1 画素の受容野は入力上で何×何か。一辺の長さを答えよ。",
           f"{L} convolution layers of {K}×{K} (stride 1) are stacked. How wide is the receptive field of one output "
           "pixel of the last layer on the input (one side)?"),
        _t(f"1 層ごとに受容野が K − 1 = {K - 1} ずつ広がる: 1 + L×(K − 1) = 1 + {L}×{K - 1} = {rf}。",
           f"Each layer widens the receptive field by K − 1 = {K - 1}: 1 + L×(K − 1) = 1 + {L}×{K - 1} = {rf}."),
        rf,
        [("sum_of_kernels", L * K, _t("カーネルサイズをそのまま足した", "added the kernel sizes")),
         ("forgot_one", L * (K - 1), _t("最初の 1 画素を数えていない", "forgot the first pixel (+1)")),
         ("one_layer_less", 1 + (L - 1) * (K - 1), _t("1 層少なく数えた", "counted one layer too few")),
         ("power", K ** L, _t("カーネルサイズを層数乗した", "raised the kernel size to the number of layers"))],
        0, rng, set_id, seed, params_)]


def affine_params(rng, seed, set_id):
    """Parameters of an MLP (Affine layers with biases)."""
    from reference.layers import Affine

    sizes = [rng.choice([784, 784, 3072, 100, 64])]
    for _ in range(rng.choice([1, 2])):
        sizes.append(rng.choice([50, 100, 128, 256, 512]))
    sizes.append(rng.choice([10, 10, 2, 5, 15]))
    layers = [Affine(np.zeros((i, o)), np.zeros(o)) for i, o in zip(sizes, sizes[1:])]
    total = sum(layer.W.size + layer.b.size for layer in layers)
    weights = sum(layer.W.size for layer in layers)
    arch = "-".join(map(str, sizes))
    params_ = {"sizes": sizes, "bias": True}
    return [_question(
        f"calc:affine_params:s{seed}", "affine_params", "3-1-1",
        _t(f"ユニット数 {arch} の全結合ニューラルネットワーク (各層にバイアスあり) の学習可能なパラメータ数はいくつか。",
           f"How many trainable parameters does a fully connected network with layer sizes {arch} (each layer with "
           "biases) have?"),
        _t("各 Affine 層は 入力×出力 の重みと 出力 個のバイアスを持つ: "
           + " + ".join(f"({i}×{o} + {o})" for i, o in zip(sizes, sizes[1:])) + f" = {total}。",
           "Each Affine layer has in×out weights and out biases: "
           + " + ".join(f"({i}×{o} + {o})" for i, o in zip(sizes, sizes[1:])) + f" = {total}."),
        total,
        [("forgot_bias", weights, _t("バイアスを数えていない", "forgot the biases")),
         ("bias_on_input", weights + sum(sizes[:-1]), _t("バイアスを入力側のユニット数で数えた", "counted biases on the input side")),
         ("bias_every_layer", total + sizes[0], _t("入力層にもバイアスを数えた", "counted biases for the input layer too")),
         ("plus_one_both", sum((i + 1) * (o + 1) for i, o in zip(sizes, sizes[1:])),
          _t("入力と出力の両方に 1 を足した", "added 1 to both the input and the output size"))],
        0, rng, set_id, seed, params_)]


# ----------------------------------------------------------------------------- probabilities and information


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
    return [_question(
        f"calc:softmax_value:s{seed}", "softmax_value", "3-1-3",
        _t(f"スコア x = ({xs}) に softmax を適用したとき、{k + 1} 番目の要素の値はいくつか (小数第 3 位まで四捨五入)。",
           f"Softmax is applied to the scores x = ({xs}). What is its element number {k + 1} (3 decimals)?"),
        _t(f"softmax(x)_k = exp(x_k) / Σ exp(x_j) = exp({x[k]}) / ({' + '.join(f'exp({v})' for v in x)}) = {y[k]:.3f}。",
           f"softmax(x)_k = exp(x_k) / Σ exp(x_j) = exp({x[k]}) / ({' + '.join(f'exp({v})' for v in x)}) = {y[k]:.3f}."),
        float(y[k]),
        [("linear", x[k] / sum(x), _t("exp を取らずに和で割った", "divided by the sum without exp")),
         ("other_element", float(y[other]), _t("別の要素の値を答えた", "gave another element's value")),
         ("left_out_self", float(e[k] / (e.sum() - e[k])), _t("分母から自分自身を除いた", "left the element itself out of the denominator")),
         ("base_two", 2.0 ** x[k] / sum(2.0 ** v for v in x), _t("exp の代わりに 2 のべき乗を使った", "used powers of 2 instead of exp"))],
        3, rng, set_id, seed, params_)]


def _probabilities(rng, n):
    """n probabilities in steps of 0.05 that add up to 1, none zero."""
    cuts = sorted(rng.sample(range(1, 20), n - 1))
    parts = [b - a for a, b in zip([0] + cuts, cuts + [20])]
    return [p / 20 for p in parts]


def cross_entropy_value(rng, seed, set_id):
    from reference.functions import cross_entropy_error

    n = rng.choice([3, 4])
    y = _probabilities(rng, n)
    k = rng.randrange(n)
    t = np.zeros(n)
    t[k] = 1
    ce = float(cross_entropy_error(np.array(y), t))
    other = max((i for i in range(n) if i != k), key=lambda i: y[i])
    ys = ", ".join(f"{p:.2f}" for p in y)
    params_ = {"y": y, "label": k}
    return [_question(
        f"calc:cross_entropy_value:s{seed}", "cross_entropy_value", "3-1-3",
        _t(f"出力 y = ({ys}) (softmax 後)、正解が {k + 1} 番目のクラスのとき、交差エントロピー誤差 −Σ t log y "
           "(自然対数) はいくつか (小数第 3 位まで四捨五入)。",
           f"The network outputs y = ({ys}) (after softmax) and the true class is number {k + 1}. What is the cross "
           "entropy error −Σ t log y (natural log), rounded to 3 decimals?"),
        _t(f"one-hot の t で残るのは正解クラスの項だけ: −log({y[k]:.2f}) = {ce:.3f}。",
           f"With a one-hot t only the true class's term remains: −log({y[k]:.2f}) = {ce:.3f}."),
        ce,
        [("log2", -math.log2(y[k]), _t("log の底を 2 にした", "used log base 2")),
         ("log10", -math.log10(y[k]), _t("常用対数 (底 10) を使った", "used log base 10")),
         ("wrong_class", -math.log(y[other]), _t("正解でないクラスの確率を使った", "used a wrong class's probability")),
         ("one_minus", 1 - y[k], _t("1 − y を答えた", "gave 1 − y"))],
        3, rng, set_id, seed, params_)]


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
    return [_question(
        f"calc:entropy_value:s{seed}", "entropy_value", "1-3-1",
        _t(f"確率分布 p = ({ps}) のエントロピー H(p) = −Σ p log p を{unit_ja} で求めよ (小数第 3 位まで四捨五入)。",
           f"What is the entropy H(p) = −Σ p log p of p = ({ps}) in {unit_en}, rounded to 3 decimals?"),
        _t(f"H(p) = −Σ p_i log p_i = {key:.3f} {'ビット' if bits else 'ナット'}。",
           f"H(p) = −Σ p_i log p_i = {key:.3f} {'bits' if bits else 'nats'}."),
        key,
        [("other_base", other, _t("log の底を取り違えた", "used the other log base")),
         ("log10", float(-np.sum(arr * np.log10(arr))), _t("常用対数 (底 10) を使った", "used log base 10")),
         ("unweighted", float(-np.mean(log(arr))), _t("確率で重み付けせずに平均した", "averaged −log p without weighting by p")),
         ("gini", float(1 - np.sum(arr ** 2)), _t("ジニ不純度と取り違えた", "computed the Gini impurity instead"))],
        3, rng, set_id, seed, params_)]


def kl_value(rng, seed, set_id):
    n = rng.choice([2, 3])
    p, q = _probabilities(rng, n), _probabilities(rng, n)
    if p == q:
        raise Redraw()
    P, Q = np.array(p), np.array(q)
    kl = float(np.sum(P * np.log(P / Q)))
    ps, qs = ", ".join(f"{v:.2f}" for v in p), ", ".join(f"{v:.2f}" for v in q)
    params_ = {"p": p, "q": q}
    return [_question(
        f"calc:kl_value:s{seed}", "kl_value", "1-3-1",
        _t(f"p = ({ps})、q = ({qs}) のとき、KL ダイバージェンス D_KL(p‖q) = Σ p log(p/q) (自然対数) はいくつか (小数第 3 位まで四捨五入)。",
           f"For p = ({ps}) and q = ({qs}), what is the KL divergence D_KL(p‖q) = Σ p log(p/q) (natural log), to 3 "
           "decimals?"),
        _t(f"D_KL(p‖q) = Σ p_i log(p_i / q_i) = {kl:.3f}。KL ダイバージェンスは非対称で、D_KL(q‖p) とは一般に異なります。",
           f"D_KL(p‖q) = Σ p_i log(p_i / q_i) = {kl:.3f}. The KL divergence is not symmetric: D_KL(q‖p) differs in "
           "general."),
        kl,
        [("swapped", float(np.sum(Q * np.log(Q / P))), _t("p と q を入れ替えた (D_KL(q‖p))", "swapped p and q (D_KL(q‖p))")),
         ("log2", float(np.sum(P * np.log2(P / Q))), _t("log の底を 2 にした", "used log base 2")),
         ("cross_entropy", float(-np.sum(P * np.log(Q))), _t("交差エントロピー H(p, q) を答えた (エントロピーを引いていない)",
                                                            "gave the cross entropy H(p, q) (did not subtract the entropy)")),
         ("sign", -kl, _t("符号を逆にした", "flipped the sign"))],
        3, rng, set_id, seed, params_)]


# ----------------------------------------------------------------------------- optimisation


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
    return [_question(
        f"calc:adam_step:s{seed}", "adam_step", "3-2-3",
        _t(f"パラメータ w = {w} を Adam (学習率 {lr}、β1 = {b1}、β2 = {b2}、ε = 1e-8、m と v の初期値 0) で更新する。"
           f"勾配が {g} のとき、1 回目 (t = 1) の更新後の w はいくつか (小数第 {decimals} 位まで四捨五入)。",
           f"A parameter w = {w} is updated by Adam (learning rate {lr}, β1 = {b1}, β2 = {b2}, ε = 1e-8, m and v "
           f"start at 0). With gradient {g}, what is w after the first update (t = 1), rounded to {decimals} decimals?"),
        _t(f"m = (1 − β1)g = {m:g}、v = (1 − β2)g² = {v:g}。バイアス補正 m̂ = m / (1 − β1) = {g}、"
           f"v̂ = v / (1 − β2) = {g * g:g} により、最初の一歩は学習率と同じ大きさ: w − lr·m̂ / (√v̂ + ε) = {key:.{decimals}f}。",
           f"m = (1 − β1)g = {m:g}, v = (1 − β2)g² = {v:g}. Bias correction gives m̂ = m / (1 − β1) = {g} and "
           f"v̂ = v / (1 − β2) = {g * g:g}, so the first step has the size of the learning rate: "
           f"w − lr·m̂ / (√v̂ + ε) = {key:.{decimals}f}."),
        key,
        [("no_bias_correction", w - lr * m / (math.sqrt(v) + 1e-8), _t("バイアス補正を忘れた", "forgot the bias correction")),
         ("wrong_sign", w + step, _t("勾配の方向に進んだ (符号が逆)", "stepped along the gradient (wrong sign)")),
         ("sgd", w - lr * g, _t("Adam ではなく SGD の更新をした", "did a plain SGD step")),
         ("m_correction_only", w - lr * (m / (1 - b1)) / (math.sqrt(v) + 1e-8),
          _t("m だけ補正して v を補正していない", "corrected m but not v"))],
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
    return [_question(
        f"calc:momentum_step:s{seed}", "momentum_step", "3-2-1",
        _t(f"Momentum (v ← αv − η∇L、w ← w + v) で、学習率 η = {lr}、α = {mom}、現在の w = {w}、v = {v0}、勾配 {g} の"
           "とき、更新後の w はいくつか (小数第 4 位まで四捨五入)。",
           f"Momentum SGD (v ← αv − η∇L, w ← w + v) with learning rate η = {lr} and α = {mom}: w = {w}, v = {v0} and "
           f"the gradient is {g}. What is w after the update, rounded to 4 decimals?"),
        _t(f"v ← {mom}×{_p(v0)} − {lr}×{_p(g)} = {v1:.4f}、w ← {w} + {_p(round(v1, 4))} = {key:.4f}。",
           f"v ← {mom}×{_p(v0)} − {lr}×{_p(g)} = {v1:.4f}, w ← {w} + {_p(round(v1, 4))} = {key:.4f}."),
        key,
        [("sgd", w - lr * g, _t("速度 v を使わず SGD の更新をした", "ignored the velocity (plain SGD)")),
         ("wrong_sign", w + mom * v0 + lr * g, _t("勾配の項の符号を逆にした", "flipped the gradient term's sign")),
         ("old_velocity", w + v0, _t("更新前の v を足した", "added the velocity before its update")),
         ("no_momentum_factor", w + v0 - lr * g, _t("v に α を掛け忘れた", "forgot to multiply v by α"))],
        4, rng, set_id, seed, params_)]


# ----------------------------------------------------------------------------- metrics


def metrics(rng, seed, set_id):
    """One confusion matrix, two or three of precision / recall / F1 / accuracy (a set)."""
    tp, fp, fn, tn = (rng.randint(5, 90) for _ in range(4))
    cm = np.array([[tp, fn], [fp, tn]])   # rows: actual positive / negative; columns: predicted
    TP, FN_, FP, TN = cm[0, 0], cm[0, 1], cm[1, 0], cm[1, 1]
    precision = TP / (TP + FP)
    recall = TP / (TP + FN_)
    f1 = 2 * precision * recall / (precision + recall)
    accuracy = (TP + TN) / cm.sum()
    params_ = {"tp": tp, "fp": fp, "fn": fn, "tn": tn}
    specificity = TN / (TN + FP)
    table_ja = (f"実際が陽性のデータ {tp + fn} 件のうち {tp} 件を陽性、{fn} 件を陰性と予測し、実際が陰性のデータ {fp + tn} 件の"
                f"うち {fp} 件を陽性、{tn} 件を陰性と予測した。")
    table_en = (f"Of {tp + fn} actual positives the classifier predicted {tp} as positive and {fn} as negative; of "
                f"{fp + tn} actual negatives it predicted {fp} as positive and {tn} as negative.")
    asks = {
        "precision": (precision, "適合率 (precision)", "the precision",
                      _t(f"適合率 = TP / (TP + FP) = {tp} / ({tp} + {fp}) = {precision:.3f}。",
                         f"Precision = TP / (TP + FP) = {tp} / ({tp} + {fp}) = {precision:.3f}."),
                      [("swapped", recall, _t("適合率と再現率を取り違えた", "swapped precision and recall")),
                       ("accuracy", accuracy, _t("正解率を答えた", "gave the accuracy")),
                       ("specificity", specificity, _t("特異度 TN / (TN + FP) を答えた", "gave the specificity")),
                       ("f1", f1, _t("F 値を答えた", "gave the F1 score"))]),
        "recall": (recall, "再現率 (recall)", "the recall",
                   _t(f"再現率 = TP / (TP + FN) = {tp} / ({tp} + {fn}) = {recall:.3f}。",
                      f"Recall = TP / (TP + FN) = {tp} / ({tp} + {fn}) = {recall:.3f}."),
                   [("swapped", precision, _t("適合率と再現率を取り違えた", "swapped precision and recall")),
                    ("specificity", specificity, _t("特異度 TN / (TN + FP) を答えた", "gave the specificity")),
                    ("accuracy", accuracy, _t("正解率を答えた", "gave the accuracy")),
                    ("f1", f1, _t("F 値を答えた", "gave the F1 score"))]),
        "f1": (f1, "F 値 (F1)", "the F1 score",
               _t(f"F1 = 2PR / (P + R)、P = {precision:.3f}、R = {recall:.3f} より {f1:.3f} (調和平均)。",
                  f"F1 = 2PR / (P + R) with P = {precision:.3f} and R = {recall:.3f}: {f1:.3f} (the harmonic mean)."),
               [("arithmetic_mean", (precision + recall) / 2, _t("算術平均を取った", "took the arithmetic mean")),
                ("accuracy", accuracy, _t("正解率を答えた", "gave the accuracy")),
                ("product", precision * recall, _t("2 / (P + R) を掛け忘れた", "forgot the 2 / (P + R)")),
                ("precision", precision, _t("適合率を答えた", "gave the precision"))]),
        "accuracy": (accuracy, "正解率 (accuracy)", "the accuracy",
                     _t(f"正解率 = (TP + TN) / 全体 = ({tp} + {tn}) / {cm.sum()} = {accuracy:.3f}。",
                        f"Accuracy = (TP + TN) / all = ({tp} + {tn}) / {cm.sum()} = {accuracy:.3f}."),
                     [("precision", precision, _t("適合率を答えた", "gave the precision")),
                      ("recall", recall, _t("再現率を答えた", "gave the recall")),
                      ("tp_only", TP / cm.sum(), _t("TN を数えていない", "left out the true negatives")),
                      ("f1", f1, _t("F 値を答えた", "gave the F1 score"))]),
    }
    names = list(asks)
    rng.shuffle(names)
    qs = []
    for name in sorted(names[:rng.choice([2, 3])], key=list(asks).index):
        key, what_ja, what_en, expl, slips = asks[name]
        qs.append(_question(
            f"calc:metrics:s{seed}:{name}", f"metrics_{name}", "2-1-12",
            _t(table_ja + f"{what_ja} はいくつか (小数第 3 位まで四捨五入)。", table_en + f" What is {what_en}, rounded to 3 decimals?"),
            expl, float(key), [(s, float(v), t) for s, v, t in slips], 3, rng, set_id, seed, params_))
    return qs


TEMPLATES = {   # id -> (function, weight when mixing)
    "conv_layer": (conv_layer, 3),
    "pool_output_size": (pool_output_size, 1),
    "receptive_field": (receptive_field, 1),
    "affine_params": (affine_params, 1),
    "softmax_value": (softmax_value, 1),
    "cross_entropy_value": (cross_entropy_value, 1),
    "entropy_value": (entropy_value, 1),
    "kl_value": (kl_value, 1),
    "adam_step": (adam_step, 1),
    "momentum_step": (momentum_step, 1),
    "metrics": (metrics, 2),
}
# Templates of areas 1, 4 and 5 live in calc_applied (imported here, after the helpers it uses exist).
from examprep.exam.calc_applied import APPLIED  # noqa: E402

TEMPLATES.update(APPLIED)
from examprep.exam.calc_steps import STEPS  # noqa: E402

TEMPLATES.update(STEPS)


def calc_set(template_id, seed):
    """The questions of one template drawn with this seed (numbers redrawn until the options are distinct)."""
    function, _ = TEMPLATES[template_id]
    rng = random.Random(f"calc:{template_id}:{seed}")
    set_id = f"calc:{template_id}:s{seed}"
    for _ in range(MAX_DRAWS):
        try:
            return function(rng, seed, set_id)
        except Redraw:
            continue
    raise RuntimeError(f"template {template_id} found no distinct options in {MAX_DRAWS} draws (seed {seed})")


def calc_questions(count, seed):
    """About count calc questions (whole sets), templates drawn by weight."""
    rng = random.Random(f"calc-mix:{seed}")
    ids = list(TEMPLATES)
    weights = [TEMPLATES[i][1] for i in ids]
    out = []
    n = 0
    while len(out) < count:
        template = rng.choices(ids, weights)[0]
        out += calc_set(template, seed * 1000 + n)
        n += 1
    return out
