# expect: convention
"""The DCT-II without normalisation, as scipy.fft.dct(v) with its default norm=None."""
import numpy as np
from reference.audio import hann, stft_power, mel_filterbank


def preemphasis(x, alpha):
    return np.append(x[0], x[1:] - alpha * x[:-1])


def mfcc(x, fs, n_fft, hop, n_filters, n_mfcc, alpha):
    power = stft_power(preemphasis(x, alpha), n_fft, hop, hann(n_fft))
    log_mel = np.log(power @ mel_filterbank(n_filters, n_fft, fs).T + 1e-10)
    k = np.arange(n_mfcc)[:, None]
    n = np.arange(n_filters)[None, :]
    return log_mel @ (2 * np.cos(np.pi * k * (2 * n + 1) / (2 * n_filters))).T
