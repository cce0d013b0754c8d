# expect: values
"""Reverse by a bare reshape (no transpose back)."""
import numpy as np


def window_partition(x, ws):
    B, H, W, C = x.shape
    x = x.reshape(B, H // ws, ws, W // ws, ws, C)
    return x.transpose(0, 1, 3, 2, 4, 5).reshape(-1, ws, ws, C)


def window_reverse(windows, ws, H, W):
    return windows.reshape(-1, H, W, windows.shape[-1])


def cyclic_shift(x, shift):
    return np.roll(x, (-shift, -shift), axis=(1, 2))

