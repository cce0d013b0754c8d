# expect: mistake
"""The leading minus dropped: ½ Σ(1 + logvar − μ² − exp(logvar)), a negative 'KL'."""
import numpy as np


class GaussianKL:
    def forward(self, mu, logvar):
        self.mu, self.logvar = mu, logvar
        return 0.5 * np.sum(1 + logvar - mu ** 2 - np.exp(logvar)) / mu.shape[0]

    def backward(self, dout=1):
        n = self.mu.shape[0]
        return -self.mu / n, -0.5 * (np.exp(self.logvar) - 1) / n
