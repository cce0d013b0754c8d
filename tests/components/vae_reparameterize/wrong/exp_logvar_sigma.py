# expect: mistake
"""σ taken as exp(logvar), which is the variance σ², not the standard deviation."""
import numpy as np


class Reparameterize:
    def forward(self, mu, logvar, eps):
        self.eps = eps
        self.sigma = np.exp(logvar)
        return mu + eps * self.sigma

    def backward(self, dz):
        return dz, dz * self.eps * self.sigma
