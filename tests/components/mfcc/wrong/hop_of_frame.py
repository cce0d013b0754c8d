# expect: shape
"""The frame length as the hop: frames that do not overlap, so fewer of them."""
import numpy as np
from reference.audio import hann, stft_power, mel_filterbank


def preemphasis(x, alpha):
    """First-order high-pass filter y[0] = x[0], y[t] = x[t] - alpha x[t - 1]. x: (L,). Returns (L,)."""
    return np.append(x[0], x[1:] - alpha * x[:-1])


def mfcc(x, fs, n_fft, hop, n_filters, n_mfcc, alpha):
    """Mel-frequency cepstral coefficients.

    Pre-emphasis, Hann-windowed power spectrogram, mel filter bank, natural log, then the orthonormal DCT-II over
    the filters (scipy.fft.dct(norm='ortho')), keeping the first n_mfcc coefficients.
    x: (L,). Returns (n_frames, n_mfcc).
    """
    x = preemphasis(x, alpha)
    power = stft_power(x, n_fft, n_fft, hann(n_fft))
    mel = power @ mel_filterbank(n_filters, n_fft, fs).T
    log_mel = np.log(mel + 1e-10)
    k = np.arange(n_mfcc)[:, np.newaxis]
    n = np.arange(n_filters)[np.newaxis, :]
    dct = np.sqrt(2 / n_filters) * np.cos(np.pi * k * (2 * n + 1) / (2 * n_filters))
    dct[0] /= np.sqrt(2)
    return log_mel @ dct.T
