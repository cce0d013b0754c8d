# expect: mistake
"""BCE right, but the KL without its ½."""
import numpy as np


class VAELoss:
    def forward(self, x, x_hat, mu, logvar):
        self.c = x, x_hat, mu, logvar
        recon = -np.sum(x * np.log(x_hat + 1e-7) + (1 - x) * np.log(1 - x_hat + 1e-7))
        kl = -np.sum(1 + logvar - mu ** 2 - np.exp(logvar))
        return (recon + kl) / len(x)

    def backward(self, dout=1):
        x, x_hat, mu, logvar = self.c
        n = len(x)
        return (x_hat - x) / (x_hat * (1 - x_hat)) / n, 2 * mu / n, (np.exp(logvar) - 1) / n
