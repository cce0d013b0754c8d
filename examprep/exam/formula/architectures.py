"""Formula families of architectures: convolution and transposed-convolution sizes, attention, the LSTM cell."""
import numpy as np

from examprep.common.i18n import ja_en


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


def _attention_direct(s):
    e = np.exp(s["Q"] @ s["K"].T / np.sqrt(s["d"]))
    return (e / e.sum(axis=1, keepdims=True)) @ s["V"]


def _lstm_inputs(rng):
    H = 4
    return {"f": rng.uniform(0.05, 0.95, H), "i": rng.uniform(0.05, 0.95, H), "o": rng.uniform(0.05, 0.95, H),
            "g": rng.uniform(-0.95, 0.95, H), "c": rng.normal(0, 1, H)}


FAMILIES = {
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
            # The wrong axis written as a formula (softmax per row of KQᵀ = per column of QKᵀ): an option text is
            # shown as it is in both languages, so it carries no words ("(softmax per column)" was Japanese in the
            # English exam and contradicted the stem on sight).
            ("softmax(KQᵀ / √d_k)ᵀ V", lambda s: _attention(s, axis=0),
             ja_en("ソフトマックスの軸を誤った (キーごとでなくクエリごとに正規化)", "normalised over the wrong axis (over the queries, not the keys)"))],
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
}
