"""Sigmoid layer that stores the input and recomputes sigmoid in backward: d/dx = s(x) (1 - s(x))."""
import numpy as np


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


class Sigmoid:
    def __init__(self):
        self.x = None

    def forward(self, x):
        self.x = x.copy()
        return _sigmoid(x)

    def backward(self, dout):
        s = _sigmoid(self.x)
        return dout * s * (1.0 - s)
