"""σ as the square root of the variance exp(logvar); the gradient through dz/dlogvar = eps·σ/2 in one line."""
import numpy as np


class Reparameterize:
    def forward(self, mu, logvar, eps):
        self.eps = eps
        self.std = np.sqrt(np.exp(logvar))
        return mu + self.std * eps

    def backward(self, dz):
        return dz.copy(), dz * self.eps * self.std / 2
