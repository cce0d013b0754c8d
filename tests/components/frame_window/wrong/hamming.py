# expect: values
"""The Hamming window 0.54 − 0.46 cos(...) instead of the Hann window."""
import numpy as np


def to_frames(x, width, stride):
    n_frames = 1 + (len(x) - width) // stride
    return np.array([x[i * stride:i * stride + width] for i in range(n_frames)])


def hann(N):
    return 0.54 - 0.46 * np.cos(2 * np.pi * np.arange(N) / (N - 1))
