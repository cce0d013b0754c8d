# expect: values
"""The frequency mask cuts time steps and the time mask frequency channels."""
import numpy as np


def spec_augment(S, freq_masks, time_masks):
    out = S.copy()
    for f0, f in freq_masks:
        out[:, f0:f0 + f] = 0
    for t0, t in time_masks:
        out[t0:t0 + t, :] = 0
    return out
