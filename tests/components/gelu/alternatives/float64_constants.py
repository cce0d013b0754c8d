"""Constants computed once, float64 arithmetic, no stored tanh (recomputed in backward)."""
import math

import numpy as np

C = math.sqrt(2 / math.pi)
A = 0.044715


class GELU:
    def forward(self, x):
        self.x = x.astype(np.float64)
        return 0.5 * self.x * (1 + np.tanh(C * (self.x + A * self.x ** 3)))

    def backward(self, dout):
        x = self.x
        t = np.tanh(C * (x + A * x ** 3))
        return dout * (0.5 * (1 + t) + 0.5 * x * (1 - t * t) * C * (1 + 3 * A * x ** 2))
