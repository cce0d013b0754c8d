"""The value model, the parent-side property checks and the plain-data Record (examprep.grade.values, checks, kinds.record)."""
import itertools
import warnings

import numpy as np
import pytest

from examprep.grade import checks, compare, values
from examprep.grade.failure import Failure
from examprep.grade.kinds.record import Opaque, Record, observe


def rec(value=None, what="out", dtype="float64", stage="output", **kw):
    return Record(stage, "case", dtype, what, value=value, **kw)


def cmp(expected, actual, mode=None, dtype="float64", notes=None):
    return values.compare_values(expected, actual, rec(dtype=dtype), mode, notes)


# ----------------------------------------------------------------------------- plain data


class LyingArray(np.ndarray):
    def __sub__(self, other):
        return np.zeros(self.shape)


def test_observe_makes_plain_data():
    x = np.arange(3.0).view(LyingArray)
    seen = observe((x, [1, 2.5], {"k": np.float32(2)}, object()))
    assert type(seen[0]) is np.ndarray and seen[0].tolist() == [0.0, 1.0, 2.0]
    assert seen[1] == [1, 2.5] and seen[2]["k"].dtype == np.float32
    assert seen[3] == Opaque("object")
    assert observe({1: 2}) == Opaque("dict with non-string keys")
    assert observe(np.array([object()])) == Opaque("ndarray of object")


def test_record_round_trip():
    r = rec(value=(np.ones(2), Opaque("Foo")), check="numgrad", observed={"numeric": [1.0]}, mode={"compare": "set"})
    back = Record.from_plain(r.to_plain())
    assert back.value[1] == Opaque("Foo") and back.check == "numgrad" and back.mode == {"compare": "set"}
    assert r.to_plain()["value"][1] == {"__opaque__": "Foo"}


def test_failure_json_round_trip():
    f = Failure("values", "ja", "en", stage="output", case="c", details={"x": np.float64(1.5)})
    data = f.to_json()
    assert data["ok"] is False and data["details"] == {"x": 1.5}
    back = Failure.from_json(data)
    assert back.check == "values" and back.what is None and back.to_json() == data


# ----------------------------------------------------------------------------- the value model


def test_dispatch_on_the_expected_type():
    assert cmp(None, None) is None
    assert cmp(None, 3).check == "type"
    assert cmp(None, 3, {"none": "any"}) is None
    assert cmp(True, np.bool_(True)) is None and cmp(True, False).check == "values"
    assert cmp(3, 3.0) is None and cmp(3, 4).check == "values"
    assert cmp(2.0, np.float32(2.0)) is None and cmp(2.0, np.array([2.0])) is None
    assert cmp((np.ones(2), 1.0), [np.ones(2), 1.0]) is None
    assert cmp((np.ones(2), 1.0), (np.ones(2), 2.0)).what == "out[1]"
    assert cmp([1, 2], np.array([1, 2])) is None
    assert cmp({"a": np.ones(2)}, {"a": np.ones(2)}) is None and cmp({"a": 1.0}, {"b": 1.0}).check == "keys"
    assert cmp(np.ones(2), Opaque("Foo")).check == "type"


def test_a_zero_computed_as_tiny_is_not_rejected():
    assert cmp(np.array([1e-17, -3e-18]), np.zeros(2)) is None
    assert cmp(1e-17, 0.0) is None
    assert cmp(np.array([1e-17, 1.0]), np.array([0.0, 1.0 + 1e-5])).check == "values"


def test_set_mode_is_order_free_and_counts():
    mode = {"compare": "set"}
    assert cmp([3, 1, 2], [1, 2, 3], mode) is None
    assert cmp(np.array([3, 1, 2]), [2, 3, 1], mode) is None
    assert cmp([3, 1, 2], [1, 2, 4], mode).check == "values"
    assert cmp([3, 1, 2], [1, 2], mode).check == "values"
    assert cmp(np.array([[1.0, 2.0], [0.5, 0.0]]), np.array([[0.5, 0.0], [1.0, 2.0]]), mode) is None


def test_sign_invariant_mode_per_column():
    rng = np.random.default_rng(0)
    e = rng.standard_normal((5, 3))
    flipped = e * np.array([1.0, -1.0, -1.0])
    assert cmp(e, flipped, {"compare": "sign_invariant"}) is None
    assert cmp(e, flipped).check == "values"
    half = e.copy()
    half[0, 0] *= -1  # a sign flip inside a column is a wrong answer
    assert cmp(e, half, {"compare": "sign_invariant"}).check == "values"


