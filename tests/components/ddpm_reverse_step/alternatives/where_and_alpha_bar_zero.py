"""np.where for the last step, ᾱ_0 = 1 prepended (so σ_1 = 0 by itself), betas written out."""
import numpy as np


def denoise_step(x, t, eps_pred, alphas, alpha_bars, noise):
    shape = (-1, 1, 1, 1)
    a = alphas[t - 1].reshape(shape)
    ab = alpha_bars[t - 1].reshape(shape)
    ab_prev = np.concatenate([[1.0], alpha_bars])[t - 1].reshape(shape)
    beta = 1 - a
    mean = (x - beta / np.sqrt(1 - ab) * eps_pred) / np.sqrt(a)
    var = beta * (1 - ab_prev) / (1 - ab)
    z = np.where((t > 1).reshape(shape), noise, 0)
    return mean + np.sqrt(var) * z
