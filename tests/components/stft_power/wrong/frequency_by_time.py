# expect: shape
"""(bins, frames) as torch.stft returns it: the drill's rows are frames."""
import numpy as np
from reference.audio import to_frames


def stft_power(x, n_fft, hop, window):
    X = np.fft.rfft(to_frames(x, n_fft, hop) * window, axis=1)
    return (np.abs(X) ** 2).T
