# expect: mistake
"""The generator trained with the discriminator's label for fakes (0): −mean(log(1 − D(G(z)))), which pushes
its samples to look fake."""
import numpy as np


class DiscriminatorLoss:
    def forward(self, d_real, d_fake):
        self.d_real, self.d_fake = d_real, d_fake
        return -np.mean(np.log(d_real) + np.log(1 - d_fake))

    def backward(self, dout=1):
        n = len(self.d_real)
        return -dout / (self.d_real * n), dout / ((1 - self.d_fake) * n)


class GeneratorLoss:
    def forward(self, d_fake):
        self.d_fake = d_fake
        return -np.mean(np.log(1 - d_fake))

    def backward(self, dout=1):
        return dout / ((1 - self.d_fake) * len(self.d_fake))
