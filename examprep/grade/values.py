"""One value model: compare a value the learner's code produced with the reference's.

The comparison dispatches on the type of the expected value: None, bool, int, float (and
numpy scalars, 0-d arrays), array, tuple / list, dict. A record's `mode` (from the
reference's record, set by the case's `compare:` key) chooses how:

    allclose        (default) relative error ‖actual − expected‖∞ / ‖expected‖∞ ≤ rtol, or an
                    absolute error ≤ atol (the floor for values expected to be 0, computed
                    as 1e-17 by one side and 0 by the other)
    exact           equal values (integers, indices, booleans)
    set             the same elements in any order (a 1-D sequence, or the rows of a 2-D array)
    sign_invariant  equal up to the sign of each column (eigenvectors, PCA components)
    [m1, m2, ...]   a tuple / list returned: element i compared with mode m_i (PCA's sign-invariant
                    projection next to its explained ratios, whose sign is not free)
    moments         random output: same structure, zeros where the reference has zeros, mean
                    and standard deviation within sampling error
    distribution    random samples of any distribution (an array, or a dict / tuple of them): the
                    same structure and shape, and a two-sample Kolmogorov-Smirnov test of the
                    answer's values against the reference's (the answer may draw in any order,
                    from any generator; false rejection probability about 1e-7 per array)

Tolerances: float64 rtol 1e-6, atol 1e-12; float32 rtol 1e-4, atol 1e-6 (a float32 case,
`tolerance: float32`, or a reference that computes in float32 itself). dtype is advice:
right values in float64 for a float32 input pass, with a note on what it costs.
"""
import math

import numpy as np

from examprep.grade import hints
from examprep.grade.failure import about
from examprep.grade.kinds.record import Opaque

TOLERANCE = {"float64": 1e-6, "float32": 1e-4}
FLOOR = {"float64": 1e-12, "float32": 1e-6}
MODES = ("allclose", "exact", "set", "sign_invariant", "moments", "distribution")
# Two-sample KS critical value c(alpha) = sqrt(-ln(alpha / 2) / 2): 2.9 gives alpha ~ 1e-7.
KS_C = 2.9


def dtype_note(notes, expected_dtype, actual_dtype, record):
    """Advice, once per verdict: a float32 input gave float64 values (right values pass)."""
    if notes is None or any(n.get("code") == "dtype" for n in notes):
        return
    notes.append({"code": "dtype",
                  "ja": f"{record.what}: {expected_dtype} の入力から {actual_dtype} の配列が返りました。値は正しいので合格ですが、"
                        f"float64 は float32 の 2 倍のメモリを使い、capstone の行列積も約 2 倍遅くなります。"
                        f"新しく作る配列には dtype=x.dtype を指定しましょう (np.zeros(..., dtype=x.dtype))。",
                  "en": f"{record.what}: a {expected_dtype} input gave a {actual_dtype} array. The values are right, so "
                        f"it passes, but float64 takes twice the memory of float32 and makes the capstone's matrix "
                        f"products about twice as slow: create new arrays with dtype=x.dtype "
                        f"(np.zeros(..., dtype=x.dtype))."})


def _precision(record, expected, mode):
    if (mode or {}).get("tolerance") == "float32" or record.dtype == "float32":
        return "float32"
    if isinstance(expected, (np.ndarray, np.floating)) and expected.dtype == np.float32:
        return "float32"  # the reference itself computes in float32 (❷'s Time layers)
    return "float64"


def _tolerances(record, expected, mode):
    mode = mode or {}
    precision = _precision(record, expected, mode)
    return float(mode.get("rtol", TOLERANCE[precision])), float(mode.get("atol", FLOOR[precision]))


def _is_number(value):
    return isinstance(value, (int, float, np.number)) and not isinstance(value, (bool, np.bool_))


def _type_name(value):
    if isinstance(value, np.ndarray):
        return f"ndarray{value.shape}"
    if isinstance(value, Opaque):
        return value.type_name
    return type(value).__name__


def _sub(record, suffix):
    from copy import copy

    sub = copy(record)
    sub.what = record.what + suffix
    return sub


