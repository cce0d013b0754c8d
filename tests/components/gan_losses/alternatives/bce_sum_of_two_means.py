"""The discriminator's loss as two BCE means with explicit labels (as F.binary_cross_entropy twice), eps 1e-8."""
import numpy as np


def bce(p, t, eps=1e-8):
    return -np.mean(t * np.log(p + eps) + (1 - t) * np.log(1 - p + eps))


class DiscriminatorLoss:
    def forward(self, d_real, d_fake):
        self.d_real, self.d_fake = d_real, d_fake
        return bce(d_real, np.ones_like(d_real)) + bce(d_fake, np.zeros_like(d_fake))

    def backward(self, dout=1):
        n = len(self.d_real)
        return dout * (-1.0 / self.d_real) / n, dout * (1.0 / (1.0 - self.d_fake)) / n


class GeneratorLoss:
    def forward(self, d_fake):
        self.d_fake = d_fake
        return bce(d_fake, np.ones_like(d_fake))

    def backward(self, dout=1):
        return -dout / self.d_fake / len(self.d_fake)
