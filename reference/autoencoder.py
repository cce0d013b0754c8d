"""The denoising autoencoder: corrupt the input, reconstruct the clean one.

A one-hidden-layer autoencoder in the style of ゼロから作るDeep Learning ① (parameters and their gradients as
attributes, forward / backward). The corruption noise is passed in, never drawn inside.
"""
import numpy as np


class DenoisingAutoencoder:
    """x_tilde = x + sigma * noise; h = tanh(x_tilde @ W1 + b1); x_hat = h @ W2 + b2;
    loss = 1/2 Σ (x_hat - x)² / N, against the CLEAN x.

    W1: (D, H), b1: (H,), W2: (H, D), b2: (D,). forward(x, noise): x, noise (N, D), noise ~ N(0, 1) -> scalar.
    backward(dout=1): the gradients dW1, db1, dW2, db2 as attributes (the input is data: no gradient returned).
    """

    def __init__(self, W1, b1, W2, b2, sigma=0.5):
        self.W1, self.b1, self.W2, self.b2 = W1, b1, W2, b2
        self.sigma = sigma
        self.dW1 = self.db1 = self.dW2 = self.db2 = None
        self.cache = None

    def forward(self, x, noise):
        x_tilde = x + self.sigma * noise
        h = np.tanh(x_tilde @ self.W1 + self.b1)
        x_hat = h @ self.W2 + self.b2
        self.cache = (x, x_tilde, h, x_hat)
        return 0.5 * np.sum((x_hat - x) ** 2) / x.shape[0]

    def backward(self, dout=1):
        x, x_tilde, h, x_hat = self.cache
        dx_hat = dout * (x_hat - x) / x.shape[0]
        self.dW2 = h.T @ dx_hat
        self.db2 = np.sum(dx_hat, axis=0)
        dh = dx_hat @ self.W2.T
        da = dh * (1 - h ** 2)
        self.dW1 = x_tilde.T @ da
        self.db1 = np.sum(da, axis=0)
