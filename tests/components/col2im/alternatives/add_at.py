"""col2im with np.add.at over fancy indices (unbuffered, so overlapping windows accumulate)."""
import numpy as np


def col2im(col, input_shape, filter_h, filter_w, stride=1, pad=0):
    N, C, H, W = input_shape
    out_h = (H + 2 * pad - filter_h) // stride + 1
    out_w = (W + 2 * pad - filter_w) // stride + 1
    c = np.repeat(np.arange(C), filter_h * filter_w)
    ky = np.tile(np.repeat(np.arange(filter_h), filter_w), C)
    kx = np.tile(np.arange(filter_w), C * filter_h)
    oy = np.repeat(np.arange(out_h), out_w) * stride
    ox = np.tile(np.arange(out_w), out_h) * stride
    rows = oy[:, None] + ky[None, :]
    cols = ox[:, None] + kx[None, :]
    img = np.zeros((N, C, H + 2 * pad, W + 2 * pad), dtype=col.dtype)
    n = np.arange(N)[:, None, None]
    np.add.at(img, (n, c[None, None, :], rows[None], cols[None]), col.reshape(N, out_h * out_w, -1))
    return img[:, :, pad:pad + H, pad:pad + W]
