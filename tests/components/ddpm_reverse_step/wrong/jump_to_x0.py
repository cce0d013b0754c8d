# expect: values
"""q_sample inverted as if ε_θ were exact: x_0 estimate (x − √(1 − ᾱ) ε) / √ᾱ returned instead of x_{t−1}."""
import numpy as np


def denoise_step(x, t, eps_pred, alphas, alpha_bars, noise):
    a = alphas[t - 1].reshape(-1, 1, 1, 1)
    ab = alpha_bars[t - 1].reshape(-1, 1, 1, 1)
    ab_prev = alpha_bars[t - 2].reshape(-1, 1, 1, 1)
    return (x - np.sqrt(1 - ab) * eps_pred) / np.sqrt(ab)
