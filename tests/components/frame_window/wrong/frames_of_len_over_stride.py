# expect: shape
"""L // stride frames: the frame width is forgotten, so the last frames run past the end."""
import numpy as np


def to_frames(x, width, stride):
    n_frames = len(x) // stride
    xp = np.concatenate([x, np.zeros(width, dtype=x.dtype)])
    return np.array([xp[i * stride:i * stride + width] for i in range(n_frames)])


def hann(N):
    return 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(N) / (N - 1))
