"""Plain loops over output positions with np.pad, no im2col, the window multiplied channel by channel."""
import numpy as np


class DepthwiseConvolution:
    def __init__(self, W, b, stride=1, pad=0):
        self.W, self.b, self.stride, self.pad = W, b, stride, pad

    def forward(self, x):
        C, _, FH, FW = self.W.shape
        N, _, H, W = x.shape
        s, p = self.stride, self.pad
        xp = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
        oh, ow = (H + 2 * p - FH) // s + 1, (W + 2 * p - FW) // s + 1
        out = np.zeros((N, C, oh, ow))
        k = self.W[:, 0]                                           # (C, FH, FW)
        for i in range(oh):
            for j in range(ow):
                out[:, :, i, j] = (xp[:, :, i * s:i * s + FH, j * s:j * s + FW] * k).sum(axis=(2, 3))
        self.xp, self.shape = xp, x.shape
        return out + self.b.reshape(1, C, 1, 1)

    def backward(self, dout):
        C, _, FH, FW = self.W.shape
        N, _, H, W = self.shape
        s, p = self.stride, self.pad
        dxp = np.zeros(self.xp.shape)
        dk = np.zeros((C, FH, FW))
        for i in range(dout.shape[2]):
            for j in range(dout.shape[3]):
                g = dout[:, :, i, j][:, :, None, None]
                dk += (g * self.xp[:, :, i * s:i * s + FH, j * s:j * s + FW]).sum(axis=0)
                dxp[:, :, i * s:i * s + FH, j * s:j * s + FW] += g * self.W[:, 0]
        self.dW = dk[:, None]
        self.db = dout.sum(axis=(0, 2, 3))
        return dxp[:, :, p:p + H, p:p + W]
