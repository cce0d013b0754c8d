"""HTK's own constant, 1127·ln(1 + f/700), and a loop over the bins with if / elif."""
import numpy as np


def hz2mel(f):
    return 1127.0 * np.log(1 + f / 700.0)


def mel2hz(m):
    return 700.0 * np.expm1(m / 1127.0)


def mel_filterbank(n_filters, n_fft, fs):
    pts = mel2hz(np.linspace(0, hz2mel(fs / 2), n_filters + 2))
    n_bins = n_fft // 2 + 1
    fbank = np.zeros((n_filters, n_bins))
    for m in range(1, n_filters + 1):
        for k in range(n_bins):
            f = k * fs / n_fft
            if pts[m - 1] <= f <= pts[m]:
                fbank[m - 1, k] = (f - pts[m - 1]) / (pts[m] - pts[m - 1])
            elif pts[m] < f <= pts[m + 1]:
                fbank[m - 1, k] = (pts[m + 1] - f) / (pts[m + 1] - pts[m])
    return fbank
