"""col2im by looping over output positions and adding each row back into its window."""
import numpy as np


def col2im(col, input_shape, filter_h, filter_w, stride=1, pad=0):
    N, C, H, W = input_shape
    out_h = (H + 2 * pad - filter_h) // stride + 1
    out_w = (W + 2 * pad - filter_w) // stride + 1
    windows = col.reshape(N, out_h, out_w, C, filter_h, filter_w)
    img = np.zeros((N, C, H + 2 * pad, W + 2 * pad), dtype=col.dtype)
    for i in range(out_h):
        for j in range(out_w):
            img[:, :, i * stride:i * stride + filter_h, j * stride:j * stride + filter_w] += windows[:, i, j]
    return img[:, :, pad:pad + H, pad:pad + W]
