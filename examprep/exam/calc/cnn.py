"""Calculation templates of convolutional networks: output sizes, parameters, multiply-adds, receptive fields."""
import math

import numpy as np

from examprep.common.i18n import a_an, ja_en
from examprep.exam.calc.question import Redraw, calc_question


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
               f"パディング {P} の畳み込み層{' (フィルタごとにバイアスあり) ' if bias else ' (バイアスなし) '}を適用する。")
    scen_en = (f"A convolution layer with {FN} filters of {K}×{K}, stride {S} and padding {P}"
               f"{' (one bias per filter)' if bias else ' (no bias)'} is applied to {a_an(C)} {C}×{H}×{H} (channels×height×width) "
               "feature map.")
    qs = []
    qs.append(calc_question(
        f"calc:conv_layer:s{seed}:size", "conv_output_size", "3-4-1",
        ja_en(scen_ja + "出力特徴マップの高さ (= 幅) はいくつか。", scen_en + " What is the height (= width) of the output?"),
        ja_en(f"出力サイズ = (H + 2P − FH) / S + 1 = ({H} + 2×{P} − {K}) / {S} + 1 = {out}。",
              f"Output size = (H + 2P − FH) / S + 1 = ({H} + 2×{P} − {K}) / {S} + 1 = {out}."),
        out,
        [("forgot_padding", (H - K) // S + 1, ja_en("パディングを忘れた", "forgot the padding")),
         ("forgot_plus_one", (H + 2 * P - K) // S, ja_en("+1 を忘れた", "forgot the + 1")),
         ("padding_one_side", (H + P - K) // S + 1, ja_en("パディングを片側分しか足していない", "padded one side only")),
         ("forgot_stride", H + 2 * P - K + 1, ja_en("ストライドで割っていない", "did not divide by the stride"))],
        0, rng, set_id, seed, params_))
    weights = FN * C * K * K
    if bias:
        param_slips = [("forgot_bias", weights, ja_en("バイアスを数えていない", "forgot the biases")),
                       ("forgot_channels", FN * K * K + FN, ja_en("入力チャネル数 C を掛けていない",
                                                                  "forgot the input channels C")),
                       ("bias_per_input_channel", weights + C, ja_en("バイアスを入力チャネルごとに数えた",
                                                                   "counted one bias per input channel")),
                       ("one_filter", C * K * K + 1, ja_en("フィルタ 1 枚分しか数えていない", "counted one filter only"))]
        expl = ja_en(f"重み FN×C×FH×FW = {FN}×{C}×{K}×{K} = {weights} に、フィルタごとのバイアス {FN} を足して {params}。",
                     f"Weights FN×C×FH×FW = {FN}×{C}×{K}×{K} = {weights}, plus one bias per filter ({FN}): {params}.")
    else:
        param_slips = [("counted_bias", weights + FN, ja_en("ないはずのバイアスを数えた", "counted biases the layer does not have")),
                       ("forgot_channels", FN * K * K, ja_en("入力チャネル数 C を掛けていない",
                                                             "forgot the input channels C")),
                       ("one_filter", C * K * K, ja_en("フィルタ 1 枚分しか数えていない", "counted one filter only")),
                       ("output_size", FN * out * out, ja_en("出力の要素数と取り違えた", "gave the output's size"))]
        expl = ja_en(f"バイアスなしなので重みだけ: FN×C×FH×FW = {FN}×{C}×{K}×{K} = {params}。",
                     f"No bias, so the weights only: FN×C×FH×FW = {FN}×{C}×{K}×{K} = {params}.")
    qs.append(calc_question(
        f"calc:conv_layer:s{seed}:params", "conv_params", "3-4-1",
        ja_en(scen_ja + "この層の学習可能なパラメータ数はいくつか。", scen_en + " How many trainable parameters does it have?"),
        expl, params, param_slips, 0, rng, set_id, seed, params_))
    qs.append(calc_question(
        f"calc:conv_layer:s{seed}:macs", "conv_macs", "3-4-1",
        ja_en(scen_ja + f"入力 1 枚あたりの積和演算 (乗算と加算の組) の回数はいくつか{' (バイアスの加算は数えない)' if bias else ''}。",
              scen_en + " How many multiply-accumulate operations does it take per input image" +
              (" (bias additions not counted)?" if bias else "?")),
        ja_en(f"出力 1 要素あたり C×FH×FW = {C * K * K} 回、出力要素は FN×OH×OW = {FN}×{out}×{out} 個なので "
              f"{C * K * K}×{FN * out * out} = {macs}。",
              f"Each output element takes C×FH×FW = {C * K * K} MACs and there are FN×OH×OW = {FN}×{out}×{out} of "
              f"them: {C * K * K}×{FN * out * out} = {macs}."),
        macs,
        [("input_size", H * H * FN * C * K * K, ja_en("出力ではなく入力の大きさを使った", "used the input size, not the output size")),
         ("forgot_channels", out * out * FN * K * K, ja_en("入力チャネル数 C を掛けていない", "forgot the input channels C")),
         ("flops", 2 * macs, ja_en("乗算と加算を別々に数えた (FLOPs)", "counted multiplications and additions separately (FLOPs)")),
         ("forgot_filters", out * out * C * K * K, ja_en("フィルタ枚数 FN を掛けていない", "forgot the number of filters FN"))],
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
    return [calc_question(
        f"calc:pool_output_size:s{seed}", "pool_output_size", "3-4-3",
        ja_en(f"{H}×{H} の特徴マップに、ウィンドウ {k}×{k}、ストライド {s}、パディング {p} の{kind_ja}プーリングを適用する。"
              "出力の高さ (= 幅) はいくつか。",
              f"{kind_en.capitalize()} pooling with {a_an(k)} {k}×{k} window, stride {s} and padding {p} is applied to {a_an(H)} {H}×{H} "
              "feature map. What is the height (= width) of the output?"),
        ja_en(f"プーリングも畳み込みと同じ式: (H + 2P − k) / S + 1 = ({H} + 2×{p} − {k}) / {s} + 1 = {out}。",
              f"Pooling follows the convolution formula: (H + 2P − k) / S + 1 = ({H} + 2×{p} − {k}) / {s} + 1 = {out}."),
        out,
        [("divide_by_window", H // k, ja_en("入力をウィンドウの大きさで割った", "divided the input by the window size")),
         ("forgot_plus_one", (H + 2 * p - k) // s, ja_en("+1 を忘れた", "forgot the + 1")),
         ("forgot_padding", (H - k) // s + 1, ja_en("パディングを忘れた", "forgot the padding")),
         ("forgot_stride", H + 2 * p - k + 1, ja_en("ストライドで割っていない", "did not divide by the stride")),
         ("one_more", out + 1, ja_en("1 つ多く数えた", "off by one"))],
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
    return [calc_question(
        f"calc:receptive_field:s{seed}", "receptive_field", "3-4-1",
        ja_en(f"{K}×{K} の畳み込み層 (ストライド 1) を {L} 層重ねる。最後の層の出力 1 画素の受容野は入力上で何×何か。一辺の長さを答えよ。",
              f"{L} convolution layers of {K}×{K} (stride 1) are stacked. How wide is the receptive field of one output "
              "pixel of the last layer on the input (one side)?"),
        ja_en(f"1 層ごとに受容野が K − 1 = {K - 1} ずつ広がる: 1 + L×(K − 1) = 1 + {L}×{K - 1} = {rf}。",
              f"Each layer widens the receptive field by K − 1 = {K - 1}: 1 + L×(K − 1) = 1 + {L}×{K - 1} = {rf}."),
        rf,
        [("sum_of_kernels", L * K, ja_en("カーネルサイズをそのまま足した", "added the kernel sizes")),
         ("forgot_one", L * (K - 1), ja_en("最初の 1 画素を数えていない", "forgot the first pixel (+1)")),
         ("one_layer_less", 1 + (L - 1) * (K - 1), ja_en("1 層少なく数えた", "counted one layer too few")),
         ("power", K ** L, ja_en("カーネルサイズを層数乗した", "raised the kernel size to the number of layers"))],
        0, rng, set_id, seed, params_)]


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
    return [calc_question(
        f"calc:receptive_field_strided:s{seed}", "receptive_field_strided", "3-4-1",
        ja_en(f"入力側から順に {desc_ja} を重ねた (パディングは受容野に影響しない)。最後の層の出力 1 画素の受容野の一辺は何画素か。",
              f"The layers, from the input: {desc_en} (padding does not change the receptive field). How many input pixels "
              f"wide is the receptive field of one output pixel of the last layer?"),
        ja_en(f"受容野 r = 1 + Σ (k_i − 1) × (それより前の層のストライドの積) = {r}。",
              f"r = 1 + Σ (k_i − 1) × (product of the strides of the earlier layers) = {r}."),
        r,
        [("ignored_strides", no_stride, ja_en("ストライドを無視した", "ignored the strides")),
         ("own_stride", own_stride, ja_en("その層自身のストライドまで掛けた", "also multiplied by the layer's own stride")),
         ("product", math.prod(k for _, k, _ in layers), ja_en("カーネルの大きさを掛け合わせた", "multiplied the kernel sizes")),
         ("sum_kernels", sum(k for _, k, _ in layers), ja_en("カーネルの大きさを足しただけ", "added the kernel sizes"))],
        0, rng, set_id, seed, params_)]


def deconv_output(rng, seed, set_id):
    """Output size of a transposed convolution."""
    H, K, S, P = rng.choice([4, 7, 8, 14, 16]), rng.choice([2, 3, 4, 5]), rng.choice([2, 2, 3]), rng.choice([0, 1, 1, 2])
    key = (H - 1) * S - 2 * P + K
    if key <= 0:
        raise Redraw()
    params_ = {"H": H, "K": K, "stride": S, "pad": P}
    return [calc_question(
        f"calc:deconv_output:s{seed}", "deconv_output", "3-4-2",
        ja_en(f"高さ・幅 {H} の特徴マップに、カーネル {K}×{K}、ストライド {S}、パディング {P} の転置畳み込み (output_padding なし) を"
              "適用する。出力の高さはいくつか。",
              f"A transposed convolution with {a_an(K)} {K}×{K} kernel, stride {S} and padding {P} (no output padding) is applied to a "
              f"feature map of height and width {H}. What is the output height?"),
        ja_en(f"(H − 1)S − 2P + K = ({H} − 1)×{S} − 2×{P} + {K} = {key}。",
              f"(H − 1)S − 2P + K = ({H} − 1)×{S} − 2×{P} + {K} = {key}."),
        key,
        [("conv_formula", (H + 2 * P - K) // S + 1, ja_en("通常の畳み込みの式を使った", "used the ordinary convolution's formula")),
         ("plus_padding", (H - 1) * S + 2 * P + K, ja_en("パディングを足した", "added the padding")),
         ("times_h", H * S - 2 * P + K, ja_en("H − 1 でなく H を掛けた", "multiplied H, not H − 1")),
         ("times_stride", H * S, ja_en("入力をストライド倍しただけ", "multiplied the input by the stride"))],
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
        return [calc_question(
            f"calc:grouped_params:s{seed}", "grouped_params", "3-4-2",
            ja_en(f"入力 {C} チャネル、出力 {Co} チャネル、カーネル {K}×{K}、グループ数 {g} のグループ化畳み込み (バイアスあり) の"
                  "パラメータ数はいくつか。",
                  f"How many parameters has a grouped convolution with {C} input channels, {Co} output channels, {K}×{K} "
                  f"kernels and {g} groups (with biases)?"),
            ja_en(f"各グループは {C // g} チャネルから {Co // g} チャネルを作る: {g} × {K}×{K}×{C // g}×{Co // g} + {Co} = {key}。",
                  f"Each group maps {C // g} channels to {Co // g}: {g} × {K}×{K}×{C // g}×{Co // g} + {Co} = {key}."),
            key,
            [("no_groups", K * K * C * Co + Co, ja_en("グループ数で割っていない", "did not divide by the groups")),
             ("divided_twice", K * K * C * Co // (g * g) + Co, ja_en("グループ数で 2 回割った", "divided by the groups twice")),
             ("bias_per_group", K * K * C * Co // g + g, ja_en("バイアスをグループごとに 1 つと数えた", "counted one bias per group")),
             ("times_groups", K * K * C * Co * g + Co, ja_en("グループ数を掛けた", "multiplied by the groups"))],
            0, rng, set_id, seed, params_)]
    key = K * K * C + C + C * Co + Co
    params_ = {"C": C, "C_out": Co, "K": K, "groups": "depthwise separable"}
    return [calc_question(
        f"calc:grouped_params:s{seed}", "grouped_params", "3-4-2",
        ja_en(f"入力 {C} チャネルに、{K}×{K} の depthwise 畳み込み (チャネルごと、バイアスあり) と、出力 {Co} チャネルの 1×1 の pointwise "
              "畳み込み (バイアスあり) を続ける depthwise separable 畳み込みのパラメータ数はいくつか。",
              f"A depthwise separable convolution on {C} input channels: {a_an(K)} {K}×{K} depthwise convolution (per channel, with "
              f"biases) followed by a 1×1 pointwise convolution to {Co} channels (with biases). How many parameters?"),
        ja_en(f"depthwise {K}×{K}×{C} + {C}、pointwise {C}×{Co} + {Co}、合計 {key}。",
              f"Depthwise {K}×{K}×{C} + {C}, pointwise {C}×{Co} + {Co}: {key} in all."),
        key,
        [("standard", K * K * C * Co + Co, ja_en("通常の畳み込みとして数えた", "counted an ordinary convolution")),
         ("depthwise_full", K * K * C * C + C + C * Co + Co, ja_en("depthwise を全チャネル結合で数えた",
                                                               "counted the depthwise part as fully connected")),
         ("no_pointwise", K * K * C + C, ja_en("pointwise の部分を忘れた", "forgot the pointwise part")),
         ("no_bias", K * K * C + C * Co, ja_en("バイアスを数えていない", "forgot the biases"))],
        0, rng, set_id, seed, params_)]
