# expect: convention
"""The exact GELU x·Φ(x) with erf (PyTorch's default), where the drill asks for the tanh approximation."""
import math

import numpy as np

erf = np.vectorize(math.erf)


class GELU:
    def forward(self, x):
        self.x = x
        return 0.5 * x * (1 + erf(x / math.sqrt(2)))

    def backward(self, dout):
        x = self.x
        return dout * (0.5 * (1 + erf(x / math.sqrt(2))) + x * np.exp(-x ** 2 / 2) / math.sqrt(2 * math.pi))
