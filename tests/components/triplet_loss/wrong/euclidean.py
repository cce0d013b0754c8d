# expect: convention
"""Distances not squared (PyTorch's F.triplet_margin_loss), where the drill squares them as FaceNet."""
import numpy as np


class TripletLoss:
    def __init__(self, margin=0.2):
        self.margin = margin

    def forward(self, a, p, n):
        self.a, self.p, self.n = a, p, n
        self.d_ap = np.linalg.norm(a - p, axis=1)
        self.d_an = np.linalg.norm(a - n, axis=1)
        self.on = (self.d_ap - self.d_an + self.margin) > 0
        return np.mean(np.maximum(0, self.d_ap - self.d_an + self.margin))

    def backward(self, dout=1):
        c = (dout * self.on / len(self.a))[:, None]
        dp = -c * (self.a - self.p) / self.d_ap[:, None]
        dn = c * (self.a - self.n) / self.d_an[:, None]
        return -(dp + dn), dp, dn
