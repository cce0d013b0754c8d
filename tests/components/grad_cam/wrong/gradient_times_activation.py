# expect: mistake
"""Sums gradient × activation per pixel instead of weighting the maps by averaged gradients."""
import numpy as np


def cam(feat, W_fc, c):
    return np.tensordot(W_fc[c], feat, axes=1)


def grad_cam(A, dYc_dA):
    return np.maximum(0, np.sum(dYc_dA * A, axis=0))
