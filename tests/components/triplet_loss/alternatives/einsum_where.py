"""Squared distances by einsum, the active triplets by np.where, the anchor's gradient written out."""
import numpy as np


class TripletLoss:
    def __init__(self, margin=0.2):
        self.margin = margin

    def forward(self, a, p, n):
        self.a, self.p, self.n = a, p, n
        ap, an = a - p, a - n
        raw = np.einsum("ij,ij->i", ap, ap) - np.einsum("ij,ij->i", an, an) + self.margin
        self.on = np.where(raw > 0, 1.0, 0.0)
        return np.sum(raw * self.on) / len(a)

    def backward(self, dout=1):
        c = (dout * self.on / len(self.a))[:, None]
        return c * 2 * (self.n - self.p), c * 2 * (self.p - self.a), c * 2 * (self.a - self.n)
