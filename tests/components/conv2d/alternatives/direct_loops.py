"""Convolution by direct loops over output positions (tensordot per window); no im2col."""
import numpy as np


class Convolution:
    def __init__(self, W, b, stride=1, pad=0):
        self.W = W
        self.b = b
        self.stride = stride
        self.pad = pad
        self.xp = None
        self.dW = None
        self.db = None

    def forward(self, x):
        FN, C, FH, FW = self.W.shape
        N, _, H, W = x.shape
        s, p = self.stride, self.pad
        out_h = (H + 2 * p - FH) // s + 1
        out_w = (W + 2 * p - FW) // s + 1
        self.xp = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
        out = np.empty((N, FN, out_h, out_w), dtype=x.dtype)
        for i in range(out_h):
            for j in range(out_w):
                window = self.xp[:, :, i * s:i * s + FH, j * s:j * s + FW]          # (N, C, FH, FW)
                out[:, :, i, j] = np.tensordot(window, self.W, axes=([1, 2, 3], [1, 2, 3])) + self.b
        return out

    def backward(self, dout):
        FN, C, FH, FW = self.W.shape
        s, p = self.stride, self.pad
        N, _, out_h, out_w = dout.shape
        dxp = np.zeros_like(self.xp)
        dW = np.zeros_like(self.W)
        for i in range(out_h):
            for j in range(out_w):
                window = self.xp[:, :, i * s:i * s + FH, j * s:j * s + FW]
                g = dout[:, :, i, j]                                               # (N, FN)
                dW += np.tensordot(g, window, axes=([0], [0]))                    # (FN, C, FH, FW)
                dxp[:, :, i * s:i * s + FH, j * s:j * s + FW] += np.tensordot(g, self.W, axes=([1], [0]))
        self.dW = dW
        self.db = dout.sum(axis=(0, 2, 3))
        H, W = dxp.shape[2] - 2 * p, dxp.shape[3] - 2 * p
        return dxp[:, :, p:p + H, p:p + W]
