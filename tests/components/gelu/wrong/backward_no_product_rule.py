# expect: mistake
"""Backward forgets the product rule: only 0.5 (1 + t), the x · dΦ/dx term is missing."""
import numpy as np


class GELU:
    def forward(self, x):
        self.x = x
        self.t = np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x ** 3))
        return 0.5 * x * (1 + self.t)


    def backward(self, dout):
        return dout * 0.5 * (1 + self.t)
