"""A one-hot target from np.eye moved to the class axis; the loss as Σ one-hot · log-softmax."""
import numpy as np


class PixelwiseSoftmaxWithLoss:
    def forward(self, x, t):
        K = x.shape[1]
        z = x - x.max(axis=1, keepdims=True)
        e = np.exp(z)
        s = e.sum(axis=1, keepdims=True)
        self.y = e / s
        self.onehot = np.moveaxis(np.eye(K)[t], -1, 1)
        self.pixels = t.size
        return -np.sum(self.onehot * (z - np.log(s))) / self.pixels

    def backward(self, dout=1):
        return dout * (self.y - self.onehot) / self.pixels
