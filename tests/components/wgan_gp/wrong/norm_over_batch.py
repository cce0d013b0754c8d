# expect: mistake
"""One norm over the whole batch instead of one per sample."""
import numpy as np


def critic_loss(d_real, d_fake):
    return np.mean(d_fake) - np.mean(d_real)


def interpolate(x_real, x_fake, e):
    return e * x_real + (1 - e) * x_fake


def gradient_penalty(grad_xhat, lam=10.0):
    return lam * (np.linalg.norm(grad_xhat) - 1) ** 2
