# expect: shape
"""Averages the gradients over the channel axis instead of the spatial axes."""
import numpy as np


def cam(feat, W_fc, c):
    return np.tensordot(W_fc[c], feat, axes=1)


def grad_cam(A, dYc_dA):
    alpha = dYc_dA.mean(axis=0)
    return np.maximum(0, alpha * A)