def test_a_list_of_modes_compares_each_returned_value_with_its_own_mode():
    rng = np.random.default_rng(1)
    z, ratio = rng.standard_normal((5, 2)), np.array([0.6, 0.3])
    mode = {"compare": ["sign_invariant", "allclose"]}
    assert cmp((z, ratio), (z * np.array([-1.0, 1.0]), ratio), mode) is None
    assert cmp((z, ratio), (z, -ratio), mode).check == "values"  # the ratios' sign is not free
    assert cmp((z, ratio), (z, -ratio), {"compare": "sign_invariant"}) is None  # what one mode for both allowed
    assert cmp((z, ratio), (z,), mode).check == "type"
    assert cmp((z, ratio), z, mode).check == "type"


def test_mode_list_keeps_eigenvalues_signed_beside_sign_free_eigenvectors():
    # (eigenvalues, eigenvectors): only the vectors' columns may flip; negated or reversed eigenvalues are wrong
    w = np.array([3.0, -3.0])
    V = np.array([[0.6, 0.8], [0.8, -0.6]])
    mode = {"compare": ["allclose", "sign_invariant"]}
    assert cmp((w, V), (w, V * np.array([-1.0, 1.0])), mode) is None
    assert cmp((w, V), (-w, V), mode).check == "values"
    assert cmp((w, V), (w[::-1].copy(), V), mode).check == "values"
    assert cmp((w, V), (-w, V), {"compare": "sign_invariant"}) is None  # why eig_decompose uses the list


def test_exact_mode_and_integers():
    assert cmp(np.array([1, 2]), np.array([1, 2])) is None
    assert cmp(np.array([1, 2]), np.array([1, 3])).check == "values"
    assert cmp(np.array([1.0, 2.0]), np.array([1.0, 2.0 + 1e-9]), {"compare": "exact"}).check == "values"


@pytest.mark.parametrize("mode", [None, {"compare": "set"}, {"compare": "distribution"}])
def test_a_signalling_nan_left_in_uninitialised_memory_is_judged_as_a_nan_without_a_warning(mode):
    # np.empty((N, T, H), dtype='f') left unfilled can hold a signalling NaN; its cast to float64 raised the
    # invalid flag ('RuntimeWarning: invalid value encountered in cast', seen once grading a time_lstm variant)
    signalling = np.array([0x7F800001], dtype=np.uint32).view(np.float32)[0]
    expected = np.linspace(0.1, 1.0, 6, dtype=np.float32)
    actual, quiet = expected.copy(), expected.copy()
    actual[2], quiet[2] = signalling, np.nan
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        failure = cmp(expected, actual, mode, dtype="float32")
    assert failure is not None
    assert (failure.check, failure.en) == (lambda f: (f.check, f.en))(cmp(expected, quiet, mode, dtype="float32"))


def test_dtype_is_advice_with_a_note():
    notes = []
    e = np.linspace(0, 1, 4).astype(np.float32)
    assert cmp(e, e.astype(np.float64), dtype="float32", notes=notes) is None
    assert len(notes) == 1 and "float64" in notes[0]["en"] and "メモリ" in notes[0]["ja"]
    cmp(e, e.astype(np.float64), dtype="float32", notes=notes)
    assert len(notes) == 1  # once per verdict
    assert cmp(e, (e + 1).astype(np.float64), dtype="float32").check == "values"


def test_a_float32_reference_is_judged_at_float32_tolerance():
    e = np.array([1.0, 2.0], dtype=np.float32)
    assert cmp(e, np.array([1.0, 2.0 + 2e-5])) is None     # the reference computes in float32 itself
    assert cmp(e.astype(np.float64), np.array([1.0, 2.0 + 2e-5])).check == "values"
    assert cmp(1.0, 1.00002, {"tolerance": "float32"}) is None


# ----------------------------------------------------------------------------- parent-side checks


def test_checks_are_judged_on_raw_observations():
    before = [np.ones(3), None]
    exp = rec(check="unchanged", compared=False, observed={"before": before, "after": before})
    ok = rec(check="unchanged", compared=False, observed={"before": before, "after": [np.ones(3), None]})
    bad = rec(check="unchanged", compared=False, observed={"before": before, "after": [np.zeros(3), None]})
    assert compare.judge(exp, ok) is None and compare.judge(exp, bad).check == "mutates_input"
    # The learner's record cannot change what was handed over: `before` comes from the reference's record.
    forged = rec(check="unchanged", compared=False, observed={"before": [np.zeros(3), None], "after": [np.zeros(3), None]})
    assert compare.judge(exp, forged).check == "mutates_input"


