# expect: convention
"""python_speech_features' filter bank on integer bins floor((n_fft + 1)·f / fs)."""
import numpy as np


def hz2mel(f):
    return 2595 * np.log10(1 + f / 700)


def mel2hz(m):
    return 700 * (10 ** (m / 2595) - 1)


def mel_filterbank(n_filters, n_fft, fs):
    bins = np.floor((n_fft + 1) * mel2hz(np.linspace(0, hz2mel(fs / 2), n_filters + 2)) / fs).astype(int)
    fbank = np.zeros((n_filters, n_fft // 2 + 1))
    for m in range(1, n_filters + 1):
        for k in range(bins[m - 1], bins[m]):
            fbank[m - 1, k] = (k - bins[m - 1]) / (bins[m] - bins[m - 1])
        for k in range(bins[m], bins[m + 1]):
            fbank[m - 1, k] = (bins[m + 1] - k) / (bins[m + 1] - bins[m])
    return fbank
