"""Average pooling with a loop over output positions."""
import numpy as np


class AvgPooling:
    def __init__(self, pool_h, pool_w, stride=2, pad=0):
        self.pool_h = pool_h
        self.pool_w = pool_w
        self.stride = stride
        self.pad = pad
        self.padded_shape = None
        self.x_shape = None

    def forward(self, x):
        ph, pw, s, p = self.pool_h, self.pool_w, self.stride, self.pad
        N, C, H, W = x.shape
        out_h = (H + 2 * p - ph) // s + 1
        out_w = (W + 2 * p - pw) // s + 1
        xp = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
        self.x_shape, self.padded_shape = x.shape, xp.shape
        out = np.empty((N, C, out_h, out_w), dtype=x.dtype)
        for i in range(out_h):
            for j in range(out_w):
                out[:, :, i, j] = np.mean(xp[:, :, i * s:i * s + ph, j * s:j * s + pw], axis=(2, 3))
        return out

    def backward(self, dout):
        ph, pw, s, p = self.pool_h, self.pool_w, self.stride, self.pad
        N, C, H, W = self.x_shape
        dxp = np.zeros(self.padded_shape, dtype=dout.dtype)
        for i in range(dout.shape[2]):
            for j in range(dout.shape[3]):
                dxp[:, :, i * s:i * s + ph, j * s:j * s + pw] += (dout[:, :, i, j] / (ph * pw))[:, :, None, None]
        return dxp[:, :, p:p + H, p:p + W]
