"""im2col windows; |x|^p written as exp(p·log|x|) in float64, the gradient as |x|^(p-1)·sign(x)·out^(1-p)."""
import numpy as np
from reference.conv import im2col, col2im


class LpPooling:
    def __init__(self, p, pool_h, pool_w, stride=1, pad=0):
        self.p, self.pool_h, self.pool_w, self.stride, self.pad = p, pool_h, pool_w, stride, pad

    def forward(self, x):
        N, C, H, W = x.shape
        oh = (H + 2 * self.pad - self.pool_h) // self.stride + 1
        ow = (W + 2 * self.pad - self.pool_w) // self.stride + 1
        col = im2col(x.astype(np.float64), self.pool_h, self.pool_w, self.stride, self.pad)
        self.col = col.reshape(N, oh, ow, C, self.pool_h * self.pool_w)
        with np.errstate(divide='ignore'):
            powered = np.where(self.col == 0, 0.0, np.exp(self.p * np.log(np.abs(self.col))))
        self.out = powered.sum(axis=-1) ** (1.0 / self.p)
        self.shape = x.shape
        return self.out.transpose(0, 3, 1, 2)

    def backward(self, dout):
        d = dout.transpose(0, 2, 3, 1)[..., None]
        g = d * np.abs(self.col) ** (self.p - 1) * np.sign(self.col) * self.out[..., None] ** (1 - self.p)
        g = g.reshape(-1, self.shape[1] * self.pool_h * self.pool_w)
        return col2im(g, self.shape, self.pool_h, self.pool_w, self.stride, self.pad)
