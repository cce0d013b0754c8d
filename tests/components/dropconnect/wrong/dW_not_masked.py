# expect: mistake
"""dW = x.T @ dout without the mask: dropped connections get a gradient."""
import numpy as np


class DropConnectAffine:
    def __init__(self, W, b):
        self.W, self.b = W, b

    def forward(self, x, mask):
        self.x, self.mask = x, mask
        return np.dot(x, self.W * mask) + self.b

    def backward(self, dout):
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return np.dot(dout, (self.W * self.mask).T)
