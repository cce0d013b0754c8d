# expect: shape
"""n_filters + 1 points: one triangle short."""
import numpy as np


def hz2mel(f):
    return 2595 * np.log10(1 + f / 700)


def mel2hz(m):
    return 700 * (10 ** (m / 2595) - 1)


def mel_filterbank(n_filters, n_fft, fs):
    pts = mel2hz(np.linspace(0, hz2mel(fs / 2), n_filters + 1))
    freqs = np.arange(n_fft // 2 + 1) * fs / n_fft
    lo, mid, hi = pts[:-2, None], pts[1:-1, None], pts[2:, None]
    return np.maximum(0, np.minimum((freqs - lo) / (mid - lo), (hi - freqs) / (hi - mid)))
