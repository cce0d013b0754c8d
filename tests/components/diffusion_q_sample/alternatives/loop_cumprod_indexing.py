"""The cumulative product written as a loop; ᾱ broadcast with [:, None, None, None]."""
import numpy as np


def beta_schedule(T, beta_start=0.0001, beta_end=0.02):
    betas = beta_start + (beta_end - beta_start) * np.arange(T) / (T - 1)
    alphas = 1.0 - betas
    alpha_bars = np.empty(T)
    prod = 1.0
    for i in range(T):
        prod *= alphas[i]
        alpha_bars[i] = prod
    return betas, alphas, alpha_bars


def add_noise(x0, t, alpha_bars, noise):
    ab = alpha_bars[t - 1][:, None, None, None]
    return ab ** 0.5 * x0 + (1 - ab) ** 0.5 * noise
