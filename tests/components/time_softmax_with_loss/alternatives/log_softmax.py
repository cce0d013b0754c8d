"""TimeSoftmaxWithLoss with a log-softmax and boolean indexing of the kept steps."""
import numpy as np


class TimeSoftmaxWithLoss:
    def __init__(self):
        self.params, self.grads = [], []
        self.cache = None
        self.ignore_label = -1

    def forward(self, xs, ts):
        N, T, V = xs.shape
        if ts.ndim == 3:
            ts = ts.argmax(axis=2)
        x = xs.reshape(-1, V)
        t = ts.reshape(-1)
        keep = t != self.ignore_label
        z = x - x.max(axis=1, keepdims=True)
        log_y = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -log_y[keep, t[keep]].mean()
        self.cache = (np.exp(log_y), t, keep, xs.shape)
        return loss

    def backward(self, dout=1):
        y, t, keep, shape = self.cache
        dx = np.zeros_like(y)
        rows = np.flatnonzero(keep)
        dx[rows] = y[rows]
        dx[rows, t[rows]] -= 1
        return (dx * dout / len(rows)).reshape(shape)