def test_numgrad_check_from_directions():
    g = np.array([1.0, -2.0])
    d = [np.array([1.0, 0.0]), np.array([0.3, 0.7])]
    good = rec(stage="numgrad", check="numgrad", compared=False,
               observed={"analytic": g, "directions": d, "numeric": [1.0, 0.3 - 1.4]})
    wrong = rec(stage="numgrad", check="numgrad", compared=False,
                observed={"analytic": g, "directions": d, "numeric": [2.0, 0.3 - 1.4]})
    assert checks.numgrad(good, good) is None
    assert checks.numgrad(good, wrong).check == "numerical_gradient"
    assert checks.numgrad(good, rec(stage="numgrad", check="numgrad", observed=None)).check == "numerical_gradient"


def test_a_missing_record_fails_only_when_nothing_else_did():
    e1, e2 = rec(1.0, what="a"), rec(2.0, what="b", stage="backward")
    assert compare.compare([e1, e2], [rec(1.0, what="a")]).check == "missing"
    assert compare.compare([e1, e2], [rec(5.0, what="a")]).check == "values"
    assert compare.compare([e1, e2], [rec(1.0, what="a"), rec(2.0, what="b", stage="backward")]) is None


def test_the_check_name_comes_from_the_reference():
    exp = rec(check="in_place", observed={"param": "W", "same_object": True}, value=np.ones(2))
    act = rec(observed={"same_object": False}, value=np.ones(2))   # the learner's record claims no check
    assert compare.judge(exp, act).check == "not_in_place"


@pytest.mark.parametrize("copies, told", [(["gamma"], True), ([], False)])
def test_copies_are_named_only_when_the_layer_keeps_copies(copies, told):
    exp = rec(np.ones(3), what="forward output (step 2)")
    act = rec(np.zeros(3) + 2, what="forward output (step 2)",
              context={"parameters_updated": True, "kept_copies": copies, "step": 2})
    failure = compare.compare([exp], [act])
    assert failure.check == "values"
    assert ("self.gamma" in failure.en) is told and ("コピー" in failure.ja) is told


def test_distribution_mode_accepts_independent_samples_and_rejects_other_laws():
    mode = {"compare": "distribution"}
    e = {"lr": 10 ** np.random.default_rng(0).uniform(-6, -2, 4000)}
    for seed in range(1, 6):  # independent draws of the same law, any generator
        assert cmp(e, {"lr": 10 ** np.random.default_rng(seed).uniform(-6, -2, 4000)}, mode) is None
    assert cmp(e, {"lr": 10 ** -np.random.RandomState(7).uniform(2, 6, 4000)}, mode) is None
    rng = np.random.default_rng(9)
    for wrong in (rng.uniform(1e-6, 1e-2, 4000),           # uniform, not log-uniform
                  np.exp(rng.uniform(-6, -2, 4000)),        # e ** instead of 10 **
                  10 ** rng.uniform(-6, -3, 4000)):         # a narrower range
        failure = cmp(e, {"lr": wrong}, mode)
        assert failure is not None and failure.check == "distribution"
    assert cmp(e, {"lr": e["lr"][:10]}, mode).check == "shape"
    assert cmp(e, {"rate": e["lr"]}, mode).check == "keys"



def test_a_list_of_numbers_is_the_same_answer_as_the_expected_array():
    """Indices returned as a Python list (NMS's keep, a ranking) are the answer an index array is; the shape and the
    values still count, and a ragged or non-numeric list is still told to return an array."""
    assert cmp(np.array([3, 0, 2]), [3, 0, 2]) is None
    assert cmp(np.array([[1.0, 2.0]]), ([1.0, 2.0],)) is None
    assert cmp(np.array([3, 0, 2]), [3, 2, 0]).check == "values"
    assert cmp(np.array([3, 0, 2]), [3, 0]).check == "type"
    assert cmp(np.array([3, 0, 2]), ["3", "0", "2"]).check == "type"
    assert cmp(np.array([[1.0, 2.0], [3.0, 4.0]]), [[1.0, 2.0], [3.0]]).check == "type"


def test_a_generator_is_observed_as_the_list_it_yields():
    """kfold_split yielding its folds as sklearn's split() does is the answer the list of folds is."""
    folds = observe((np.arange(i, i + 2), i) for i in range(3))
    assert isinstance(folds, list) and [f[1] for f in folds] == [0, 1, 2]
    assert cmp([(np.arange(0, 2), 0), (np.arange(1, 3), 1), (np.arange(2, 4), 2)], folds) is None
    assert observe(map(float, [1, 2])) == [1.0, 2.0] and observe(range(3)) == [0, 1, 2]
    endless = observe(i for i in itertools.count())     # stops at MAX_ITEMS instead of running forever
    assert isinstance(endless, Opaque)
