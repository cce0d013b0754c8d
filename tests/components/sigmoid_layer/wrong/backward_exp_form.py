# expect: values
"""dx = dout * np.exp(-self.out) * self.out ** 2: the derivative written in x but evaluated at y."""
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
        dx = dout * np.exp(-self.out) * self.out ** 2
        return dx
