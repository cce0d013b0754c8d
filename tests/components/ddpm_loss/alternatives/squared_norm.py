"""||ε_θ − ε||² via np.sum(d * d) divided by the element count; the noise − prediction form of the gradient."""
import numpy as np


class DDPMLoss:
    def forward(self, eps_pred, noise):
        self.pred, self.noise = eps_pred, noise
        d = (noise - eps_pred).ravel()
        return np.dot(d, d) / d.size

    def backward(self, dout=1):
        return -2.0 * dout * (self.noise - self.pred) / self.pred.size
