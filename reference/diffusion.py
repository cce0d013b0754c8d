"""The diffusion model (DDPM) in NumPy: the noise schedule, the forward noising q(x_t | x_0), the training loss
and one reverse (denoising) step.

ゼロから作るDeep Learning ⑤ step09/diffusion_model.py prints these in PyTorch (class Diffuser); these are its
NumPy forms. Time steps run t = 1 ... T and index the schedule arrays at t - 1 (alpha_bars[0] is for t = 1).
Images are (N, C, H, W) and t is (N,), one step per image. The Gaussian noise is passed in, never drawn inside.
"""
import numpy as np


def beta_schedule(T, beta_start=0.0001, beta_end=0.02):
    """The linear schedule of ⑤ (and the DDPM paper). -> (betas, alphas, alpha_bars), each (T,).

    alpha_t = 1 - beta_t; alpha_bar_t = alpha_1 · alpha_2 ··· alpha_t (the product up to t).
    """
    betas = np.linspace(beta_start, beta_end, T)
    alphas = 1 - betas
    alpha_bars = np.cumprod(alphas)
    return betas, alphas, alpha_bars


def add_noise(x0, t, alpha_bars, noise):
    """A sample of q(x_t | x_0) = N(sqrt(alpha_bar_t) x_0, (1 - alpha_bar_t) I), in one jump from x_0.

    x0, noise: (N, C, H, W), noise ~ N(0, I); t: (N,) integers in [1, T]; alpha_bars: (T,) -> x_t (N, C, H, W).
    """
    t_idx = t - 1
    alpha_bar = alpha_bars[t_idx]
    N = alpha_bar.shape[0]
    alpha_bar = alpha_bar.reshape(N, 1, 1, 1)
    x_t = np.sqrt(alpha_bar) * x0 + np.sqrt(1 - alpha_bar) * noise
    return x_t


class DDPMLoss:
    """The DDPM training loss: the mean squared error between the noise and the model's prediction of it.

    forward(eps_pred, noise): both (N, C, H, W) -> scalar, the mean over every element (F.mse_loss in ⑤).
    backward(dout=1): -> deps_pred (N, C, H, W); the noise is a target and gets no gradient.
    """

    def __init__(self):
        self.diff = None

    def forward(self, eps_pred, noise):
        self.diff = eps_pred - noise
        return np.mean(self.diff ** 2)

    def backward(self, dout=1):
        deps_pred = dout * 2 * self.diff / self.diff.size
        return deps_pred


def denoise_step(x, t, eps_pred, alphas, alpha_bars, noise):
    """One reverse step x_t -> x_{t-1}: the mean computed from the predicted noise, plus std · noise.

    x, eps_pred, noise: (N, C, H, W); t: (N,) integers in [1, T]; alphas, alpha_bars: (T,).
    std² = (1 - alpha_t)(1 - alpha_bar_{t-1}) / (1 - alpha_bar_t) (⑤'s choice, the posterior variance);
    no noise is added at the last step t = 1. Returns x_{t-1} (N, C, H, W).
    """
    t_idx = t - 1
    alpha = alphas[t_idx]
    alpha_bar = alpha_bars[t_idx]
    alpha_bar_prev = alpha_bars[t_idx - 1]
    N = alpha.shape[0]
    alpha = alpha.reshape(N, 1, 1, 1)
    alpha_bar = alpha_bar.reshape(N, 1, 1, 1)
    alpha_bar_prev = alpha_bar_prev.reshape(N, 1, 1, 1)

    noise = noise.copy()
    noise[t == 1] = 0
    mu = (x - ((1 - alpha) / np.sqrt(1 - alpha_bar)) * eps_pred) / np.sqrt(alpha)
    std = np.sqrt((1 - alpha) * (1 - alpha_bar_prev) / (1 - alpha_bar))
    return mu + noise * std
