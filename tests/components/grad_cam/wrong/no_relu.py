# expect: mistake
"""Grad-CAM without the final ReLU."""
import numpy as np


def cam(feat, W_fc, c):
    return np.tensordot(W_fc[c], feat, axes=1)


def grad_cam(A, dYc_dA):
    alpha = dYc_dA.mean(axis=(1, 2))
    return np.tensordot(alpha, A, axes=1)
