"""Loops over the batch, accumulating in Python floats (float64)."""
import math

import numpy as np


class DiscriminatorLoss:
    def forward(self, d_real, d_fake):
        self.r, self.f = d_real, d_fake
        total = 0.0
        for r, f in zip(d_real.ravel(), d_fake.ravel()):
            total -= math.log(r) + math.log(1 - f)
        return total / len(d_real)

    def backward(self, dout=1):
        n = len(self.r)
        dr = np.empty_like(self.r)
        df = np.empty_like(self.f)
        for i in range(n):
            dr[i] = -dout / (n * self.r[i])
            df[i] = dout / (n * (1 - self.f[i]))
        return dr, df


class GeneratorLoss:
    def forward(self, d_fake):
        self.f = d_fake
        return -sum(math.log(v) for v in d_fake.ravel()) / len(d_fake)

    def backward(self, dout=1):
        return np.array([-dout / (len(self.f) * v) for v in self.f.ravel()]).reshape(self.f.shape)
