# expect: values
"""The width f read as the end index: S[f0:f] instead of S[f0:f0 + f]."""
import numpy as np


def spec_augment(S, freq_masks, time_masks):
    out = S.copy()
    for f0, f in freq_masks:
        out[f0:f, :] = 0
    for t0, t in time_masks:
        out[:, t0:t] = 0
    return out
