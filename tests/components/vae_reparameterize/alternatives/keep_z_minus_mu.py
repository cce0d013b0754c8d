"""Keeps eps·σ (= z - mu) from the forward pass: dlogvar = dz · (z - mu) / 2, float64 throughout."""
import numpy as np


class Reparameterize:
    def __init__(self):
        self.noise_part = None

    def forward(self, mu, logvar, eps):
        std = np.exp(logvar / 2.0)
        self.noise_part = np.multiply(eps, std)
        return np.add(mu, self.noise_part)

    def backward(self, dz):
        dmu = np.array(dz)
        dlogvar = 0.5 * dz * self.noise_part
        return dmu, dlogvar
