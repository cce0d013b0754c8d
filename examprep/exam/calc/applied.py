"""Calculation templates of areas 4 and 5 besides detection: the DQN target, ViT tokens, word2vec parameters,
int8 quantisation and model memory.
"""
import numpy as np

from examprep.common.i18n import a_an, ja_en
from examprep.exam.calc.question import Redraw, calc_question


def dqn_target(rng, seed, set_id):
    """The DQN target y = r + γ max_a' Q(s', a') for a non-terminal transition."""
    r = rng.choice([1.0, 0.0, -1.0, 0.5, 2.0])
    gamma = rng.choice([0.9, 0.99, 0.95, 0.8])
    q_next = [rng.choice([-1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 3.0]) for _ in range(rng.choice([3, 4]))]
    q = np.array(q_next)
    key = r + gamma * float(q.max())
    params_ = {"r": r, "gamma": gamma, "q_next": q_next}
    qs = ", ".join(f"{v:g}" for v in q_next)
    return [calc_question(
        f"calc:dqn_target:s{seed}", "dqn_target", "4-7-1",
        ja_en(f"DQN で、遷移 (s, a, r = {r:g}, s') の s' は終端状態ではない。ターゲットネットワークによる s' の各行動の Q 値が "
              f"({qs})、割引率 γ = {gamma:g} のとき、教師信号 (ターゲット) y はいくらか (小数第 3 位まで四捨五入)。",
              f"In DQN, a transition (s, a, r = {r:g}, s') has a non-terminal s'. The target network's Q values of the "
              f"actions in s' are ({qs}) and the discount is γ = {gamma:g}. What is the target y, rounded to 3 decimals?"),
        ja_en(f"y = r + γ max_a' Q(s', a') = {r:g} + {gamma:g} × {q.max():g} = {key:.3f}。",
              f"y = r + γ max_a' Q(s', a') = {r:g} + {gamma:g} × {q.max():g} = {key:.3f}."),
        key,
        [("no_discount", r + float(q.max()), ja_en("割引率 γ を掛けていない", "forgot the discount γ")),
         ("mean_not_max", r + gamma * float(q.mean()), ja_en("max ではなく平均を取った (SARSA 的な期待値)", "averaged instead of taking the max")),
         ("no_reward", gamma * float(q.max()), ja_en("報酬 r を足していない", "forgot the reward r")),
         ("terminal", r, ja_en("終端状態として扱った", "treated s' as terminal")),
         ("min_not_max", r + gamma * float(q.min()), ja_en("max ではなく min を取った", "took the min instead of the max"))],
        3, rng, set_id, seed, params_)]


