"""A multiplicative mask of ones and zeros, one index at a time."""
import numpy as np


def spec_augment(S, freq_masks, time_masks):
    keep = np.ones_like(S)
    for f0, f in np.reshape(freq_masks, (-1, 2)):
        for i in range(f0, f0 + f):
            keep[i, :] = 0
    for t0, t in np.reshape(time_masks, (-1, 2)):
        for j in range(t0, t0 + t):
            keep[:, j] = 0
    return S * keep
