# expect: values
"""Backward decides the side from the sign of dout instead of the forward's input."""
import numpy as np


class LeakyRelu:
    def __init__(self, alpha=0.01):
        self.alpha = alpha

    def forward(self, x):
        return np.where(x > 0, x, self.alpha * x)

    def backward(self, dout):
        return np.where(dout > 0, dout, self.alpha * dout)
