# expect: values
"""2595·ln(1 + f/700): the natural log with the log10 constant (2.3 times too many mels)."""
import numpy as np


def hz2mel(f):
    return 2595 * np.log(1 + f / 700)


def mel2hz(m):
    return 700 * (np.exp(m / 2595) - 1)


def mel_filterbank(n_filters, n_fft, fs):
    pts = mel2hz(np.linspace(hz2mel(0), hz2mel(fs / 2), n_filters + 2))
    freqs = np.arange(n_fft // 2 + 1) * fs / n_fft
    lo, mid, hi = pts[:-2, None], pts[1:-1, None], pts[2:, None]
    return np.maximum(0, np.minimum((freqs - lo) / (mid - lo), (hi - freqs) / (hi - mid)))
