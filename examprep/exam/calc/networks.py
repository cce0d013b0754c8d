"""Calculation templates of whole layers and networks: parameter counts of MLPs and multi-head attention."""
import numpy as np

from examprep.common.i18n import ja_en
from examprep.exam.calc.question import Redraw, calc_question


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
    return [calc_question(
        f"calc:affine_params:s{seed}", "affine_params", "3-1-1",
        ja_en(f"ユニット数 {arch} の全結合ニューラルネットワーク (各層にバイアスあり) の学習可能なパラメータ数はいくつか。",
              f"How many trainable parameters does a fully connected network with layer sizes {arch} (each layer with "
              "biases) have?"),
        ja_en("各 Affine 層は 入力×出力 の重みと 出力 個のバイアスを持つ: "
              + " + ".join(f"({i}×{o} + {o})" for i, o in zip(sizes, sizes[1:])) + f" = {total}。",
              "Each Affine layer has in×out weights and out biases: "
              + " + ".join(f"({i}×{o} + {o})" for i, o in zip(sizes, sizes[1:])) + f" = {total}."),
        total,
        [("forgot_bias", weights, ja_en("バイアスを数えていない", "forgot the biases")),
         ("bias_on_input", weights + sum(sizes[:-1]), ja_en("バイアスを入力側のユニット数で数えた", "counted biases on the input side")),
         ("bias_every_layer", total + sizes[0], ja_en("入力層にもバイアスを数えた", "counted biases for the input layer too")),
         ("plus_one_both", sum((i + 1) * (o + 1) for i, o in zip(sizes, sizes[1:])),
          ja_en("入力と出力の両方に 1 を足した", "added 1 to both the input and the output size"))],
        0, rng, set_id, seed, params_)]


def attention_params(rng, seed, set_id):
    """Parameters of multi-head attention with d_model and h heads (W_Q, W_K, W_V, W_O with biases)."""
    d = rng.choice([64, 128, 256, 512, 768])
    h = rng.choice([4, 8, 12, 16])
    if d % h:
        raise Redraw()
    key = 4 * (d * d + d)
    params_ = {"d_model": d, "heads": h}
    return [calc_question(
        f"calc:attention_params:s{seed}", "attention_params", "3-6-1",
        ja_en(f"d_model = {d}、ヘッド数 {h} (d_k = d_v = d_model / ヘッド数) の Multi-Head Attention 層 (Q, K, V への射影と出力の射影、"
              f"すべてバイアスあり) の学習可能なパラメータ数はいくつか。",
              f"How many trainable parameters has a multi-head attention layer with d_model = {d} and {h} heads "
              f"(d_k = d_v = d_model / heads), counting the Q, K, V projections and the output projection, all with biases?"),
        ja_en(f"各ヘッドの射影を合わせると W_Q, W_K, W_V はそれぞれ {d}×{d}、出力の W_O も {d}×{d}。4 × ({d}² + {d}) = {key}。"
              "ヘッド数はパラメータ数を変えない。",
              f"The heads' projections together make W_Q, W_K, W_V each {d}×{d}, and W_O is {d}×{d}: 4 × ({d}² + {d}) = "
              f"{key}. The number of heads does not change the count."),
        key,
        [("per_head_full", 4 * h * (d * d + d), ja_en("ヘッドごとに d_model×d_model の射影を数えた",
                                                      "counted a d_model×d_model projection per head")),
         ("no_output", 3 * (d * d + d), ja_en("出力の射影 W_O を忘れた", "forgot the output projection W_O")),
         ("no_bias", 4 * d * d, ja_en("バイアスを数えていない", "forgot the biases")),
         ("one_head_size", 4 * (d * (d // h) + d // h), ja_en("1 ヘッド分の射影だけを数えた", "counted one head's projections"))],
        0, rng, set_id, seed, params_)]
