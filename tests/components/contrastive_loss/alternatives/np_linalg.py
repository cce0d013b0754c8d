"""np.linalg.norm, np.where for the two kinds of pair, np.mean."""
import numpy as np


class ContrastiveLoss:
    def __init__(self, margin=1.0):
        self.margin = margin

    def forward(self, x1, x2, y):
        self.diff = x1 - x2
        self.d = np.linalg.norm(self.diff, axis=1)
        self.similar = y == 1
        per_pair = np.where(self.similar, self.d ** 2, np.clip(self.margin - self.d, 0, None) ** 2)
        return 0.5 * np.mean(per_pair)

    def backward(self, dout=1):
        g_d = np.where(self.similar, self.d, -np.clip(self.margin - self.d, 0, None))
        dx1 = dout * (g_d / self.d / len(self.d))[:, None] * self.diff
        return dx1, -dx1
