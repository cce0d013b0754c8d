# expect: values
"""transpose(0, 4, 5, 2, 3, 1): filter row and column before the channel, so the columns no longer match W.reshape(FN, -1)."""
import numpy as np


def im2col(input_data, filter_h, filter_w, stride=1, pad=0):
    """Unroll every filter-sized window of the images into one row.

    input_data: (N, C, H, W).
    Returns col: (N * out_h * out_w, C * filter_h * filter_w); row n*out_h*out_w +
    i*out_w + j holds the window at output position (i, j) of image n, ordered
    channel first, then filter row, then filter column. Keeps the input's dtype.

    The work array col is (N, C, filter_h, filter_w, out_h, out_w): for each
    position (y, x) inside the filter, one strided slice copies element (y, x) of
    every window at once. The final transpose brings the output positions to the
    front and the window's (C, filter_h, filter_w) to the back.
    """
    N, C, H, W = input_data.shape
    out_h = (H + 2 * pad - filter_h) // stride + 1
    out_w = (W + 2 * pad - filter_w) // stride + 1

    img = np.pad(input_data, [(0, 0), (0, 0), (pad, pad), (pad, pad)], 'constant')
    col = np.zeros((N, C, filter_h, filter_w, out_h, out_w), dtype=input_data.dtype)

    for y in range(filter_h):
        y_max = y + stride * out_h
        for x in range(filter_w):
            x_max = x + stride * out_w
            col[:, :, y, x, :, :] = img[:, :, y:y_max:stride, x:x_max:stride]

    col = col.transpose(0, 4, 5, 2, 3, 1).reshape(N * out_h * out_w, -1)
    return col
