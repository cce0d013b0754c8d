"""How each kind of component is exercised. Written once per kind, never per problem.

A kind turns a problem's case into a list of Records: what an implementation
produced (outputs, state, gradients) and raw observations for property checks, in the
order the checks run. Kinds run in the learner's process and judge nothing: the
grader runs the same case on the reference and on the learner's code, and the
comparison (examprep.grade.compare, with examprep.grade.checks) judges the two lists.

Each kind module offers:
    validate_case(case, target_names)    raise ValueError('key: what was expected')
    run(namespace, case, dtype, seed, learner)   -> list[Record]
"""
import traceback

from examprep.grade.kinds.record import STAGES, Opaque, Record, arrays_only, observe  # noqa: F401


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


def unchanged_record(stage, case, dtype, what, before, after, context=None):
    """A property record: were the arrays handed to the learner's code left as they were?

    before: the values as built; after: the same objects after the call. Judged in the
    parent by examprep.grade.checks ('unchanged'), with `before` taken from the reference's
    own record.
    """
    return Record(stage, case, dtype, what, check="unchanged", compared=False,
                  observed={"before": arrays_only(before), "after": arrays_only(after)},
                  context=dict(context or {}))


COMPARE_KEYS = {"compare", "rtol", "atol", "tolerance"}
COMPARE_MODES = ("values", "allclose", "exact", "set", "sign_invariant", "moments", "distribution")


def validate_compare(case):
    """The case keys that choose how values are compared (examprep.grade.values)."""
    how = case.get("compare", "allclose")
    if isinstance(how, list):  # one mode per returned value (a function returning a tuple)
        if not how or any(m not in COMPARE_MODES or m == "moments" for m in how):
            raise ValueError(f"compare: a list needs one of {[m for m in COMPARE_MODES if m != 'moments']} per "
                             f"returned value, got {how!r}")
    elif how not in COMPARE_MODES:
        raise ValueError(f"compare: expected one of {list(COMPARE_MODES)}, got {case.get('compare')!r}")
    for key in ("rtol", "atol"):
        if key in case and not (isinstance(case[key], (int, float)) and not isinstance(case[key], bool)
                                and case[key] >= 0):
            raise ValueError(f"{key}: expected a non-negative number")
    if case.get("tolerance", "float32") != "float32":
        raise ValueError("tolerance: expected 'float32' (for components that compute in float32)")
    if "seed_numpy" in case and not (isinstance(case["seed_numpy"], int) and 0 <= case["seed_numpy"] < 2 ** 32):
        raise ValueError("seed_numpy: expected an integer seed for np.random.seed")


def compare_mode(case, **extra):
    """The record mode of a case (None when it uses the defaults)."""
    mode = {k: case[k] for k in COMPARE_KEYS if k in case}
    if mode.get("compare") == "values":
        mode["compare"] = "allclose"
    if isinstance(mode.get("compare"), list):
        mode["compare"] = ["allclose" if m == "values" else m for m in mode["compare"]]
    mode.update(extra)
    return mode or None


def seed_numpy(case, offset=0):
    """np.random.seed(case's seed_numpy + offset) right before a call, identically for the reference and the
    answer: for code that draws from NumPy's global generator inside (the book's Dropout, UnigramSampler)."""
    if "seed_numpy" in case:
        import numpy as np

        np.random.seed((case["seed_numpy"] + offset) % (2 ** 32))


DTYPE_SALT = {"float64": 0, "float32": 500}


def case_seed(base_seed, index, dtype):
    return base_seed * 100003 + index * 1009 + DTYPE_SALT[dtype]


def run_cases(problem, namespace, base_seed, learner):
    """Every case of a problem, in every dtype, run on the definitions in namespace -> [Record]."""
    kind = get(problem.kind)
    names = [t.name for t in problem.targets]
    records = []
    for index, case in enumerate(problem.cases):
        for dtype in case.get("dtypes", ["float64"]):
            records.extend(kind.run(namespace, case, dtype, case_seed(base_seed, index, dtype), learner, names))
    return records
