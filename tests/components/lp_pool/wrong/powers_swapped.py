# expect: values
"""The two exponents swapped: (sum |x|^(1/p))^p, not (sum |x|^p)^(1/p)."""
import numpy as np
from reference.conv import im2col, col2im


class LpPooling:
    """Lp pooling: the Lp norm of each window, (sum |x|^p)^(1/p), via im2col.

    x: (N, C, H, W) -> out: (N, C, out_h, out_w). p = 1 is the sum of |x|,
    p = 2 the Euclidean norm, p -> infinity max |x|. A sum, not a mean (PyTorch's
    LPPool2d). backward: d out / d x = (|x| / out)^(p - 1) * sign(x).
    """

    def __init__(self, p, pool_h, pool_w, stride=1, pad=0):
        self.p = p
        self.pool_h = pool_h
        self.pool_w = pool_w
        self.stride = stride
        self.pad = pad
        self.x_shape = None
        self.col = None
        self.out = None

    def forward(self, x):
        N, C, H, W = x.shape
        out_h = (H + 2 * self.pad - self.pool_h) // self.stride + 1
        out_w = (W + 2 * self.pad - self.pool_w) // self.stride + 1

        col = im2col(x, self.pool_h, self.pool_w, self.stride, self.pad)
        col = col.reshape(-1, self.pool_h * self.pool_w)

        out = np.sum(np.abs(col) ** (1 / self.p), axis=1) ** self.p

        self.x_shape = x.shape
        self.col = col
        self.out = out
        return out.reshape(N, out_h, out_w, -1).transpose(0, 3, 1, 2)

    def backward(self, dout):
        N, C, H, W = self.x_shape
        dout = dout.transpose(0, 2, 3, 1).reshape(-1, 1)

        ratio = np.abs(self.col) / self.out.reshape(-1, 1)
        dcol = dout * ratio ** (self.p - 1) * np.sign(self.col)
        dcol = dcol.reshape(-1, C * self.pool_h * self.pool_w)
        dx = col2im(dcol, self.x_shape, self.pool_h, self.pool_w, self.stride, self.pad)
        return dx
