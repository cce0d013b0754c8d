# expect: mistake
"""ᾱ confused with α: alpha_bars = 1 − betas (no cumulative product)."""
import numpy as np


def beta_schedule(T, beta_start=0.0001, beta_end=0.02):
    betas = np.linspace(beta_start, beta_end, T)
    alphas = 1 - betas
    return betas, alphas, alphas.copy()


def add_noise(x0, t, alpha_bars, noise):
    ab = alpha_bars[t - 1].reshape(-1, 1, 1, 1)
    return np.sqrt(ab) * x0 + np.sqrt(1 - ab) * noise
