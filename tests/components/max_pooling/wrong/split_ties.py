# expect: convention
"""The gradient shared equally among the tied maxima of a window."""
import numpy as np
from reference.conv import im2col, col2im


class Pooling:
    """Max pooling via im2col. Padding is with zeros (as im2col pads).

    x: (N, C, H, W). Returns out: (N, C, out_h, out_w).
    forward unrolls the windows with im2col, one row per window of one channel,
    and keeps each row's argmax; backward puts each output's gradient at that
    position (the first maximum in row order, where several are equal) and folds
    the rows back with col2im.
    """

    def __init__(self, pool_h, pool_w, stride=2, pad=0):
        self.pool_h = pool_h
        self.pool_w = pool_w
        self.stride = stride
        self.pad = pad
        self.x = None
        self.arg_max = None

    def forward(self, x):
        N, C, H, W = x.shape
        out_h = int(1 + (H + 2 * self.pad - self.pool_h) / self.stride)
        out_w = int(1 + (W + 2 * self.pad - self.pool_w) / self.stride)

        col = im2col(x, self.pool_h, self.pool_w, self.stride, self.pad)
        col = col.reshape(-1, self.pool_h * self.pool_w)

        arg_max = col == np.max(col, axis=1, keepdims=True)
        out = np.max(col, axis=1)
        out = out.reshape(N, out_h, out_w, C).transpose(0, 3, 1, 2)

        self.x = x
        self.arg_max = arg_max
        return out

    def backward(self, dout):
        dout = dout.transpose(0, 2, 3, 1)

        pool_size = self.pool_h * self.pool_w
        dmax = np.zeros((dout.size, pool_size), dtype=dout.dtype)
        dmax = self.arg_max / self.arg_max.sum(axis=1, keepdims=True) * dout.reshape(-1, 1)
        dmax = dmax.reshape(dout.shape + (pool_size,))

        dcol = dmax.reshape(dmax.shape[0] * dmax.shape[1] * dmax.shape[2], -1)
        dx = col2im(dcol, self.x.shape, self.pool_h, self.pool_w, self.stride, self.pad)
        return dx
