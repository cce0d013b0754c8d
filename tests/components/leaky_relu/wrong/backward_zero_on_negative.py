# expect: mistake
"""Forward is Leaky ReLU but backward is ReLU's: no gradient on the negative side (it should be alpha)."""
import numpy as np


class LeakyRelu:
    def __init__(self, alpha=0.01):
        self.alpha = alpha

    def forward(self, x):
        self.mask = x > 0
        return np.where(self.mask, x, self.alpha * x)

    def backward(self, dout):
        return np.where(self.mask, dout, 0)
