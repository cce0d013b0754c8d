"""np.square, a mean over the image axes then over the batch (all images the same size: the same mean)."""
import numpy as np


class DDPMLoss:
    def forward(self, eps_pred, noise):
        self.d = eps_pred - noise
        return np.square(self.d).mean(axis=(1, 2, 3)).mean()

    def backward(self, dout=1):
        n, c, h, w = self.d.shape
        return dout * 2.0 * self.d / (n * c * h * w)
