# expect: values
"""np.log10 for the natural log (without the 10 of decibels): every coefficient 0.43 times too small."""
import numpy as np
from reference.audio import hann, stft_power, mel_filterbank


def preemphasis(x, alpha):
    return np.append(x[0], x[1:] - alpha * x[:-1])


def mfcc(x, fs, n_fft, hop, n_filters, n_mfcc, alpha):
    power = stft_power(preemphasis(x, alpha), n_fft, hop, hann(n_fft))
    log_mel = np.log10(power @ mel_filterbank(n_filters, n_fft, fs).T + 1e-10)
    k = np.arange(n_mfcc)[:, None]
    n = np.arange(n_filters)[None, :]
    dct = np.sqrt(2 / n_filters) * np.cos(np.pi * k * (2 * n + 1) / (2 * n_filters))
    dct[0] /= np.sqrt(2)
    return log_mel @ dct.T
