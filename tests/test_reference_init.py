"""Correctness of reference/init.py: Xavier / He standard deviations and init_network."""
import numpy as np
import pytest

from reference.init import he_std, init_network, xavier_std


@pytest.mark.parametrize("n_in", [1, 2, 50, 100, 784])
def test_xavier_and_he_std_values(n_in):
    np.testing.assert_allclose(xavier_std(n_in), 1.0 / np.sqrt(n_in), rtol=1e-15)
    np.testing.assert_allclose(he_std(n_in), np.sqrt(2.0) / np.sqrt(n_in), rtol=1e-15)
    np.testing.assert_allclose(he_std(n_in) / xavier_std(n_in), np.sqrt(2.0), rtol=1e-15)


def test_std_known_values():
    np.testing.assert_allclose(xavier_std(100), 0.1, rtol=1e-15)
    np.testing.assert_allclose(he_std(50), 0.2, rtol=1e-15)
    np.testing.assert_allclose(he_std(2), 1.0, rtol=1e-15)
    np.testing.assert_allclose(xavier_std(4), 0.5, rtol=1e-15)


def test_init_network_keys_and_shapes():
    params = init_network([784, 100, 50, 10], rng=np.random.default_rng(0))
    assert sorted(params) == ["W1", "W2", "W3", "b1", "b2", "b3"]
    assert params["W1"].shape == (784, 100) and params["b1"].shape == (100,)
    assert params["W2"].shape == (100, 50) and params["b2"].shape == (50,)
    assert params["W3"].shape == (50, 10) and params["b3"].shape == (10,)
    for k, v in params.items():
        assert v.dtype == np.float64, k
    for i in (1, 2, 3):
        np.testing.assert_array_equal(params[f"b{i}"], 0.0)
        assert np.all(params[f"W{i}"] != 0)


def test_init_network_edge_sizes():
    assert init_network([5], rng=np.random.default_rng(0)) == {}
    p = init_network([3, 1], rng=np.random.default_rng(0))
    assert sorted(p) == ["W1", "b1"] and p["W1"].shape == (3, 1) and p["b1"].shape == (1,)


@pytest.mark.parametrize("option, std_fn", [
    ("he", he_std), ("relu", he_std), ("xavier", xavier_std), ("sigmoid", xavier_std),
])
def test_init_network_empirical_std(option, std_fn):
    sizes = [2000, 1000, 400]   # 2e6 and 4e5 weights: the sample std is within ~0.1 %
    params = init_network(sizes, weight_init_std=option, rng=np.random.default_rng(1))
    for i in (1, 2):
        W = params[f"W{i}"]
        expected = std_fn(sizes[i - 1])   # depends on the fan-in, not the fan-out
        assert abs(W.std() / expected - 1) < 0.02, (i, W.std(), expected)
        assert abs(W.mean()) < 0.02 * expected
        np.testing.assert_array_equal(params[f"b{i}"], 0.0)
    # Gaussian, not uniform: about 68 % of the weights within one std.
    W1 = params["W1"]
    assert abs(np.mean(np.abs(W1) < std_fn(sizes[0])) - 0.6827) < 0.01


@pytest.mark.parametrize("std", [0.01, 1, 0.5, np.float64(0.05), np.float32(0.05), np.int64(2)])
def test_init_network_numeric_std(std):
    sizes = [1000, 500, 300]
    params = init_network(sizes, weight_init_std=std, rng=np.random.default_rng(2))
    for i in (1, 2):
        # The same std for every layer, whatever its fan-in.
        assert abs(params[f"W{i}"].std() / float(std) - 1) < 0.02
        np.testing.assert_array_equal(params[f"b{i}"], 0.0)


@pytest.mark.parametrize("bad", ["gaussian", "He", "", None, [0.01], {"std": 0.1}])
def test_init_network_bad_option_raises(bad):
    with pytest.raises(ValueError):
        init_network([4, 3, 2], weight_init_std=bad, rng=np.random.default_rng(0))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_init_network_dtype(dtype):
    sizes = [1000, 300, 10]
    params = init_network(sizes, rng=np.random.default_rng(3), dtype=dtype)
    for k, v in params.items():
        assert v.dtype == dtype, k
    assert abs(params["W1"].std() / he_std(1000) - 1) < 0.02


def test_init_network_rng_reproducible_and_used():
    a = init_network([20, 10, 5], rng=np.random.default_rng(42))
    b = init_network([20, 10, 5], rng=np.random.default_rng(42))
    c = init_network([20, 10, 5], rng=np.random.default_rng(43))
    for k in a:
        np.testing.assert_array_equal(a[k], b[k])
    assert not np.array_equal(a["W1"], c["W1"])
    # The documented distribution: W = std * standard_normal, drawn layer by layer from rng.
    rng = np.random.default_rng(42)
    np.testing.assert_allclose(a["W1"], he_std(20) * rng.standard_normal((20, 10)), rtol=1e-15)
    np.testing.assert_allclose(a["W2"], he_std(10) * rng.standard_normal((10, 5)), rtol=1e-15)


def test_init_network_default_rng():
    p1 = init_network([30, 20])
    p2 = init_network([30, 20])
    assert p1["W1"].shape == (30, 20)
    assert not np.array_equal(p1["W1"], p2["W1"])   # a fresh generator each call
