"""reference.regularization against PyTorch autograd (the penalties' gradients, SGD's weight_decay, DropConnect)
and hand values (inverted dropout's scale, KQ's 10 / 0.8 = 12.5)."""
import numpy as np
import pytest

from gradcheck import close, num_grad, rel_err, torch_run
from reference.regularization import (DropConnectAffine, InvertedDropout, l1_grad, l1_penalty, weight_decay_grad,
                                      weight_decay_loss)


@pytest.fixture
def torch():
    return pytest.importorskip("torch")


def params_of(rng, sizes):
    params = {}
    for i, (d, h) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
        params['W' + str(i)] = rng.standard_normal((d, h))
        params['b' + str(i)] = rng.standard_normal(h) * 3
    return params


def test_weight_decay_hand_value_leaves_biases_out():
    params = {'W1': np.array([[1.0, -2.0]]), 'b1': np.array([100.0, 100.0]), 'W2': np.array([[3.0], [0.0]]),
              'b2': np.array([5.0])}
    assert weight_decay_loss(params, 0.1) == pytest.approx(0.5 * 0.1 * (1 + 4 + 9))
    assert l1_penalty(params, 0.1) == pytest.approx(0.1 * (1 + 2 + 3))


@pytest.mark.torch
@pytest.mark.parametrize("sizes, lam", [((4, 3, 2), 0.1), ((5, 4, 4, 3), 0.01), ((2, 6), 0.5)])
def test_penalty_gradients_are_autograd_of_the_penalties(torch, sizes, lam):
    rng = np.random.default_rng(len(sizes))
    params = params_of(rng, sizes)
    ws = {k: torch.tensor(v, requires_grad=True) for k, v in params.items() if k.startswith('W')}
    l2 = sum(0.5 * lam * (w ** 2).sum() for w in ws.values())
    l1 = sum(lam * w.abs().sum() for w in ws.values())
    assert weight_decay_loss(params, lam) == pytest.approx(l2.item(), rel=1e-12)
    assert l1_penalty(params, lam) == pytest.approx(l1.item(), rel=1e-12)
    g2 = torch.autograd.grad(l2, list(ws.values()))
    g1 = torch.autograd.grad(l1, list(ws.values()))
    for (key, W), a2, a1 in zip(((k, v) for k, v in params.items() if k.startswith('W')), g2, g1):
        dW = rng.standard_normal(W.shape)
        close(weight_decay_grad(dW, W, lam), dW + a2.numpy())
        close(l1_grad(dW, W, lam), dW + a1.numpy())


@pytest.mark.torch
def test_weight_decay_step_matches_torch_sgd_weight_decay(torch):
    rng = np.random.default_rng(4)
    W, dW, lam, lr = rng.standard_normal((3, 4)), rng.standard_normal((3, 4)), 0.05, 0.1
    w = torch.tensor(W.copy(), requires_grad=True)
    w.grad = torch.tensor(dW.copy())
    torch.optim.SGD([w], lr=lr, weight_decay=lam).step()
    close(W - lr * weight_decay_grad(dW, W, lam), w.detach().numpy())


def test_inverted_dropout_scale_mask_and_inference():
    np.random.seed(0)
    x = np.full((400, 50), 10.0)
    layer = InvertedDropout(0.2)
    out = layer.forward(x)
    assert np.allclose(np.unique(out), [0.0, 12.5])                # 10 / 0.8 = 12.5
    assert abs((out != 0).mean() - 0.8) < 0.01
    assert abs(out.mean() - 10.0) < 0.15                           # the expectation is kept
    dout = np.random.default_rng(1).standard_normal(x.shape)
    close(layer.backward(dout), dout * (out != 0) / 0.8)
    assert np.array_equal(layer.forward(x, train_flg=False), x)
    assert not np.array_equal(layer.forward(x) != 0, out != 0)     # a new mask per call
    assert InvertedDropout().forward(np.ones((2, 3), np.float32)).dtype == np.float32


@pytest.mark.torch
def test_inverted_dropout_scales_as_torch_dropout(torch):
    x = np.random.default_rng(2).standard_normal((300, 40)) + 5
    t = torch.nn.functional.dropout(torch.from_numpy(x), p=0.3, training=True).numpy()
    kept = t != 0
    close(t[kept] / x[kept], np.full(kept.sum(), 1 / 0.7))
    np.random.seed(3)
    ours = InvertedDropout(0.3).forward(x)
    close(ours[ours != 0] / x[ours != 0], np.full((ours != 0).sum(), 1 / 0.7))
    assert np.array_equal(torch.nn.functional.dropout(torch.from_numpy(x), p=0.3, training=False).numpy(),
                          InvertedDropout(0.3).forward(x, train_flg=False))


@pytest.mark.torch
@pytest.mark.parametrize("N, D, H, p", [(4, 3, 5, 0.5), (1, 6, 2, 0.7), (5, 4, 4, 0.3)])
def test_dropconnect_vs_torch_autograd(torch, N, D, H, p):
    rng = np.random.default_rng(N * D + H)
    x, W, b = rng.standard_normal((N, D)), rng.standard_normal((D, H)), rng.standard_normal(H)
    mask, dout = rng.random((D, H)) < p, rng.standard_normal((N, H))
    layer = DropConnectAffine(W, b)
    out = layer.forward(x, mask)
    m = torch.from_numpy(mask.astype(np.float64))
    expected, (dx, dW, db) = torch_run(torch, lambda a, w, c: a @ (w * m) + c, [x, W, b], dout)
    close(out, expected)
    close(layer.backward(dout), dx)
    close(layer.dW, dW)
    close(layer.db, db)
    assert np.all(layer.dW[~mask] == 0)
    # only the masked weights matter: changing a dropped weight changes nothing
    W2 = W.copy()
    W2[~mask] += 100
    close(DropConnectAffine(W2, b).forward(x, mask), out)


def test_dropconnect_gradient_vs_central_differences():
    rng = np.random.default_rng(9)
    x, W, b = rng.standard_normal((3, 4)), rng.standard_normal((4, 2)), rng.standard_normal(2)
    mask, dout = rng.random((4, 2)) < 0.5, rng.standard_normal((3, 2))
    layer = DropConnectAffine(W, b)
    layer.forward(x, mask)
    layer.backward(dout)
    assert rel_err(layer.dW, num_grad(lambda: np.sum(DropConnectAffine(W, b).forward(x, mask) * dout), W)) < 1e-7
