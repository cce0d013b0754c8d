# expect: values
"""[f0, f0 + f] inclusive: every mask is one channel or step too wide."""
import numpy as np


def spec_augment(S, freq_masks, time_masks):
    out = S.copy()
    for f0, f in freq_masks:
        out[f0:f0 + f + 1, :] = 0
    for t0, t in time_masks:
        out[:, t0:t0 + t + 1] = 0
    return out
