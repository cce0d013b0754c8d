# expect: shape
"""rfft along axis 0: the transform runs across frames instead of along each frame."""
import numpy as np
from reference.audio import to_frames


def stft_power(x, n_fft, hop, window):
    X = np.fft.rfft(to_frames(x, n_fft, hop) * window, axis=0)
    return np.abs(X) ** 2
