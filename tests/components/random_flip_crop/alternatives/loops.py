"""Pixel loops: the flipped column is W - 1 - w; a crop pixel outside the image is 0."""
import numpy as np


def random_flip(x, flags):
    N, C, H, W = x.shape
    out = np.empty_like(x)
    for n in range(N):
        for w in range(W):
            out[n, :, :, w] = x[n, :, :, W - 1 - w] if flags[n] else x[n, :, :, w]
    return out


def random_crop(x, size, pad, tops, lefts):
    N, C, H, W = x.shape
    out = np.zeros((N, C, size, size), dtype=x.dtype)
    for n in range(N):
        for i in range(size):
            for j in range(size):
                h, w = tops[n] + i - pad, lefts[n] + j - pad
                if 0 <= h < H and 0 <= w < W:
                    out[n, :, i, j] = x[n, :, h, w]
    return out
