"""np.linalg.norm per row of the flattened gradient; the interpolation as x_fake + e (x_real − x_fake)."""
import numpy as np


def critic_loss(d_real, d_fake):
    return -(d_real.mean() - d_fake.mean())


def interpolate(x_real, x_fake, e):
    return x_fake + e * (x_real - x_fake)


def gradient_penalty(grad_xhat, lam=10.0):
    norms = np.linalg.norm(grad_xhat.reshape(len(grad_xhat), -1), axis=1)
    return lam * ((norms - 1.0) ** 2).mean()
