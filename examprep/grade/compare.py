"""Comparing what the learner's code produced with what the reference produced.

Checks run in a fixed order and stop at the first failure: defined (done by the
grader), then per record, stage by stage (every case's outputs, then state, then
backward, then the numerical gradient check): array type, shape, dtype, finite,
values. A failure carries a message in Japanese and English that a learner can act
on, and the numbers behind it.

Tolerances (relative error ‖actual − expected‖∞ / ‖expected‖∞, per array):
    float64  1e-6   float32  1e-4   numerical gradient  1e-4
See ARCHITECTURE.md for how they were calibrated.
"""
import math

import numpy as np

from examprep.grade.kinds import STAGES

TOLERANCE = {"float64": 1e-6, "float32": 1e-4}
NUMGRAD_TOLERANCE = 1e-4


def _fail(check, record, ja, en, **details):
    return {"ok": False, "check": check, "stage": record.stage, "case": record.case, "dtype": record.dtype,
            "what": record.what, "ja": ja, "en": en, "details": _plain(details), "context": _plain(record.context)}


def _plain(value):
    """JSON-friendly copy of details (numpy scalars and arrays to Python)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, np.ndarray):
        return value.tolist() if value.size <= 16 else f"array{tuple(value.shape)}"
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if callable(value):
        return getattr(value, "__name__", "function")
    return value


def order(records):
    """Records in checking order: by stage, keeping case order within a stage."""
    return sorted(records, key=lambda r: STAGES.index(r.stage))


def compare(expected_records, actual_records):
    """The first failure (a dict) or None when everything matches."""
    actual_by_key = {r.key: r for r in actual_records}
    learner_only = [r for r in actual_records if r.check is not None or r.stage == "numgrad"]
    expected = [r for r in expected_records if r.check is None and r.stage != "numgrad"]
    for record in order(expected + learner_only):
        if record.check is not None or record.stage == "numgrad":
            failure = _self_check(record)
        else:
            actual = actual_by_key.get(record.key)
            if actual is None:
                continue  # an earlier record of this case failed; that failure is reported first
            if actual.check is not None:
                # The learner's run reported a property in place of this value (e.g. not updated in place).
                failure = _self_check(actual)
            else:
                failure = _error(actual) or compare_values(record.value, actual.value, actual)
        if failure:
            return _explain_parameter_update(failure)
    # An error after the last expected record (say, in a learner-only step).
    for r in order(actual_records):
        if r.error:
            return _error(r)
    return None


def _explain_parameter_update(failure):
    """A layer right at step 1 but wrong after its parameters were updated in place keeps copies of them."""
    ctx = failure.get("context") or {}
    if failure["check"] == "values" and ctx.get("parameters_updated") and (ctx.get("step") or 1) > 1:
        failure = dict(failure)
        failure["ja"] += (" ステップの間に、コンストラクタに渡したパラメータ配列をその場で更新しました (オプティマイザと同じ)。"
                          "層はその配列自体を使う必要があります (self.W = W。コピーしない)。")
        failure["en"] += (" Between steps the parameter arrays given to the constructor were updated in place, as an "
                          "optimizer does: the layer must use those arrays (self.W = W), not copies.")
    return failure


def _self_check(record):
    if record.error:
        return _error(record)
    if record.check is not None:
        if record.check["ok"]:
            return None
        details = {k: v for k, v in record.check.items() if k not in ("ok", "ja", "en", "code")}
        return _fail(record.check.get("code", "property"), record, record.check["ja"], record.check["en"], **details)
    worst = record.value
    if worst is None or not math.isfinite(worst) or worst > NUMGRAD_TOLERANCE:
        return _fail("numerical_gradient", record,
                     f"{record.what}: backward の勾配が、あなたの forward の数値微分と一致しません"
                     f"(相対誤差 {worst:.2e}、許容 {NUMGRAD_TOLERANCE:.0e})。",
                     f"{record.what}: your backward does not match the numerical gradient of your own forward "
                     f"(relative error {worst:.2e}, allowed {NUMGRAD_TOLERANCE:.0e}).",
                     relative_error=worst, tolerance=NUMGRAD_TOLERANCE)
    return None


def _error(record):
    if not record.error:
        return None
    info = record.error
    where = f" (line {info['line']}: {info['code']})" if info.get("line") else ""
    where_ja = f"({info['line']} 行目: {info['code']})" if info.get("line") else ""
    if info.get("blank"):
        label = info["blank"]
        return _fail("blank", record, f"空欄 {label} がまだ埋められていません。",
                     f"Blank {label} is not filled in yet.", blank=label)
    if info.get("missing_attribute"):
        attr = info["missing_attribute"]
        return _fail("attribute", record, f"{record.what}: 属性 self.{attr} が設定されていません。",
                     f"{record.what}: the attribute self.{attr} is not set.", attribute=attr)
    if info["type"] == "MemoryError":
        return _fail("memory", record, f"{record.what}: メモリ制限を超えました{where_ja}。巨大な配列を作っていませんか?",
                     f"{record.what}: the memory limit was exceeded{where}: is a huge array being allocated?",
                     error=info)
    if info["type"] == "SystemExit":
        return _fail("exit", record, f"{record.what} の実行中に sys.exit が呼ばれました{where_ja}。",
                     f"sys.exit was called while running {record.what}{where}.", error=info)
    hint_ja = hint_en = ""
    if "could not be broadcast" in info["message"]:
        hint_ja = " 配列の形が合いません。keepdims=True や sum/mean の axis、転置を確認してください。"
        hint_en = " The shapes do not line up: check keepdims=True, the axis of sum/mean, and transposes."
    elif "shapes" in info["message"] and "not aligned" in info["message"] or "matmul" in info["message"]:
        hint_ja = " 行列積の形が合いません。掛ける順番と転置 (.T) を確認してください。"
        hint_en = " The matrix product's shapes do not match: check the order of the operands and the transposes (.T)."
    return _fail("exception", record,
                 f"{record.what} の実行中に {info['type']} が発生しました{where_ja}: {info['message'].strip()}{hint_ja}",
                 f"{info['type']} while running {record.what}{where}: {info['message'].strip()}{hint_en}", error=info)


def _is_number(value):
    return isinstance(value, (int, float, np.number)) and not isinstance(value, bool)


def compare_values(expected, actual, record):
    """Compare one produced value with the reference's. None when they agree."""
    if record.context.get("compare") == "moments":
        return _compare_moments(expected, actual, record)
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return _fail("type", record, f"{record.what}: dict を返してください (返り値は {type(actual).__name__})。",
                         f"{record.what}: expected a dict, got {type(actual).__name__}.")
        if set(actual) != set(expected):
            return _fail("keys", record, f"{record.what}: キーが違います。期待 {sorted(expected)}, 実際 {sorted(actual)}。",
                         f"{record.what}: wrong keys: expected {sorted(expected)}, got {sorted(actual)}.",
                         expected_keys=sorted(expected), actual_keys=sorted(actual))
        for key in expected:
            failure = compare_values(expected[key], actual[key], _sub(record, f"[{key!r}]"))
            if failure:
                return failure
        return None
    if isinstance(expected, tuple):
        if not isinstance(actual, (tuple, list)) or len(actual) != len(expected):
            return _fail("type", record, f"{record.what}: 値を {len(expected)} 個 (タプルで) 返してください。",
                         f"{record.what}: expected a tuple of {len(expected)} values.")
        for i, (e, a) in enumerate(zip(expected, actual)):
            failure = compare_values(e, a, _sub(record, f"[{i}]"))
            if failure:
                return failure
        return None
    if _is_number(expected) or (isinstance(expected, np.ndarray) and expected.ndim == 0):
        return _compare_scalar(float(expected), actual, record)
    return _compare_array(np.asarray(expected), actual, record)


