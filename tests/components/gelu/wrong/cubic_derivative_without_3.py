# expect: values
"""The derivative of the cubic term lost its 3: √(2/π)(1 + 0.044715 x²)."""
import numpy as np


class GELU:
    def forward(self, x):
        self.x = x
        self.t = np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x ** 3))
        return 0.5 * x * (1 + self.t)


    def backward(self, dout):
        x, t = self.x, self.t
        du = np.sqrt(2 / np.pi) * (1 + 0.044715 * x ** 2)
        return dout * (0.5 * (1 + t) + 0.5 * x * (1 - t ** 2) * du)
