"""reference.wavenet against PyTorch: F.conv1d with left padding and dilation, and autograd of the gated residual
unit (tanh * sigmoid, 1x1 residual and skip convolutions)."""
import numpy as np
import pytest

from reference import wavenet

torch = pytest.importorskip("torch")
F = torch.nn.functional


def _torch_causal(tx, tW, tb, d):
    """x (N, T, C) -> torch's (N, C, T); W (K, C, C') -> (C', C, K); pad (K - 1) d on the left only."""
    K = tW.shape[0]
    y = F.conv1d(F.pad(tx.transpose(1, 2), ((K - 1) * d, 0)), tW.permute(2, 1, 0), tb, dilation=d)
    return y.transpose(1, 2)


@pytest.mark.parametrize("N, T, C, Co, K, d", [(2, 7, 3, 4, 2, 1), (1, 9, 2, 3, 3, 2), (3, 8, 2, 2, 2, 4),
                                               (2, 5, 1, 2, 3, 3)])
def test_causal_conv1d_matches_torch(N, T, C, Co, K, d):
    rng = np.random.default_rng(0)
    x, W, b = rng.normal(size=(N, T, C)), rng.normal(size=(K, C, Co)), rng.normal(size=Co)
    layer = wavenet.CausalConv1d(W, b, d)
    out = layer.forward(x)
    dout = rng.normal(size=out.shape)
    tx, tW, tb = (torch.tensor(a, requires_grad=True) for a in (x, W, b))
    t = _torch_causal(tx, tW, tb, d)
    t.backward(torch.tensor(dout))
    np.testing.assert_allclose(out, t.detach().numpy(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(layer.backward(dout.copy()), tx.grad.numpy(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(layer.dW, tW.grad.numpy(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(layer.db, tb.grad.numpy(), rtol=1e-10, atol=1e-12)


def test_causal_conv1d_never_sees_the_future_and_has_the_stated_receptive_field():
    rng = np.random.default_rng(1)
    K, d, T = 3, 2, 12
    layer = wavenet.CausalConv1d(rng.normal(size=(K, 1, 1)), np.zeros(1), d)
    x = np.zeros((1, T, 1))
    x[0, 5, 0] = 1.0                       # an impulse at t = 5
    y = layer.forward(x)[0, :, 0]
    assert np.all(y[:5] == 0)             # nothing before the impulse
    assert set(np.flatnonzero(y)) <= {5, 7, 9}   # t = 5 + k d, k < K: receptive field (K - 1) d + 1 = 5
    np.testing.assert_allclose(y[[5, 7, 9]], layer.W[::-1, 0, 0])   # W[K - 1] weights the current step


def test_wavenet_block_matches_torch_autograd():
    rng = np.random.default_rng(2)
    N, T, C, Cz, Cs, K, d = 2, 9, 3, 4, 5, 2, 2
    x = rng.normal(size=(N, T, C))
    ws = [rng.normal(size=(K, C, Cz)) * 0.5, rng.normal(size=Cz) * 0.3, rng.normal(size=(K, C, Cz)) * 0.5,
          rng.normal(size=Cz) * 0.3, rng.normal(size=(Cz, C)) * 0.5, rng.normal(size=C) * 0.3,
          rng.normal(size=(Cz, Cs)) * 0.5, rng.normal(size=Cs) * 0.3]
    block = wavenet.WaveNetBlock(*ws, dilation=d)
    res, skip = block.forward(x)
    dres, dskip = rng.normal(size=res.shape), rng.normal(size=skip.shape)
    tx = torch.tensor(x, requires_grad=True)
    tw = [torch.tensor(w, requires_grad=True) for w in ws]
    z = torch.tanh(_torch_causal(tx, tw[0], tw[1], d)) * torch.sigmoid(_torch_causal(tx, tw[2], tw[3], d))
    t_res, t_skip = tx + z @ tw[4] + tw[5], z @ tw[6] + tw[7]
    (t_res * torch.tensor(dres)).sum().add((t_skip * torch.tensor(dskip)).sum()).backward()
    np.testing.assert_allclose(res, t_res.detach().numpy(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(skip, t_skip.detach().numpy(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(block.backward(dres.copy(), dskip.copy()), tx.grad.numpy(), rtol=1e-9, atol=1e-12)
    grads = [block.conv_f.dW, block.conv_f.db, block.conv_g.dW, block.conv_g.db, block.dWr, block.dbr, block.dWs,
             block.dbs]
    for mine, t in zip(grads, tw):
        np.testing.assert_allclose(mine, t.grad.numpy(), rtol=1e-9, atol=1e-12)
