"""A loop over the frame starts, and np.hanning."""
import numpy as np


def to_frames(x, width, stride):
    return np.array([x[s:s + width] for s in range(0, len(x) - width + 1, stride)])


def hann(N):
    return np.hanning(N)
