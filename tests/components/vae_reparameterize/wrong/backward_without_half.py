# expect: mistake
"""Forward right, but dσ/dlogvar taken as σ: the 0.5 of exp(0.5·logvar) forgotten in backward."""
import numpy as np


class Reparameterize:
    def forward(self, mu, logvar, eps):
        self.eps = eps
        self.sigma = np.exp(0.5 * logvar)
        return mu + eps * self.sigma

    def backward(self, dz):
        return dz, dz * self.eps * self.sigma
