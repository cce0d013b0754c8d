# expect: mistake
"""KL without the ½ (⑤'s −Σ(1 + log σ² − μ² − σ²)): twice the KL."""
import numpy as np


class GaussianKL:
    def forward(self, mu, logvar):
        self.mu, self.logvar = mu, logvar
        return -np.sum(1 + logvar - mu ** 2 - np.exp(logvar)) / mu.shape[0]

    def backward(self, dout=1):
        n = self.mu.shape[0]
        return 2 * self.mu / n, (np.exp(self.logvar) - 1) / n
