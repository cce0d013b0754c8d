"""The per-sample loss averaged with np.mean; gradient of BCE as (x̂ − x) / (x̂(1 − x̂))."""
import numpy as np


class VAELoss:
    def forward(self, x, x_hat, mu, logvar):
        self.x, self.x_hat, self.mu, self.logvar = x, x_hat, mu, logvar
        bce = -(x * np.log(x_hat) + (1 - x) * np.log(1 - x_hat)).sum(axis=1)
        kl = 0.5 * (np.exp(logvar) + mu ** 2 - 1 - logvar).sum(axis=1)
        return np.mean(bce + kl)

    def backward(self, dout=1):
        n = len(self.x)
        dx_hat = (self.x_hat - self.x) / (self.x_hat * (1 - self.x_hat)) / n
        return dout * dx_hat, dout * self.mu / n, dout * 0.5 * (np.exp(self.logvar) - 1) / n
