"""im2col with numpy.lib.stride_tricks.sliding_window_view: every window as a view, strided by `stride`."""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def im2col(input_data, filter_h, filter_w, stride=1, pad=0):
    N, C, H, W = input_data.shape
    out_h = (H + 2 * pad - filter_h) // stride + 1
    out_w = (W + 2 * pad - filter_w) // stride + 1
    img = np.pad(input_data, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    windows = sliding_window_view(img, (filter_h, filter_w), axis=(2, 3))  # (N, C, H', W', fh, fw)
    windows = windows[:, :, ::stride, ::stride][:, :, :out_h, :out_w]
    return windows.transpose(0, 2, 3, 1, 4, 5).reshape(N * out_h * out_w, C * filter_h * filter_w)
