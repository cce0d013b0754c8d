"""Boolean row and column masks built from the ranges, applied with np.where."""
import numpy as np


def spec_augment(S, freq_masks, time_masks):
    F, T = S.shape
    rows = np.zeros(F, dtype=bool)
    cols = np.zeros(T, dtype=bool)
    for f0, f in freq_masks:
        rows |= (np.arange(F) >= f0) & (np.arange(F) < f0 + f)
    for t0, t in time_masks:
        cols |= (np.arange(T) >= t0) & (np.arange(T) < t0 + t)
    return np.where(rows[:, None] | cols[None, :], 0, S).astype(S.dtype)
