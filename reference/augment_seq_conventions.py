"""The other legitimate conventions of reference.augment_seq's drills, for the problems' `conventions:` key."""
import numpy as np


def spec_augment_mean(S, freq_masks, time_masks):
    """SpecAugment filling the masks with the spectrogram's mean (the paper's wording) instead of 0."""
    out = S.copy()
    fill = S.mean()
    for f0, f in freq_masks:
        out[f0:f0 + f, :] = fill
    for t0, t in time_masks:
        out[:, t0:t0 + t] = fill
    return out
