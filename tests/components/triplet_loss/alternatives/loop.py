"""One triplet at a time."""
import numpy as np


class TripletLoss:
    def __init__(self, margin=0.2):
        self.margin = margin

    def forward(self, a, p, n):
        self.saved = (a, p, n)
        total = 0.0
        for i in range(len(a)):
            total += max(0.0, float(np.dot(a[i] - p[i], a[i] - p[i]) - np.dot(a[i] - n[i], a[i] - n[i])) + self.margin)
        return total / len(a)

    def backward(self, dout=1):
        a, p, n = self.saved
        da, dp, dn = np.zeros(a.shape), np.zeros(p.shape), np.zeros(n.shape)
        for i in range(len(a)):
            if np.dot(a[i] - p[i], a[i] - p[i]) - np.dot(a[i] - n[i], a[i] - n[i]) + self.margin > 0:
                da[i] = 2 * (n[i] - p[i]) * dout / len(a)
                dp[i] = -2 * (a[i] - p[i]) * dout / len(a)
                dn[i] = 2 * (a[i] - n[i]) * dout / len(a)
        return da, dp, dn
