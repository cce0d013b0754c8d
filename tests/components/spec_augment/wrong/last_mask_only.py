# expect: values
"""The copy is taken inside the loop: only the last mask of each kind survives."""
import numpy as np


def spec_augment(S, freq_masks, time_masks):
    out = S.copy()
    for f0, f in freq_masks:
        out = S.copy()
        out[f0:f0 + f, :] = 0
    for t0, t in time_masks:
        out[:, t0:t0 + t] = 0
    return out
