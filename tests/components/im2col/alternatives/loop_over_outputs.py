"""im2col by looping over the output positions and copying each window into its row."""
import numpy as np


def im2col(input_data, filter_h, filter_w, stride=1, pad=0):
    N, C, H, W = input_data.shape
    out_h = (H + 2 * pad - filter_h) // stride + 1
    out_w = (W + 2 * pad - filter_w) // stride + 1
    img = np.pad(input_data, [(0, 0), (0, 0), (pad, pad), (pad, pad)], mode='constant')
    col = np.empty((N, out_h, out_w, C * filter_h * filter_w), dtype=input_data.dtype)
    for i in range(out_h):
        top = i * stride
        for j in range(out_w):
            left = j * stride
            col[:, i, j, :] = img[:, :, top:top + filter_h, left:left + filter_w].reshape(N, -1)
    return col.reshape(-1, C * filter_h * filter_w)
