"""The other legitimate conventions of reference.audio's drills, for the problems' `conventions:` key."""
import numpy as np

from reference.audio import to_frames


def hann_periodic(N):
    """Periodic Hann window (torch.hann_window, scipy.signal.get_window('hann')): 0.5 - 0.5 cos(2πn / N)."""
    n = np.arange(N)
    return 0.5 - 0.5 * np.cos(2 * np.pi * n / N)


def stft_power_scaled(x, n_fft, hop, window):
    """The periodogram |X|^2 / n_fft (python_speech_features' powspec)."""
    X = np.fft.rfft(to_frames(x, n_fft, hop) * window, n=n_fft, axis=1)
    return np.abs(X) ** 2 / n_fft
