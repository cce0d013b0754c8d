"""im2col with precomputed fancy-index arrays (the CS231n im2col_indices approach), rows ordered as the book's."""
import numpy as np


def im2col(input_data, filter_h, filter_w, stride=1, pad=0):
    N, C, H, W = input_data.shape
    out_h = (H + 2 * pad - filter_h) // stride + 1
    out_w = (W + 2 * pad - filter_w) // stride + 1
    img = np.pad(input_data, ((0, 0), (0, 0), (pad, pad), (pad, pad)), 'constant')
    c = np.repeat(np.arange(C), filter_h * filter_w)                      # (C*fh*fw,)
    ky = np.tile(np.repeat(np.arange(filter_h), filter_w), C)
    kx = np.tile(np.arange(filter_w), C * filter_h)
    oy = np.repeat(np.arange(out_h), out_w) * stride                       # (out_h*out_w,)
    ox = np.tile(np.arange(out_w), out_h) * stride
    rows = oy[:, None] + ky[None, :]                                        # (out_h*out_w, C*fh*fw)
    cols = ox[:, None] + kx[None, :]
    patches = img[:, c[None, :], rows, cols]                               # (N, out_h*out_w, C*fh*fw)
    return patches.reshape(N * out_h * out_w, -1)
