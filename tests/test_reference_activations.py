"""reference.activations (and its other conventions) against PyTorch (F.leaky_relu, F.gelu, torch.softmax,
torch.logsumexp, F.log_softmax with autograd) and hand values (the step function)."""
import numpy as np
import pytest

from gradcheck import close, num_grad, rel_err, torch_run
from reference import basics_conventions as conv
from reference.activations import GELU, LeakyRelu, log_softmax, logsumexp, softmax_temperature, step_function


@pytest.fixture
def torch():
    return pytest.importorskip("torch")


def away(rng, shape, margin=0.05):
    x = rng.standard_normal(shape)
    return np.sign(x + (x == 0)) * (margin + np.abs(x))


def test_step_function_hand_values():
    y = step_function(np.array([-1.0, 0.0, 1e-9, 2.0]))
    assert y.tolist() == [0, 0, 1, 1] and y.dtype.kind == "i"
    assert conv.step_function_one_at_zero(np.array([-1.0, 0.0, 2.0])).tolist() == [0, 1, 1]


@pytest.mark.torch
@pytest.mark.parametrize("alpha", [0.01, 0.2, 0.3])
@pytest.mark.parametrize("shape", [(7,), (4, 3), (2, 3, 4, 5)])
def test_leaky_relu_vs_torch(torch, alpha, shape):
    rng = np.random.default_rng(shape[-1])
    x, dout = away(rng, shape) * 2, rng.standard_normal(shape)
    layer = LeakyRelu(alpha)
    out = layer.forward(x)
    expected, (dx,) = torch_run(torch, lambda a: torch.nn.functional.leaky_relu(a, alpha), [x], dout)
    close(out, expected)
    close(layer.backward(dout), dx)
    assert LeakyRelu().alpha == 0.01 and conv.LeakyReluTFDefault().alpha == 0.2


@pytest.mark.torch
@pytest.mark.parametrize("shape", [(8,), (4, 5), (2, 3, 4, 4)])
def test_gelu_tanh_vs_torch_and_exact_convention(torch, shape):
    rng = np.random.default_rng(len(shape))
    x, dout = 2 * rng.standard_normal(shape), rng.standard_normal(shape)
    layer = GELU()
    out = layer.forward(x)
    expected, (dx,) = torch_run(torch, lambda a: torch.nn.functional.gelu(a, approximate="tanh"), [x], dout)
    close(out, expected)
    close(layer.backward(dout), dx)
    exact = conv.GELUExact()
    expected, (dx,) = torch_run(torch, torch.nn.functional.gelu, [x], dout)
    close(exact.forward(x), expected)
    close(exact.backward(dout), dx)
    # the two conventions differ by far more than the grader's tolerance (1e-6 relative)
    assert rel_err(out, exact.forward(x)) > 1e-5


def test_gelu_backward_vs_central_differences():
    rng = np.random.default_rng(5)
    x, dout = rng.uniform(-6, 6, (3, 4)), rng.standard_normal((3, 4))
    layer = GELU()
    layer.forward(x)
    dx = layer.backward(dout)
    assert rel_err(dx, num_grad(lambda: np.sum(GELU().forward(x) * dout), x)) < 1e-7


@pytest.mark.torch
@pytest.mark.parametrize("T", [0.5, 1.0, 2.0, 10.0])
@pytest.mark.parametrize("shape", [(6,), (4, 5)])
def test_softmax_temperature_vs_torch(torch, T, shape):
    x = np.random.default_rng(7).standard_normal(shape) * 3
    close(softmax_temperature(x, T), torch.softmax(torch.from_numpy(x) / T, dim=-1).numpy())
    assert np.allclose(softmax_temperature(x, T).sum(axis=-1), 1.0)


def test_softmax_temperature_limits_and_overflow():
    x = np.array([[1000.0, 999.0, -1000.0]])
    y = softmax_temperature(x, 0.5)
    assert np.all(np.isfinite(y)) and y[0, 0] > 0.85
    flat = softmax_temperature(np.array([1.0, 2.0, 3.0]), 1e6)
    assert np.allclose(flat, 1 / 3, atol=1e-5)


@pytest.mark.torch
@pytest.mark.parametrize("shape, axis", [((6,), -1), ((4, 5), -1), ((4, 5), 0), ((2, 3, 4), 1)])
def test_logsumexp_vs_torch(torch, shape, axis):
    x = np.random.default_rng(11).standard_normal(shape) * 4
    close(logsumexp(x, axis=axis), torch.logsumexp(torch.from_numpy(x), dim=axis).numpy())
    keep = conv.logsumexp_keepdims(x, axis=axis)
    close(keep, torch.logsumexp(torch.from_numpy(x), dim=axis, keepdim=True).numpy())


@pytest.mark.torch
def test_logsumexp_and_log_softmax_extreme_values(torch):
    x = np.array([[1000.0, 1000.0, -1000.0], [-1000.0, -1001.0, -1002.0]])
    close(logsumexp(x), torch.logsumexp(torch.from_numpy(x), dim=-1).numpy())
    assert np.allclose(logsumexp(x)[0], 1000 + np.log(2))
    close(log_softmax(x), torch.log_softmax(torch.from_numpy(x), dim=-1).numpy())
    assert np.all(np.isfinite(log_softmax(x)))


@pytest.mark.torch
def test_log_softmax_gradient_by_autograd(torch):
    rng = np.random.default_rng(2)
    x, dout = rng.standard_normal((3, 4)), rng.standard_normal((3, 4))
    expected, (dx,) = torch_run(torch, lambda a: torch.log_softmax(a, dim=-1), [x], dout)
    close(log_softmax(x), expected)
    # d/dx Σ dout · log_softmax(x) = dout - softmax(x) Σ dout
    sm = np.exp(log_softmax(x))
    close(dout - sm * dout.sum(axis=-1, keepdims=True), dx)
    assert rel_err(num_grad(lambda: np.sum(log_softmax(x) * dout), x), dx) < 1e-7
