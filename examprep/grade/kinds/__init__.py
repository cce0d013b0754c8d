"""How each kind of component is exercised. Written once per kind, never per problem.

A kind turns a problem's case into a list of Records: what an implementation
produced (outputs, state, gradients) or whether a property held, in the order the
checks run. The grader runs the same case on the reference and on the learner's
code and compares the two lists (examprep.grade.compare).

Each kind module offers:
    validate_case(case, target_names)    raise ValueError('key: what was expected')
    run(namespace, case, dtype, seed, learner)   -> list[Record]
"""
import traceback
from dataclasses import dataclass, field

STAGES = ("output", "state", "backward", "numgrad")


@dataclass
class Record:
    stage: str            # one of STAGES
    case: str             # the case's name
    dtype: str            # 'float64' or 'float32'
    what: str             # e.g. 'forward output (step 1)', 'dW', "params['W1'] after step 3"
    value: object = None  # what the implementation produced
    error: dict = None    # the learner's code raised: {'type', 'message', 'line', 'code', 'blank'}
    check: dict = None    # a property check: {'ok': bool, 'ja': ..., 'en': ..., details...}
    extreme: bool = False  # the case feeds extreme values (overflow checks)
    context: dict = field(default_factory=dict)  # shapes and arguments of the case, for messages

    @property
    def key(self):
        return (self.stage, self.case, self.dtype, self.what)


class LearnerRaised(Exception):
    """Wraps an exception raised inside the learner's code, with where it happened."""

    def __init__(self, info):
        super().__init__(info.get("message", ""))
        self.info = info


ANSWER_FILENAME = "<answer>"


def describe_exception(exc, filename=ANSWER_FILENAME):
    """type, message and the learner's line for an exception raised in their code."""
    from examprep.blanks import BlankNotFilled

    info = {"type": type(exc).__name__, "message": str(exc)[:500]}
    if isinstance(exc, BlankNotFilled):
        info["blank"] = exc.label
    if isinstance(exc, SystemExit):
        info["message"] = f"sys.exit({exc.code!r}) was called"
    frames = traceback.extract_tb(exc.__traceback__)
    mine = [f for f in frames if f.filename == filename]
    if mine:
        info["line"] = mine[-1].lineno
        info["code"] = (mine[-1].line or "").strip()
        info["function"] = mine[-1].name
    return info


def guarded(fn, *args, **kwargs):
    """Call learner code; turn anything it raises (even SystemExit) into LearnerRaised."""
    try:
        return fn(*args, **kwargs)
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # noqa: BLE001 - the learner's code may raise anything, sys.exit included
        raise LearnerRaised(describe_exception(exc)) from None


def get(kind):
    from examprep.grade.kinds import function, layer, masking_layer, optimizer

    return {"function": function, "layer": layer, "optimizer": optimizer,
            "masking_layer": masking_layer}[kind]


def check_keys(case, allowed, required=()):
    for key in case:
        if key not in allowed:
            raise ValueError(f"{key}: unknown key; expected one of {sorted(allowed)}")
    for key in required:
        if key not in case:
            raise ValueError(f"{key}: missing")


def validate_dtypes(case):
    dtypes = case.get("dtypes", ["float64"])
    if not (isinstance(dtypes, list) and dtypes and all(d in ("float64", "float32") for d in dtypes)):
        raise ValueError("dtypes: expected a list out of ['float64', 'float32']")


def unchanged_check(before, after, what):
    """A property record's check: the learner's code left the arrays it was handed as they were.

    before: the values as handed over; after: the same objects after the call. A
    difference beyond rounding (1e-9 relative: restoring x[i] by arithmetic is fine)
    means the code wrote into its caller's array.
    """
    import numpy as np

    def changed(b, a):
        if isinstance(b, np.ndarray) and isinstance(a, np.ndarray):
            if b.shape != a.shape:
                return True
            scale = max(float(np.max(np.abs(b))) if b.size else 0.0, 1e-300)
            diff = np.abs(a.astype(np.float64) - b.astype(np.float64))
            return bool(np.any(np.isnan(diff)) or np.max(diff, initial=0.0) > 1e-9 * scale)
        if isinstance(b, (list, tuple)) and isinstance(a, (list, tuple)):
            return any(changed(x, y) for x, y in zip(b, a))
        return False

    bad = [i for i, (b, a) in enumerate(zip(before, after)) if changed(b, a)]
    return {"ok": not bad, "code": "mutates_input", "arguments": bad,
            "ja": f"{what} が引数 {bad} の配列を書き換えています。入力はコピーしてから変更してください (x.copy())。",
            "en": f"{what} overwrote argument(s) {bad} it was given: copy the input before changing it (x.copy())."}
