# expect: values
"""Averaged over the latent dimensions as well (np.mean of everything) instead of summed over them."""
import numpy as np


class GaussianKL:
    def forward(self, mu, logvar):
        self.mu, self.logvar = mu, logvar
        return -0.5 * np.mean(1 + logvar - mu ** 2 - np.exp(logvar))

    def backward(self, dout=1):
        return self.mu / self.mu.size, 0.5 * (np.exp(self.logvar) - 1) / self.mu.size
