"""Record: one observation of an implementation, as plain data.

Kinds run inside the learner's process, so they judge nothing: a Record holds what the
code produced (`value`), what it raised (`error`), or raw observations (`observed`) for a
property check that is evaluated by the comparison in the parent process
(examprep.grade.checks), by name (`check`). Every field is plain data (None, bool, int,
float, str, numeric or boolean arrays, numpy scalars, tuples, lists, dicts with str keys):
`observe()` turns whatever the learner's code returned into that, `to_plain()` /
`from_plain()` carry a Record across the process boundary.
"""
import itertools
import types
from dataclasses import dataclass, field

import numpy as np

STAGES = ("output", "state", "backward", "numgrad")
MAX_DEPTH = 32
MAX_ITEMS = 100_000       # values taken from a generator the learner returns


@dataclass(frozen=True)
class Opaque:
    """A value that is not plain data (a learner's own object, a generator ...): only its type travels."""
    type_name: str


@dataclass
class Record:
    stage: str            # one of STAGES
    case: str             # the case's name
    dtype: str            # 'float64' or 'float32'
    what: str             # e.g. 'forward output (step 1)', 'dW', "params['W1'] after step 3"
    value: object = None  # what the implementation produced (plain data, see observe())
    error: dict = None    # the learner's code raised: {'type', 'message', 'line', 'code', 'blank'}
    check: str = None     # the name of a property check judged in the parent (examprep.grade.checks)
    observed: object = None   # the raw observations that check judges (plain data)
    compared: bool = True     # whether `value` is compared with the reference's
    mode: dict = None         # how `value` is compared: {compare: allclose|exact|set|sign_invariant|moments,
    #                           rtol, atol, tolerance: float32, none: any}; read from the reference's record
    extreme: bool = False     # the case feeds extreme values (overflow checks)
    context: dict = field(default_factory=dict)  # shapes and arguments of the case, for messages

    FIELDS = ("stage", "case", "dtype", "what", "value", "error", "check", "observed", "compared", "mode",
              "extreme", "context")

    @property
    def key(self):
        return (self.stage, self.case, self.dtype, self.what)

    def to_plain(self):
        """A dict of plain data (Opaque values as {'__opaque__': type name})."""
        return {k: _encode(getattr(self, k)) for k in self.FIELDS}

    @classmethod
    def from_plain(cls, data):
        return cls(**{k: _decode(data[k]) for k in cls.FIELDS if k in data})


def _encode(value):
    if isinstance(value, Opaque):
        return {"__opaque__": value.type_name}
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return tuple(_encode(v) for v in value)
    if isinstance(value, list):
        return [_encode(v) for v in value]
    return value


def _decode(value):
    if isinstance(value, dict):
        if set(value) == {"__opaque__"} and isinstance(value["__opaque__"], str):
            return Opaque(value["__opaque__"])
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return tuple(_decode(v) for v in value)
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


def observe(value, depth=0):
    """A plain-data copy of what the learner's code returned.

    Arrays are copied as base ndarrays (a subclass's methods never reach the comparison),
    subclasses of int/float/str/bool become the base type, containers are copied
    element by element, a generator (map, zip, filter, range) becomes the list of what it yields; anything else
    becomes Opaque(type name).
    """
    if depth > MAX_DEPTH:
        return Opaque("nested too deeply")
    if value is None or type(value) in (bool, int, float, str):
        return value
    if isinstance(value, np.ndarray):
        if value.dtype.kind not in "biufc":
            return Opaque(f"ndarray of {value.dtype}")
        return np.array(value, copy=True, subok=False)
    if isinstance(value, np.generic):
        if isinstance(value, (np.bool_, np.number)):
            return np.array(value).reshape(())[()]
        return Opaque(type(value).__name__)
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, tuple):
        return tuple(observe(v, depth + 1) for v in value)
    if isinstance(value, list):
        return [observe(v, depth + 1) for v in value]
    if isinstance(value, dict):
        if not all(type(k) is str for k in value):
            return Opaque("dict with non-string keys")
        return {k: observe(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (types.GeneratorType, map, zip, filter, range)):
        # the values a generator yields are the answer a list of them is (folds yielded as sklearn's split() does)
        items = list(itertools.islice(value, MAX_ITEMS + 1))
        if len(items) > MAX_ITEMS:
            return Opaque(f"{type(value).__name__} of more than {MAX_ITEMS} values")
        return [observe(v, depth + 1) for v in items]
    return Opaque(type(value).__name__)


def arrays_only(values):
    """The arrays among a list of inputs (others None), for property checks on what was handed over. The strings of
    a list are kept too (a list of tokens changed in place)."""
    out = []
    for v in values:
        if isinstance(v, np.ndarray):
            out.append(observe(v))
        elif isinstance(v, (list, tuple)):
            out.append([observe(x) if isinstance(x, np.ndarray) else x if isinstance(x, str) else None for x in v])
        elif isinstance(v, dict):
            out.append({k: observe(x) if isinstance(x, np.ndarray) else None for k, x in v.items()})
        else:
            out.append(None)
    return out
