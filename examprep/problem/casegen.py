"""Turning the argument specs of a problem's cases into concrete, seeded values.

A spec is a literal (number, string, bool, null, or a list of specs), or a
mapping with exactly one generator key:

    {normal: SHAPE, scale: 1, shift: 0}    shift + scale * N(0, 1)
    {uniform: SHAPE, low: 0, high: 1}
    {away: SHAPE, margin: 0.1, scale: 1}   random sign times (margin + scale * |N(0, 1)|):
                                           never near 0 (ReLU kinks, tiny gradients)
    {distinct: SHAPE, scale: 2}            a shuffled grid in [-scale, scale): no ties (max pooling)
    {labels: N, classes: K}                integer labels in [0, K)
    {onehot: N, classes: K}                one-hot rows (float)
    {probs: SHAPE}                         rows of a softmax of N(0, 1): probabilities
    {array: NESTED_LIST, dtype: int64}     a literal array (the case's float dtype unless dtype is given)
    {randint: SHAPE, low: 0, high: V}      integers in [low, high) (int64; never cast to float)
    {indices: SHAPE, high: V, repeats: true}
                                           indices in [0, V) (int64); repeats: true forces at least one
                                           repeated index (np.add.at against dW[idx] += dout),
                                           false makes them all different
    {mask: SHAPE, p: 0.3}                  a boolean mask, True with probability p (at least one True and
                                           one False)
    {causal: T}                            (T, T) boolean, True above the diagonal: the future positions
                                           to mask
    {padding: [N, T], lengths: [...]}      (N, T) boolean, True at t >= lengths[n]: the padded positions
    {fn: NAME}                             a named scalar function of an array (see FUNCTIONS)
    {dict: {W1: SPEC, b1: SPEC}}           a dict of built values, keys in the given order (the book's
                                           params dicts)
    {rng: OFFSET}                          a numpy Generator seeded from the case seed

Float arrays take the case's dtype; integers (labels, randint, indices) stay int64 and masks bool.
"""
import numpy as np

GENERATORS = ("normal", "uniform", "away", "distinct", "labels", "onehot", "probs", "array", "fn", "rng",
              "randint", "indices", "mask", "causal", "padding", "dict")
OPTIONS = {"normal": {"scale", "shift"}, "uniform": {"low", "high"}, "away": {"margin", "scale"},
           "distinct": {"scale"}, "labels": {"classes"}, "onehot": {"classes"}, "array": {"dtype"},
           "randint": {"low", "high"}, "indices": {"high", "repeats"}, "mask": {"p"}, "padding": {"lengths"}}
ARRAY_DTYPES = ("float64", "float32", "int64", "int32", "bool")
SHAPED = ("normal", "uniform", "away", "distinct", "probs", "randint", "indices", "mask", "padding")


def _sum_of_squares(x):
    return np.sum(x ** 2)


def _weighted_sin(x):
    w = np.linspace(-1.5, 2.0, x.size).reshape(x.shape)
    return np.sum(np.sin(x) * w)


def _log_sum_exp(x):
    return np.log(np.sum(np.exp(x)))


def _grad_sum_of_squares(x):
    return 2 * x


def _grad_weighted_sin(x):
    w = np.linspace(-1.5, 2.0, x.size).reshape(x.shape)
    return np.cos(x) * w


def _grad_log_sum_exp(x):
    e = np.exp(x - np.max(x))
    return e / np.sum(e)


FUNCTIONS = {
    "sum_of_squares": _sum_of_squares,
    "weighted_sin": _weighted_sin,
    "log_sum_exp": _log_sum_exp,
    # their gradients (gradient functions passed in: integrated gradients, SmoothGrad ...)
    "grad_sum_of_squares": _grad_sum_of_squares,
    "grad_weighted_sin": _grad_weighted_sin,
    "grad_log_sum_exp": _grad_log_sum_exp,
}


def validate(spec, where="spec"):
    """Raise ValueError('<where>: <what>') if spec is not a valid argument spec."""
    if spec is None or isinstance(spec, (bool, int, float, str)):
        return
    if isinstance(spec, list):
        for i, item in enumerate(spec):
            validate(item, f"{where}[{i}]")
        return
    if not isinstance(spec, dict):
        raise ValueError(f"{where}: expected a literal or a generator mapping, got {type(spec).__name__}")
    keys = [k for k in spec if k in GENERATORS]
    if len(keys) != 1:
        raise ValueError(f"{where}: expected exactly one generator key out of {list(GENERATORS)}, got {list(spec)}")
    key = keys[0]
    if key in SHAPED:
        shape = spec[key]
        if not (isinstance(shape, list) and shape and all(isinstance(d, int) and d > 0 for d in shape)):
            raise ValueError(f"{where}.{key}: expected a shape such as [2, 3, 5, 5], got {shape!r}")
        _validate_integers(spec, key, where)
    elif key in ("labels", "onehot"):
        if not (isinstance(spec[key], int) and spec[key] > 0 and isinstance(spec.get("classes"), int)
                and spec["classes"] > 1):
            raise ValueError(f"{where}.{key}: expected a batch size and 'classes' (an integer > 1)")
    elif key == "causal":
        if not (isinstance(spec[key], int) and spec[key] > 0):
            raise ValueError(f"{where}.causal: expected a sequence length T > 0")
    elif key == "array" and spec.get("dtype", "float") not in ARRAY_DTYPES + ("float",):
        raise ValueError(f"{where}.dtype: expected one of {list(ARRAY_DTYPES)}")
    elif key == "dict":
        if not (isinstance(spec[key], dict) and spec[key] and all(isinstance(k, str) for k in spec[key])):
            raise ValueError(f"{where}.dict: expected a non-empty mapping of names to specs")
        for name, item in spec[key].items():
            validate(item, f"{where}.dict.{name}")
    elif key == "fn" and spec["fn"] not in FUNCTIONS:
        raise ValueError(f"{where}.fn: expected one of {sorted(FUNCTIONS)}, got {spec['fn']!r}")
    extra = set(spec) - {key} - OPTIONS.get(key, set())
    if extra:
        raise ValueError(f"{where}: option(s) {sorted(extra)} do not apply to '{key}' "
                         f"(it takes {sorted(OPTIONS.get(key, set())) or 'no options'})")


