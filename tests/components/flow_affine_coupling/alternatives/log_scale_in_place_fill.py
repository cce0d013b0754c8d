"""Output arrays filled slice by slice; logdet as the log of the product of the scales (the Jacobian's diagonal)."""
import numpy as np


class AffineCoupling:
    def __init__(self, Ws, bs, Wt, bt):
        self.Ws, self.bs, self.Wt, self.bt = Ws, bs, Wt, bt

    def forward(self, x):
        d = x.shape[1] // 2
        self.x = x
        self.s = np.tanh(x[:, :d] @ self.Ws + self.bs)
        y = x.copy()
        y[:, d:] = x[:, d:] * np.exp(self.s) + x[:, :d] @ self.Wt + self.bt
        return y, np.log(np.prod(np.exp(self.s), axis=1))

    def inverse(self, y):
        d = y.shape[1] // 2
        s = np.tanh(y[:, :d] @ self.Ws + self.bs)
        x = y.copy()
        x[:, d:] = (y[:, d:] - (y[:, :d] @ self.Wt + self.bt)) * np.exp(-s)
        return x

    def backward(self, dy, dlogdet):
        d = self.x.shape[1] // 2
        x1, x2, s = self.x[:, :d], self.x[:, d:], self.s
        dx = np.empty_like(dy)
        dx[:, d:] = dy[:, d:] * np.exp(s)
        da = (dy[:, d:] * x2 * np.exp(s) + dlogdet[:, np.newaxis]) * (1 - s * s)
        self.dWs, self.dbs = x1.T @ da, da.sum(axis=0)
        self.dWt, self.dbt = x1.T @ dy[:, d:], dy[:, d:].sum(axis=0)
        dx[:, :d] = dy[:, :d] + da @ self.Ws.T + dy[:, d:] @ self.Wt.T
        return dx
