"""Loops over the channels, float64 accumulation, np.clip for the ReLU."""
import numpy as np


def cam(feat, W_fc, c):
    out = np.zeros(feat.shape[1:])
    for k in range(feat.shape[0]):
        out += W_fc[c, k] * feat[k]
    return out


def grad_cam(A, dYc_dA):
    out = np.zeros(A.shape[1:])
    for k in range(A.shape[0]):
        out += np.mean(dYc_dA[k]) * A[k]
    return np.clip(out, 0, None)
