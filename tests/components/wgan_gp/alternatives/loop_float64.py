"""A loop over the samples with Python floats; sums over every non-batch axis by a tuple of axes."""
import math

import numpy as np


def critic_loss(d_real, d_fake):
    return float(np.sum(d_fake)) / d_fake.shape[0] - float(np.sum(d_real)) / d_real.shape[0]


def interpolate(x_real, x_fake, e):
    return np.multiply(e, x_real) + np.multiply(1.0 - e, x_fake)


def gradient_penalty(grad_xhat, lam=10.0):
    axes = tuple(range(1, grad_xhat.ndim))
    sq = np.sum(np.square(grad_xhat), axis=axes)
    total = 0.0
    for s in sq:
        total += (math.sqrt(s) - 1.0) ** 2
    return lam * total / len(sq)
