# expect: exception
"""forward returns the sigmoid but forgets to keep it: backward has no output to use."""
import numpy as np


class Sigmoid:
    """Sigmoid layer. x, dout: any shape (the same shape)."""

    def __init__(self):
        self.out = None

    def forward(self, x):
        out = 1 / (1 + np.exp(-x))
        return out

    def backward(self, dout):
        dx = dout * (1.0 - self.out) * self.out
        return dx