def _sub(record, suffix):
    from copy import copy

    sub = copy(record)
    sub.what = record.what + suffix
    return sub


def _compare_scalar(expected, actual, record):
    if isinstance(actual, np.ndarray) and actual.size == 1:
        actual = actual.reshape(())
    if not (_is_number(actual) or (isinstance(actual, np.ndarray) and actual.ndim == 0)):
        return _fail("type", record, f"{record.what}: 数値 (スカラー) を返してください (返り値は {_type_name(actual)})。",
                     f"{record.what}: expected a number (a scalar), got {_type_name(actual)}.",
                     actual_type=_type_name(actual))
    value = float(actual)
    if not math.isfinite(value):
        return _nonfinite(record)
    tol = TOLERANCE.get(record.dtype, 1e-6)
    err = abs(value - expected) / max(abs(expected), 1e-12)
    if err <= tol:
        return None
    hint_ja, hint_en = _scalar_pattern(expected, value, record)
    return _fail("values", record,
                 f"{record.what}: 値が違います。期待 {expected:.6g}、実際 {value:.6g} (相対誤差 {err:.2e})。{hint_ja}",
                 f"{record.what}: wrong value: expected {expected:.6g}, got {value:.6g} (relative error {err:.2e}). {hint_en}".rstrip(),
                 expected=expected, actual=value, relative_error=err, tolerance=tol)


def _type_name(value):
    if isinstance(value, np.ndarray):
        return f"ndarray{value.shape}"
    return type(value).__name__


