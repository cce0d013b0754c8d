"""The `{dict: {...}}` argument spec (the book's params dicts) and mutation checks inside dicts."""
import numpy as np
import pytest

from examprep.grade import checks
from examprep.grade.kinds.record import Record, arrays_only
from examprep.problem import casegen


def test_dict_spec_builds_its_items_in_order_with_the_case_dtype():
    spec = {"dict": {"W1": {"normal": [4, 3]}, "b1": {"normal": [3]}, "W2": {"normal": [3, 2]}}}
    casegen.validate(spec)
    value = casegen.build(spec, np.random.default_rng(0), np.float32)
    assert list(value) == ["W1", "b1", "W2"]
    assert value["W1"].shape == (4, 3) and value["W1"].dtype == np.float32
    copy = casegen.copy_value(value)
    copy["W1"][0, 0] += 1
    assert copy["W1"][0, 0] != value["W1"][0, 0]


@pytest.mark.parametrize("spec, fragment", [({"dict": {}}, "non-empty mapping"),
                                            ({"dict": [1, 2]}, "non-empty mapping"),
                                            ({"dict": {"W1": {"normal": "x"}}}, "dict.W1.normal")])
def test_bad_dict_specs_are_named(spec, fragment):
    with pytest.raises(ValueError, match=fragment):
        casegen.validate(spec)


def test_writing_into_an_array_of_a_dict_argument_is_caught():
    params = {"W1": np.ones((2, 2)), "b1": np.zeros(2)}
    before = arrays_only([casegen.copy_value(params)])
    expected = Record("output", "c", "float64", "f(...)", check="unchanged", compared=False,
                      observed={"before": before, "after": before})
    assert checks.unchanged(expected, expected) is None
    params["W1"][0, 0] = 5.0
    actual = Record("output", "c", "float64", "f(...)", check="unchanged", compared=False,
                    observed={"before": before, "after": arrays_only([params])})
    assert checks.unchanged(expected, actual).check == "mutates_input"


def test_changing_a_list_of_words_in_place_is_caught():
    words = ["the", "quick", "fox"]
    before = arrays_only([list(words)])
    expected = Record("output", "c", "float64", "f(...)", check="unchanged", compared=False,
                      observed={"before": before, "after": before})
    words[0], words[2] = words[2], words[0]
    actual = Record("output", "c", "float64", "f(...)", check="unchanged", compared=False,
                    observed={"before": before, "after": arrays_only([words])})
    assert checks.unchanged(expected, expected) is None
    assert checks.unchanged(expected, actual).check == "mutates_input"


def test_named_gradient_functions_are_the_gradients_of_the_named_functions():
    from gradcheck import num_grad
    x = np.random.default_rng(0).standard_normal((3, 4))
    for name in ("sum_of_squares", "weighted_sin", "log_sum_exp"):
        f, g = casegen.FUNCTIONS[name], casegen.FUNCTIONS["grad_" + name]
        np.testing.assert_allclose(g(x), num_grad(lambda: f(x), x), rtol=1e-7, atol=1e-9)
