# expect: values
"""The norm over axis 1 only: for images it is per pixel over the channels, not per sample."""
import numpy as np


def critic_loss(d_real, d_fake):
    return np.mean(d_fake) - np.mean(d_real)


def interpolate(x_real, x_fake, e):
    return e * x_real + (1 - e) * x_fake


def gradient_penalty(grad_xhat, lam=10.0):
    norm = np.sqrt(np.sum(grad_xhat ** 2, axis=1))
    return lam * np.mean((norm - 1) ** 2)
