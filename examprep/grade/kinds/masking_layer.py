"""Kind `masking_layer`: a layer that multiplies its input by a random mask (dropout).

Learners draw random numbers in many valid ways (np.random.rand, random.binomial,
a Generator ...) and scale in two valid conventions (the book's: keep values
unchanged in training and multiply by 1 - ratio at inference; PyTorch's inverted
dropout: divide by 1 - ratio in training and pass through at inference). So the
learner's layer is graded by the properties every correct one has, not by its
exact mask:

    training output = x * mask * s, mask of 0s and 1s, s one constant
    the fraction kept is 1 - ratio (within 5 standard deviations of a binomial)
    a second training call draws a new mask
    backward(dout) = dout * mask * s with the forward's own mask
    inference output is deterministic and equals x * c with c = s * (1 - ratio),
    so the expected output is the same in training and inference

Case keys:
    name         short description
    init_kwargs  constructor keyword specs
    ratio        the drop probability (the value of the constructor's dropout_ratio)
    x            array spec of the input (use a large one: the kept fraction is a statistic)
    dtypes       ['float64'] by default
"""
import numpy as np

from examprep.problem import casegen
from examprep.grade.kinds import LearnerRaised, Record, check_keys, guarded, validate_dtypes

KEYS = {"name", "init_kwargs", "ratio", "x", "dtypes"}


def validate_case(case, target_names):
    check_keys(case, KEYS, required=("ratio", "x"))
    if len(target_names) != 1:
        raise ValueError("targets: a masking layer problem has exactly one target class")
    if not (isinstance(case["ratio"], float) and 0 < case["ratio"] < 1):
        raise ValueError("ratio: expected a drop probability between 0 and 1")
    casegen.validate(case["x"], "x")
    casegen.validate(list(case.get("init_kwargs", {}).values()), "init_kwargs")
    validate_dtypes(case)


def _check(ok, code, ja, en, **details):
    return {"ok": bool(ok), "code": code, "ja": ja, "en": en, **details}


def run(namespace, case, dtype, seed, learner, target_names):
    rng = np.random.default_rng(seed)
    x = casegen.build(case["x"], rng, dtype)
    init_kwargs = {k: casegen.build(v, rng, dtype) for k, v in case.get("init_kwargs", {}).items()}
    dout = rng.standard_normal(x.shape).astype(dtype)
    ratio = case["ratio"]
    name = case["name"]
    context = {"x": list(x.shape), "init_kwargs": init_kwargs, "ratio": ratio}
    records = []

    def rec(stage, what, **kw):
        r = Record(stage, name, dtype, what, context=dict(context), **kw)
        records.append(r)
        return r

    if np.any(x == 0):
        raise ValueError("masking_layer cases need an input without zeros (use an 'away' spec)")
    np.random.seed(seed % (2 ** 32))  # the learner's global-state draws are repeatable too
    try:
        layer = guarded(namespace[target_names[0]], **init_kwargs)
        train = guarded(layer.forward, x.copy(), train_flg=True)
    except LearnerRaised as exc:
        rec("output", "forward (training)", error=exc.info)
        return records
    # A property check, never a value compared with the reference's: the masks are random.
    shape_ok = isinstance(train, np.ndarray) and train.shape == x.shape
    rec("output", "forward (training)", check=_check(
        shape_ok, "shape", "訓練時の出力は x と同じ形の配列にしてください。",
        "The training output must be an array shaped like x.",
        expected_shape=list(x.shape), actual_shape=list(np.shape(train))))
    if not shape_ok:
        return records
    kept = train != 0
    scales = train[kept] / x[kept]
    s = float(np.median(scales)) if scales.size else 0.0
    same_scale = scales.size > 0 and np.allclose(scales, s, rtol=1e-5, atol=0)
    rec("output", "kept values scaled by one constant", check=_check(
        same_scale, "mask_values",
        "残った要素は x に同じ定数を掛けた値 (本の方式は 1 倍) でなければなりません。",
        "Kept values must be x times one constant (1 in the book's convention).",
        scales_seen=[float(v) for v in np.unique(np.round(scales, 6))[:5]]))
    if not same_scale:
        return records
    keep = float(kept.mean())
    n = kept.size
    sd = np.sqrt(ratio * (1 - ratio) / n)
    rec("output", "fraction of units kept", check=_check(
        abs(keep - (1 - ratio)) <= 5 * sd, "keep_rate",
        f"残す割合は 1 - dropout_ratio = {1 - ratio:.2f} のはずが {keep:.3f} でした"
        f"(ratio は捨てる割合です。比較の向き > / < を確認)。",
        f"The fraction kept should be 1 - dropout_ratio = {1 - ratio:.2f} but was {keep:.3f} "
        f"(the ratio is the fraction dropped: check the direction of the comparison).",
        expected=1 - ratio, actual=keep))
    if records[-1].check["ok"] is False:
        return records

    try:
        dx = guarded(layer.backward, dout.copy())
    except LearnerRaised as exc:
        rec("backward", "backward", error=exc.info)
        return records
    expected_dx = dout * kept * s
    ok = isinstance(dx, np.ndarray) and dx.shape == x.shape and np.allclose(dx, expected_dx, rtol=1e-5, atol=1e-12)
    rec("backward", "backward uses the forward's mask", check=_check(
        ok, "backward_mask",
        "backward は順伝播と同じマスク (と同じ倍率) を dout に掛けて返してください。",
        "backward must multiply dout by the same mask (and scale) the forward pass used."))
    if not ok:
        return records

    try:
        train2 = guarded(layer.forward, x.copy(), train_flg=True)
        test1 = guarded(layer.forward, x.copy(), train_flg=False)
        test2 = guarded(layer.forward, x.copy(), train_flg=False)
    except LearnerRaised as exc:
        rec("output", "forward (inference)", error=exc.info)
        return records
    fresh = isinstance(train2, np.ndarray) and train2.shape == x.shape and np.any((train2 != 0) != kept)
    rec("output", "a new mask on every training call", check=_check(
        fresh, "fresh_mask",
        "訓練時の forward は呼ぶたびに新しいマスクを作ってください。",
        "Each training forward call must draw a new mask."))
    if not fresh:
        return records
    c = s * (1 - ratio)
    ok = (isinstance(test1, np.ndarray) and isinstance(test2, np.ndarray) and test1.shape == x.shape
          and np.array_equal(test1, test2) and np.allclose(test1, x * c, rtol=1e-5, atol=1e-12))
    rec("output", "inference output keeps the expectation", check=_check(
        ok, "inference_scale",
        f"推論時は毎回同じ出力 x * {c:.3g} にしてください (訓練時の期待値と一致させる: "
        f"本の方式なら x * (1 - dropout_ratio))。",
        f"At inference the output must be deterministic and equal x * {c:.3g}, so that its expectation "
        f"matches training (the book's convention: x * (1 - dropout_ratio)).",
        expected_scale=c))
    if not ok:
        return records
    rec("output", "dtype kept", check=_check(
        train.dtype == x.dtype and test1.dtype == x.dtype, "dtype",
        f"入力が {x.dtype} なら出力も {x.dtype} にしてください (出力は {train.dtype}, {test1.dtype})。",
        f"A {x.dtype} input must give a {x.dtype} output (got {train.dtype} and {test1.dtype}).",
        expected_dtype=str(x.dtype), actual_dtype=f"{train.dtype}, {test1.dtype}"))
    return records
