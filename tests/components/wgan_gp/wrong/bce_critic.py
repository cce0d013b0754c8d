# expect: values
"""The critic given the discriminator's BCE loss (with a sigmoid) instead of the difference of mean scores."""
import numpy as np


def critic_loss(d_real, d_fake):
    s = lambda v: 1 / (1 + np.exp(-v))
    return -np.mean(np.log(s(d_real)) + np.log(1 - s(d_fake)))


def interpolate(x_real, x_fake, e):
    return e * x_real + (1 - e) * x_fake


def gradient_penalty(grad_xhat, lam=10.0):
    norm = np.sqrt(np.sum(grad_xhat.reshape(len(grad_xhat), -1) ** 2, axis=1))
    return lam * np.mean((norm - 1) ** 2)

