"""Softmax-with-loss computed in the log domain (log-softmax, no 1e-7 guard needed); dx = (y - t) / N."""
import numpy as np


class SoftmaxWithLoss:
    def __init__(self):
        self.loss = None
        self.y = None
        self.t = None

    def forward(self, x, t):
        z = x - x.max(axis=1, keepdims=True)
        log_y = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        self.y = np.exp(log_y)
        N = x.shape[0]
        if t.size == x.size:
            self.t = t
            self.loss = -np.sum(t * log_y) / N
        else:
            self.t = np.eye(x.shape[1], dtype=x.dtype)[t]
            self.loss = -np.mean(log_y[np.arange(N), t])
        return self.loss

    def backward(self, dout=1):
        return dout * (self.y - self.t) / self.t.shape[0]
