"""Loops over samples and groups, the book's ε = 10e-7, computed in float64."""
import numpy as np


class GroupNormalization:
    def __init__(self, gamma, beta, G, eps=10e-7):
        self.gamma, self.beta, self.G, self.eps = gamma, beta, G, eps

    def forward(self, x):
        N, C, H, W = x.shape
        k = C // self.G
        x = x.astype(np.float64)
        self.xn = np.empty_like(x)
        self.inv = np.empty((N, self.G))
        for n in range(N):
            for g in range(self.G):
                block = x[n, g * k:(g + 1) * k]
                self.inv[n, g] = 1.0 / np.sqrt(np.mean((block - block.mean()) ** 2) + self.eps)
                self.xn[n, g * k:(g + 1) * k] = (block - block.mean()) * self.inv[n, g]
        return self.xn * self.gamma.reshape(1, -1, 1, 1) + self.beta.reshape(1, -1, 1, 1)

    def backward(self, dout):
        N, C, H, W = dout.shape
        k = C // self.G
        self.dbeta = np.sum(dout, axis=(0, 2, 3))
        self.dgamma = np.sum(dout * self.xn, axis=(0, 2, 3))
        dxn = dout * self.gamma.reshape(1, -1, 1, 1)
        dx = np.empty(dout.shape)
        for n in range(N):
            for g in range(self.G):
                d = dxn[n, g * k:(g + 1) * k]
                xn = self.xn[n, g * k:(g + 1) * k]
                dx[n, g * k:(g + 1) * k] = self.inv[n, g] * (d - d.mean() - xn * np.mean(d * xn))
        return dx
