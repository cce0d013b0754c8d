"""Correctness of reference/functions.py: activations, losses and the numerical gradient.

Values are checked against PyTorch (float64, to 1e-10) where torch has the same
function, and against closed forms otherwise.
"""
import warnings

import numpy as np
import pytest

from reference.functions import (cross_entropy_error, mean_squared_error, numerical_gradient,
                                 relu, sigmoid, softmax, tanh)

TOL = 1e-10


@pytest.fixture
def torch():
    return pytest.importorskip("torch")


def _t(torch, a):
    return torch.from_numpy(np.array(a, copy=True))


def _torch_ce(torch, x, t):
    """Cross entropy as the book defines it, computed in torch from the logits x:
    -mean(log(softmax(x)[t] + 1e-7)). x: (N, D) or (D,); t: integer labels or one-hot."""
    tx = _t(torch, x)
    if tx.ndim == 1:
        tx = tx.reshape(1, -1)
    t = np.asarray(t)
    if t.size == tx.numel():
        t = t.reshape(tx.shape).argmax(axis=1)
    t = torch.as_tensor(np.atleast_1d(t).astype(np.int64))
    p = torch.softmax(tx, dim=-1)
    return -torch.mean(torch.log(p[torch.arange(tx.shape[0]), t] + 1e-7)).item()


# --------------------------------------------------------------------------- activations

ACTIVATIONS = ["sigmoid", "relu", "tanh"]
NP_FUNCS = {"sigmoid": sigmoid, "relu": relu, "tanh": tanh, "softmax": softmax}
SHAPES = [(1,), (7,), (1, 1), (3, 5), (2, 3, 4)]


@pytest.mark.torch
@pytest.mark.parametrize("name", ACTIVATIONS)
@pytest.mark.parametrize("shape", SHAPES)
def test_activation_matches_torch(torch, name, shape):
    rng = np.random.default_rng(ACTIVATIONS.index(name) * 100 + sum(shape) * 7 + len(shape))
    x = rng.standard_normal(shape) * 4
    out = NP_FUNCS[name](x)
    expected = getattr(torch, name)(_t(torch, x)).numpy()
    assert out.shape == x.shape
    assert out.dtype == np.float64
    np.testing.assert_allclose(out, expected, rtol=TOL, atol=TOL)


def test_activation_closed_forms():
    x = np.array([-2.0, -0.5, 0.0, 0.5, 3.0])
    np.testing.assert_allclose(sigmoid(x), 1 / (1 + np.exp(-x)), rtol=1e-15)
    assert sigmoid(np.array([0.0]))[0] == 0.5
    np.testing.assert_array_equal(relu(x), [0.0, 0.0, 0.0, 0.5, 3.0])
    np.testing.assert_allclose(tanh(x), (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x)),
                               rtol=1e-14)


