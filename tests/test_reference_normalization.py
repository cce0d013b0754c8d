"""reference.normalization against PyTorch: F.group_norm, F.instance_norm (G = C), F.layer_norm over (C, H, W)
(G = 1), autograd for backward."""
import numpy as np
import pytest

from reference.normalization import GroupNormalization

torch = pytest.importorskip("torch")
F = torch.nn.functional


def _check(x, gamma, beta, G, fn, rng):
    layer = GroupNormalization(gamma, beta, G)
    out = layer.forward(x)
    dout = rng.normal(size=out.shape)
    tx, tg, tb = (torch.tensor(a, requires_grad=True) for a in (x, gamma, beta))
    t_out = fn(tx, tg, tb)
    t_out.backward(torch.tensor(dout))
    np.testing.assert_allclose(out, t_out.detach().numpy(), rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(layer.backward(dout.copy()), tx.grad.numpy(), rtol=1e-8, atol=1e-12)
    np.testing.assert_allclose(layer.dgamma, tg.grad.numpy(), rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(layer.dbeta, tb.grad.numpy(), rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("shape, G", [((2, 6, 3, 4), 3), ((1, 4, 5, 3), 2), ((3, 8, 2, 2), 4), ((2, 3, 4, 4), 1)])
def test_group_norm_matches_torch(shape, G):
    rng = np.random.default_rng(0)
    x = rng.normal(size=shape) * 3 + rng.normal(size=(1, shape[1], 1, 1))
    gamma, beta = rng.normal(size=shape[1]) + 1, rng.normal(size=shape[1])
    _check(x, gamma, beta, G, lambda t, g, b: F.group_norm(t, G, g, b, eps=1e-5), rng)


@pytest.mark.parametrize("shape", [(2, 3, 4, 5), (1, 2, 3, 3)])
def test_instance_norm_is_group_norm_with_one_channel_per_group(shape):
    rng = np.random.default_rng(1)
    x = rng.normal(size=shape) * 2
    gamma, beta = rng.normal(size=shape[1]) + 1, rng.normal(size=shape[1])
    _check(x, gamma, beta, shape[1],
           lambda t, g, b: F.instance_norm(t, weight=g, bias=b, use_input_stats=True, eps=1e-5), rng)


def test_one_group_is_layer_norm_over_channels_and_space():
    rng = np.random.default_rng(2)
    x = rng.normal(size=(2, 3, 4, 2))
    gamma, beta = rng.normal(size=3) + 1, rng.normal(size=3)
    _check(x, gamma, beta, 1,
           lambda t, g, b: F.layer_norm(t, (3, 4, 2), eps=1e-5) * g[:, None, None] + b[:, None, None], rng)


def test_group_statistics_by_hand():
    """Each (sample, group) block of the normalised output has mean 0 and (biased) variance var / (var + eps)."""
    rng = np.random.default_rng(3)
    x = rng.normal(size=(2, 6, 3, 3)) * 5
    xn = GroupNormalization(np.ones(6), np.zeros(6), 2).forward(x)
    for n in range(2):
        for g in range(2):
            block, orig = xn[n, 3 * g:3 * g + 3], x[n, 3 * g:3 * g + 3]
            assert abs(block.mean()) < 1e-12
            np.testing.assert_allclose(block.var(), orig.var() / (orig.var() + 1e-5), rtol=1e-12)
