"""tanh's derivative as 1 / cosh² of the pre-activation; the mean over samples of ½‖x̂ − x‖²."""
import numpy as np


class DenoisingAutoencoder:
    def __init__(self, W1, b1, W2, b2, sigma=0.5):
        self.W1, self.b1, self.W2, self.b2, self.sigma = W1, b1, W2, b2, sigma

    def forward(self, x, noise):
        corrupted = x + self.sigma * noise
        a = corrupted @ self.W1 + self.b1
        h = np.tanh(a)
        out = h @ self.W2 + self.b2
        self.saved = x, corrupted, a, h, out
        return np.mean(0.5 * np.sum((out - x) ** 2, axis=1))

    def backward(self, dout=1):
        x, corrupted, a, h, out = self.saved
        g = dout * (out - x) / x.shape[0]
        self.dW2, self.db2 = h.T @ g, g.sum(0)
        ga = (g @ self.W2.T) / np.cosh(a) ** 2
        self.dW1, self.db1 = corrupted.T @ ga, ga.sum(0)
