# expect: mistake
"""Noise added at the last step t = 1 too."""
import numpy as np


def denoise_step(x, t, eps_pred, alphas, alpha_bars, noise):
    a = alphas[t - 1].reshape(-1, 1, 1, 1)
    ab = alpha_bars[t - 1].reshape(-1, 1, 1, 1)
    ab_prev = alpha_bars[t - 2].reshape(-1, 1, 1, 1)
    mu = (x - ((1 - a) / np.sqrt(1 - ab)) * eps_pred) / np.sqrt(a)
    std = np.sqrt((1 - a) * (1 - ab_prev) / (1 - ab))
    return mu + noise * std
