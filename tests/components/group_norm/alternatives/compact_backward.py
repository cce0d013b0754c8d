"""5-D view (N, G, C/G, H, W) with np.var, and the compact backward dx = (dxn - mean(dxn) - xn·mean(dxn·xn)) / std."""
import numpy as np


class GroupNormalization:
    def __init__(self, gamma, beta, G, eps=1e-5):
        self.gamma, self.beta, self.G, self.eps = gamma, beta, G, eps

    def forward(self, x):
        N, C, H, W = x.shape
        x5 = x.reshape(N, self.G, C // self.G, H, W)
        mean = x5.mean(axis=(2, 3, 4), keepdims=True)
        self.std = np.sqrt(x5.var(axis=(2, 3, 4), keepdims=True) + self.eps)
        self.xn5 = (x5 - mean) / self.std
        return self.xn5.reshape(x.shape) * self.gamma[:, None, None] + self.beta[:, None, None]

    def backward(self, dout):
        N, C, H, W = dout.shape
        xn = self.xn5.reshape(dout.shape)
        self.dgamma = (dout * xn).sum(axis=(0, 2, 3))
        self.dbeta = dout.sum(axis=(0, 2, 3))
        g = (dout * self.gamma[:, None, None]).reshape(self.xn5.shape)
        ax = (2, 3, 4)
        dx = (g - g.mean(axis=ax, keepdims=True) - self.xn5 * (g * self.xn5).mean(axis=ax, keepdims=True)) / self.std
        return dx.reshape(N, C, H, W)
