# expect: convention
"""The interpolation weights swapped: e on the generated sample."""
import numpy as np


def critic_loss(d_real, d_fake):
    return np.mean(d_fake) - np.mean(d_real)


def interpolate(x_real, x_fake, e):
    return e * x_fake + (1 - e) * x_real


def gradient_penalty(grad_xhat, lam=10.0):
    norm = np.sqrt(np.sum(grad_xhat.reshape(len(grad_xhat), -1) ** 2, axis=1))
    return lam * np.mean((norm - 1) ** 2)

