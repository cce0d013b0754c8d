# expect: mutates_input
"""The caller's spectrogram is masked."""
import numpy as np


def spec_augment(S, freq_masks, time_masks):
    for f0, f in freq_masks:
        S[f0:f0 + f, :] = 0
    for t0, t in time_masks:
        S[:, t0:t0 + t] = 0
    return S