def compare_values(expected, actual, record, mode=None, notes=None):
    """None when actual agrees with expected under mode; else a Failure about record."""
    mode = mode or {}
    how = mode.get("compare", "allclose")
    if isinstance(how, list):
        if isinstance(expected, (tuple, list)) and len(expected) == len(how):
            if not isinstance(actual, (tuple, list)) or len(actual) != len(expected):
                return _compare_sequence(expected, actual, record, dict(mode, compare="allclose"), notes)
            for i, (e, a, m) in enumerate(zip(expected, actual, how)):
                failure = compare_values(e, a, _sub(record, f"[{i}]"), dict(mode, compare=m), notes)
                if failure:
                    return failure
            return None
        raise TypeError(f"compare: {how!r} names one mode per returned value, but the reference returned "
                        f"{_type_name(expected)}")
    if how == "moments":
        return _compare_moments(expected, actual, record, notes)
    if how == "distribution":
        return _compare_distribution(expected, actual, record, notes)
    if expected is None:
        if actual is None or mode.get("none") == "any":
            return None
        return about(record, "type", f"{record.what}: 何も返さない (None) はずです (返り値は {_type_name(actual)})。",
                     f"{record.what}: expected nothing (None), got {_type_name(actual)}.")
    if isinstance(expected, (bool, np.bool_)):
        if isinstance(actual, (bool, np.bool_)) and bool(actual) == bool(expected):
            return None
        return about(record, "values", f"{record.what}: {bool(expected)} のはずが {actual!r} でした。",
                     f"{record.what}: expected {bool(expected)}, got {actual!r}.")
    if isinstance(expected, dict):
        return _compare_dict(expected, actual, record, mode, notes)
    if isinstance(expected, (tuple, list)):
        if how == "set":
            return _compare_set(expected, actual, record, mode)
        return _compare_sequence(expected, actual, record, mode, notes)
    if _is_number(expected) or (isinstance(expected, np.ndarray) and expected.ndim == 0):
        return _compare_scalar(expected, actual, record, mode)
    if isinstance(expected, np.ndarray):
        if how == "set":
            return _compare_set(expected, actual, record, mode)
        return _compare_array(expected, actual, record, mode, notes)
    if isinstance(expected, str):
        if actual == expected:
            return None
        return about(record, "values", f"{record.what}: {expected!r} のはずが {actual!r} でした。",
                     f"{record.what}: expected {expected!r}, got {actual!r}.")
    raise TypeError(f"the reference produced a value the grader cannot compare: {_type_name(expected)}")


def _compare_dict(expected, actual, record, mode, notes):
    if not isinstance(actual, dict):
        return about(record, "type", f"{record.what}: dict を返してください (返り値は {_type_name(actual)})。",
                     f"{record.what}: expected a dict, got {_type_name(actual)}.")
    if set(actual) != set(expected):
        return about(record, "keys", f"{record.what}: キーが違います。期待 {sorted(expected)}, 実際 {sorted(actual)}。",
                     f"{record.what}: wrong keys: expected {sorted(expected)}, got {sorted(actual)}.",
                     expected_keys=sorted(expected), actual_keys=sorted(actual))
    for key in expected:
        failure = compare_values(expected[key], actual[key], _sub(record, f"[{key!r}]"), mode, notes)
        if failure:
            return failure
    return None


def _compare_sequence(expected, actual, record, mode, notes):
    if isinstance(actual, np.ndarray) and actual.ndim >= 1 and isinstance(expected, list):
        actual = list(actual)  # a list of numbers returned as an array is the same answer
    kind = "タプル" if isinstance(expected, tuple) else "リスト"
    if not isinstance(actual, (tuple, list)) or len(actual) != len(expected):
        got = f"{len(actual)} values" if isinstance(actual, (tuple, list)) else _type_name(actual)
        return about(record, "type", f"{record.what}: 値を {len(expected)} 個 ({kind}で) 返してください (返り値は {got})。",
                     f"{record.what}: expected a {type(expected).__name__} of {len(expected)} values, got {got}.",
                     expected_length=len(expected))
    for i, (e, a) in enumerate(zip(expected, actual)):
        failure = compare_values(e, a, _sub(record, f"[{i}]"), mode, notes)
        if failure:
            return failure
    return None


