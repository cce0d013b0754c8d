# expect: values
"""The magnitude |X| returned for the power |X|²."""
import numpy as np
from reference.audio import to_frames


def stft_power(x, n_fft, hop, window):
    X = np.fft.rfft(to_frames(x, n_fft, hop) * window, n=n_fft, axis=1)
    return np.abs(X)
