"""What a wrong value most likely means: the diagnoses added to a values or shape failure.

Each looks at the expected and the actual numbers (never at the learner's code) and names
the classic slip they fit: a factor of the batch size (sum instead of mean), a flipped sign,
a transpose, a constant offset, a missing axis, keepdims.
"""
import numpy as np

from examprep.grade.failure import about


def batch_size(record):
    ctx = record.context
    for key in ("forward", "arg_shapes"):
        shapes = ctx.get(key)
        if isinstance(shapes, list) and shapes and isinstance(shapes[0], list) and len(shapes[0]) >= 2:
            return shapes[0][0]
    return None


def factor_message(ratio, record):
    n = batch_size(record)
    # The factor is stated first: it may equal the batch size by coincidence (lp_pool's mean over a 2x2 window at
    # p = 2 is 1/2 of the sum, beside a batch of 2), so the batch size is offered as a likely reason, not the fact.
    if n and n > 1 and abs(ratio - n) < 1e-6 * n:
        return (f" 正しい値のちょうど {n} 倍です。バッチサイズ {n} で割り忘れていませんか (sum と mean の違い)?",
                f" Exactly {n} times the expected values: forgot to divide by the batch size {n} (sum instead of "
                f"mean)?")
    if n and n > 1 and abs(ratio - 1 / n) < 1e-6:
        return (f" 正しい値のちょうど 1/{n} です。バッチサイズ {n} で余分に割っていませんか (sum と mean の違い)?",
                f" Exactly 1/{n} of the expected values: divided by the batch size {n} once too often (mean instead "
                f"of sum)?")
    if abs(ratio + 1) < 1e-6:
        return (" 符号が逆です。", " The sign is flipped.")
    simple = [k for k in (2, 3, 4, 0.5, 1 / 3, 0.25, -2, -0.5) if abs(ratio - k) < 1e-6 * abs(k)]
    if not simple:
        return ("", "")  # a factor like 31.62 is true but tells the learner nothing
    return (f" 正しい値のちょうど {ratio:.4g} 倍になっています (係数を確認)。",
            f" Off by a constant factor: exactly {ratio:.4g} times the expected values (check the coefficient).")


def scalar_pattern(expected, value, record):
    if expected != 0:
        ratio = value / expected
        if abs(ratio - round(ratio)) < 1e-9 and round(ratio) not in (0, 1) or abs(ratio + 1) < 1e-9:
            ja, en = factor_message(ratio, record)
            return ja.strip(), en.strip()
        n = batch_size(record)
        if n and abs(ratio - 1 / n) < 1e-9:
            ja, en = factor_message(ratio, record)
            return ja.strip(), en.strip()
    return "", ""


def _close(a, b, tol=1e-6):
    scale = max(float(np.max(np.abs(b))), 1e-12)
    return float(np.max(np.abs(a - b))) / scale <= tol


def array_pattern(e, a, record):
    if not np.any(a):
        return (" すべて 0 です。値を計算して代入していますか?", " All zeros: is the result computed and assigned?")
    if np.any(e) and _close(a, -e):
        return factor_message(-1.0, record)
    denom = float(np.sum(e * e))
    if denom > 0:
        c = float(np.sum(a * e)) / denom
        if abs(c - 1) > 1e-3 and _close(a, c * e):
            return factor_message(c, record)
    if e.ndim >= 2 and e.shape[-1] == e.shape[-2] and _close(a, np.swapaxes(e, -1, -2)):
        return (" 正解を転置した値になっています (.T や transpose の位置を確認)。",
                " This is the expected result transposed (check .T or the transpose axes).")
    diff = a - e
    if e.size > 1 and np.ptp(diff) <= 1e-6 * max(float(np.max(np.abs(e))), 1e-12):
        return (f" すべての要素が定数 {float(diff.flat[0]):.4g} だけずれています。",
                f" Every element is off by the same constant {float(diff.flat[0]):.4g}.")
    if record.stage == "backward":
        return (" 順伝播は正しいので、逆伝播の式を確認してください。",
                " The forward pass is right, so the backward formula is wrong.")
    return ("", "")


def shape_failure(expected, actual, record):
    es, as_ = tuple(expected.shape), tuple(actual.shape)
    if as_ == es[::-1] and len(es) >= 2:
        ja, en = " 転置した形になっています。", " It has the transposed shape."
    elif tuple(d for d in as_ if d != 1) == tuple(d for d in es if d != 1):
        ja, en = (" 大きさ 1 の次元だけが違います (keepdims=True や reshape を確認)。",
                  " Only axes of size 1 differ (check keepdims=True or the reshape).")
    elif actual.size == expected.size:
        ja, en = (" 要素数は合っています。reshape / transpose の引数や順番を確認してください。",
                  " The number of elements is right: check the reshape / transpose arguments and their order.")
    elif any(es[:i] + es[i + 1:] == as_ for i in range(len(es))):
        ja, en = (" 次元が 1 つ足りません (sum/max の axis や keepdims=True を確認)。",
                  " One axis is missing (check the axis of sum/max and keepdims=True).")
    else:
        ja, en = "", ""
    return about(record, "shape", f"{record.what}: 形が違います。期待 {es}、実際 {as_}。{ja}",
                 f"{record.what}: wrong shape: expected {es}, got {as_}.{en}",
                 expected_shape=list(es), actual_shape=list(as_))


def nonfinite(record):
    if record.extreme:
        return about(record, "finite",
                     f"{record.what}: 大きな入力で NaN/inf になりました (オーバーフロー)。exp に大きな正の数が渡らないよう"
                     f"式を変形してください (softmax なら exp の前に最大値を引く: x - np.max(x, axis=-1, keepdims=True))。",
                     f"{record.what}: NaN or inf for large inputs: overflow. Rearrange so exp never sees a large "
                     f"positive number (for softmax, subtract the maximum first: x - np.max(x, axis=-1, keepdims=True)).")
    return about(record, "finite", f"{record.what}: NaN または inf が含まれています (0 除算や log(0) はありませんか)。",
                 f"{record.what}: contains NaN or inf (a division by zero or log(0)?).")
