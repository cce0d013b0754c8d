"""reference.metric_learning against PyTorch autograd (and F.triplet_margin_loss for the Euclidean convention)."""
import numpy as np
import pytest

from reference import metric_learning as mlr


@pytest.fixture
def torch():
    return pytest.importorskip("torch")


def _check(torch, layer, arrays, torch_loss, dout=0.7, const=()):
    loss = layer.forward(*arrays)
    grads = layer.backward(dout)
    ts = [torch.tensor(a, requires_grad=i not in const) for i, a in enumerate(arrays)]
    tl = torch_loss(*ts)
    (dout * tl).backward()
    assert loss == pytest.approx(tl.item(), rel=1e-12)
    diff_inputs = [t for i, t in enumerate(ts) if i not in const]
    for g, t in zip(grads, diff_inputs):
        np.testing.assert_allclose(g, t.grad.numpy(), atol=1e-12)


@pytest.mark.torch
def test_contrastive_loss_against_autograd(torch):
    rng = np.random.default_rng(0)
    x1, x2 = rng.normal(size=(8, 4)), rng.normal(size=(8, 4)) * 0.6
    y = np.array([1, 0, 1, 0, 0, 1, 0, 1], dtype=float)

    def ref(a, b, t):
        d = torch.sqrt(((a - b) ** 2).sum(dim=1))
        return (t * d ** 2 + (1 - t) * torch.clamp(2.0 - d, min=0) ** 2).sum() / (2 * len(d))
    _check(torch, mlr.ContrastiveLoss(2.0), (x1, x2, y), ref, const=(2,))


@pytest.mark.torch
def test_triplet_loss_against_autograd(torch):
    rng = np.random.default_rng(1)
    a, p, n = rng.normal(size=(7, 3)), rng.normal(size=(7, 3)), rng.normal(size=(7, 3))

    def ref(a, p, n):
        return torch.clamp(((a - p) ** 2).sum(1) - ((a - n) ** 2).sum(1) + 0.5, min=0).mean()
    _check(torch, mlr.TripletLoss(0.5), (a, p, n), ref)


@pytest.mark.torch
@pytest.mark.parametrize("tau", [0.5, 0.1])
def test_nt_xent_against_autograd(torch, tau):
    import torch.nn.functional as F
    rng = np.random.default_rng(2)
    z1, z2 = rng.normal(size=(4, 5)), rng.normal(size=(4, 5))

    def ref(a, b):
        z = F.normalize(torch.cat([a, b]), dim=1)
        sim = z @ z.T / tau
        sim = sim.masked_fill(torch.eye(8, dtype=torch.bool), float("-inf"))
        target = (torch.arange(8) + 4) % 8
        return F.cross_entropy(sim, target)
    _check(torch, mlr.NTXentLoss(tau), (z1, z2), ref)


def test_contrastive_conventions_relations():
    from reference import metric_learning_conventions as mlc
    rng = np.random.default_rng(3)
    x1, x2, y = rng.normal(size=(6, 3)), rng.normal(size=(6, 3)), np.array([1, 0, 1, 0, 0, 1])
    base = mlr.ContrastiveLoss(2.5).forward(x1, x2, y)
    assert mlc.ContrastiveLossNoHalf(2.5).forward(x1, x2, y) == pytest.approx(2 * base)
    assert mlc.ContrastiveLossHadsellLabels(2.5).forward(x1, x2, 1 - y) == pytest.approx(base)


@pytest.mark.torch
def test_triplet_euclidean_convention_is_torchs(torch):
    import torch.nn.functional as F
    from reference import metric_learning_conventions as mlc
    rng = np.random.default_rng(4)
    a, p, n = rng.normal(size=(6, 3)), rng.normal(size=(6, 3)), rng.normal(size=(6, 3))
    layer = mlc.TripletLossEuclidean(0.8)
    loss = layer.forward(a, p, n)
    grads = layer.backward(1.0)
    ts = [torch.tensor(v, requires_grad=True) for v in (a, p, n)]
    tl = F.triplet_margin_loss(*ts, margin=0.8, p=2, eps=0.0)
    tl.backward()
    assert loss == pytest.approx(tl.item(), rel=1e-10)
    for g, t in zip(grads, ts):
        np.testing.assert_allclose(g, t.grad.numpy(), atol=1e-10)
