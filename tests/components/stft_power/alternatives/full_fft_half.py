"""The full np.fft.fft, keeping the first n_fft // 2 + 1 bins; power as real² + imag²."""
import numpy as np
from reference.audio import to_frames


def stft_power(x, n_fft, hop, window):
    frames = to_frames(x, n_fft, hop)
    X = np.fft.fft(window * frames)[:, :n_fft // 2 + 1]
    return X.real ** 2 + X.imag ** 2
