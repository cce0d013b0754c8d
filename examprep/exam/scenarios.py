"""Scenario sets: 3–4 questions around one listing or data set, as the real exam groups them.

- lstm: book 2's LSTM forward listing with one blank (the cell update or the hidden state), its parameter
  count, the gradient that reaches c_prev, and the shape of Wx.
- attention: a NumPy scaled dot-product attention listing with the scores blanked, the causal mask of a
  decoder, and the parameters of a multi-head layer.
- detection: three detections and one ground-truth box: IoU, what NMS keeps, and the AP of a ranked list.

Every option of a listing blank is evaluated by running the listing with it (on the inputs of PROOF_SEEDS) and
compared with the key's result: an option that gives the key's values is never offered. The keys themselves are
checked against PyTorch in tests/test_exam_scenarios.py. No RNN or attention drill exists yet (the coverage
issues add them); until then these listings are knowledge/formula sets, not graded code blanks.
"""
import math
import random

import numpy as np

from examprep.common.i18n import ja_en
from examprep.exam.calc.question import Redraw, calc_question
from examprep.exam.model import Option, Question, marker
from examprep.problem.syllabus import AREAS, area_of

PROOF_SEEDS = (0, 1, 2)
LABEL = "(あ)"

LSTM_LISTING = '''class LSTM:
    def __init__(self, Wx, Wh, b):
        self.params = [Wx, Wh, b]
        self.grads = [np.zeros_like(Wx), np.zeros_like(Wh), np.zeros_like(b)]
        self.cache = None

    def forward(self, x, h_prev, c_prev):
        Wx, Wh, b = self.params
        N, H = h_prev.shape

        A = np.dot(x, Wx) + np.dot(h_prev, Wh) + b

        f = A[:, :H]
        g = A[:, H:2*H]
        i = A[:, 2*H:3*H]
        o = A[:, 3*H:]

        f = sigmoid(f)
        g = np.tanh(g)
        i = sigmoid(i)
        o = sigmoid(o)

        c_next = {c_next}
        h_next = {h_next}

        self.cache = (x, h_prev, c_prev, i, f, g, o, c_next)
        return h_next, c_next
'''

LSTM_BLANKS = {
    "c_next": ("f * c_prev + g * i", [
        ("f * g + i * c_prev", ja_en("忘却ゲートと入力ゲートの役割を入れ替えた", "swapped the forget and input gates' roles")),
        ("f * c_prev + g * o", ja_en("入力ゲートの代わりに出力ゲートを使った", "used the output gate instead of the input gate")),
        ("(1 - i) * c_prev + g * i", ja_en("GRU のように忘却を入力ゲートと連動させた", "coupled forgetting to the input gate (as a GRU)")),
        ("f * h_prev + g * i", ja_en("前の記憶セルではなく前の隠れ状態を残した", "kept the previous hidden state instead of the cell")),
        ("f * c_prev + i", ja_en("新しい記憶 g を掛けていない", "left out the candidate g"))]),
    "h_next": ("o * np.tanh(c_next)", [
        ("o * c_next", ja_en("記憶セルに tanh をかけていない", "did not apply tanh to the cell")),
        ("np.tanh(o * c_next)", ja_en("tanh を出力ゲートの積の外にかけた", "applied tanh after the gate")),
        ("i * np.tanh(c_next)", ja_en("出力ゲートの代わりに入力ゲートを使った", "used the input gate instead of the output gate")),
        ("o * np.tanh(c_prev)", ja_en("新しい記憶セルではなく前の記憶セルを使った", "used the previous cell instead of the new one"))]),
}


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


def lstm_forward(fills, x, h_prev, c_prev, Wx, Wh, b):
    """Run the LSTM listing with these fills for its blanks: (h_next, c_next)."""
    ns = {"np": np, "sigmoid": _sigmoid}
    exec(LSTM_LISTING.format(**fills), ns)   # the listing is examprep's own text, never a learner's
    return ns["LSTM"](Wx, Wh, b).forward(x, h_prev, c_prev)


