# expect: values
"""Frame i starts at i·width (the hop taken as the width) but the number of frames uses stride."""
import numpy as np


def to_frames(x, width, stride):
    n_frames = 1 + (len(x) - width) // stride
    xp = np.concatenate([x, np.zeros(n_frames * width, dtype=x.dtype)])
    return np.array([xp[i * width:i * width + width] for i in range(n_frames)])


def hann(N):
    return 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(N) / (N - 1))
