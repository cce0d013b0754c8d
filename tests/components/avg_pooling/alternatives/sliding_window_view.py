"""Average pooling on sliding windows; backward spreads dout / (pool_h * pool_w) over each window."""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


class AvgPooling:
    def __init__(self, pool_h, pool_w, stride=2, pad=0):
        self.pool_h = pool_h
        self.pool_w = pool_w
        self.stride = stride
        self.pad = pad
        self.x_shape = None

    def forward(self, x):
        ph, pw, s, p = self.pool_h, self.pool_w, self.stride, self.pad
        N, C, H, W = x.shape
        out_h = (H + 2 * p - ph) // s + 1
        out_w = (W + 2 * p - pw) // s + 1
        xp = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
        win = sliding_window_view(xp, (ph, pw), axis=(2, 3))[:, :, ::s, ::s][:, :, :out_h, :out_w]
        self.x_shape = x.shape
        return win.mean(axis=(4, 5))

    def backward(self, dout):
        ph, pw, s, p = self.pool_h, self.pool_w, self.stride, self.pad
        N, C, H, W = self.x_shape
        out_h, out_w = dout.shape[2], dout.shape[3]
        dxp = np.zeros((N, C, H + 2 * p, W + 2 * p), dtype=dout.dtype)
        g = dout / (ph * pw)
        for y in range(ph):
            for x in range(pw):
                dxp[:, :, y:y + s * (out_h - 1) + 1:s, x:x + s * (out_w - 1) + 1:s] += g
        return dxp[:, :, p:p + H, p:p + W]
