# expect: exception
"""Reorders col with im2col's transpose(0, 4, 5, 1, 2, 3) instead of its inverse (0, 3, 4, 5, 1, 2): the axes no longer fit the image."""
import numpy as np


def col2im(col, input_shape, filter_h, filter_w, stride=1, pad=0):
    """The adjoint of im2col: add every row back into its window of the image.

    col: (N * out_h * out_w, C * filter_h * filter_w), laid out as im2col makes it.
    input_shape: (N, C, H, W) of the original images.
    Returns img: (N, C, H, W), in col's dtype. Where windows overlap, their values
    are summed. The padded image has stride - 1 spare rows and columns so that
    every slice end fits; they and the padding are cut off at the end.
    """
    N, C, H, W = input_shape
    out_h = (H + 2 * pad - filter_h) // stride + 1
    out_w = (W + 2 * pad - filter_w) // stride + 1
    col = col.reshape(N, out_h, out_w, C, filter_h, filter_w).transpose(0, 4, 5, 1, 2, 3)

    img = np.zeros((N, C, H + 2 * pad + stride - 1, W + 2 * pad + stride - 1), dtype=col.dtype)
    for y in range(filter_h):
        y_max = y + stride * out_h
        for x in range(filter_w):
            x_max = x + stride * out_w
            img[:, :, y:y_max:stride, x:x_max:stride] += col[:, :, y, x, :, :]

    return img[:, :, pad:H + pad, pad:W + pad]
