# expect: values
"""The sigmoid approximation x·σ(1.702 x): another, coarser formula (error up to ~2e-2)."""
import numpy as np


class GELU:
    def forward(self, x):
        self.x = x
        self.s = 1 / (1 + np.exp(-1.702 * x))
        return x * self.s

    def backward(self, dout):
        return dout * (self.s + 1.702 * self.x * self.s * (1 - self.s))
