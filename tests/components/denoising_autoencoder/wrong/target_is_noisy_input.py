# expect: mistake
"""The reconstruction target is the corrupted input x̃ instead of the clean x."""
import numpy as np


class DenoisingAutoencoder:
    def __init__(self, W1, b1, W2, b2, sigma=0.5):
        self.W1, self.b1, self.W2, self.b2, self.sigma = W1, b1, W2, b2, sigma

    def forward(self, x, noise):
        x_tilde = x + self.sigma * noise
        h = np.tanh(x_tilde @ self.W1 + self.b1)
        x_hat = h @ self.W2 + self.b2
        self.c = x, x_tilde, h, x_hat, x_tilde
        return 0.5 * np.sum((x_hat - x_tilde) ** 2) / x.shape[0]

    def backward(self, dout=1):
        x, x_in, h, x_hat, target = self.c
        d = dout * (x_hat - target) / x.shape[0]
        self.dW2, self.db2 = h.T @ d, d.sum(axis=0)
        da = d @ self.W2.T * (1 - h ** 2)
        self.dW1, self.db1 = x_in.T @ da, da.sum(axis=0)