def lstm_inputs(seed, N=2, D=3, H=4):
    rng = np.random.default_rng(seed)
    return (rng.normal(size=(N, D)), rng.normal(size=(N, H)), rng.normal(size=(N, H)),
            rng.normal(size=(D, 4 * H)), rng.normal(size=(H, 4 * H)), rng.normal(size=4 * H))


def _differs(run, key_fills, fills):
    for s in PROOF_SEEDS:
        want = run(key_fills, s)
        got = run(fills, s)
        if all(np.allclose(a, b) for a, b in zip(got, want)):
            return False
    return True


def _choice_question(qid, template, item, stem, explanation, key_text, wrong, rng, set_id, seed, code=None,
                     label=None, kind="formula", source=None, check="formula"):
    """A question with these four option texts (key first in `wrong`'s absence), shuffled."""
    options = [Option(key_text, True)] + [Option(text, False, verdict={"check": check, **slip}, operator=check)
                                          for text, slip in wrong]
    rng.shuffle(options)
    key = next(i for i, o in enumerate(options) if o.correct)
    area = area_of(item)
    return Question(id=qid, kind=kind, problem=None, template=template, area=area, section=AREAS[area]["ja"],
                    item=item, stem=stem, explanation=explanation, options=options, key=key, answer=key_text,
                    code=code, label=label, set_id=set_id, seed=seed, source=source)


