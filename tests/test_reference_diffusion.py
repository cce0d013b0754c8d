"""reference/diffusion.py against ゼロから作る⑤'s Diffuser written in PyTorch (float64), F.mse_loss with autograd,
and an independent derivation: with the true noise, the reverse step's mean is the posterior mean of
q(x_{t-1} | x_t, x_0)."""
import numpy as np
import pytest
from gradcheck import close

from reference import diffusion
from reference import generative_conventions as conv


@pytest.fixture
def torch():
    return pytest.importorskip("torch")


def test_schedule_hand_values():
    betas, alphas, alpha_bars = diffusion.beta_schedule(3, 0.1, 0.3)
    close(betas, [0.1, 0.2, 0.3])
    close(alphas, [0.9, 0.8, 0.7])
    close(alpha_bars, [0.9, 0.72, 0.504])


@pytest.mark.torch
@pytest.mark.parametrize("T", [10, 1000])
def test_schedule_vs_torch(torch, T):
    betas = torch.linspace(0.0001, 0.02, T, dtype=torch.float64)
    ref = diffusion.beta_schedule(T)
    close(ref[0], betas.numpy())
    close(ref[1], (1 - betas).numpy())
    close(ref[2], torch.cumprod(1 - betas, dim=0).numpy())


def _batch(rng, N, shape=(1, 4, 4), T=10):
    x0 = rng.standard_normal((N,) + shape)
    t = rng.integers(1, T + 1, size=N)
    t[0] = 1
    return x0, t, rng.standard_normal((N,) + shape)


@pytest.mark.torch
def test_add_noise_vs_torch_diffuser(torch):
    rng = np.random.default_rng(0)
    _, _, alpha_bars = diffusion.beta_schedule(10, 0.05, 0.5)
    x0, t, noise = _batch(rng, 5)
    # ⑤'s add_noise with the noise passed in.
    ab = torch.tensor(alpha_bars)[torch.tensor(t) - 1].view(5, 1, 1, 1)
    expected = torch.sqrt(ab) * torch.tensor(x0) + torch.sqrt(1 - ab) * torch.tensor(noise)
    close(diffusion.add_noise(x0, t, alpha_bars, noise), expected.numpy())


def test_add_noise_keeps_unit_variance():
    rng = np.random.default_rng(1)
    _, _, alpha_bars = diffusion.beta_schedule(10, 0.05, 0.5)
    x0, noise = rng.standard_normal((4000, 1, 2, 2)), rng.standard_normal((4000, 1, 2, 2))
    xt = diffusion.add_noise(x0, np.full(4000, 7), alpha_bars, noise)
    assert abs(xt.var() - 1) < 0.05


@pytest.mark.torch
@pytest.mark.parametrize("cls, fn", [
    (diffusion.DDPMLoss, lambda F, p, n: F.mse_loss(n, p)),
    (conv.DDPMLossPerSample, lambda F, p, n: F.mse_loss(n, p, reduction="sum") / p.shape[0]),
    (conv.DDPMLossHalfSum, lambda F, p, n: 0.5 * F.mse_loss(n, p, reduction="sum")),
])
def test_ddpm_loss_vs_torch(torch, cls, fn):
    import torch.nn.functional as F
    rng = np.random.default_rng(2)
    pred, noise = rng.standard_normal((3, 2, 4, 5)), rng.standard_normal((3, 2, 4, 5))
    layer = cls()
    loss = layer.forward(pred, noise)
    grad = layer.backward()
    tp = torch.tensor(pred, requires_grad=True)
    tloss = fn(F, tp, torch.tensor(noise))
    tloss.backward()
    close(loss, tloss.item())
    close(grad, tp.grad.numpy())


def _diffuser_denoise(torch, x, t, eps, alphas, alpha_bars, noise, beta_var=False):
    """⑤'s Diffuser.denoise with the model output and the noise passed in."""
    alphas, alpha_bars = torch.tensor(alphas), torch.tensor(alpha_bars)
    t = torch.tensor(t)
    t_idx = t - 1
    N = len(t)
    alpha = alphas[t_idx].view(N, 1, 1, 1)
    alpha_bar = alpha_bars[t_idx].view(N, 1, 1, 1)
    alpha_bar_prev = alpha_bars[t_idx - 1].view(N, 1, 1, 1)
    noise = torch.tensor(noise).clone()
    noise[t == 1] = 0
    x, eps = torch.tensor(x), torch.tensor(eps)
    mu = (x - ((1 - alpha) / torch.sqrt(1 - alpha_bar)) * eps) / torch.sqrt(alpha)
    std = torch.sqrt(1 - alpha) if beta_var else torch.sqrt((1 - alpha) * (1 - alpha_bar_prev) / (1 - alpha_bar))
    return (mu + noise * std).numpy()


@pytest.mark.torch
@pytest.mark.parametrize("fn, beta_var", [(diffusion.denoise_step, False), (conv.denoise_step_beta, True)])
def test_denoise_step_vs_torch_diffuser(torch, fn, beta_var):
    rng = np.random.default_rng(3)
    _, alphas, alpha_bars = diffusion.beta_schedule(10, 0.05, 0.5)
    x, t, noise = _batch(rng, 6)
    eps = rng.standard_normal(x.shape)
    noise_before = noise.copy()
    close(fn(x, t, eps, alphas, alpha_bars, noise),
          _diffuser_denoise(torch, x, t, eps, alphas, alpha_bars, noise, beta_var))
    np.testing.assert_array_equal(noise, noise_before)


def test_denoise_mean_is_the_posterior_mean():
    # With eps_pred the true noise of x_t, μ_θ equals μ̃(x_t, x_0) = √ᾱ_{t-1} β_t/(1-ᾱ_t) x_0 + √α_t (1-ᾱ_{t-1})/(1-ᾱ_t) x_t
    # (DDPM eq. 7); the variance is β̃_t: checked with zero noise, then with unit noise.
    rng = np.random.default_rng(4)
    betas, alphas, alpha_bars = diffusion.beta_schedule(8, 0.05, 0.4)
    x0, noise = rng.standard_normal((3, 2, 3, 3)), rng.standard_normal((3, 2, 3, 3))
    t = np.array([2, 5, 8])
    xt = diffusion.add_noise(x0, t, alpha_bars, noise)
    i = (t - 1).reshape(-1, 1, 1, 1)
    ab, ab_prev, a, b = alpha_bars[i], alpha_bars[i - 1], alphas[i], betas[i]
    posterior_mean = np.sqrt(ab_prev) * b / (1 - ab) * x0 + np.sqrt(a) * (1 - ab_prev) / (1 - ab) * xt
    close(diffusion.denoise_step(xt, t, noise, alphas, alpha_bars, np.zeros_like(xt)), posterior_mean)
    ones = np.ones_like(xt)
    close(diffusion.denoise_step(xt, t, noise, alphas, alpha_bars, ones) - posterior_mean,
          np.sqrt(b * (1 - ab_prev) / (1 - ab)) * ones)
