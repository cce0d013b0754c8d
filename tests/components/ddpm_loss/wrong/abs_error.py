# expect: values
"""The mean absolute error (L1) instead of the squared error."""
import numpy as np


class DDPMLoss:
    def forward(self, eps_pred, noise):
        self.d = eps_pred - noise
        return np.mean(np.abs(self.d))

    def backward(self, dout=1):
        return np.sign(self.d) / self.d.size