def _compare_scalar(expected, actual, record, mode):
    exact_int = isinstance(expected, (int, np.integer)) or mode.get("compare") == "exact"
    expected = float(expected)
    if isinstance(actual, np.ndarray) and actual.size == 1 and actual.dtype.kind in "biuf":
        actual = actual.reshape(())
    if not (_is_number(actual) or (isinstance(actual, np.ndarray) and actual.ndim == 0 and actual.dtype.kind in "iuf")):
        return about(record, "type", f"{record.what}: 数値 (スカラー) を返してください (返り値は {_type_name(actual)})。",
                     f"{record.what}: expected a number (a scalar), got {_type_name(actual)}.",
                     actual_type=_type_name(actual))
    value = float(actual)
    if not math.isfinite(value):
        return hints.nonfinite(record) if math.isfinite(expected) else None
    if exact_int:
        if value == expected:
            return None
        return about(record, "values", f"{record.what}: 値が違います。期待 {expected:.10g}、実際 {value:.10g}。",
                     f"{record.what}: wrong value: expected {expected:.10g}, got {value:.10g}.",
                     expected=expected, actual=value)
    rtol, atol = _tolerances(record, expected, mode)
    err = abs(value - expected) / max(abs(expected), 1e-300)
    if err <= rtol or abs(value - expected) <= atol:
        return None
    hint_ja, hint_en = hints.scalar_pattern(expected, value, record)
    return about(record, "values",
                 f"{record.what}: 値が違います。期待 {expected:.6g}、実際 {value:.6g} (相対誤差 {err:.2e})。{hint_ja}",
                 f"{record.what}: wrong value: expected {expected:.6g}, got {value:.6g} (relative error {err:.2e}). "
                 f"{hint_en}".rstrip(),
                 expected=expected, actual=value, relative_error=err, tolerance=rtol)


def _numeric_array(values):
    """values (a list or tuple of numbers, or of such lists) as a numeric array, or None."""
    try:
        a = np.asarray(values)
    except (ValueError, TypeError):   # ragged
        return None
    return a if a.dtype.kind in "biuf" else None


def _not_an_array(actual, record):
    if isinstance(actual, (list, tuple)):
        ja_extra, en_extra = " (リストではなく NumPy 配列)", " (a NumPy array, not a list)"
    elif _is_number(actual):
        ja_extra, en_extra = (" (スカラーではなく配列。sum/mean の axis を確認)",
                              " (an array, not a scalar: check the axis of sum/mean)")
    else:
        ja_extra, en_extra = "", ""
    return about(record, "type", f"{record.what}: NumPy 配列を返してください{ja_extra}。返り値は {_type_name(actual)} でした。",
                 f"{record.what}: expected a NumPy array{en_extra}, got {_type_name(actual)}.",
                 actual_type=_type_name(actual))


def _compare_array(expected, actual, record, mode, notes):
    if isinstance(actual, (list, tuple)) and expected.ndim >= 1:
        as_array = _numeric_array(actual)   # indices returned as a list are the same answer as an index array
        if as_array is not None and as_array.shape == expected.shape:
            actual = as_array
    if not isinstance(actual, np.ndarray):
        return _not_an_array(actual, record)
    if actual.shape != expected.shape:
        return hints.shape_failure(expected, actual, record)
    if actual.dtype.kind not in "biuf":
        return about(record, "dtype", f"{record.what}: 数値の配列ではありません (dtype {actual.dtype})。",
                     f"{record.what}: not a numeric array (dtype {actual.dtype}).",
                     expected_dtype=str(expected.dtype), actual_dtype=str(actual.dtype))
    how = mode.get("compare", "allclose")
    if expected.dtype.kind in "iub" or how == "exact":
        if np.array_equal(actual, expected):
            return None
        bad = int(np.sum(actual != expected))
        return about(record, "values", f"{record.what}: {bad} 個の要素が違います。",
                     f"{record.what}: {bad} element(s) differ.", differing=bad)
    a = _float64(actual)
    e = _float64(expected)
    if how == "sign_invariant":
        a = _align_signs(e, a)
    failure = _close_arrays(e, a, record, _tolerances(record, expected, mode))
    if failure is None and actual.dtype != expected.dtype and record.dtype == "float32" \
            and actual.dtype == np.float64:
        dtype_note(notes, expected.dtype, actual.dtype, record)
    return failure


def _float64(x):
    """x as float64. A signalling NaN (uninitialised memory: an np.empty((N, T, H), dtype='f') the answer left
    unfilled) raises the invalid flag when cast, and numpy warned 'invalid value encountered in cast'; it is a NaN
    either way, judged as any other."""
    with np.errstate(invalid="ignore"):
        return x.astype(np.float64)


