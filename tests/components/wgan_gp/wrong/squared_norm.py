# expect: mistake
"""The squared norm (no square root) in the penalty."""
import numpy as np


def critic_loss(d_real, d_fake):
    return np.mean(d_fake) - np.mean(d_real)


def interpolate(x_real, x_fake, e):
    return e * x_real + (1 - e) * x_fake


def gradient_penalty(grad_xhat, lam=10.0):
    sq = np.sum(grad_xhat.reshape(len(grad_xhat), -1) ** 2, axis=1)
    return lam * np.mean((sq - 1) ** 2)
