"""Convolution without im2col: einsum over sliding windows forward; backward by einsum and a loop over filter taps."""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


class Convolution:
    def __init__(self, W, b, stride=1, pad=0):
        self.W = W
        self.b = b
        self.stride = stride
        self.pad = pad
        self.x_shape = None
        self.windows = None
        self.dW = None
        self.db = None

    def forward(self, x):
        FN, C, FH, FW = self.W.shape
        N, _, H, W = x.shape
        s, p = self.stride, self.pad
        out_h = (H + 2 * p - FH) // s + 1
        out_w = (W + 2 * p - FW) // s + 1
        xp = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
        windows = sliding_window_view(xp, (FH, FW), axis=(2, 3))[:, :, ::s, ::s][:, :, :out_h, :out_w]
        self.x_shape = x.shape
        self.windows = windows                                   # (N, C, out_h, out_w, FH, FW)
        return np.einsum('nchwij,fcij->nfhw', windows, self.W) + self.b[None, :, None, None]

    def backward(self, dout):
        FN, C, FH, FW = self.W.shape
        N, _, H, W = self.x_shape
        s, p = self.stride, self.pad
        out_h, out_w = dout.shape[2], dout.shape[3]
        self.db = dout.sum(axis=(0, 2, 3))
        self.dW = np.einsum('nchwij,nfhw->fcij', self.windows, dout)
        dxp = np.zeros((N, C, H + 2 * p, W + 2 * p), dtype=dout.dtype)
        for i in range(FH):
            for j in range(FW):
                dxp[:, :, i:i + s * (out_h - 1) + 1:s, j:j + s * (out_w - 1) + 1:s] += \
                    np.einsum('nfhw,fc->nchw', dout, self.W[:, :, i, j])
        return dxp[:, :, p:p + H, p:p + W]