def _batch_size(record):
    ctx = record.context
    for key in ("forward", "arg_shapes"):
        shapes = ctx.get(key)
        if isinstance(shapes, list) and shapes and isinstance(shapes[0], list) and len(shapes[0]) >= 2:
            return shapes[0][0]
    return None


def _factor_message(ratio, record):
    n = _batch_size(record)
    if n and n > 1 and abs(ratio - n) < 1e-6 * n:
        return (f" バッチサイズ {n} で割り忘れていませんか (sum と mean の違い)?",
                f" Forgot to divide by the batch size {n} (sum instead of mean)?")
    if n and n > 1 and abs(ratio - 1 / n) < 1e-6:
        return (f" バッチサイズ {n} で余分に割っていませんか?", f" Divided by the batch size {n} once too often?")
    if abs(ratio + 1) < 1e-6:
        return (" 符号が逆です。", " The sign is flipped.")
    simple = [k for k in (2, 3, 4, 0.5, 1 / 3, 0.25, -2, -0.5) if abs(ratio - k) < 1e-6 * abs(k)]
    if not simple:
        return ("", "")  # a factor like 31.62 is true but tells the learner nothing
    return (f" 正しい値のちょうど {ratio:.4g} 倍になっています (係数を確認)。",
            f" Off by a constant factor: exactly {ratio:.4g} times the expected values (check the coefficient).")


def _scalar_pattern(expected, value, record):
    if expected != 0:
        ratio = value / expected
        if abs(ratio - round(ratio)) < 1e-9 and round(ratio) not in (0, 1) or abs(ratio + 1) < 1e-9:
            ja, en = _factor_message(ratio, record)
            return ja.strip(), en.strip()
        n = _batch_size(record)
        if n and abs(ratio - 1 / n) < 1e-9:
            ja, en = _factor_message(ratio, record)
            return ja.strip(), en.strip()
    return "", ""


def _nonfinite(record):
    if record.extreme:
        return _fail("finite", record,
                     f"{record.what}: 大きな入力で NaN/inf になりました (オーバーフロー)。exp に大きな正の数が渡らないよう"
                     f"式を変形してください (softmax なら exp の前に最大値を引く: x - np.max(x, axis=-1, keepdims=True))。",
                     f"{record.what}: NaN or inf for large inputs: overflow. Rearrange so exp never sees a large "
                     f"positive number (for softmax, subtract the maximum first: x - np.max(x, axis=-1, keepdims=True)).")
    return _fail("finite", record, f"{record.what}: NaN または inf が含まれています (0 除算や log(0) はありませんか)。",
                 f"{record.what}: contains NaN or inf (a division by zero or log(0)?).")


def _compare_array(expected, actual, record):
    if not isinstance(actual, np.ndarray):
        if isinstance(actual, (list, tuple)):
            ja_extra, en_extra = " (リストではなく NumPy 配列)", " (a NumPy array, not a list)"
        elif _is_number(actual):
            ja_extra, en_extra = (" (スカラーではなく配列。sum/mean の axis を確認)",
                                  " (an array, not a scalar: check the axis of sum/mean)")
        else:
            ja_extra, en_extra = "", ""
        return _fail("type", record,
                     f"{record.what}: NumPy 配列を返してください{ja_extra}。返り値は {_type_name(actual)} でした。",
                     f"{record.what}: expected a NumPy array{en_extra}, got {_type_name(actual)}.",
                     actual_type=_type_name(actual))
    if actual.shape != expected.shape:
        return _shape_failure(expected, actual, record)
    if expected.dtype.kind == "f" and actual.dtype != expected.dtype:
        if actual.dtype.kind == "f":
            return _fail("dtype", record,
                         f"{record.what}: dtype が {actual.dtype} です ({expected.dtype} のはず)。"
                         f"{expected.dtype} の入力からは {expected.dtype} の配列を返してください (新しく作る配列には "
                         f"dtype=x.dtype を指定し、float64 の配列や NumPy スカラーを混ぜない)。",
                         f"{record.what}: dtype is {actual.dtype}, expected {expected.dtype}: a {expected.dtype} input "
                         f"must give {expected.dtype} arrays (create new arrays with dtype=x.dtype, and do not mix in "
                         f"float64 arrays or NumPy scalars).",
                         expected_dtype=str(expected.dtype), actual_dtype=str(actual.dtype))
        if actual.dtype.kind not in "iub":
            return _fail("dtype", record, f"{record.what}: 数値の配列ではありません (dtype {actual.dtype})。",
                         f"{record.what}: not a numeric array (dtype {actual.dtype}).",
                         expected_dtype=str(expected.dtype), actual_dtype=str(actual.dtype))
    if expected.dtype.kind in "iub":
        if not np.array_equal(actual, expected):
            bad = int(np.sum(actual != expected))
            return _fail("values", record, f"{record.what}: {bad} 個の要素が違います。",
                         f"{record.what}: {bad} element(s) differ.", differing=bad)
        return None
    a = actual.astype(np.float64)
    e = expected.astype(np.float64)
    if not np.all(np.isfinite(a)) and np.all(np.isfinite(e)):
        return _nonfinite(record)
    scale = float(np.max(np.abs(e))) if e.size else 0.0
    abs_err = float(np.max(np.abs(a - e))) if e.size else 0.0
    rel = abs_err / max(scale, 1e-12)
    tol = TOLERANCE.get(record.dtype, 1e-6)
    if rel <= tol:
        return None
    ja, en = _array_pattern(e, a, record)
    worst = np.unravel_index(int(np.argmax(np.abs(a - e))), e.shape) if e.size else ()
    return _fail("values", record,
                 f"{record.what}: 値が違います (最大絶対誤差 {abs_err:.3g}、相対誤差 {rel:.2e}、"
                 f"位置 {tuple(int(i) for i in worst)} で期待 {e[worst]:.6g}、実際 {a[worst]:.6g})。{ja}",
                 f"{record.what}: wrong values (max absolute error {abs_err:.3g}, relative error {rel:.2e}; at index "
                 f"{tuple(int(i) for i in worst)} expected {e[worst]:.6g}, got {a[worst]:.6g}).{en}",
                 max_abs_error=abs_err, max_rel_error=rel, tolerance=tol, index=[int(i) for i in worst])