def lstm(rng, seed, set_id):
    blank = rng.choice(sorted(LSTM_BLANKS))
    key_text, wrong = LSTM_BLANKS[blank]
    fills = {"c_next": LSTM_BLANKS["c_next"][0], "h_next": LSTM_BLANKS["h_next"][0]}
    run = lambda f, s: lstm_forward(f, *lstm_inputs(s))
    usable = [(t, slip) for t, slip in wrong if _differs(run, fills, dict(fills, **{blank: t}))]
    shown = dict(fills, **{blank: marker(LABEL)})
    code = LSTM_LISTING.format(**shown)
    D, H = rng.choice([(10, 20), (32, 64), (100, 128), (50, 100), (16, 32)])
    intro = ja_en(f"次のコードはゼロから作るDeep Learning ❷ の形の LSTM レイヤの順伝播である (ゲートは f, g, i, o の順に A に並ぶ)。"
                  f"入力の次元 D = {D}、隠れ状態の次元 H = {H} とする。",
                  f"The listing is the forward pass of an LSTM layer in the form of book 2 (the gates lie in A in the order "
                  f"f, g, i, o). Let the input size be D = {D} and the hidden size H = {H}.")
    qs = []
    what = {"c_next": ja_en("新しい記憶セル c_next", "the new memory cell c_next"),
            "h_next": ja_en("新しい隠れ状態 h_next", "the new hidden state h_next")}[blank]
    qs.append(_choice_question(
        f"scenario:lstm:s{seed}:blank", f"scenario:lstm:{blank}", "3-5-2",
        {k: intro[k] + "\n\n" + {"ja": f"{what['ja']} を求める空欄 {LABEL} に入るものはどれか。",
                                                 "en": f"Which expression fills the blank {LABEL}, computing {what['en']}?"}[k]
         for k in ("ja", "en")},
        ja_en("c_next = f * c_prev + g * i (忘却ゲートで古い記憶を残し、入力ゲートで新しい記憶 g を加える)、"
              "h_next = o * np.tanh(c_next)。",
              "c_next = f * c_prev + g * i (the forget gate keeps old memory, the input gate adds the candidate g); "
              "h_next = o * np.tanh(c_next)."),
        key_text, rng.sample(usable, 3), rng, set_id, seed, code=code, label=LABEL,
        source="ゼロから作るDeep Learning ❷ 6.3 (LSTM の実装)"))
    key = 4 * (D * H + H * H + H)
    qs.append(calc_question(
        f"scenario:lstm:s{seed}:params", "lstm_params", "3-5-2",
        {k: intro[k] + "\n\n" + {"ja": "このレイヤのパラメータ (Wx, Wh, b) の要素数の合計はいくつか。",
                                 "en": "How many elements do the layer's parameters (Wx, Wh, b) have in all?"}[k]
         for k in ("ja", "en")},
        ja_en(f"Wx: ({D}, 4H)、Wh: (H, 4H)、b: (4H,) なので 4 × ({D}×{H} + {H}×{H} + {H}) = {key}。",
              f"Wx is ({D}, 4H), Wh (H, 4H), b (4H,): 4 × ({D}×{H} + {H}×{H} + {H}) = {key}."),
        key,
        [("one_gate", D * H + H * H + H, ja_en("ゲート 1 つ分しか数えていない", "counted one gate only")),
         ("no_bias", 4 * (D * H + H * H), ja_en("バイアスを数えていない", "forgot the bias")),
         ("gru", 3 * (D * H + H * H + H), ja_en("GRU (3 組) として数えた", "counted a GRU (three transforms)")),
         ("no_recurrent", 4 * (D * H + H), ja_en("再帰の重み Wh を忘れた", "forgot the recurrent weights Wh"))],
        0, rng, set_id, seed, {"D": D, "H": H}, code=code))
    grad_opts = [("ds * i", ja_en("入力ゲートを掛けた", "multiplied by the input gate")),
                 ("ds * o", ja_en("出力ゲートを掛けた", "multiplied by the output gate")),
                 ("ds * (1 - f)", ja_en("1 − f を掛けた (GRU の更新と混同)", "multiplied by 1 − f (confused with a GRU)")),
                 ("ds * f * (1 - f)", ja_en("ゲートのシグモイドの微分まで掛けた", "also multiplied by the gate's sigmoid derivative"))]
    # dc_prev = ds * f tells which gate multiplies c_prev, the c_next blank's key, and the other way round: asked
    # beside the h_next blank only. Its stem names ds in words: the formula (dh_next * o * (1 - tanh(c_next) ** 2))
    # would show h_next = o * tanh(c_next) (final re-grade 3).
    if blank == "c_next":
        qs.append(None)
    else:
        qs.append(_choice_question(
            f"scenario:lstm:s{seed}:dc_prev", "scenario:lstm:dc_prev", "3-5-2",
            {k: intro[k] + "\n\n" + {"ja": "逆伝播で、記憶セルに流れてくる勾配 (dc_next と h_next を通ってきた勾配の和) を ds としたとき、"
                                           "前の時刻の記憶セルへの勾配 dc_prev はどれか。",
                                     "en": "In the backward pass, with ds the gradient reaching the memory cell (dc_next plus the "
                                           "gradient coming through h_next), which is the gradient dc_prev passed to the previous "
                                           "cell?"}[k] for k in ("ja", "en")},
            ja_en("c_next = f * c_prev + g * i なので ∂c_next/∂c_prev = f、dc_prev = ds * f。行列積も活性化関数の微分も通らないため、"
                  "LSTM では勾配が消えにくい。",
                  "c_next = f * c_prev + g * i, so ∂c_next/∂c_prev = f and dc_prev = ds * f: no matrix product and no activation "
                  "derivative on this path, which is why LSTM gradients vanish less."),
            "ds * f", rng.sample(grad_opts, 3), rng, set_id, seed, code=code,
            source="ゼロから作るDeep Learning ❷ 6.2.7, 6.3 (LSTM の逆伝播)"))
    # Wx's shape beside the parameter count asked the four packed gates twice (the eleventh to thirteenth
    # examinations): the set asks instead what the layer keeps over time, its weights shared by every step
    T = rng.choice([5, 10, 20, 25])
    shared_opts = [(f"{T}", ja_en("時刻ごとに別の重みを持つとした", "took one set of weights per time step")),
                   (f"{T - 1}", ja_en("隣り合う時刻の組ごとに重みを持つとした", "took one set per pair of neighbouring steps")),
                   (f"{2 * T}", ja_en("時刻ごとに順伝播用と再帰用の 2 組を持つとした",
                                      "took two sets per time step, one for the input and one for the recurrence"))]
    qs.append(_choice_question(
        f"scenario:lstm:s{seed}:shared", "scenario:lstm:shared", "3-5-1",
        {k: intro[k] + "\n\n" + {"ja": f"このレイヤを長さ T = {T} の系列に時刻順に適用する (Time LSTM) とき、使われる (Wx, Wh, b) の"
                                         f"組はいくつか。",
                                   "en": f"Applied step by step to a sequence of length T = {T} (a Time LSTM), how many sets "
                                         f"of (Wx, Wh, b) does the layer use?"}[k] for k in ("ja", "en")},
        ja_en("1 組。RNN は全時刻で同じ Wx, Wh, b を共有するので、系列がどれだけ長くてもパラメータ数は変わらない (逆伝播では各時刻の"
              "勾配を足し合わせる)。",
              "One: an RNN shares the same Wx, Wh and b across every time step, so the parameter count does not grow with "
              "the sequence length (the backward pass sums each step's gradient)."),
        "1", rng.sample(shared_opts, 3), rng, set_id, seed, code=code, kind="knowledge",
        source="ゼロから作るDeep Learning ❷ 5.3 (Time RNN レイヤの実装)"))
    return [q for q in qs if q is not None]


