# expect: values
"""The cumulative product taken over β instead of α = 1 − β."""
import numpy as np


def beta_schedule(T, beta_start=0.0001, beta_end=0.02):
    betas = np.linspace(beta_start, beta_end, T)
    return betas, 1 - betas, np.cumprod(betas)


def add_noise(x0, t, alpha_bars, noise):
    ab = alpha_bars[t - 1].reshape(-1, 1, 1, 1)
    return np.sqrt(ab) * x0 + np.sqrt(1 - ab) * noise
