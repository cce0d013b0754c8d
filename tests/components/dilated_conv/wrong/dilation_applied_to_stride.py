# expect: mistake
"""Dilation applied to the stride: the window moves d * stride pixels, the filter stays dense."""
import numpy as np
from reference.conv import im2col, col2im


class DilatedConvolution:
    """Dilated (atrous) convolution: the filter's taps spaced `dilation` pixels apart.

    W: (FN, C, FH, FW), b: (FN,). x: (N, C, H, W) -> out: (N, FN, out_h, out_w).
    forward inserts dilation - 1 zeros between the taps (effective size
    dilation * (FH - 1) + 1) and convolves with that filter as the book's
    Convolution does; the stride is unchanged. backward takes dW at the taps only.
    """

    def __init__(self, W, b, stride=1, pad=0, dilation=1):
        self.W = W
        self.b = b
        self.stride = stride
        self.pad = pad
        self.dilation = dilation
        self.x_shape = None
        self.col = None
        self.W_d = None
        self.dW = None
        self.db = None

    def forward(self, x):
        FN, C, FH, FW = self.W.shape
        N, C, H, W = x.shape
        d = 1
        FH_d = d * (FH - 1) + 1
        FW_d = d * (FW - 1) + 1
        W_d = np.zeros((FN, C, FH_d, FW_d), dtype=self.W.dtype)
        W_d[:, :, ::d, ::d] = self.W
        out_h = (H + 2 * self.pad - FH_d) // (self.stride * self.dilation) + 1
        out_w = (W + 2 * self.pad - FW_d) // (self.stride * self.dilation) + 1

        col = im2col(x, FH_d, FW_d, self.stride * self.dilation, self.pad)
        col_W = W_d.reshape(FN, -1).T

        out = np.dot(col, col_W) + self.b
        out = out.reshape(N, out_h, out_w, -1).transpose(0, 3, 1, 2)

        self.x_shape = x.shape
        self.col = col
        self.W_d = W_d
        return out

    def backward(self, dout):
        FN, C, FH_d, FW_d = self.W_d.shape
        d = 1
        dout = dout.transpose(0, 2, 3, 1).reshape(-1, FN)

        self.db = np.sum(dout, axis=0)
        dW_d = np.dot(self.col.T, dout).transpose(1, 0).reshape(FN, C, FH_d, FW_d)
        self.dW = dW_d[:, :, ::d, ::d]

        dcol = np.dot(dout, self.W_d.reshape(FN, -1))
        dx = col2im(dcol, self.x_shape, FH_d, FW_d, self.stride * self.dilation, self.pad)
        return dx
