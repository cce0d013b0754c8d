# expect: values
"""dx = dout * self.out: the (1 - y) factor of the derivative y(1 - y) is missing."""
import numpy as np


class Sigmoid:
    """Sigmoid layer. x, dout: any shape (the same shape)."""

    def __init__(self):
        self.out = None

    def forward(self, x):
        out = 1 / (1 + np.exp(-x))
        self.out = out
        return out

    def backward(self, dout):
        dx = dout * self.out
        return dx
