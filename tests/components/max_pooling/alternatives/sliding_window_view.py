"""Max pooling on sliding windows: forward with max over each window, backward by scattering to the argmax."""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


class Pooling:
    def __init__(self, pool_h, pool_w, stride=2, pad=0):
        self.pool_h = pool_h
        self.pool_w = pool_w
        self.stride = stride
        self.pad = pad
        self.x_shape = None
        self.arg = None

    def forward(self, x):
        ph, pw, s, p = self.pool_h, self.pool_w, self.stride, self.pad
        N, C, H, W = x.shape
        out_h = (H + 2 * p - ph) // s + 1
        out_w = (W + 2 * p - pw) // s + 1
        xp = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
        win = sliding_window_view(xp, (ph, pw), axis=(2, 3))[:, :, ::s, ::s][:, :, :out_h, :out_w]
        flat = win.reshape(N, C, out_h, out_w, ph * pw)
        self.x_shape = x.shape
        self.arg = flat.argmax(axis=-1)            # first maximum of each window
        return flat.max(axis=-1)

    def backward(self, dout):
        ph, pw, s, p = self.pool_h, self.pool_w, self.stride, self.pad
        N, C, H, W = self.x_shape
        out_h, out_w = dout.shape[2], dout.shape[3]
        dxp = np.zeros((N, C, H + 2 * p, W + 2 * p), dtype=dout.dtype)
        n, c, i, j = np.indices((N, C, out_h, out_w))
        rows = i * s + self.arg // pw
        cols = j * s + self.arg % pw
        np.add.at(dxp, (n, c, rows, cols), dout)
        return dxp[:, :, p:p + H, p:p + W]
