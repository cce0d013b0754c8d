# expect: exception
"""Dropout's way: the mask applied to the output activations (N, H) instead of the weights (D, H)."""
import numpy as np


class DropConnectAffine:
    def __init__(self, W, b):
        self.W, self.b = W, b

    def forward(self, x, mask):
        self.x, self.mask = x, mask
        return (np.dot(x, self.W) + self.b) * mask

    def backward(self, dout):
        dout = dout * self.mask
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return np.dot(dout, self.W.T)
