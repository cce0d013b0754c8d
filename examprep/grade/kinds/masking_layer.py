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
    scaling      'any' (default: both conventions pass), 'inverted' (training must scale kept values by
                 1 / (1 - ratio), inference pass x through) or 'book' (training keeps values unchanged,
                 inference scales by 1 - ratio): for a drill that states one convention
"""
import numpy as np

from examprep.problem import casegen
from examprep.grade.failure import about
from examprep.grade.kinds import LearnerRaised, Record, check_keys, guarded, observe, validate_dtypes

KEYS = {"name", "init_kwargs", "ratio", "x", "dtypes", "scaling"}
SCALINGS = ("any", "inverted", "book")


def validate_case(case, target_names):
    check_keys(case, KEYS, required=("ratio", "x"))
    if len(target_names) != 1:
        raise ValueError("targets: a masking layer problem has exactly one target class")
    if not (isinstance(case["ratio"], float) and 0 < case["ratio"] < 1):
        raise ValueError("ratio: expected a drop probability between 0 and 1")
    if case.get("scaling", "any") not in SCALINGS:
        raise ValueError(f"scaling: expected one of {list(SCALINGS)}, got {case.get('scaling')!r}")
    casegen.validate(case["x"], "x")
    casegen.validate(list(case.get("init_kwargs", {}).values()), "init_kwargs")
    validate_dtypes(case)


def run(namespace, case, dtype, seed, learner, target_names):
    """Raw outputs of a training call, backward, a second training call and two inference calls."""
    rng = np.random.default_rng(seed)
    x = casegen.build(case["x"], rng, dtype)
    init_kwargs = {k: casegen.build(v, rng, dtype) for k, v in case.get("init_kwargs", {}).items()}
    dout = rng.standard_normal(x.shape).astype(dtype)
    ratio = case["ratio"]
    name = case["name"]
    context = {"x": list(x.shape), "init_kwargs": init_kwargs, "ratio": ratio}
    given = {"x": x, "dout": dout, "ratio": ratio, "scaling": case.get("scaling", "any")}
    if np.any(x == 0):
        raise ValueError("masking_layer cases need an input without zeros (use an 'away' spec)")
    records = []

    def rec(stage, what, check, **observed):
        r = Record(stage, name, dtype, what, check=check, compared=False, observed={**given, **observed},
                   context=dict(context))
        records.append(r)
        return r

    np.random.seed(seed % (2 ** 32))  # the learner's global-state draws are repeatable too
    train_rec = rec("output", "forward (training)", "masking_train")
    try:
        layer = guarded(namespace[target_names[0]], **init_kwargs)
        train = observe(guarded(layer.forward, x.copy(), train_flg=True))
    except LearnerRaised as exc:
        train_rec.error = exc.info
        return records
    train_rec.observed["train"] = train
    back_rec = rec("backward", "backward uses the forward's mask", "masking_backward", train=train)
    try:
        back_rec.observed["dx"] = observe(guarded(layer.backward, dout.copy()))
    except LearnerRaised as exc:
        back_rec.error = exc.info
        return records
    later = rec("output", "a new mask on every training call", "masking_fresh", train=train)
    inference = rec("output", "inference output keeps the expectation", "masking_inference", train=train)
    kept_dtype = rec("output", "dtype kept", "masking_dtype", train=train)
    try:
        later.observed["train2"] = observe(guarded(layer.forward, x.copy(), train_flg=True))
        for key in ("test1", "test2"):
            inference.observed[key] = observe(guarded(layer.forward, x.copy(), train_flg=False))
    except LearnerRaised as exc:
        for r in (later, inference, kept_dtype):
            r.error = exc.info
        return records
    kept_dtype.observed["test1"] = inference.observed["test1"]
    return records


# ----------------------------------------------------------------------------- judged in the parent


def _given(expected):
    return expected.observed["x"], expected.observed["dout"], expected.observed["ratio"]


def _scale(train, x):
    """(kept mask, the scale of kept values, whether every kept value has that one scale)."""
    kept = train != 0
    scales = train[kept] / x[kept]
    s = float(np.median(scales)) if scales.size else 0.0
    return kept, s, bool(scales.size > 0 and np.allclose(scales, s, rtol=1e-5, atol=0)), scales


def _shaped(value, x):
    return isinstance(value, np.ndarray) and value.shape == x.shape and value.dtype.kind in "fiu"


def check_train(expected, actual, notes=None):
    x, _, ratio = _given(expected)
    train = actual.observed.get("train")
    if not _shaped(train, x):
        return about(actual, "shape", "訓練時の出力は x と同じ形の配列にしてください。",
                     "The training output must be an array shaped like x.",
                     expected_shape=list(x.shape), actual_shape=list(np.shape(train)) if train is not None else None)
    kept, s, same_scale, scales = _scale(train, x)
    if not same_scale:
        return about(actual, "mask_values",
                     "残った要素は x に同じ定数を掛けた値 (本の方式は 1 倍) でなければなりません。",
                     "Kept values must be x times one constant (1 in the book's convention).",
                     scales_seen=[float(v) for v in np.unique(np.round(scales, 6))[:5]])
    keep = float(kept.mean())
    sd = np.sqrt(ratio * (1 - ratio) / kept.size)
    if abs(keep - (1 - ratio)) > 5 * sd:
        return about(actual, "keep_rate",
                     f"残す割合は 1 - dropout_ratio = {1 - ratio:.2f} のはずが {keep:.3f} でした"
                     f"(ratio は捨てる割合です。比較の向き > / < を確認)。",
                     f"The fraction kept should be 1 - dropout_ratio = {1 - ratio:.2f} but was {keep:.3f} "
                     f"(the ratio is the fraction dropped: check the direction of the comparison).",
                     expected=1 - ratio, actual=keep)
    return _check_scaling(expected, actual, s, ratio)


def _check_scaling(expected, actual, s, ratio):
    """The convention the drill states (case key `scaling`, read from the reference's record)."""
    scaling = expected.observed.get("scaling", "any")
    if scaling == "inverted" and not np.isclose(s, 1 / (1 - ratio), rtol=1e-5):
        return about(actual, "scaling",
                     f"このドリルは inverted dropout です: 訓練時に残した値を 1 / (1 - dropout_ratio) = "
                     f"{1 / (1 - ratio):.4g} 倍し、推論時は x をそのまま返します。あなたの訓練時の倍率は {s:.4g} でした"
                     f"{' (書籍の Dropout の方式: 推論時に 1 - dropout_ratio を掛ける)' if np.isclose(s, 1) else ''}。",
                     f"This drill is inverted dropout: training scales the kept values by 1 / (1 - dropout_ratio) = "
                     f"{1 / (1 - ratio):.4g} and inference returns x unchanged. Your training scale was {s:.4g}"
                     f"{' (the book Dropout convention: scaling by 1 - dropout_ratio at inference)' if np.isclose(s, 1) else ''}.",
                     expected_scale=1 / (1 - ratio), actual_scale=s)
    if scaling == "book" and not np.isclose(s, 1.0, rtol=1e-5):
        return about(actual, "scaling",
                     f"このドリルは書籍の Dropout の方式です: 訓練時は残した値をそのまま通し (倍率 1)、推論時に "
                     f"1 - dropout_ratio を掛けます。あなたの訓練時の倍率は {s:.4g} でした。",
                     f"This drill follows the book Dropout: training passes the kept values unchanged (scale 1) and "
                     f"inference multiplies by 1 - dropout_ratio. Your training scale was {s:.4g}.",
                     expected_scale=1.0, actual_scale=s)
    return None


def check_backward(expected, actual, notes=None):
    x, dout, _ = _given(expected)
    train, dx = actual.observed.get("train"), actual.observed.get("dx")
    ok = _shaped(train, x) and _shaped(dx, x)
    if ok:
        kept, s, _, _ = _scale(train, x)
        ok = np.allclose(dx, dout * kept * s, rtol=1e-5, atol=1e-12)
    if ok:
        return None
    return about(actual, "backward_mask", "backward は順伝播と同じマスク (と同じ倍率) を dout に掛けて返してください。",
                 "backward must multiply dout by the same mask (and scale) the forward pass used.")


def check_fresh(expected, actual, notes=None):
    x = expected.observed["x"]
    train, train2 = actual.observed.get("train"), actual.observed.get("train2")
    if _shaped(train, x) and _shaped(train2, x) and np.any((train2 != 0) != (train != 0)):
        return None
    return about(actual, "fresh_mask", "訓練時の forward は呼ぶたびに新しいマスクを作ってください。",
                 "Each training forward call must draw a new mask.")


def check_inference(expected, actual, notes=None):
    x, _, ratio = _given(expected)
    train = actual.observed.get("train")
    test1, test2 = actual.observed.get("test1"), actual.observed.get("test2")
    c = _scale(train, x)[1] * (1 - ratio) if _shaped(train, x) else 1 - ratio
    ok = (_shaped(test1, x) and _shaped(test2, x) and np.array_equal(test1, test2)
          and np.allclose(test1, x * c, rtol=1e-5, atol=1e-12))
    if ok:
        return None
    return about(actual, "inference_scale",
                 f"推論時は毎回同じ出力 x * {c:.3g} にしてください (訓練時の期待値と一致させる: "
                 f"本の方式なら x * (1 - dropout_ratio))。",
                 f"At inference the output must be deterministic and equal x * {c:.3g}, so that its expectation "
                 f"matches training (the book's convention: x * (1 - dropout_ratio)).", expected_scale=c)


def check_dtype(expected, actual, notes=None):
    """dtype is advice: right values in another float dtype pass, with a note (examprep.grade.values)."""
    from examprep.grade import values

    x = expected.observed["x"]
    for out in (actual.observed.get("train"), actual.observed.get("test1")):
        if _shaped(out, x) and out.dtype != x.dtype:
            values.dtype_note(notes, x.dtype, out.dtype, actual)
            break
    return None


CHECKS = {"masking_train": check_train, "masking_backward": check_backward, "masking_fresh": check_fresh,
          "masking_inference": check_inference, "masking_dtype": check_dtype}