ATTENTION_LISTING = '''def attention(Q, K, V, mask=None):
    d_k = Q.shape[-1]
    scores = {scores}
    if mask is not None:
        scores = np.where(mask, -1e9, scores)
    weights = softmax(scores)
    return np.matmul(weights, V)
'''

SCORES_KEY = "np.matmul(Q, K.swapaxes(-1, -2)) / np.sqrt(d_k)"
SCORES_WRONG = [
    ("np.matmul(Q, K.swapaxes(-1, -2)) / d_k", ja_en("√d_k ではなく d_k で割った", "divided by d_k, not √d_k")),
    ("np.matmul(Q, K.swapaxes(-1, -2))", ja_en("スケーリングを忘れた", "forgot the scaling")),
    ("np.matmul(K, Q.swapaxes(-1, -2)) / np.sqrt(d_k)", ja_en("Q と K を入れ替えた (スコアが転置になり、softmax が別の軸で正規化される)",
                                                          "swapped Q and K (the scores are transposed, so the softmax normalises along the other axis)")),
    ("np.matmul(Q, V.swapaxes(-1, -2)) / np.sqrt(d_k)", ja_en("キーではなく値との内積を取った", "took dot products with V, not K")),
]
MASKS = {
    "np.triu(np.ones((T, T)), k=1).astype(bool)": None,
    "np.tril(np.ones((T, T)), k=-1).astype(bool)": ja_en("過去を隠して未来を見せた", "hid the past and showed the future"),
    "np.triu(np.ones((T, T)), k=0).astype(bool)": ja_en("自分自身の位置まで隠した", "also hid each position itself"),
    "np.eye(T).astype(bool)": ja_en("自分自身だけを隠した", "hid only each position itself"),
    "np.tril(np.ones((T, T))).astype(bool)": ja_en("見せる位置を True にした (逆の約束)", "marked the positions to keep True (the other convention)"),
}


def attention_run(scores, mask_text, Q, K, V):
    from reference.functions import softmax
    ns = {"np": np, "softmax": softmax}
    exec(ATTENTION_LISTING.format(scores=scores), ns)
    T = Q.shape[0]
    mask = eval(mask_text, {"np": np, "T": T}) if mask_text else None
    return ns["attention"](Q, K, V, mask)


def attention_inputs(seed, T=4, d=8):
    rng = np.random.default_rng(100 + seed)
    return rng.normal(size=(T, d)), rng.normal(size=(T, d)), rng.normal(size=(T, d))


