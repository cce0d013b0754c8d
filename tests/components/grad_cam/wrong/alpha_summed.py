# expect: values
"""Sums the gradients over the map instead of averaging (a factor H·W too large)."""
import numpy as np


def cam(feat, W_fc, c):
    return np.tensordot(W_fc[c], feat, axes=1)


def grad_cam(A, dYc_dA):
    alpha = dYc_dA.sum(axis=(1, 2))
    return np.maximum(0, np.tensordot(alpha, A, axes=1))
