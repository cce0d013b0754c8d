# expect: values
"""The gradient taken with respect to the noise (noise − prediction) instead of the prediction."""
import numpy as np


class DDPMLoss:
    def forward(self, eps_pred, noise):
        self.eps_pred, self.noise = eps_pred, noise
        return np.mean((eps_pred - noise) ** 2)

    def backward(self, dout=1):
        return 2 * (self.noise - self.eps_pred) / self.noise.size
