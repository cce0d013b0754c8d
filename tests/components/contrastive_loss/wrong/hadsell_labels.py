# expect: convention
"""y = 0 taken as the similar pair (the paper's Y), where the drill uses y = 1."""
import numpy as np


class ContrastiveLoss:
    def __init__(self, margin=1.0):
        self.margin = margin

    def forward(self, x1, x2, y):
        diff = x1 - x2
        d = np.sqrt(np.sum(diff ** 2, axis=1))
        hinge = np.maximum(self.margin - d, 0)
        self.cache = (diff, d, hinge, y)
        return np.sum((1 - y) * d ** 2 + y * hinge ** 2) / (2 * len(d))

    def backward(self, dout=1):
        diff, d, hinge, y = self.cache
        dd = ((1 - y) * d - y * hinge) / len(d)
        dx1 = dout * (dd / d)[:, None] * diff
        return dx1, -dx1
