# expect: values
"""dlogvar forgets the noise: dz·0.5·σ instead of dz·eps·0.5·σ."""
import numpy as np


class Reparameterize:
    def forward(self, mu, logvar, eps):
        self.sigma = np.exp(0.5 * logvar)
        return mu + eps * self.sigma

    def backward(self, dz):
        return dz, dz * 0.5 * self.sigma
