"""Subtract the maximum first, then divide by T: (x - max) / T = x / T - max / T."""
import numpy as np


def softmax_temperature(x, T=1.0):
    z = (x - x.max(axis=-1, keepdims=True)) / T
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)
