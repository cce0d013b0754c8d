# expect: mistake
"""Depthwise conv that also sums over the input channels: one output channel (an ordinary convolution's), not C."""
import numpy as np
from reference.conv import im2col, col2im


class DepthwiseConvolution:
    """Depthwise convolution (PyTorch's groups = C): one filter per channel, no sum over channels.

    W: (C, 1, FH, FW), b: (C,). x: (N, C, H, W) -> out: (N, C, out_h, out_w).
    im2col's rows are split per channel, col: (N*out_h*out_w, C, FH*FW); each
    channel's taps are weighted by its own filter and summed over the window only.
    """

    def __init__(self, W, b, stride=1, pad=0):
        self.W = W
        self.b = b
        self.stride = stride
        self.pad = pad
        self.x_shape = None
        self.col = None
        self.col_W = None
        self.dW = None
        self.db = None

    def forward(self, x):
        C, _, FH, FW = self.W.shape
        N, C, H, W = x.shape
        out_h = (H + 2 * self.pad - FH) // self.stride + 1
        out_w = (W + 2 * self.pad - FW) // self.stride + 1

        col = im2col(x, FH, FW, self.stride, self.pad).reshape(-1, C, FH * FW)
        col_W = self.W.reshape(C, FH * FW)

        out = np.sum(col * col_W, axis=(1, 2))[:, np.newaxis] + self.b
        out = out.reshape(N, out_h, out_w, -1).transpose(0, 3, 1, 2)

        self.x_shape = x.shape
        self.col = col
        self.col_W = col_W
        return out

    def backward(self, dout):
        C, _, FH, FW = self.W.shape
        dout = dout.transpose(0, 2, 3, 1).reshape(-1, C)

        self.db = np.sum(dout, axis=0)
        self.dW = np.sum(self.col * dout[:, :, np.newaxis], axis=0).reshape(C, 1, FH, FW)

        dcol = dout[:, :, np.newaxis] * self.col_W
        dcol = dcol.reshape(-1, C * FH * FW)
        dx = col2im(dcol, self.x_shape, FH, FW, self.stride, self.pad)
        return dx