@pytest.mark.torch
def test_sigmoid_saturates_correctly_at_1000(torch):
    x = np.array([-1000.0, -40.0, 0.0, 40.0, 1000.0])
    # exp(1000) overflows to inf (a RuntimeWarning is allowed here); 1 / (1 + inf) = 0 is right.
    with np.errstate(over="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        y = sigmoid(x)
    assert np.all(np.isfinite(y))
    assert y[0] == 0.0 and y[-1] == 1.0 and y[2] == 0.5
    np.testing.assert_allclose(y, torch.sigmoid(_t(torch, x)).numpy(), rtol=TOL, atol=1e-300)


# --------------------------------------------------------------------------- softmax

@pytest.mark.torch
@pytest.mark.parametrize("shape", [(1,), (6,), (1, 4), (5, 3), (4, 10)])
def test_softmax_matches_torch(torch, shape):
    rng = np.random.default_rng(sum(shape) + len(shape))
    x = rng.standard_normal(shape) * 3
    y = softmax(x)
    assert y.shape == x.shape
    np.testing.assert_allclose(y, torch.softmax(_t(torch, x), dim=-1).numpy(), rtol=TOL, atol=TOL)
    np.testing.assert_allclose(y.sum(axis=-1), 1.0, rtol=0, atol=1e-14)


def test_softmax_rows_are_independent_and_shift_invariant():
    rng = np.random.default_rng(1)
    x = rng.standard_normal((4, 5))
    y = softmax(x)
    for i in range(4):
        np.testing.assert_allclose(y[i], softmax(x[i]), rtol=1e-15, atol=0)
    shift = rng.standard_normal((4, 1)) * 100
    np.testing.assert_allclose(softmax(x + shift), y, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(softmax(np.array([0.0, np.log(3.0)])), [0.25, 0.75], rtol=1e-15)


@pytest.mark.torch
@pytest.mark.parametrize("x, expected", [
    ([1000.0, -1000.0], [1.0, 0.0]),
    ([-1000.0, 1000.0], [0.0, 1.0]),
    ([1000.0, 1000.0], [0.5, 0.5]),
    ([1e4, 0.0, -1e4], [1.0, 0.0, 0.0]),
    ([1e4, 1e4 - np.log(3.0)], [0.75, 0.25]),
    ([[1000.0, -1000.0], [-1e4, 1e4], [3.0, 3.0]], [[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]]),
])
def test_softmax_large_logits_no_overflow_no_warning(torch, x, expected):
    x = np.array(x)
    with warnings.catch_warnings(), np.errstate(over="raise", divide="raise", invalid="raise"):
        warnings.simplefilter("error")
        y = softmax(x)
    assert np.all(np.isfinite(y))
    np.testing.assert_allclose(y, expected, rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(y, torch.softmax(_t(torch, x), dim=-1).numpy(), rtol=TOL, atol=1e-300)


# --------------------------------------------------------------------------- cross entropy

@pytest.mark.torch
@pytest.mark.parametrize("N, D", [(1, 2), (1, 5), (4, 3), (7, 10)])
@pytest.mark.parametrize("labels", ["int", "onehot"])
def test_cross_entropy_2d_matches_torch(torch, N, D, labels):
    rng = np.random.default_rng(N * 100 + D)
    x = rng.standard_normal((N, D)) * 2
    t = rng.integers(0, D, size=N)
    if labels == "onehot":
        t = np.eye(D)[t]
    loss = cross_entropy_error(softmax(x), t)
    assert np.ndim(loss) == 0
    np.testing.assert_allclose(loss, _torch_ce(torch, x, t), rtol=TOL, atol=TOL)


@pytest.mark.torch
@pytest.mark.parametrize("D", [2, 3, 9])
def test_cross_entropy_1d_matches_torch(torch, D):
    rng = np.random.default_rng(D)
    x = rng.standard_normal(D) * 2
    k = int(rng.integers(0, D))
    expected = _torch_ce(torch, x, k)
    y = softmax(x)
    for t in (k, np.int64(k), np.array(k), np.eye(D)[k]):
        np.testing.assert_allclose(cross_entropy_error(y, t), expected, rtol=TOL, atol=TOL)
    # The 1-D case is the batch-of-one case.
    np.testing.assert_allclose(cross_entropy_error(y.reshape(1, D), np.array([k])), expected,
                               rtol=TOL, atol=TOL)


def test_cross_entropy_closed_form_values():
    y = np.array([[0.1, 0.2, 0.7], [0.5, 0.25, 0.25]])
    t = np.array([2, 1])
    expected = -(np.log(0.7 + 1e-7) + np.log(0.25 + 1e-7)) / 2
    np.testing.assert_allclose(cross_entropy_error(y, t), expected, rtol=1e-15)
    np.testing.assert_allclose(cross_entropy_error(y, np.eye(3)[t]), expected, rtol=1e-15)
    # The 1e-7 guard: a zero probability gives -log(1e-7), not inf.
    np.testing.assert_allclose(cross_entropy_error(np.array([1.0, 0.0]), 1), -np.log(1e-7),
                               rtol=1e-15)
    # Averaged over the batch, not summed: duplicating the batch leaves the loss unchanged.
    np.testing.assert_allclose(cross_entropy_error(np.vstack([y, y]), np.r_[t, t]),
                               expected, rtol=1e-15)


@pytest.mark.torch
@pytest.mark.parametrize("x, t", [
    ([1000.0, -1000.0], 0),
    ([1000.0, -1000.0], 1),
    ([1e4, 0.0, -1e4], 2),
    ([[1000.0, -1000.0], [-1e4, 1e4]], [1, 1]),
    ([[1000.0, -1000.0], [-1e4, 1e4]], [[1.0, 0.0], [1.0, 0.0]]),
])
def test_cross_entropy_large_logits_finite_no_warning(torch, x, t):
    x, t = np.array(x), np.array(t)
    with warnings.catch_warnings(), np.errstate(over="raise", divide="raise", invalid="raise"):
        warnings.simplefilter("error")
        loss = cross_entropy_error(softmax(x), t)
    assert np.isfinite(loss)
    # Bounded by -log(1 + 1e-7) (slightly below 0) and -log(1e-7).
    assert -np.log(1 + 1e-7) - 1e-15 <= loss <= -np.log(1e-7) + 1e-12
    np.testing.assert_allclose(loss, _torch_ce(torch, x, t), rtol=TOL, atol=TOL)


# --------------------------------------------------------------------------- mean squared error

@pytest.mark.torch
@pytest.mark.parametrize("shape", [(1,), (10,), (3, 4), (2, 3, 2)])
def test_mean_squared_error_matches_torch(torch, shape):
    rng = np.random.default_rng(len(shape) * 10 + shape[0])
    y, t = rng.standard_normal(shape), rng.standard_normal(shape)
    expected = (0.5 * torch.sum((_t(torch, y) - _t(torch, t)) ** 2)).item()
    np.testing.assert_allclose(mean_squared_error(y, t), expected, rtol=TOL, atol=TOL)


def test_mean_squared_error_book_value():
    # The book's example: y = softmax-like output, t one-hot at 2.
    y = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])
    t = np.zeros(10)
    t[2] = 1
    np.testing.assert_allclose(mean_squared_error(y, t), 0.0975, rtol=1e-12)
    # Not divided by the batch size.
    np.testing.assert_allclose(mean_squared_error(np.vstack([y, y]), np.vstack([t, t])), 0.195,
                               rtol=1e-12)


# --------------------------------------------------------------------------- float32 and mutation

@pytest.mark.parametrize("name", ["sigmoid", "relu", "tanh", "softmax"])
@pytest.mark.parametrize("shape", [(5,), (3, 4)])
def test_float32_in_float32_out(name, shape):
    rng = np.random.default_rng(3)
    x64 = rng.standard_normal(shape) * 3
    x32 = x64.astype(np.float32)
    out = NP_FUNCS[name](x32)
    assert out.dtype == np.float32
    np.testing.assert_allclose(out, NP_FUNCS[name](x32.astype(np.float64)), rtol=1e-6, atol=1e-7)


def test_float32_losses_stay_float32():
    rng = np.random.default_rng(4)
    x = rng.standard_normal((4, 3)).astype(np.float32)
    t = np.array([0, 2, 1, 1])
    y = softmax(x)
    for labels in (t, np.eye(3, dtype=np.float32)[t]):
        loss = cross_entropy_error(y, labels)
        assert np.asarray(loss).dtype == np.float32
        np.testing.assert_allclose(loss, cross_entropy_error(y.astype(np.float64), t), rtol=1e-6)
    t2 = rng.standard_normal((4, 3)).astype(np.float32)
    mse = mean_squared_error(x, t2)
    assert np.asarray(mse).dtype == np.float32
    np.testing.assert_allclose(mse, mean_squared_error(x.astype(np.float64), t2.astype(np.float64)),
                               rtol=1e-6)
    # Large float32 logits: no overflow either.
    with warnings.catch_warnings(), np.errstate(over="raise", divide="raise", invalid="raise"):
        warnings.simplefilter("error")
        ys = softmax(np.array([[1000.0, -1000.0]], dtype=np.float32))
        assert ys.dtype == np.float32
        np.testing.assert_array_equal(ys, [[1.0, 0.0]])
        assert np.isfinite(cross_entropy_error(ys, np.array([1])))


def test_numerical_gradient_float32_keeps_dtype():
    x = np.array([[0.5, -1.0], [2.0, 0.25]], dtype=np.float32)
    g = numerical_gradient(lambda z: np.sum(z ** 2), x)
    assert g.dtype == np.float32
    # float32 with h = 1e-4 is coarse, but the values must still be about right.
    np.testing.assert_allclose(g, 2 * x, rtol=5e-2, atol=5e-2)


@pytest.mark.parametrize("call", [
    lambda x, t: sigmoid(x),
    lambda x, t: relu(x),
    lambda x, t: tanh(x),
    lambda x, t: softmax(x),
    lambda x, t: cross_entropy_error(softmax(x), t),
    lambda x, t: mean_squared_error(x, np.eye(x.shape[-1])[t]),
], ids=["sigmoid", "relu", "tanh", "softmax", "cross_entropy", "mse"])
def test_functions_do_not_mutate_inputs(call):
    rng = np.random.default_rng(5)
    x = rng.standard_normal((3, 4))
    x[0, 0] = -x[0, 0] if x[0, 0] > 0 else x[0, 0]  # make sure relu sees a negative
    t = np.array([1, 0, 3])
    x0, t0 = x.copy(), t.copy()
    call(x, t)
    np.testing.assert_array_equal(x, x0)
    np.testing.assert_array_equal(t, t0)


def test_cross_entropy_does_not_mutate_probabilities_or_labels():
    y = softmax(np.array([[0.3, -1.2, 2.0], [0.0, 0.0, 0.0]]))
    for t in (np.array([2, 0]), np.eye(3)[[2, 0]]):
        y0, t0 = y.copy(), t.copy()
        cross_entropy_error(y, t)
        np.testing.assert_array_equal(y, y0)
        np.testing.assert_array_equal(t, t0)
    y1 = y[0].copy()
    t1 = np.eye(3)[2]
    cross_entropy_error(y1, t1)
    assert y1.shape == (3,) and t1.shape == (3,)
    np.testing.assert_array_equal(t1, [0, 0, 1])


# --------------------------------------------------------------------------- numerical gradient

def _softmax_ce_case():
    t = np.array([[0, 1, 0], [1, 0, 0]], dtype=float)

    def f(x):
        return cross_entropy_error(softmax(x), t)

    def grad(x):
        # Exact gradient of the guarded loss -mean(log(y_t + 1e-7)).
        y = softmax(x)
        yt = np.sum(y * t, axis=1, keepdims=True)
        return (yt / (yt + 1e-7)) * (y - t) / x.shape[0]
    return f, grad


W3 = np.random.default_rng(6).standard_normal((2, 3, 2))

GRAD_CASES = {
    "1d_square": (lambda x: np.sum(x ** 2), lambda x: 2 * x, (5,)),
    "1d_sin_x": (lambda x: np.sum(np.sin(x) * x), lambda x: np.sin(x) + x * np.cos(x), (4,)),
    "2d_quartic": (lambda x: np.sum(x ** 4) / 4 + x[0, 0] * x[1, 1],
                   lambda x: x ** 3 + np.array([[x[1, 1], 0, 0], [0, x[0, 0], 0]]), (2, 3)),
    "2d_softmax_ce": (*_softmax_ce_case(), (2, 3)),
    "3d_tanh_weighted": (lambda x: np.sum(np.tanh(x) * W3),
                         lambda x: W3 * (1 - np.tanh(x) ** 2), (2, 3, 2)),
    "3d_logsumexp": (lambda x: np.log(np.sum(np.exp(x))), lambda x: np.exp(x) / np.sum(np.exp(x)),
                     (2, 3, 2)),
}


@pytest.mark.parametrize("case", list(GRAD_CASES))
def test_numerical_gradient_matches_analytic(case):
    f, grad, shape = GRAD_CASES[case]
    rng = np.random.default_rng(len(case))
    x = rng.standard_normal(shape)
    x_bytes = x.tobytes()
    g = numerical_gradient(f, x)
    assert g.shape == x.shape and g.dtype == x.dtype
    # Central differences with h = 1e-4: truncation error ~ h**2 / 6 * f''' ~ 1e-9.
    np.testing.assert_allclose(g, grad(x), rtol=1e-6, atol=1e-8)
    assert x.tobytes() == x_bytes  # restored bitwise


def test_numerical_gradient_restores_x_bitwise():
    # Values such as 1e-20 and 1e-9 for which (v + h) - h != v in floating point: restoring by adding and
    # subtracting h would not give the same bits back; -0.0 must stay -0.0.
    x = np.array([[0.1, -0.0, 1e-20], [1e-9, 12345.678, -7.7]])
    assert (x[0, 2] + 1e-4) - 1e-4 != x[0, 2] and (x[1, 0] + 1e-4) - 1e-4 != x[1, 0]
    original = x.copy()
    seen = []

    def f(z):
        # numerical_gradient hands f the very array and perturbs one element at a time.
        seen.append(int(np.sum(z.view(np.int64) != original.view(np.int64))))
        return np.sum(np.sin(z))

    g = numerical_gradient(f, x)
    assert x.tobytes() == original.tobytes()
    assert np.signbit(x[0, 1])
    assert len(seen) == 2 * x.size and set(seen) == {1}
    np.testing.assert_allclose(g, np.cos(original), rtol=1e-6, atol=1e-8)
