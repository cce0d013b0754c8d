# expect: mistake
"""The discriminator's labels swapped: real data labelled 0 and fakes 1."""
import numpy as np


class DiscriminatorLoss:
    def forward(self, d_real, d_fake):
        self.d_real, self.d_fake = d_real, d_fake
        return -np.mean(np.log(1 - d_real) + np.log(d_fake))

    def backward(self, dout=1):
        n = len(self.d_real)
        return dout / ((1 - self.d_real) * n), -dout / (self.d_fake * n)


class GeneratorLoss:
    def forward(self, d_fake):
        self.d_fake = d_fake
        return -np.mean(np.log(d_fake))

    def backward(self, dout=1):
        return -dout / (self.d_fake * len(self.d_fake))
