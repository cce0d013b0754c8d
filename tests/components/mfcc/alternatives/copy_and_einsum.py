"""Pre-emphasis into a copy; mel energies with einsum; the DCT matrix normalised row by row (unit norm)."""
import numpy as np
from reference.audio import hann, stft_power, mel_filterbank


def preemphasis(x, alpha):
    y = x.copy()
    y[1:] = x[1:] - alpha * x[:-1]
    return y


def mfcc(x, fs, n_fft, hop, n_filters, n_mfcc, alpha):
    power = stft_power(preemphasis(x, alpha), n_fft, hop, hann(n_fft))
    mel = np.einsum('tb,fb->tf', power, mel_filterbank(n_filters, n_fft, fs))
    log_mel = np.log(mel)
    n = np.arange(n_filters)
    basis = np.cos(np.pi * np.outer(np.arange(n_mfcc), 2 * n + 1) / (2 * n_filters))
    basis /= np.linalg.norm(basis, axis=1, keepdims=True)
    return log_mel @ basis.T
