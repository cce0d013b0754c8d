# expect: values
"""Never divided by the batch size."""
import numpy as np


class VAELoss:
    def forward(self, x, x_hat, mu, logvar):
        self.c = x, x_hat, mu, logvar
        recon = -np.sum(x * np.log(x_hat + 1e-7) + (1 - x) * np.log(1 - x_hat + 1e-7))
        return recon - 0.5 * np.sum(1 + logvar - mu ** 2 - np.exp(logvar))

    def backward(self, dout=1):
        x, x_hat, mu, logvar = self.c
        return (x_hat - x) / (x_hat * (1 - x_hat)), mu.copy(), 0.5 * (np.exp(logvar) - 1)
