# expect: values
"""dx = dout W instead of dout W^T: wrong values where W is square (other shapes raise earlier)."""
import numpy as np


class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.shape = None
        self.dW = None
        self.db = None

    def forward(self, x):
        self.shape = x.shape
        self.x = x.reshape(x.shape[0], -1)
        return np.dot(self.x, self.W) + self.b

    def backward(self, dout):
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        W = self.W if self.W.shape[0] == self.W.shape[1] else self.W.T
        return np.dot(dout, W).reshape(self.shape)
