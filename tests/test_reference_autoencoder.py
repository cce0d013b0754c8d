"""reference/autoencoder.py against PyTorch autograd (float64), and a hand check that the target is the clean x."""
import numpy as np
import pytest
from gradcheck import close

from reference.autoencoder import DenoisingAutoencoder


@pytest.fixture
def torch():
    return pytest.importorskip("torch")


def _params(rng, D, H):
    return [rng.standard_normal((D, H)) * 0.5, rng.standard_normal(H) * 0.1,
            rng.standard_normal((H, D)) * 0.5, rng.standard_normal(D) * 0.1]


@pytest.mark.torch
@pytest.mark.parametrize("N, D, H, sigma", [(4, 6, 3, 0.5), (1, 5, 2, 0.3), (3, 4, 5, 1.0)])
def test_dae_vs_torch(torch, N, D, H, sigma):
    rng = np.random.default_rng(N * D * H)
    params = _params(rng, D, H)
    x, noise = rng.standard_normal((N, D)), rng.standard_normal((N, D))
    layer = DenoisingAutoencoder(*[p.copy() for p in params], sigma=sigma)
    loss = layer.forward(x, noise)
    layer.backward()
    tW1, tb1, tW2, tb2 = (torch.tensor(p, requires_grad=True) for p in params)
    tx = torch.tensor(x)
    x_hat = torch.tanh((tx + sigma * torch.tensor(noise)) @ tW1 + tb1) @ tW2 + tb2
    tloss = 0.5 * torch.nn.functional.mse_loss(x_hat, tx, reduction="sum") / N
    tloss.backward()
    close(loss, tloss.item())
    for g, t in ((layer.dW1, tW1), (layer.db1, tb1), (layer.dW2, tW2), (layer.db2, tb2)):
        close(g, t.grad.numpy())


def test_identity_network_is_scored_against_the_clean_input():
    # W1 = W2 = I scaled so that tanh is nearly linear: x_hat ≈ x_tilde, and the loss ≈ ½ Σ (σ noise)² / N,
    # not ≈ 0 as it would be against the corrupted target.
    D, N, sigma, k = 3, 2, 0.5, 1e-4
    layer = DenoisingAutoencoder(np.eye(D) * k, np.zeros(D), np.eye(D) / k, np.zeros(D), sigma=sigma)
    x, noise = np.array([[1.0, -2.0, 0.5], [0.0, 3.0, -1.0]]), np.array([[1.0, 1.0, -1.0], [2.0, 0.0, 1.0]])
    np.testing.assert_allclose(layer.forward(x, noise), 0.5 * np.sum((sigma * noise) ** 2) / N, rtol=1e-6)