def _align_signs(e, a):
    """a with each column's sign (a vector's sign) chosen to agree with e."""
    if e.ndim == 0 or e.size == 0:
        return a
    if e.ndim == 1:
        return a if float(np.dot(e, a)) >= 0 else -a
    signs = np.where(np.sum(e * a, axis=tuple(range(e.ndim - 1))) >= 0, 1.0, -1.0)
    return a * signs


def _close_arrays(e, a, record, tolerances):
    rtol, atol = tolerances
    if not np.all(np.isfinite(a)) and np.all(np.isfinite(e)):
        return hints.nonfinite(record)
    if e.size == 0:
        return None
    finite = np.isfinite(e)
    if not (np.array_equal(np.isfinite(a), finite) and np.array_equal(a[~finite], e[~finite], equal_nan=True)):
        return about(record, "values", f"{record.what}: inf / NaN の位置が違います。",
                     f"{record.what}: inf / NaN where the reference has none, or the other way round.")
    diff = np.where(finite, np.abs(a - np.where(finite, e, 0.0)), 0.0)
    scale = float(np.max(np.abs(np.where(finite, e, 0.0))))
    abs_err = float(np.max(diff))
    rel = abs_err / max(scale, 1e-300)
    if rel <= rtol or abs_err <= atol:
        return None
    ja, en = hints.array_pattern(np.where(finite, e, 0.0), np.where(finite, a, 0.0), record)
    worst = np.unravel_index(int(np.argmax(diff)), e.shape)
    at = tuple(int(i) for i in worst)
    return about(record, "values",
                 f"{record.what}: 値が違います (最大絶対誤差 {abs_err:.3g}、相対誤差 {rel:.2e}、"
                 f"位置 {at} で期待 {e[worst]:.6g}、実際 {a[worst]:.6g})。{ja}",
                 f"{record.what}: wrong values (max absolute error {abs_err:.3g}, relative error {rel:.2e}; at index "
                 f"{at} expected {e[worst]:.6g}, got {a[worst]:.6g}).{en}",
                 max_abs_error=abs_err, max_rel_error=rel, tolerance=rtol, index=list(at))


def _compare_set(expected, actual, record, mode):
    """The same elements in any order: a 1-D sequence, or the rows of a 2-D array."""
    e = np.asarray(expected)
    if isinstance(actual, (list, tuple)):
        try:
            a = np.asarray(actual)
        except (ValueError, TypeError):
            a = None
    else:
        a = actual
    if not isinstance(a, np.ndarray) or a.dtype.kind not in "biuf":
        return about(record, "type", f"{record.what}: 値の並び (リストか配列) を返してください (返り値は {_type_name(actual)})。",
                     f"{record.what}: expected a sequence (a list or an array), got {_type_name(actual)}.")
    if e.ndim >= 1 and e.size == 0 and a.size == 0:
        return None
    if a.ndim != e.ndim or a.shape[0] != e.shape[0] or a.shape[1:] != e.shape[1:]:
        return about(record, "values",
                     f"{record.what}: 要素の数が違います。期待 {e.shape[0] if e.ndim else 1} 個、実際 {a.shape[0] if a.ndim else 1} 個。",
                     f"{record.what}: wrong number of elements: expected {e.shape[0] if e.ndim else 1}, "
                     f"got {a.shape[0] if a.ndim else 1}.", expected_shape=list(e.shape), actual_shape=list(a.shape))

    def ordered(x):
        if x.ndim <= 1:
            return np.sort(x, kind="stable")
        rows = x.reshape(len(x), -1)
        return x[np.lexsort(rows.T[::-1])]

    se, sa = ordered(e), ordered(a)
    if e.dtype.kind in "iub" or mode.get("compare") == "exact":
        if np.array_equal(se, sa):
            return None
        missing = [v for v in np.unique(e).tolist() if v not in a.tolist()][:5] if e.ndim == 1 else []
        return about(record, "values",
                     f"{record.what}: 要素の集合が違います (順序は問いません)。" + (f" 足りない要素: {missing}" if missing else ""),
                     f"{record.what}: a different set of elements (order does not matter)."
                     + (f" Missing: {missing}" if missing else ""), missing=missing)
    return _close_arrays(_float64(se), _float64(sa), record, _tolerances(record, e, mode))


