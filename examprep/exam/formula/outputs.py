"""Formula families of outputs and losses: softmax, cross entropy, the sigmoid's and tanh's derivatives, KL."""
import numpy as np

from examprep.common.i18n import ja_en


def _softmax_rows(a):
    from reference.functions import softmax
    return softmax(a)


def _logits(rng):
    return {"a": rng.normal(0, 2, size=(3, 5))}


def _probs_onehot(rng):
    y = _softmax_rows(rng.normal(0, 1.5, size=(4, 5)))
    t = np.eye(5)[rng.integers(0, 5, size=4)]
    return {"y": y, "t": t}


def _xs(rng):
    return {"x": rng.normal(0, 2, size=20)}


def _dists(rng):
    p = rng.dirichlet(np.ones(4) * 2)
    q = rng.dirichlet(np.ones(4) * 2)
    return {"p": p, "q": q}


def _sig(x):
    from reference.functions import sigmoid
    return sigmoid(x)


def _layer_backward(name, x):
    from reference import layers
    layer = getattr(layers, name)()
    layer.forward(x.copy())
    return layer.backward(np.ones_like(x))


FAMILIES = {
    "softmax": {
        "item": "3-1-3", "inputs": _logits, "reference": lambda s: _softmax_rows(s["a"]),
        "stem": ja_en("ソフトマックス関数の出力 yk (入力 a1 … an) の式として正しいものはどれか。",
                      "Which formula gives the softmax output yk for inputs a1 … an?"),
        "key": ("yk = exp(ak) / Σi exp(ai)", lambda s: np.exp(s["a"]) / np.exp(s["a"]).sum(axis=-1, keepdims=True)),
        "wrong": [
            ("yk = ak / Σi ai", lambda s: s["a"] / s["a"].sum(axis=-1, keepdims=True),
             ja_en("exp を取らずに正規化した", "normalised without exp")),
            ("yk = 1 / (1 + exp(−ak))", lambda s: 1 / (1 + np.exp(-s["a"])),
             ja_en("シグモイド関数と取り違えた", "took the sigmoid")),
            ("yk = exp(ak − max(a)) / Σi exp(ai)",
             lambda s: np.exp(s["a"] - s["a"].max(axis=-1, keepdims=True)) / np.exp(s["a"]).sum(axis=-1, keepdims=True),
             ja_en("最大値を分子からだけ引いた", "subtracted the maximum in the numerator only")),
            ("yk = ak − log Σi exp(ai)", lambda s: s["a"] - np.log(np.exp(s["a"]).sum(axis=-1, keepdims=True)),
             ja_en("log softmax (対数を取った値) と取り違えた", "gave the log-softmax")),
            ("yk = exp(ak) / Σi exp(ak)", lambda s: np.exp(s["a"]) / (s["a"].shape[-1] * np.exp(s["a"])),
             ja_en("分母の添字を k のままにした", "kept the index k in the denominator"))],
        "explanation": ja_en("指数関数で正にしてから合計で割り、合計 1 の確率にする。入力から定数 (最大値) を引くなら分子と分母の両方から引く。",
                             "Make every value positive with exp, then divide by the sum so the outputs sum to 1. A constant "
                             "(the maximum) may be subtracted, but from numerator and denominator alike."),
        "source": "ゼロから作るDeep Learning ① 3.5.1 (恒等関数とソフトマックス関数)"},
    "cross_entropy": {
        "item": "3-1-3", "inputs": _probs_onehot,
        "reference": lambda s: __import__("reference.functions", fromlist=["x"]).cross_entropy_error(s["y"], s["t"].argmax(axis=1)),
        "stem": ja_en("ミニバッチ N 件のソフトマックス出力 y と one-hot の教師データ t に対する交差エントロピー誤差の式として正しいものはどれか。",
                      "For softmax outputs y and one-hot targets t of a mini-batch of N, which formula is the cross-entropy error?"),
        "key": ("E = −(1/N) Σn Σk tnk log ynk", lambda s: -np.sum(s["t"] * np.log(s["y"])) / len(s["y"])),
        "wrong": [
            ("E = −(1/N) Σn Σk ynk log tnk", lambda s: -np.sum(s["y"] * np.log(s["t"] + 1e-300)) / len(s["y"]),
             ja_en("y と t を入れ替えた", "swapped y and t")),
            ("E = −(1/N) Σn Σk log ynk", lambda s: -np.sum(np.log(s["y"])) / len(s["y"]),
             ja_en("正解以外のクラスの項も足した", "summed the terms of every class, not the target's")),
            ("E = −(1/N) Σn Σk [tnk log ynk + (1 − tnk) log(1 − ynk)]",
             lambda s: -np.sum(s["t"] * np.log(s["y"]) + (1 - s["t"]) * np.log(1 - s["y"])) / len(s["y"]),
             ja_en("多クラスの出力にバイナリ交差エントロピーを使った", "used binary cross entropy on a softmax output")),
            ("E = −(1/N) log Σn Σk tnk ynk", lambda s: -np.log(np.sum(s["t"] * s["y"])) / len(s["y"]),
             ja_en("和を取ってから対数を取った", "took the log of the sum")),
            ("E = −(1/N) Σn log Σk tnk ynk", lambda s: -np.sum(np.log(np.sum(s["t"] * s["y"], axis=1))) / len(s["y"]),
             None)],   # right for one-hot t: the proof drops it
        "explanation": ja_en("one-hot なので各データで正解クラスの −log y だけが残り、それをバッチで平均する。",
                             "With one-hot t only −log y of each example's target class remains, averaged over the batch."),
        "source": "ゼロから作るDeep Learning ① 4.2.2, 4.2.4 (ミニバッチ対応版交差エントロピー誤差)"},
    "sigmoid_grad": {
        "item": "3-1-4", "inputs": _xs,
        "reference": lambda s: _layer_backward("Sigmoid", s["x"]),
        "stem": ja_en("シグモイド関数 σ(x) = 1 / (1 + exp(−x)) の導関数として正しいものはどれか。",
                      "Which is the derivative of the sigmoid σ(x) = 1 / (1 + exp(−x))?"),
        "key": ("σ(x)(1 − σ(x))", lambda s: _sig(s["x"]) * (1 - _sig(s["x"]))),
        "wrong": [
            ("x(1 − x)", lambda s: s["x"] * (1 - s["x"]), ja_en("出力ではなく入力 x で計算した", "used the input x instead of the output")),
            ("1 − σ(x)²", lambda s: 1 - _sig(s["x"]) ** 2, ja_en("tanh の導関数の形にした", "used the form of tanh's derivative")),
            ("σ(x)(1 + σ(x))", lambda s: _sig(s["x"]) * (1 + _sig(s["x"])), ja_en("符号を誤った", "got the sign wrong")),
            ("σ(x)²", lambda s: _sig(s["x"]) ** 2, ja_en("1 − σ(x) の因子を σ(x) にした", "used σ(x) for the factor 1 − σ(x)")),
            ("σ(x) σ(−x)", lambda s: _sig(s["x"]) * _sig(-s["x"]), None)],   # equal to the key: dropped by the proof
        "explanation": ja_en("dσ/dx = exp(−x)/(1 + exp(−x))² = σ(x)(1 − σ(x))。逆伝播では順伝播の出力 y を使い dout·y(1 − y)。",
                             "dσ/dx = exp(−x)/(1 + exp(−x))² = σ(x)(1 − σ(x)); backward uses the forward output y: dout·y(1 − y)."),
        "source": "ゼロから作るDeep Learning ① 5.5.2 (Sigmoid レイヤ)"},
    "tanh_grad": {
        "item": "3-1-4", "inputs": _xs,
        "reference": lambda s: _layer_backward("Tanh", s["x"]),
        "stem": ja_en("tanh(x) の導関数として正しいものはどれか。", "Which is the derivative of tanh(x)?"),
        "key": ("1 − tanh²(x)", lambda s: 1 - np.tanh(s["x"]) ** 2),
        "wrong": [
            ("1 − x²", lambda s: 1 - s["x"] ** 2, ja_en("出力ではなく入力 x で計算した", "used the input x instead of the output")),
            ("tanh(x)(1 − tanh(x))", lambda s: np.tanh(s["x"]) * (1 - np.tanh(s["x"])),
             ja_en("シグモイドの導関数の形にした", "used the form of the sigmoid's derivative")),
            ("1 + tanh²(x)", lambda s: 1 + np.tanh(s["x"]) ** 2, ja_en("符号を誤った", "got the sign wrong")),
            ("(1 − tanh(x))²", lambda s: (1 - np.tanh(s["x"])) ** 2, ja_en("二乗の位置を誤った", "squared the wrong term"))],
        "explanation": ja_en("d tanh/dx = 1/cosh²(x) = 1 − tanh²(x)。x = 0 で最大値 1 を取る。",
                             "d tanh/dx = 1/cosh²(x) = 1 − tanh²(x), largest (1) at x = 0."),
        "source": "Goodfellow, Bengio, Courville: Deep Learning (2016) 6.3.2"},
    "kl_formula": {
        "item": "1-3-1", "inputs": _dists,
        "reference": lambda s: float(np.sum(s["p"] * (np.log(s["p"]) - np.log(s["q"])))),
        "stem": ja_en("離散分布 P, Q の KL ダイバージェンス D_KL(P ‖ Q) の式として正しいものはどれか。",
                      "Which formula is the KL divergence D_KL(P ‖ Q) of discrete distributions P and Q?"),
        "key": ("Σx P(x) log (P(x) / Q(x))", lambda s: float(np.sum(s["p"] * np.log(s["p"] / s["q"])))),
        "wrong": [
            ("Σx Q(x) log (Q(x) / P(x))", lambda s: float(np.sum(s["q"] * np.log(s["q"] / s["p"]))),
             ja_en("D_KL(Q ‖ P) と向きを逆にした", "reversed it into D_KL(Q ‖ P)")),
            ("Σx P(x) log (Q(x) / P(x))", lambda s: float(np.sum(s["p"] * np.log(s["q"] / s["p"]))),
             ja_en("対数の中の分数を逆にした (符号が逆)", "inverted the ratio (the sign flips)")),
            ("−Σx P(x) log Q(x)", lambda s: float(-np.sum(s["p"] * np.log(s["q"]))),
             ja_en("交差エントロピーと取り違えた", "gave the cross entropy")),
            ("Σx (P(x) − Q(x)) log P(x)", lambda s: float(np.sum((s["p"] - s["q"]) * np.log(s["p"]))),
             ja_en("期待値の重みを誤った", "weighted the log wrongly"))],
        "explanation": ja_en("P で期待値を取った log(P/Q)。交差エントロピー H(P, Q) からエントロピー H(P) を引いたものに等しく、0 以上。",
                             "The expectation under P of log(P/Q); it equals the cross entropy H(P, Q) minus the entropy H(P) "
                             "and is never negative."),
        "source": "Goodfellow, Bengio, Courville: Deep Learning (2016) 3.13 (3.50)"},
}
