# expect: mistake
"""The mean squared error's gradient without its factor 2."""
import numpy as np


class DDPMLoss:
    def forward(self, eps_pred, noise):
        self.d = eps_pred - noise
        return np.mean(self.d ** 2)

    def backward(self, dout=1):
        return self.d / self.d.size
