"""reference/vae.py against PyTorch autograd (float64) and hand values.

The reparameterisation, the KL term and the negative ELBO: every forward value and every returned gradient.
The ELBO's reconstruction term is checked against F.binary_cross_entropy(reduction='sum'), its conventions
(summed squared error; ゼロから作る⑤'s form) against F.mse_loss(reduction='sum').
"""
import numpy as np
import pytest
from gradcheck import close, num_grad

from reference import generative_conventions as conv
from reference.vae import GaussianKL, Reparameterize, VAELoss

SHAPES = [(1, 1), (4, 3), (2, 7)]  # N, latent


@pytest.fixture
def torch():
    return pytest.importorskip("torch")


def _t(torch, a, grad=True):
    return torch.tensor(a, dtype=torch.float64, requires_grad=grad)


@pytest.mark.torch
@pytest.mark.parametrize("N, L", SHAPES)
def test_reparameterize_vs_torch(torch, N, L):
    rng = np.random.default_rng(N * 10 + L)
    mu, logvar, eps, dz = (rng.standard_normal((N, L)) for _ in range(4))
    layer = Reparameterize()
    z = layer.forward(mu, logvar, eps)
    dmu, dlogvar = layer.backward(dz)
    tmu, tlv = _t(torch, mu), _t(torch, logvar)
    tz = tmu + torch.tensor(eps) * torch.exp(0.5 * tlv)
    tz.backward(torch.tensor(dz))
    close(z, tz.detach().numpy())
    close(dmu, tmu.grad.numpy())
    close(dlogvar, tlv.grad.numpy())


def test_reparameterize_hand_values():
    # logvar = 2 log 3 gives σ = 3: z = 1 + 0.5·3 = 2.5; dz/dlogvar = eps·σ/2 = 0.75.
    layer = Reparameterize()
    z = layer.forward(np.array([[1.0]]), np.array([[2 * np.log(3.0)]]), np.array([[0.5]]))
    close(z, [[2.5]])
    dmu, dlogvar = layer.backward(np.array([[1.0]]))
    close(dmu, [[1.0]])
    close(dlogvar, [[0.75]])


@pytest.mark.torch
@pytest.mark.parametrize("N, L", SHAPES)
def test_gaussian_kl_vs_torch_distributions(torch, N, L):
    from torch.distributions import Normal, kl_divergence
    rng = np.random.default_rng(N + L)
    mu, logvar = rng.standard_normal((N, L)), rng.standard_normal((N, L)) * 1.5
    layer = GaussianKL()
    loss = layer.forward(mu, logvar)
    dmu, dlogvar = layer.backward()
    tmu, tlv = _t(torch, mu), _t(torch, logvar)
    q = Normal(tmu, torch.exp(0.5 * tlv))
    p = Normal(torch.zeros_like(tmu), torch.ones_like(tmu))
    tloss = kl_divergence(q, p).sum() / N
    tloss.backward()
    close(loss, tloss.item())
    close(dmu, tmu.grad.numpy())
    close(dlogvar, tlv.grad.numpy())


def test_gaussian_kl_hand_values_and_numerical_gradient():
    layer = GaussianKL()
    # μ = 0, σ = 1: KL 0. One sample, μ = 1, σ² = e: −½(1 + 1 − 1 − e) = (e − 1)/2.
    close(layer.forward(np.zeros((3, 2)), np.zeros((3, 2))), 0.0)
    close(layer.forward(np.array([[1.0]]), np.array([[1.0]])), (np.e - 1) / 2)
    rng = np.random.default_rng(5)
    mu, logvar = rng.standard_normal((3, 4)), rng.standard_normal((3, 4))
    layer.forward(mu, logvar)
    dmu, dlogvar = layer.backward()
    np.testing.assert_allclose(dmu, num_grad(lambda: GaussianKL().forward(mu, logvar), mu), rtol=1e-7)
    np.testing.assert_allclose(dlogvar, num_grad(lambda: GaussianKL().forward(mu, logvar), logvar), rtol=1e-7)


def _elbo_inputs(N, D, L, seed):
    rng = np.random.default_rng(seed)
    return (rng.random((N, D)), rng.uniform(0.05, 0.95, (N, D)), rng.standard_normal((N, L)),
            rng.standard_normal((N, L)))


@pytest.mark.torch
@pytest.mark.parametrize("N, D, L", [(1, 3, 1), (4, 6, 3), (3, 10, 2)])
def test_vae_loss_vs_torch(torch, N, D, L):
    import torch.nn.functional as F
    x, x_hat, mu, logvar = _elbo_inputs(N, D, L, N * D * L)
    layer = VAELoss()
    loss = layer.forward(x, x_hat, mu, logvar)
    grads = layer.backward()
    tx, thx, tmu, tlv = torch.tensor(x), _t(torch, x_hat), _t(torch, mu), _t(torch, logvar)
    recon = F.binary_cross_entropy(thx, tx, reduction="sum")
    kl = -0.5 * torch.sum(1 + tlv - tmu ** 2 - tlv.exp())
    tloss = (recon + kl) / N
    tloss.backward()
    close(loss, tloss.item())
    for g, t in zip(grads, (thx, tmu, tlv)):
        close(g, t.grad.numpy())


@pytest.mark.torch
@pytest.mark.parametrize("cls, kl_scale", [(conv.VAELossMSE, 0.5), (conv.VAELossZ5, 1.0)])
def test_vae_loss_conventions_vs_torch(torch, cls, kl_scale):
    import torch.nn.functional as F
    x, x_hat, mu, logvar = _elbo_inputs(3, 5, 2, 11)
    layer = cls()
    loss = layer.forward(x, x_hat, mu, logvar)
    grads = layer.backward()
    tx, thx, tmu, tlv = torch.tensor(x), _t(torch, x_hat), _t(torch, mu), _t(torch, logvar)
    # ⑤'s get_loss verbatim for the Z5 form: L2 = −Σ(1 + log σ² − μ² − σ²) with σ = exp(0.5 logvar).
    sigma = torch.exp(0.5 * tlv)
    kl = -kl_scale * torch.sum(1 + torch.log(sigma ** 2) - tmu ** 2 - sigma ** 2)
    tloss = (F.mse_loss(thx, tx, reduction="sum") + kl) / 3
    tloss.backward()
    close(loss, tloss.item())
    for g, t in zip(grads, (thx, tmu, tlv)):
        close(g, t.grad.numpy())