def causal(mask_text, seeds=PROOF_SEEDS):
    """Whether the output at every position depends on exactly the positions up to it (checked by perturbing)."""
    for s in seeds:
        Q, K, V = attention_inputs(s)
        base = attention_run(SCORES_KEY, mask_text, Q, K, V)
        T = Q.shape[0]
        for j in range(T):
            K2, V2 = K.copy(), V.copy()
            K2[j] += 1.0
            V2[j] += 1.0
            moved = ~np.isclose(attention_run(SCORES_KEY, mask_text, Q, K2, V2), base).all(axis=1)
            if list(moved) != [t >= j for t in range(T)]:
                return False
    return True


def attention(rng, seed, set_id):
    d = rng.choice([256, 512, 768])
    h = rng.choice([4, 8, 12])
    if d % h:
        raise Redraw()
    code = ATTENTION_LISTING.format(scores=marker(LABEL))
    intro = ja_en("次のコードは NumPy による Scaled Dot-Product Attention である (softmax は最後の軸で正規化する)。"
                  "Q, K, V の形状は (系列長, 次元)。",
                  "The listing is scaled dot-product attention in NumPy (softmax normalises over the last axis); Q, K and V "
                  "are (sequence length, dimension).")

    def run(text, s):
        Q, K, V = attention_inputs(s)
        return (attention_run(text, None, Q, K, V),)

    usable = [(t, slip) for t, slip in SCORES_WRONG
              if all(not np.allclose(run(t, s)[0], run(SCORES_KEY, s)[0]) for s in PROOF_SEEDS)]
    qs = [_choice_question(
        f"scenario:attention:s{seed}:scores", "scenario:attention:scores", "3-6-1",
        {k: intro[k] + "\n\n" + {"ja": f"空欄 {LABEL} に入るものはどれか。", "en": f"Which expression fills the blank {LABEL}?"}[k]
         for k in ("ja", "en")},
        ja_en("クエリとキーの内積 QKᵀ を √d_k で割る。内積の分散が d_k に比例して大きくなり、softmax が飽和するのを防ぐ。",
              "Divide the query–key products QKᵀ by √d_k: their variance grows with d_k and would saturate the softmax."),
        SCORES_KEY, rng.sample(usable, 3), rng, set_id, seed, code=code, label=LABEL,
        source="Vaswani et al.: Attention Is All You Need (NeurIPS 2017) 3.2.1")]
    wrong_masks = [(t, slip) for t, slip in MASKS.items() if slip is not None and not causal(t)]
    key_mask = next(t for t, slip in MASKS.items() if slip is None)
    if not causal(key_mask):
        raise RuntimeError("the causal mask of the attention scenario is not causal")
    qs.append(_choice_question(
        f"scenario:attention:s{seed}:mask", "scenario:attention:mask", "3-6-1",
        {k: intro[k] + "\n\n" + {"ja": "Transformer のデコーダの Masked Self-Attention として、各位置がそれ以前 (自分を含む) の位置だけを参照するように"
                                       "するには、長さ T の系列に対して mask をどう作ればよいか (True の位置が隠される)。",
                                 "en": "For the decoder's masked self-attention, so that each position attends only to itself and "
                                       "earlier positions, how should the mask be built for a sequence of length T (True hides a "
                                       "position)?"}[k] for k in ("ja", "en")},
        ja_en("行 (クエリ) t について列 (キー) t + 1 以降を隠す上三角 (対角を含まない) のマスク。隠した位置は −1e9 で softmax 後ほぼ 0 になる。",
              "Hide, for each query row t, the key columns after t: the upper triangle without the diagonal. Hidden scores of "
              "−1e9 become about 0 after the softmax."),
        key_mask, rng.sample(wrong_masks, 3), rng, set_id, seed, code=code,
        source="Vaswani et al.: Attention Is All You Need (NeurIPS 2017) 3.2.3"))
    key = 4 * (d * d + d)
    qs.append(calc_question(
        f"scenario:attention:s{seed}:params", "attention_params", "3-6-1",
        {k: intro[k] + "\n\n" + {"ja": f"この注意機構を d_model = {d}、ヘッド数 {h} の Multi-Head Attention 層 (Q, K, V と出力の線形射影、"
                                       "すべてバイアスあり) の中で使う。層の学習可能なパラメータ数はいくつか。",
                                 "en": f"This attention is used inside a multi-head attention layer with d_model = {d} and {h} "
                                       "heads (linear projections for Q, K, V and the output, all with biases). How many "
                                       "trainable parameters has the layer?"}[k] for k in ("ja", "en")},
        ja_en(f"4 つの射影がそれぞれ {d}×{d} + {d}: 4 × ({d}² + {d}) = {key}。ヘッド数は数を変えない。",
              f"Four projections of {d}×{d} + {d} each: 4 × ({d}² + {d}) = {key}; the heads do not change it."),
        key,
        [("per_head_full", 4 * h * (d * d + d), ja_en("ヘッドごとに d_model×d_model の射影を数えた",
                                                      "counted a d_model×d_model projection per head")),
         ("no_output", 3 * (d * d + d), ja_en("出力の射影を忘れた", "forgot the output projection")),
         ("no_bias", 4 * d * d, ja_en("バイアスを数えていない", "forgot the biases")),
         ("one_head_size", 4 * (d * (d // h) + d // h), ja_en("1 ヘッド分の射影だけを数えた", "counted one head's projections"))],
        0, rng, set_id, seed, {"d_model": d, "heads": h}, code=code))
    return qs


def _iou(a, b):
    iw = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    ih = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = iw * ih
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union


def nms(boxes, scores, threshold):
    """Indices kept by greedy non-maximum suppression, highest score first."""
    order = sorted(range(len(boxes)), key=lambda i: -scores[i])
    keep = []
    while order:
        best = order.pop(0)
        keep.append(best)
        order = [i for i in order if _iou(boxes[best], boxes[i]) < threshold]
    return keep


def detection(rng, seed, set_id):
    """Three detections of one class and one ground-truth box: IoU, NMS, then AP over a ranked list."""
    gt = [20, 20, 60, 60]
    boxes = []
    for _ in range(4):
        x, y = rng.randrange(10, 40, 2), rng.randrange(10, 40, 2)
        boxes.append([x, y, x + rng.randrange(30, 50, 2), y + rng.randrange(30, 50, 2)])
    scores = sorted(rng.sample([0.95, 0.9, 0.8, 0.7, 0.6, 0.5], 4), reverse=True)
    threshold = 0.5
    kept = nms(boxes, scores, threshold)
    ious = [_iou(b, gt) for b in boxes]
    if len(kept) in (1, 4) or any(abs(_iou(a, b) - threshold) < 0.03 for a in boxes for b in boxes if a is not b) \
            or ious[0] <= 0.1:
        raise Redraw()
    lines_ja = "、".join(f"D{k + 1} = ({', '.join(map(str, b))}) スコア {s:g}" for k, (b, s) in enumerate(zip(boxes, scores)))
    lines_en = ", ".join(f"D{k + 1} = ({', '.join(map(str, b))}) score {s:g}" for k, (b, s) in enumerate(zip(boxes, scores)))
    intro = ja_en(f"ある画像の 1 クラスについて、検出器が 4 つの矩形 (x1, y1, x2, y2) を出力した: {lines_ja}。正解の矩形は "
                  f"G = ({', '.join(map(str, gt))}) である (座標は連続値)。",
                  f"For one class in an image a detector outputs four boxes (x1, y1, x2, y2): {lines_en}. The ground-truth box "
                  f"is G = ({', '.join(map(str, gt))}) (continuous coordinates).")
    a, g = boxes[0], gt
    iw, ih = min(a[2], g[2]) - max(a[0], g[0]), min(a[3], g[3]) - max(a[1], g[1])
    inter = iw * ih
    area_a, area_g = (a[2] - a[0]) * (a[3] - a[1]), 40 * 40
    qs = [calc_question(
        f"scenario:detection:s{seed}:iou", "box_iou", "4-2-1",
        {k: intro[k] + "\n\n" + {"ja": "D1 と G の IoU はいくらか (小数第 3 位まで四捨五入)。",
                                 "en": "What is the IoU of D1 and G, rounded to 3 decimals?"}[k] for k in ("ja", "en")},
        ja_en(f"共通部分 {iw}×{ih} = {inter}、IoU = {inter} / ({area_a} + {area_g} − {inter}) = {ious[0]:.3f}。",
              f"Intersection {iw}×{ih} = {inter}; IoU = {inter} / ({area_a} + {area_g} − {inter}) = {ious[0]:.3f}."),
        ious[0],
        [("no_subtract", inter / (area_a + area_g), ja_en("和集合で共通部分を引いていない", "did not subtract the intersection")),
         ("over_smaller", inter / min(area_a, area_g), ja_en("小さい方の面積で割った", "divided by the smaller box")),
         ("over_prediction", inter / area_a, ja_en("予測の矩形の面積で割った", "divided by the predicted box")),
         ("over_truth", inter / area_g, ja_en("正解の矩形の面積で割った", "divided by the ground-truth box"))],
        3, rng, set_id, seed, {"boxes": boxes, "gt": gt})]
    no_order = []
    for i in range(len(boxes)):   # suppression in the listed order, ignoring the scores
        if all(_iou(boxes[i], boxes[j]) < threshold for j in no_order):
            no_order.append(i)
    by_gt = [i for i in range(4) if ious[i] >= threshold]
    qs.append(calc_question(
        f"scenario:detection:s{seed}:nms", "nms_count", "4-2-2",
        {k: intro[k] + "\n\n" + {"ja": f"IoU のしきい値 {threshold:g} で NMS (Non-Maximum Suppression) をかけると、何個の矩形が残るか。",
                                 "en": f"How many boxes remain after non-maximum suppression with an IoU threshold of "
                                       f"{threshold:g}?"}[k] for k in ("ja", "en")},
        ja_en(f"スコアの高い順に残し、残した矩形との IoU が {threshold:g} 以上の矩形を消す: 残るのは "
              f"{', '.join(f'D{i + 1}' for i in sorted(kept))} の {len(kept)} 個。",
              f"Keep boxes by decreasing score and delete those with IoU ≥ {threshold:g} to a kept box: "
              f"{', '.join(f'D{i + 1}' for i in sorted(kept))} remain, {len(kept)} in all."),
        len(kept),
        [("all", 4, ja_en("何も消していない", "suppressed nothing")),
         ("one", 1, ja_en("最高スコアの 1 個だけを残した", "kept the best box only")),
         ("matched_gt", len(by_gt), ja_en("正解との IoU でふるい分けた", "filtered by IoU with the ground truth")),
         ("below", 4 - len(kept) if 4 - len(kept) != len(kept) else None,
          ja_en("消える矩形の数を答えた", "gave the number of boxes removed"))],
        0, rng, set_id, seed, {"boxes": boxes, "scores": scores, "threshold": threshold}))
    from examprep.exam.calc.evaluation import ap_ranked
    qs += ap_ranked(rng, seed, set_id)
    return qs


SCENARIOS = {"lstm": (lstm, "3"), "attention": (attention, "3"), "detection": (detection, "4")}


def scenario_set(name, seed):
    """The questions of one scenario drawn with this seed."""
    function, _ = SCENARIOS[name]
    rng = random.Random(f"scenario:{name}:{seed}")
    set_id = f"scenario:{name}:s{seed}"
    for _ in range(100):
        try:
            return function(rng, seed, set_id)
        except Redraw:
            continue
    raise RuntimeError(f"scenario {name} found no usable numbers (seed {seed})")
