"""swapaxes(2, 3) for the window axes; two rolls, one per axis."""
import numpy as np


def window_partition(x, ws):
    B, H, W, C = x.shape
    return x.reshape(B, H // ws, ws, W // ws, ws, C).swapaxes(2, 3).reshape(-1, ws, ws, C)


def window_reverse(windows, ws, H, W):
    C = windows.shape[-1]
    return windows.reshape(-1, H // ws, W // ws, ws, ws, C).swapaxes(2, 3).reshape(-1, H, W, C)


def cyclic_shift(x, shift):
    return np.roll(np.roll(x, -shift, axis=1), -shift, axis=2)
