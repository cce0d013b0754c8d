"""Pre-emphasis with np.concatenate; the DCT-II written as a loop with its orthonormal factors."""
import numpy as np
from reference.audio import hann, stft_power, mel_filterbank


def preemphasis(x, alpha):
    return np.concatenate([x[:1], x[1:] - alpha * x[:-1]])


def mfcc(x, fs, n_fft, hop, n_filters, n_mfcc, alpha):
    power = stft_power(preemphasis(x, alpha), n_fft, hop, hann(n_fft))
    fbank = mel_filterbank(n_filters, n_fft, fs)
    log_mel = np.log(np.maximum(power @ fbank.T, np.finfo(float).eps))
    out = np.zeros((log_mel.shape[0], n_mfcc))
    N = n_filters
    for k in range(n_mfcc):
        scale = np.sqrt(1 / N) if k == 0 else np.sqrt(2 / N)
        for n in range(N):
            out[:, k] += scale * log_mel[:, n] * np.cos(np.pi * k * (n + 0.5) / N)
    return out
