# expect: exception
"""Indexed at t: alpha_bars[T] is out of range at the last step."""
import numpy as np


def beta_schedule(T, beta_start=0.0001, beta_end=0.02):
    betas = np.linspace(beta_start, beta_end, T)
    alphas = 1 - betas
    return betas, alphas, np.cumprod(alphas)


def add_noise(x0, t, alpha_bars, noise):
    ab = alpha_bars[t].reshape(-1, 1, 1, 1)
    return np.sqrt(ab) * x0 + np.sqrt(1 - ab) * noise