def _compare_moments(expected, actual, record, notes):
    """For random outputs: the same structure, zeros where the reference has zeros, and
    mean and standard deviation within sampling error of the reference's."""
    values_mode = {"compare": "allclose"}
    if isinstance(expected, dict):
        if not isinstance(actual, dict) or set(actual) != set(expected):
            return compare_values(expected, actual, record, values_mode, notes)
        for key in expected:
            failure = _compare_moments(expected[key], actual[key], _sub(record, f"[{key!r}]"), notes)
            if failure:
                return failure
        return None
    if not isinstance(expected, np.ndarray):
        return compare_values(expected, actual, record, values_mode, notes)
    if not isinstance(actual, np.ndarray) or actual.shape != expected.shape or actual.dtype.kind != "f":
        return compare_values(expected, actual, record, values_mode, notes)
    if not np.any(expected):
        if np.any(actual):
            return about(record, "values", f"{record.what}: すべて 0 で初期化してください。",
                         f"{record.what}: should be all zeros.")
        return None
    n = expected.size
    e_std, a_std = float(np.std(expected)), float(np.std(actual))
    # The ratio of two independent sample standard deviations has a relative spread of
    # about 1 / sqrt(n): allow five of those.
    tol = 5.0 / math.sqrt(n)
    if not (abs(a_std / e_std - 1) <= tol and abs(float(np.mean(actual))) <= 5 * e_std / math.sqrt(n)):
        return about(record, "distribution",
                     f"{record.what}: 標準偏差が {a_std:.4g} です (期待 {e_std:.4g}、平均 0)。初期化の係数を確認してください。",
                     f"{record.what}: standard deviation {a_std:.4g}, expected {e_std:.4g} with mean 0: "
                     f"check the scale of the initialisation.",
                     expected_std=e_std, actual_std=a_std, actual_mean=float(np.mean(actual)))
    if actual.dtype != expected.dtype and record.dtype == "float32" and actual.dtype == np.float64:
        dtype_note(notes, expected.dtype, actual.dtype, record)
    return None


def _compare_distribution(expected, actual, record, notes):
    """For random samples: the same structure and shapes, and the answer's values distributed as the
    reference's (two-sample Kolmogorov-Smirnov statistic below KS_C · sqrt((n + m) / (n m)))."""
    if isinstance(expected, dict) and isinstance(actual, dict) and set(actual) == set(expected):
        for key in expected:
            failure = _compare_distribution(expected[key], actual[key], _sub(record, f"[{key!r}]"), notes)
            if failure:
                return failure
        return None
    if isinstance(expected, (tuple, list)) and isinstance(actual, (tuple, list)) and len(actual) == len(expected):
        for i, (e, a) in enumerate(zip(expected, actual)):
            failure = _compare_distribution(e, a, _sub(record, f"[{i}]"), notes)
            if failure:
                return failure
        return None
    if not (isinstance(expected, np.ndarray) and isinstance(actual, np.ndarray) and actual.shape == expected.shape
            and actual.dtype.kind in "biuf" and expected.size > 1):
        return compare_values(expected, actual, record, {"compare": "allclose"}, notes)  # names the difference
    e = np.sort(_float64(expected).ravel())
    a = np.sort(_float64(actual).ravel())
    if not np.all(np.isfinite(a)):
        return hints.nonfinite(record)
    grid = np.concatenate([e, a])
    d = float(np.max(np.abs(np.searchsorted(e, grid, side="right") / e.size
                            - np.searchsorted(a, grid, side="right") / a.size)))
    limit = KS_C * math.sqrt((e.size + a.size) / (e.size * a.size))
    if d <= limit:
        return None
    return about(record, "distribution",
                 f"{record.what}: 値の分布が違います (2 標本コルモゴロフ-スミルノフ統計量 {d:.3f}、許容 {limit:.3f})。"
                 f"範囲 {e[0]:.3g} 〜 {e[-1]:.3g}、中央値 {np.median(e):.3g} のはずが、範囲 {a[0]:.3g} 〜 {a[-1]:.3g}、"
                 f"中央値 {np.median(a):.3g} でした。範囲と尺度 (対数一様なら 10 ** uniform(low, high)) を確認してください。",
                 f"{record.what}: the values are not distributed as expected (two-sample Kolmogorov-Smirnov statistic "
                 f"{d:.3f}, allowed {limit:.3f}): expected range {e[0]:.3g} to {e[-1]:.3g} with median {np.median(e):.3g}, "
                 f"got {a[0]:.3g} to {a[-1]:.3g} with median {np.median(a):.3g}. Check the range and the scale "
                 f"(log-uniform: 10 ** uniform(low, high)).",
                 statistic=d, limit=limit)
