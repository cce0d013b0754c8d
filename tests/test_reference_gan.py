"""reference/gan.py against PyTorch (float64): BCE via F.binary_cross_entropy and autograd, WGAN-GP's gradient
penalty via torch.autograd.grad on a small critic, the cGAN input and the cycle loss via autograd; hand values."""
import numpy as np
import pytest
from gradcheck import close, num_grad

from reference import gan
from reference import generative_conventions as conv


@pytest.fixture
def torch():
    return pytest.importorskip("torch")


def _t(torch, a, grad=True):
    return torch.tensor(a, dtype=torch.float64, requires_grad=grad)


def _probs(rng, n):
    return rng.uniform(0.03, 0.97, (n, 1))


@pytest.mark.torch
@pytest.mark.parametrize("N", [1, 4, 9])
def test_discriminator_loss_vs_torch_bce(torch, N):
    import torch.nn.functional as F
    rng = np.random.default_rng(N)
    d_real, d_fake = _probs(rng, N), _probs(rng, N)
    layer = gan.DiscriminatorLoss()
    loss = layer.forward(d_real, d_fake)
    dr, df = layer.backward()
    tr, tf = _t(torch, d_real), _t(torch, d_fake)
    tloss = F.binary_cross_entropy(tr, torch.ones_like(tr)) + F.binary_cross_entropy(tf, torch.zeros_like(tf))
    tloss.backward()
    close(loss, tloss.item())
    close(dr, tr.grad.numpy())
    close(df, tf.grad.numpy())


@pytest.mark.torch
@pytest.mark.parametrize("N", [1, 5])
def test_generator_losses_vs_torch(torch, N):
    import torch.nn.functional as F
    rng = np.random.default_rng(10 + N)
    d_fake = _probs(rng, N)
    for layer, fn in ((gan.GeneratorLoss(), lambda t: F.binary_cross_entropy(t, torch.ones_like(t))),
                      (conv.GeneratorLossMinimax(), lambda t: torch.mean(torch.log(1 - t)))):
        loss = layer.forward(d_fake)
        grad = layer.backward()
        tf = _t(torch, d_fake)
        tloss = fn(tf)
        tloss.backward()
        close(loss, tloss.item())
        close(grad, tf.grad.numpy())


def test_generator_gradients_saturate_as_the_paper_says():
    # D(G(z)) = 0.01: the minimax gradient is about -1, the non-saturating one -100 (per sample, N = 1).
    d_fake = np.array([[0.01]])
    ns, mm = gan.GeneratorLoss(), conv.GeneratorLossMinimax()
    ns.forward(d_fake)
    mm.forward(d_fake)
    close(ns.backward(), [[-100.0]])
    close(mm.backward(), [[-1 / 0.99]])


def test_critic_loss_and_interpolate_hand_values():
    close(gan.critic_loss(np.array([[3.0], [1.0]]), np.array([[0.5], [-0.5]])), 0.0 - 2.0)
    x, xf, e = np.array([[2.0, 4.0], [1.0, 1.0]]), np.array([[0.0, 0.0], [3.0, 5.0]]), np.array([[0.25], [1.0]])
    close(gan.interpolate(x, xf, e), [[0.5, 1.0], [1.0, 1.0]])


def test_gradient_penalty_linear_critic_hand_value():
    # D(x) = x @ w: its gradient is w at every x_hat, so the penalty is lam (||w|| - 1)^2 = 10 (5 - 1)^2.
    w = np.array([3.0, 4.0])
    grad = np.tile(w, (3, 1))
    close(gan.gradient_penalty(grad), 160.0)
    close(gan.gradient_penalty(grad, lam=1.0), 16.0)


@pytest.mark.torch
@pytest.mark.parametrize("shape", [(4, 3), (2, 3, 4, 5), (1, 6)])
def test_gradient_penalty_vs_torch_autograd_grad(torch, shape):
    rng = np.random.default_rng(sum(shape))
    N = shape[0]
    x_real, x_fake = rng.standard_normal(shape), rng.standard_normal(shape)
    e = rng.random((N,) + (1,) * (len(shape) - 1))
    D = int(np.prod(shape[1:]))
    W1, W2 = rng.standard_normal((D, 5)), rng.standard_normal((5, 1))
    x_hat = gan.interpolate(x_real, x_fake, e)
    tx = torch.tensor(x_real) * torch.tensor(e) + torch.tensor(x_fake) * (1 - torch.tensor(e))
    tx.requires_grad_(True)
    score = torch.tanh(tx.reshape(N, -1) @ torch.tensor(W1)) @ torch.tensor(W2)
    (grad,) = torch.autograd.grad(score.sum(), tx, create_graph=True)
    penalty = 10.0 * ((grad.reshape(N, -1).norm(2, dim=1) - 1) ** 2).mean()
    close(x_hat, tx.detach().numpy())
    close(gan.gradient_penalty(grad.detach().numpy()), penalty.item())


@pytest.mark.torch
@pytest.mark.parametrize("shape, K, y", [((3, 4), 5, [0, 4, 2]), ((2, 3, 4, 5), 3, [2, 0]), ((1, 2), 2, [1])])
def test_condition_concat_vs_torch(torch, shape, K, y):
    import torch.nn.functional as F
    rng = np.random.default_rng(K)
    x, y = rng.standard_normal(shape), np.array(y)
    layer = gan.ConditionConcat(K)
    out = layer.forward(x, y)
    tx = _t(torch, x)
    oh = F.one_hot(torch.tensor(y), K).double()
    if len(shape) == 4:
        oh = oh[:, :, None, None].expand(-1, -1, shape[2], shape[3])
    tout = torch.cat([tx, oh], dim=1)
    dout = rng.standard_normal(out.shape)
    tout.backward(torch.tensor(dout))
    close(out, tout.detach().numpy())
    close(layer.backward(dout), tx.grad.numpy())


@pytest.mark.torch
@pytest.mark.parametrize("N, M, Dx, Dy", [(3, 2, 4, 3), (1, 1, 2, 2), (4, 5, 3, 6)])
def test_cycle_loss_vs_torch(torch, N, M, Dx, Dy):
    rng = np.random.default_rng(N * M + Dx * Dy)
    x, y = rng.standard_normal((N, Dx)), rng.standard_normal((M, Dy))
    Wg, Wf = rng.standard_normal((Dx, Dy)), rng.standard_normal((Dy, Dx))
    layer = gan.CycleConsistencyLoss(Wg.copy(), Wf.copy(), lam=7.0)
    loss = layer.forward(x, y)
    dx, dy = layer.backward()
    tx, ty, tg, tf = (_t(torch, a) for a in (x, y, Wg, Wf))
    tloss = 7.0 * ((tx @ tg @ tf - tx).abs().mean() + (ty @ tf @ tg - ty).abs().mean())
    tloss.backward()
    close(loss, tloss.item())
    for a, t in ((dx, tx), (dy, ty), (layer.dWg, tg), (layer.dWf, tf)):
        close(a, t.grad.numpy())


def test_cycle_loss_identity_generators_is_zero_and_numerical_gradient():
    rng = np.random.default_rng(3)
    x, y = rng.standard_normal((2, 3)), rng.standard_normal((4, 3))
    close(gan.CycleConsistencyLoss(np.eye(3), np.eye(3)).forward(x, y), 0.0)
    layer = gan.CycleConsistencyLoss(rng.standard_normal((3, 3)), rng.standard_normal((3, 3)))
    layer.forward(x, y)
    layer.backward()
    np.testing.assert_allclose(layer.dWg, num_grad(lambda: layer.forward(x, y), layer.Wg), rtol=1e-6)
