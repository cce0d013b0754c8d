# expect: values
"""The padding cut off without its offset: dx_pad[:, :, :H, :W] keeps the top-left padding and loses the last rows."""
import numpy as np


class NaiveConvolution:
    """2-D convolution written with loops over the output positions (no im2col).

    W: (FN, C, FH, FW), b: (FN,). x: (N, C, H, W) -> out: (N, FN, out_h, out_w).
    Each output position is the window x_pad[:, :, i*S:i*S+FH, j*S:j*S+FW]
    contracted with every filter over (C, FH, FW). backward walks the same windows:
    each one receives dout[:, :, i, j] spread back through W, and adds
    dout[:, :, i, j] times the window to dW.
    """

    def __init__(self, W, b, stride=1, pad=0):
        self.W = W
        self.b = b
        self.stride = stride
        self.pad = pad
        self.x_shape = None
        self.x_pad = None
        self.dW = None
        self.db = None

    def forward(self, x):
        FN, C, FH, FW = self.W.shape
        N, C, H, W = x.shape
        out_h = (H + 2 * self.pad - FH) // self.stride + 1
        out_w = (W + 2 * self.pad - FW) // self.stride + 1

        x_pad = np.pad(x, [(0, 0), (0, 0), (self.pad, self.pad), (self.pad, self.pad)], 'constant')
        out = np.zeros((N, FN, out_h, out_w), dtype=x.dtype)
        for i in range(out_h):
            for j in range(out_w):
                h0 = i * self.stride
                w0 = j * self.stride
                window = x_pad[:, :, h0:h0 + FH, w0:w0 + FW]
                out[:, :, i, j] = np.tensordot(window, self.W, axes=([1, 2, 3], [1, 2, 3]))
        out += self.b.reshape(1, FN, 1, 1)

        self.x_shape = x.shape
        self.x_pad = x_pad
        return out

    def backward(self, dout):
        FN, C, FH, FW = self.W.shape
        N, C, H, W = self.x_shape
        out_h, out_w = dout.shape[2], dout.shape[3]

        dx_pad = np.zeros_like(self.x_pad)
        self.dW = np.zeros_like(self.W)
        for i in range(out_h):
            for j in range(out_w):
                h0 = i * self.stride
                w0 = j * self.stride
                window = self.x_pad[:, :, h0:h0 + FH, w0:w0 + FW]
                dwindow = dx_pad[:, :, h0:h0 + FH, w0:w0 + FW]
                self.dW += np.tensordot(dout[:, :, i, j], window, axes=([0], [0]))
                dwindow += np.tensordot(dout[:, :, i, j], self.W, axes=([1], [0]))
        self.db = np.sum(dout, axis=(0, 2, 3))

        dx = dx_pad[:, :, :H, :W]
        return dx
