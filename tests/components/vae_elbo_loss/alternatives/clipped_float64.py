"""Clips x̂ away from 0 and 1 (as PyTorch's binary_cross_entropy guards its logs) and computes in float64."""
import numpy as np


class VAELoss:
    def forward(self, x, x_hat, mu, logvar):
        self.dtype = x_hat.dtype
        x, p = x.astype(np.float64), np.clip(x_hat.astype(np.float64), 1e-12, 1 - 1e-12)
        mu, logvar = mu.astype(np.float64), logvar.astype(np.float64)
        self.cache = x, p, mu, logvar
        recon = -np.sum(x * np.log(p)) - np.sum((1 - x) * np.log(1 - p))
        kl = np.sum(np.exp(logvar) + np.square(mu) - logvar - 1) / 2
        return (recon + kl) / x.shape[0]

    def backward(self, dout=1):
        x, p, mu, logvar = self.cache
        n = x.shape[0]
        grads = (-x / p + (1 - x) / (1 - p)) / n, mu / n, (np.exp(logvar) - 1) / (2 * n)
        return tuple((dout * g).astype(self.dtype) for g in grads)
