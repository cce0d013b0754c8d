# expect: finite
"""softmax without subtracting the maximum overflows for scores around 1000."""
import numpy as np


class SoftmaxWithLoss:
    def __init__(self):
        self.loss = self.y = self.t = None

    def forward(self, x, t):
        self.t = t
        e = np.exp(x)
        self.y = e / e.sum(axis=1, keepdims=True)
        n = x.shape[0]
        labels = t.argmax(axis=1) if t.size == x.size else t
        self.loss = -np.sum(np.log(self.y[np.arange(n), labels] + 1e-7)) / n
        return self.loss

    def backward(self, dout=1):
        n = self.y.shape[0]
        onehot = self.t if self.t.size == self.y.size else np.eye(self.y.shape[1])[self.t]
        return (self.y - onehot) / n * dout
