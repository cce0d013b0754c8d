"""Correctness of reference/time_layers.py: TimeAffine, TimeSoftmaxWithLoss (ignore label −1) and clip_grads.

Against PyTorch: autograd for TimeAffine, F.cross_entropy(ignore_index=-1) for the loss (mean over the labels
that are not ignored), nn.utils.clip_grad_norm_ for clipping (the same max_norm / (norm + 1e-6) rule). float64.
"""
import numpy as np
import pytest
from gradcheck import close

from reference.time_layers import TimeAffine, TimeSoftmaxWithLoss, clip_grads


@pytest.fixture
def torch():
    return pytest.importorskip("torch")


@pytest.mark.torch
@pytest.mark.parametrize("N, T, D, M", [(1, 1, 2, 3), (2, 4, 3, 5), (3, 2, 4, 1)])
def test_time_affine_vs_torch(torch, N, T, D, M):
    rng = np.random.default_rng(N * T * D * M)
    x, W, b = rng.standard_normal((N, T, D)), rng.standard_normal((D, M)), rng.standard_normal(M)
    dout = rng.standard_normal((N, T, M))
    layer = TimeAffine(W, b)
    held = list(layer.grads)
    out = layer.forward(x)
    dx = layer.backward(dout)
    tx, tW, tb = (torch.tensor(a, requires_grad=True) for a in (x, W, b))
    t_out = tx @ tW + tb
    t_out.backward(torch.tensor(dout))
    close(out, t_out.detach().numpy())
    close(dx, tx.grad.numpy())
    close(layer.grads[0], tW.grad.numpy())
    close(layer.grads[1], tb.grad.numpy())
    assert all(g is h for g, h in zip(layer.grads, held))


@pytest.mark.torch
@pytest.mark.parametrize("N, T, V, ignored, onehot", [
    (2, 3, 4, 0, False), (3, 5, 6, 4, False), (1, 4, 3, 2, False), (4, 2, 5, 7, False),
    (2, 3, 4, 0, True), (1, 4, 3, 0, True)])  # one-hot labels cannot say -1
def test_time_softmax_with_loss_vs_torch(torch, N, T, V, ignored, onehot):
    rng = np.random.default_rng(N * T * V + ignored)
    xs = rng.standard_normal((N, T, V)) * 2
    ts = rng.integers(0, V, (N, T))
    if ignored:
        ts.reshape(-1)[rng.choice(N * T, ignored, replace=False)] = -1
    ts_in = np.eye(V)[ts] if onehot else ts
    layer = TimeSoftmaxWithLoss()
    loss = layer.forward(xs, ts_in)
    dxs = layer.backward(1.3)
    tx = torch.tensor(xs, requires_grad=True)
    t_loss = torch.nn.functional.cross_entropy(tx.reshape(N * T, V), torch.tensor(ts.reshape(-1)), ignore_index=-1)
    (t_loss * 1.3).backward()
    close(loss, t_loss.item())
    close(dxs, tx.grad.numpy())
    assert np.all(dxs[ts == -1] == 0)


def test_time_softmax_backward_twice_gives_the_same():
    rng = np.random.default_rng(0)
    layer = TimeSoftmaxWithLoss()
    layer.forward(rng.standard_normal((2, 3, 4)), rng.integers(0, 4, (2, 3)))
    close(layer.backward(), layer.backward())


@pytest.mark.torch
@pytest.mark.parametrize("scale, max_norm", [(10.0, 5.0), (0.1, 5.0), (3.0, 1.0)])
def test_clip_grads_vs_torch(torch, scale, max_norm):
    rng = np.random.default_rng(int(scale * 10))
    grads = [rng.standard_normal((3, 3)) * scale, rng.standard_normal(4) * scale, rng.standard_normal((2, 5)) * scale]
    held = list(grads)
    before = [g.copy() for g in grads]
    assert clip_grads(grads, max_norm) is None
    params = [torch.zeros(g.shape, dtype=torch.float64, requires_grad=True) for g in before]
    for p, g in zip(params, before):
        p.grad = torch.tensor(g)
    torch.nn.utils.clip_grad_norm_(params, max_norm)
    for g, h, p in zip(grads, held, params):
        assert g is h
        close(g, p.grad.numpy())
    norm = np.sqrt(sum(np.sum(g ** 2) for g in grads))
    assert norm <= max_norm + 1e-9
