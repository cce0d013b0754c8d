# expect: convention
"""The periodic Hann window (N in the denominator), torch.hann_window's default."""
import numpy as np


def to_frames(x, width, stride):
    n_frames = 1 + (len(x) - width) // stride
    return np.array([x[i * stride:i * stride + width] for i in range(n_frames)])


def hann(N):
    n = np.arange(N)
    return 0.5 - 0.5 * np.cos(2 * np.pi * n / N)
