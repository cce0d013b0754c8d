"""Max pooling with a loop over output positions; backward routes each gradient to its window's maximum."""
import numpy as np


class Pooling:
    def __init__(self, pool_h, pool_w, stride=2, pad=0):
        self.pool_h = pool_h
        self.pool_w = pool_w
        self.stride = stride
        self.pad = pad
        self.xp = None
        self.x_shape = None

    def forward(self, x):
        ph, pw, s, p = self.pool_h, self.pool_w, self.stride, self.pad
        N, C, H, W = x.shape
        out_h = (H + 2 * p - ph) // s + 1
        out_w = (W + 2 * p - pw) // s + 1
        self.x_shape = x.shape
        self.xp = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
        out = np.empty((N, C, out_h, out_w), dtype=x.dtype)
        for i in range(out_h):
            for j in range(out_w):
                out[:, :, i, j] = self.xp[:, :, i * s:i * s + ph, j * s:j * s + pw].max(axis=(2, 3))
        return out

    def backward(self, dout):
        ph, pw, s, p = self.pool_h, self.pool_w, self.stride, self.pad
        N, C, H, W = self.x_shape
        dxp = np.zeros(self.xp.shape, dtype=dout.dtype)
        n, c = np.indices((N, C))
        for i in range(dout.shape[2]):
            for j in range(dout.shape[3]):
                window = self.xp[:, :, i * s:i * s + ph, j * s:j * s + pw].reshape(N, C, -1)
                k = window.argmax(axis=2)
                dxp[n, c, i * s + k // pw, j * s + k % pw] += dout[:, :, i, j]
        return dxp[:, :, p:p + H, p:p + W]
