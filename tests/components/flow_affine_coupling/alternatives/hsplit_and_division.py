"""np.hsplit for the halves (by index), the inverse by dividing by exp(s), gradients through the pre-activation."""
import numpy as np


class AffineCoupling:
    def __init__(self, Ws, bs, Wt, bt):
        self.Ws, self.bs, self.Wt, self.bt = Ws, bs, Wt, bt

    def _st(self, a):
        pre = np.dot(a, self.Ws) + self.bs
        return pre, np.tanh(pre), np.dot(a, self.Wt) + self.bt

    def forward(self, x):
        a, b = np.hsplit(x, [x.shape[1] // 2])
        pre, s, t = self._st(a)
        self.saved = a, b, pre, s
        return np.hstack([a, b * np.exp(s) + t]), s.sum(axis=-1)

    def inverse(self, y):
        a, b = np.hsplit(y, [y.shape[1] // 2])
        _, s, t = self._st(a)
        return np.hstack([a, (b - t) / np.exp(s)])

    def backward(self, dy, dlogdet):
        a, b, pre, s = self.saved
        d = a.shape[1]
        g1, g2 = dy[:, :d], dy[:, d:]
        e = np.exp(s)
        dpre = (g2 * b * e + dlogdet.reshape(-1, 1)) / np.cosh(pre) ** 2
        self.dWs, self.dbs = np.dot(a.T, dpre), dpre.sum(axis=0)
        self.dWt, self.dbt = np.dot(a.T, g2), g2.sum(axis=0)
        return np.hstack([g1 + np.dot(dpre, self.Ws.T) + np.dot(g2, self.Wt.T), g2 * e])
