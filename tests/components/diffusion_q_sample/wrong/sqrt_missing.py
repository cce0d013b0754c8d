# expect: mistake
"""The square roots forgotten: x_t = ᾱ x_0 + (1 − ᾱ) ε (variances used as coefficients)."""
import numpy as np


def beta_schedule(T, beta_start=0.0001, beta_end=0.02):
    betas = np.linspace(beta_start, beta_end, T)
    alphas = 1 - betas
    return betas, alphas, np.cumprod(alphas)


def add_noise(x0, t, alpha_bars, noise):
    ab = alpha_bars[t - 1].reshape(-1, 1, 1, 1)
    return ab * x0 + (1 - ab) * noise