def _close(a, b, tol=1e-6):
    scale = max(float(np.max(np.abs(b))), 1e-12)
    return float(np.max(np.abs(a - b))) / scale <= tol


def _array_pattern(e, a, record):
    if not np.any(a):
        return (" すべて 0 です。値を計算して代入していますか?", " All zeros: is the result computed and assigned?")
    if np.any(e) and _close(a, -e):
        return _factor_message(-1.0, record)
    denom = float(np.sum(e * e))
    if denom > 0:
        c = float(np.sum(a * e)) / denom
        if abs(c - 1) > 1e-3 and _close(a, c * e):
            return _factor_message(c, record)
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


def _shape_failure(expected, actual, record):
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
    return _fail("shape", record, f"{record.what}: 形が違います。期待 {es}、実際 {as_}。{ja}",
                 f"{record.what}: wrong shape: expected {es}, got {as_}.{en}",
                 expected_shape=list(es), actual_shape=list(as_))


def _compare_moments(expected, actual, record):
    """For random outputs: the same structure, zeros where the reference has zeros, and
    mean and standard deviation within sampling error of the reference's."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict) or set(actual) != set(expected):
            return compare_values(expected, actual, _with_compare(record, "values"))
        for key in expected:
            failure = _compare_moments(expected[key], actual[key], _sub(record, f"[{key!r}]"))
            if failure:
                return failure
        return None
    if not isinstance(expected, np.ndarray):
        return compare_values(expected, actual, _with_compare(record, "values"))
    if not isinstance(actual, np.ndarray) or actual.shape != expected.shape:
        return compare_values(expected, actual, _with_compare(record, "values"))
    if expected.dtype.kind == "f" and actual.dtype != expected.dtype:
        return compare_values(expected, actual, _with_compare(record, "values"))
    if not np.any(expected):
        if np.any(actual):
            return _fail("values", record, f"{record.what}: すべて 0 で初期化してください。",
                         f"{record.what}: should be all zeros.")
        return None
    n = expected.size
    e_std, a_std = float(np.std(expected)), float(np.std(actual))
    # The ratio of two independent sample standard deviations has a relative spread of
    # about 1 / sqrt(n): allow five of those.
    tol = 5.0 / math.sqrt(n)
    if abs(a_std / e_std - 1) > tol or abs(float(np.mean(actual))) > 5 * e_std / math.sqrt(n):
        return _fail("distribution", record,
                     f"{record.what}: 標準偏差が {a_std:.4g} です (期待 {e_std:.4g}、平均 0)。初期化の係数を確認してください。",
                     f"{record.what}: standard deviation {a_std:.4g}, expected {e_std:.4g} with mean 0: "
                     f"check the scale of the initialisation.",
                     expected_std=e_std, actual_std=a_std, actual_mean=float(np.mean(actual)))
    return None


def _with_compare(record, mode):
    from copy import copy

    r = copy(record)
    r.context = dict(record.context, compare=mode)
    return r