def vit_tokens(rng, seed, set_id):
    """The sequence length a Vision Transformer's encoder sees: patches plus the class token."""
    size, patch = rng.choice([(224, 16), (224, 32), (384, 16), (384, 32), (256, 16), (256, 32), (224, 14)])
    grid = size // patch
    key = grid * grid + 1
    params_ = {"size": size, "patch": patch}
    return [calc_question(
        f"calc:vit_tokens:s{seed}", "vit_tokens", "4-1-2",
        ja_en(f"Vision Transformer に {size}×{size} の画像を {patch}×{patch} のパッチに分けて入力する。クラストークンを"
              f"先頭に 1 つ加えるとき、Transformer エンコーダに入る系列の長さ (トークン数) はいくつか。",
              f"A Vision Transformer splits {a_an(size)} {size}×{size} image into {patch}×{patch} patches and prepends one class "
              f"token. How long is the sequence (number of tokens) the Transformer encoder sees?"),
        ja_en(f"パッチは縦横 {size}/{patch} = {grid} 個ずつ、{grid}² = {grid * grid} 個。クラストークンを加えて {key}。",
              f"{size}/{patch} = {grid} patches per side, {grid}² = {grid * grid} patches, plus the class token: {key}."),
        key,
        [("no_cls", grid * grid, ja_en("クラストークンを数えていない", "forgot the class token")),
         ("one_side", grid + 1, ja_en("一辺のパッチ数しか数えていない", "counted the patches of one side only")),
         ("pixels_over_patch", size * size // patch + 1, ja_en("画素数をパッチの一辺で割った", "divided the pixel count by the patch side")),
         ("patch_dim", patch * patch * 3, ja_en("パッチのベクトルの次元 (P²·C) と取り違えた", "gave the patch vector's size (P²·C)"))],
        0, rng, set_id, seed, params_)]


def word2vec_params(rng, seed, set_id):
    """Parameters of word2vec (CBOW / skip-gram as in ゼロから作るDeep Learning 2): W_in (V, D) and W_out (D, V)."""
    vocab = rng.choice([10000, 5000, 20000, 30000, 50000])
    dim = rng.choice([100, 200, 300, 50])
    key = 2 * vocab * dim
    params_ = {"V": vocab, "D": dim}
    return [calc_question(
        f"calc:word2vec_params:s{seed}", "word2vec_params", "4-4-1",
        ja_en(f"語彙数 V = {vocab}、単語ベクトルの次元 D = {dim} の word2vec (CBOW) を、入力側の重み W_in と出力側の重み "
              f"W_out (バイアスなし) で実装する。学習するパラメータ数はいくつか。",
              f"A word2vec (CBOW) with vocabulary V = {vocab} and vector size D = {dim} has an input weight W_in and an "
              f"output weight W_out (no biases). How many parameters does it learn?"),
        ja_en(f"W_in は V×D、W_out は D×V: 2 × {vocab} × {dim} = {key}。",
              f"W_in is V×D and W_out is D×V: 2 × {vocab} × {dim} = {key}."),
        key,
        [("one_matrix", vocab * dim, ja_en("W_in だけを数えた", "counted W_in only")),
         ("with_bias", key + vocab, ja_en("出力側にバイアスを数えた", "counted an output bias")),
         ("v_plus_d", 2 * (vocab + dim), ja_en("掛けずに足した", "added V and D instead of multiplying")),
         ("squared_vocab", vocab * vocab, ja_en("V×V の行列と考えた", "took a V×V matrix"))],
        0, rng, set_id, seed, params_)]


def _int8(value):
    """The value if a symmetric int8 can hold it, else None (not offered)."""
    return value if abs(value) <= 127 else None


def int8_quantize(rng, seed, set_id):
    """Symmetric per-tensor int8 quantization: scale = max|w| / 127, q = round(w / scale)."""
    max_abs = rng.choice([0.5, 1.0, 2.0, 0.8, 1.6, 2.54, 1.27])
    w = round(rng.uniform(0.05, 0.95) * max_abs, 3)
    scale = max_abs / 127
    if abs(w / scale % 1 - 0.5) < 0.05:
        raise Redraw()   # too close to a tie: rounding conventions would disagree
    key = float(np.round(w / scale))
    if np.floor(w / scale) == key:
        raise Redraw()   # truncating would give the key: the slip learners make would go untested (eleventh examination)
    params_ = {"max_abs": max_abs, "w": w}
    return [calc_question(
        f"calc:int8_quantize:s{seed}", "int8_quantize", "5-1-1",
        ja_en(f"重みを対称 int8 量子化する (スケール s = max|w| / 127、q = round(w / s))。テンソル内の max|w| が "
              f"{max_abs:g} のとき、重み w = {w:g} の量子化値 q はいくつか。",
              f"Weights are quantized to int8 symmetrically (scale s = max|w| / 127, q = round(w / s)). With max|w| = "
              f"{max_abs:g} in the tensor, what is the quantized value q of a weight w = {w:g}?"),
        ja_en(f"s = {max_abs:g} / 127 = {scale:.6f}、q = round({w:g} / {scale:.6f}) = round({w / scale:.3f}) = {key:g}。",
              f"s = {max_abs:g} / 127 = {scale:.6f}; q = round({w:g} / {scale:.6f}) = round({w / scale:.3f}) = {key:g}."),
        key,
        # Only values an int8 can hold: 652 or 203 beside the key 101 are ruled out on sight (a re-grade, issue 16).
        [(slip, _int8(value), text) for slip, value, text in [
            ("scale_255", float(np.round(w / (max_abs / 255))), ja_en("127 ではなく 255 で割った (非対称の範囲)", "used 255 levels instead of 127")),
            ("truncate", float(np.floor(w / scale)), ja_en("四捨五入せずに切り捨てた", "truncated instead of rounding")),
            ("no_max", float(np.round(w * 127)), ja_en("max|w| で割らずに 127 を掛けた (|w| ≤ 1 と仮定した)",
                                                      "multiplied by 127 without dividing by max|w| (assumed |w| ≤ 1)")),
            ("times_max", float(np.round(w * 127 * max_abs)), ja_en("max|w| で割らずに掛けた", "multiplied by max|w| instead of dividing by it")),
            ("whole_range", float(np.round(w / (2 * max_abs / 127))),
             ja_en("127 段階を −max|w| から max|w| までの幅全体に割り当てた", "spread the 127 levels over the whole range from −max|w| to max|w|"))]],
        0, rng, set_id, seed, params_)]


def model_memory(rng, seed, set_id):
    """Bytes to store a model's weights at a given precision (1 MB = 10^6 bytes)."""
    millions = rng.choice([25.6, 11.7, 138.0, 3.5, 5.3, 86.0, 110.0])
    dtype, nbytes = rng.choice([("float32", 4), ("float16", 2), ("int8", 1)])
    params = int(round(millions * 1e6))
    key = params * nbytes / 1e6
    params_ = {"millions": millions, "dtype": dtype, "bytes": nbytes}
    others = [b for b in (4, 2, 1) if b != nbytes]
    return [calc_question(
        f"calc:model_memory:s{seed}", "model_memory", "5-1-1",
        ja_en(f"パラメータ数 {millions:g}M (1M = 10⁶) のモデルの重みを {dtype} で保存する。重みだけで何 MB か "
              f"(1 MB = 10⁶ バイト、小数第 1 位まで四捨五入)。",
              f"A model with {millions:g}M parameters (1M = 10⁶) stores its weights as {dtype}. How many MB do the "
              f"weights take (1 MB = 10⁶ bytes), rounded to 1 decimal?"),
        ja_en(f"{dtype} は 1 要素 {nbytes} バイト: {millions:g}×10⁶ × {nbytes} B = {key:.1f} MB。",
              f"{dtype} takes {nbytes} byte{'s' if nbytes > 1 else ''} per value: {millions:g}×10⁶ × {nbytes} B = {key:.1f} MB."),
        key,
        [("bits", params * nbytes * 8 / 1e6, ja_en("バイトではなくビットで数えた", "counted bits instead of bytes")),
         ("other_dtype_a", params * others[0] / 1e6, ja_en(f"1 要素を {others[0]} バイトとした", f"took {others[0]} byte{'s' if others[0] > 1 else ''} per value")),
         ("other_dtype_b", params * others[1] / 1e6, ja_en(f"1 要素を {others[1]} バイトとした", f"took {others[1]} byte{'s' if others[1] > 1 else ''} per value")),
         ("mib", params * nbytes / 2 ** 20, ja_en("10⁶ ではなく 2²⁰ で割った (MiB)", "divided by 2²⁰ (MiB) instead of 10⁶"))],
        1, rng, set_id, seed, params_)]
