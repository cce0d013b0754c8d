"""tanh(u) written as 2σ(2u) − 1, and the derivative of tanh as 1 / cosh²(u)."""
import numpy as np


class GELU:
    def forward(self, x):
        self.x = x
        self.u = np.sqrt(2.0 / np.pi) * (x + 0.044715 * np.power(x, 3))
        tanh_u = 2.0 / (1.0 + np.exp(-2.0 * self.u)) - 1.0
        return 0.5 * x * (1.0 + tanh_u)

    def backward(self, dout):
        x, u = self.x, self.u
        phi = 0.5 * (1.0 + np.tanh(u))
        dphi = 0.5 / np.cosh(u) ** 2 * np.sqrt(2.0 / np.pi) * (1.0 + 0.134145 * x * x)
        return dout * (phi + x * dphi)
