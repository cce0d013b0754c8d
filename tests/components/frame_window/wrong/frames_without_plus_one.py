# expect: shape
"""(L − width) // stride frames: the first frame is not counted."""
import numpy as np


def to_frames(x, width, stride):
    n_frames = (len(x) - width) // stride
    return np.array([x[i * stride:i * stride + width] for i in range(n_frames)])


def hann(N):
    return 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(N) / (N - 1))
