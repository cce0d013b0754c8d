"""np.dot, parameters also kept in a dict (the arrays are the constructor's own, updated in place)."""
import numpy as np


class DenoisingAutoencoder:
    def __init__(self, W1, b1, W2, b2, sigma=0.5):
        self.W1, self.b1, self.W2, self.b2 = W1, b1, W2, b2
        self.params = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
        self.sigma = sigma

    def forward(self, x, noise):
        self.x = x
        self.xt = x + noise * self.sigma
        self.h = np.tanh(np.dot(self.xt, self.params["W1"]) + self.params["b1"])
        self.y = np.dot(self.h, self.params["W2"]) + self.params["b2"]
        return np.sum(np.square(self.y - x)) / (2.0 * len(x))

    def backward(self, dout=1):
        n = len(self.x)
        dy = (self.y - self.x) * dout / n
        self.dW2 = np.dot(self.h.T, dy)
        self.db2 = dy.sum(axis=0)
        da = np.dot(dy, self.params["W2"].T) * (1.0 - self.h * self.h)
        self.dW1 = np.dot(self.xt.T, da)
        self.db1 = da.sum(axis=0)
        return None
