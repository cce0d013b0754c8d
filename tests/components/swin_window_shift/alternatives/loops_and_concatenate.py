"""Windows cut and pasted with loops; the shift as two concatenations of slices."""
import numpy as np


def window_partition(x, ws):
    B, H, W, C = x.shape
    return np.stack([x[b, i:i + ws, j:j + ws] for b in range(B)
                     for i in range(0, H, ws) for j in range(0, W, ws)])


def window_reverse(windows, ws, H, W):
    per_image = (H // ws) * (W // ws)
    B = len(windows) // per_image
    x = np.empty((B, H, W, windows.shape[-1]), dtype=windows.dtype)
    k = 0
    for b in range(B):
        for i in range(0, H, ws):
            for j in range(0, W, ws):
                x[b, i:i + ws, j:j + ws] = windows[k]
                k += 1
    return x


def cyclic_shift(x, shift):
    H, W = x.shape[1:3]
    s, t = shift % H, shift % W
    x = np.concatenate([x[:, s:], x[:, :s]], axis=1)
    return np.concatenate([x[:, :, t:], x[:, :, :t]], axis=2)
