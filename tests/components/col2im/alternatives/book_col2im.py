# Verbatim from ゼロから作るDeep Learning (oreilly-japan/deep-learning-from-scratch): common/util.py (col2im).
# Copyright (c) 2016 Koki Saitoh, MIT License (tests/components/NOTICE-deep-learning-from-scratch.md).
# Test data only: the book's own code must pass this drill. examprep's reference is its own code.
"""The book's col2im: np.zeros without a dtype (float64 for a float32 col)."""
import numpy as np


def col2im(col, input_shape, filter_h, filter_w, stride=1, pad=0):
    """

    Parameters
    ----------
    col :
    input_shape : 入力データの形状（例：(10, 1, 28, 28)）
    filter_h :
    filter_w
    stride
    pad

    Returns
    -------

    """
    N, C, H, W = input_shape
    out_h = (H + 2*pad - filter_h)//stride + 1
    out_w = (W + 2*pad - filter_w)//stride + 1
    col = col.reshape(N, out_h, out_w, C, filter_h, filter_w).transpose(0, 3, 4, 5, 1, 2)

    img = np.zeros((N, C, H + 2*pad + stride - 1, W + 2*pad + stride - 1))
    for y in range(filter_h):
        y_max = y + stride*out_h
        for x in range(filter_w):
            x_max = x + stride*out_w
            img[:, :, y:y_max:stride, x:x_max:stride] += col[:, :, y, x, :, :]

    return img[:, :, pad:H + pad, pad:W + pad]