def _validate_integers(spec, key, where):
    if key in ("randint", "indices"):
        high, low = spec.get("high"), spec.get("low", 0)
        if not (isinstance(high, int) and isinstance(low, int) and high > low):
            raise ValueError(f"{where}.high: expected an integer bound above low ({low})")
        size = int(np.prod(spec[key]))
        if key == "indices" and spec.get("repeats") is True and size < 2:
            raise ValueError(f"{where}.repeats: needs at least 2 indices")
        if key == "indices" and spec.get("repeats") is False and size > high:
            raise ValueError(f"{where}.repeats: {size} different indices need high >= {size}")
    if key == "mask" and not (isinstance(spec.get("p", 0.5), (int, float)) and 0 < spec.get("p", 0.5) < 1):
        raise ValueError(f"{where}.p: expected a probability between 0 and 1")
    if key == "padding":
        lengths = spec.get("lengths")
        n, t = (spec[key] + [0])[:2] if len(spec[key]) == 2 else (None, None)
        if n is None or not (isinstance(lengths, list) and len(lengths) == n
                             and all(isinstance(v, int) and 0 < v <= t for v in lengths)):
            raise ValueError(f"{where}.lengths: expected [N, T] and N lengths in 1..T")


def build(spec, rng, dtype=np.float64):
    """A concrete value for spec, drawn from rng (a numpy Generator)."""
    if spec is None or isinstance(spec, (bool, int, float, str)):
        return spec
    if isinstance(spec, list):
        return [build(item, rng, dtype) for item in spec]
    key = next(k for k in spec if k in GENERATORS)
    scale = spec.get("scale", 1.0)
    if key == "normal":
        return (spec.get("shift", 0.0) + scale * rng.standard_normal(spec[key])).astype(dtype)
    if key == "uniform":
        return rng.uniform(spec.get("low", 0.0), spec.get("high", 1.0), spec[key]).astype(dtype)
    if key == "away":
        shape = spec[key]
        magnitude = spec.get("margin", 0.1) + scale * np.abs(rng.standard_normal(shape))
        return (rng.choice([-1.0, 1.0], size=shape) * magnitude).astype(dtype)
    if key == "distinct":
        shape = spec[key]
        n = int(np.prod(shape))
        grid = (rng.permutation(n) - n / 2) * (2.0 * spec.get("scale", 2.0) / n)
        return grid.reshape(shape).astype(dtype)
    if key == "labels":
        return rng.integers(0, spec["classes"], spec[key]).astype(np.int64)
    if key == "onehot":
        labels = rng.integers(0, spec["classes"], spec[key])
        return np.eye(spec["classes"], dtype=dtype)[labels]
    if key == "probs":
        z = rng.standard_normal(spec[key])
        e = np.exp(z - z.max(axis=-1, keepdims=True))
        return (e / e.sum(axis=-1, keepdims=True)).astype(dtype)
    if key == "array":
        return np.array(spec[key], dtype=spec.get("dtype", dtype))
    if key == "randint":
        return rng.integers(spec.get("low", 0), spec["high"], spec[key]).astype(np.int64)
    if key == "indices":
        return _indices(spec, rng)
    if key == "mask":
        shape, p = spec[key], spec.get("p", 0.5)
        mask = rng.random(shape) < p
        if mask.size >= 2 and (mask.all() or not mask.any()):
            mask.flat[0], mask.flat[1] = True, False
        return mask
    if key == "causal":
        return np.triu(np.ones((spec[key], spec[key]), dtype=bool), k=1)
    if key == "padding":
        n, t = spec[key]
        return np.arange(t)[None, :] >= np.array(spec["lengths"])[:, None]
    if key == "fn":
        return FUNCTIONS[spec["fn"]]
    if key == "dict":
        return {name: build(item, rng, dtype) for name, item in spec[key].items()}
    if key == "rng":
        return np.random.default_rng(int(rng.integers(0, 2 ** 31)) + int(spec["rng"] or 0))
    raise AssertionError(key)


def _indices(spec, rng):
    shape, high, repeats = spec["indices"], spec["high"], spec.get("repeats")
    size = int(np.prod(shape))
    if repeats is False:
        return rng.permutation(high)[:size].reshape(shape).astype(np.int64)
    idx = rng.integers(0, high, size)
    if repeats is True:
        # Force repeats: a quarter of the positions (at least one) copy another position's index.
        k = max(1, size // 4)
        positions = rng.permutation(size)
        idx[positions[:k]] = idx[positions[k:2 * k] if size >= 2 * k else positions[-1]]
    return idx.reshape(shape).astype(np.int64)


def copy_value(value):
    """A deep copy of a built value, so each implementation gets arrays of its own."""
    if isinstance(value, np.ndarray):
        return value.copy()
    if isinstance(value, list):
        return [copy_value(v) for v in value]
    if isinstance(value, dict):
        return {k: copy_value(v) for k, v in value.items()}
    if isinstance(value, np.random.Generator):
        return _clone_generator(value)
    return value


def _clone_generator(gen):
    clone = np.random.default_rng()
    clone.bit_generator.state = gen.bit_generator.state
    return clone
