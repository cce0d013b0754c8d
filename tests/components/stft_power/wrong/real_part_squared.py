# expect: values
"""X.real ** 2: the imaginary part of the coefficient is lost."""
import numpy as np
from reference.audio import to_frames


def stft_power(x, n_fft, hop, window):
    X = np.fft.rfft(to_frames(x, n_fft, hop) * window, axis=1)
    return X.real ** 2
