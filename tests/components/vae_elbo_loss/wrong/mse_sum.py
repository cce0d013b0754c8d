# expect: convention
"""Summed squared error as the reconstruction term (a Gaussian decoder) where the drill asks for BCE."""
import numpy as np


class VAELoss:
    def forward(self, x, x_hat, mu, logvar):
        self.c = x, x_hat, mu, logvar
        kl = -0.5 * np.sum(1 + logvar - mu ** 2 - np.exp(logvar))
        return (np.sum((x_hat - x) ** 2) + kl) / len(x)

    def backward(self, dout=1):
        x, x_hat, mu, logvar = self.c
        n = len(x)
        return 2 * (x_hat - x) / n, mu / n, 0.5 * (np.exp(logvar) - 1) / n
