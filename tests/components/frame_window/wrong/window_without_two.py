# expect: values
"""cos(πn / (N − 1)): half a period, the window rises from 0 to 1 and never comes back."""
import numpy as np


def to_frames(x, width, stride):
    n_frames = 1 + (len(x) - width) // stride
    return np.array([x[i * stride:i * stride + width] for i in range(n_frames)])


def hann(N):
    return 0.5 - 0.5 * np.cos(np.pi * np.arange(N) / (N - 1))
