# expect: values
"""logvar used as if it were σ: z = mu + eps·logvar."""
import numpy as np


class Reparameterize:
    def forward(self, mu, logvar, eps):
        self.eps = eps
        return mu + eps * logvar

    def backward(self, dz):
        return dz, dz * self.eps
