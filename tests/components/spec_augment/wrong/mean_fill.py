# expect: convention
"""Masks filled with the spectrogram's mean."""
import numpy as np


def spec_augment(S, freq_masks, time_masks):
    out = S.copy()
    for f0, f in freq_masks:
        out[f0:f0 + f, :] = S.mean()
    for t0, t in time_masks:
        out[:, t0:t0 + t] = S.mean()
    return out
