# expect: convention
"""ゼロから作る⑤ step07's loss: summed squared error + KL without the ½."""
import numpy as np


class VAELoss:
    def forward(self, x, x_hat, mu, logvar):
        self.c = x, x_hat, mu, logvar
        L1 = np.sum((x_hat - x) ** 2)
        L2 = -np.sum(1 + logvar - mu ** 2 - np.exp(logvar))
        return (L1 + L2) / len(x)

    def backward(self, dout=1):
        x, x_hat, mu, logvar = self.c
        n = len(x)
        return 2 * (x_hat - x) / n, 2 * mu / n, (np.exp(logvar) - 1) / n
