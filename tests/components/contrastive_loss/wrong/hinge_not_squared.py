# expect: mistake
"""The dissimilar term max(0, m − d) without its square."""
import numpy as np


class ContrastiveLoss:
    def __init__(self, margin=1.0):
        self.margin = margin

    def forward(self, x1, x2, y):
        diff = x1 - x2
        d = np.sqrt(np.sum(diff ** 2, axis=1))
        hinge = np.maximum(self.margin - d, 0)
        self.cache = (diff, d, hinge, y)
        return np.sum(y * d ** 2 + (1 - y) * hinge) / (2 * len(d))

    def backward(self, dout=1):
        diff, d, hinge, y = self.cache
        dd = (y * d - (1 - y) * 0.5) / len(d)
        dx1 = dout * (dd / d)[:, None] * diff
        return dx1, -dx1
