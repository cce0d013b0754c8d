"""reference.distributed against PyTorch autograd: the all-reduced shard gradients of a softmax regression equal the
whole batch's gradient (equal and unequal shards); FedAvg against a hand-written weighted sum."""
import numpy as np
import pytest

from reference import distributed


@pytest.fixture
def torch():
    return pytest.importorskip("torch")


def _grads(torch, W, b, x, t):
    tW, tb = torch.tensor(W, requires_grad=True), torch.tensor(b, requires_grad=True)
    loss = torch.nn.functional.cross_entropy(torch.tensor(x) @ tW + tb, torch.tensor(t))   # batch mean
    loss.backward()
    return [tW.grad.numpy(), tb.grad.numpy()]


@pytest.mark.torch
@pytest.mark.parametrize("sizes", [[8, 8, 8, 8], [20, 7, 5]])
def test_allreduce_of_shards_is_the_full_batch_gradient(torch, sizes):
    rng = np.random.default_rng(0)
    N, D, C = sum(sizes), 5, 3
    W, b = rng.normal(size=(D, C)), rng.normal(size=C)
    x, t = rng.normal(size=(N, D)), rng.integers(0, C, size=N)
    full = _grads(torch, W, b, x, t)
    bounds = np.cumsum([0] + sizes)
    shards = [_grads(torch, W, b, x[lo:hi], t[lo:hi]) for lo, hi in zip(bounds[:-1], bounds[1:])]
    equal = len(set(sizes)) == 1
    averaged = distributed.allreduce_mean(shards, None if equal else sizes)
    for a, f in zip(averaged, full):
        np.testing.assert_allclose(a, f, atol=1e-12)
    if not equal:   # the plain mean is not the full-batch gradient when the shards differ
        plain = distributed.allreduce_mean(shards)
        assert not np.allclose(plain[0], full[0])


def test_fedavg_weighted_by_samples():
    rng = np.random.default_rng(1)
    clients = [[rng.normal(size=(3, 2)), rng.normal(size=2)] for _ in range(3)]
    n = [100, 50, 10]
    out = distributed.fedavg(clients, n)
    for i in range(2):
        expected = (100 * clients[0][i] + 50 * clients[1][i] + 10 * clients[2][i]) / 160
        np.testing.assert_allclose(out[i], expected, rtol=1e-12)
    same = distributed.fedavg(clients, [7, 7, 7])
    np.testing.assert_allclose(same[0], np.mean([c[0] for c in clients], axis=0), rtol=1e-12)
