"""sliding_window_view then every stride-th window; the window as sin²(πn / (N − 1))."""
import numpy as np


def to_frames(x, width, stride):
    return np.lib.stride_tricks.sliding_window_view(x, width)[::stride].copy()


def hann(N):
    return np.sin(np.pi * np.arange(N) / (N - 1)) ** 2
