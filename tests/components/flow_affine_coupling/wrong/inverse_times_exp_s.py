# expect: mistake
"""The inverse multiplies by exp(s) again instead of dividing."""
import numpy as np


class AffineCoupling:
    def __init__(self, Ws, bs, Wt, bt):
        self.Ws, self.bs, self.Wt, self.bt = Ws, bs, Wt, bt
        self.dWs = self.dbs = self.dWt = self.dbt = None
        self.cache = None

    def forward(self, x):
        d = x.shape[1] // 2
        x1, x2 = x[:, :d], x[:, d:]
        s = np.tanh(x1 @ self.Ws + self.bs)
        t = x1 @ self.Wt + self.bt
        exp_s = np.exp(s)
        y2 = x2 * exp_s + t
        logdet = np.sum(s, axis=1)
        self.cache = (x1, x2, s, exp_s)
        return np.concatenate([x1, y2], axis=1), logdet

    def inverse(self, y):
        d = y.shape[1] // 2
        y1, y2 = y[:, :d], y[:, d:]
        s = np.tanh(y1 @ self.Ws + self.bs)
        t = y1 @ self.Wt + self.bt
        x2 = (y2 - t) * np.exp(s)
        return np.concatenate([y1, x2], axis=1)

    def backward(self, dy, dlogdet):
        x1, x2, s, exp_s = self.cache
        d = x1.shape[1]
        dy1, dy2 = dy[:, :d], dy[:, d:]
        dx2 = dy2 * exp_s
        ds = dy2 * x2 * exp_s + dlogdet[:, None]
        dt = dy2
        da = ds * (1 - s ** 2)
        self.dWs = x1.T @ da
        self.dbs = np.sum(da, axis=0)
        self.dWt = x1.T @ dt
        self.dbt = np.sum(dt, axis=0)
        dx1 = dy1 + da @ self.Ws.T + dt @ self.Wt.T
        return np.concatenate([dx1, dx2], axis=1)
