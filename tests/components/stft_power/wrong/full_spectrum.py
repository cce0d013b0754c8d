# expect: shape
"""np.fft.fft keeps the n_fft bins, the mirrored negative frequencies included."""
import numpy as np
from reference.audio import to_frames


def stft_power(x, n_fft, hop, window):
    X = np.fft.fft(to_frames(x, n_fft, hop) * window, axis=1)
    return np.abs(X) ** 2
