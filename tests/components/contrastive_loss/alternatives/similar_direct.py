"""Similar pairs differentiated as ‖x1 − x2‖² directly (gradient diff, no division by d); loops over pairs."""
import math

import numpy as np


class ContrastiveLoss:
    def __init__(self, margin=1.0):
        self.margin = margin

    def forward(self, x1, x2, y):
        self.x1, self.x2, self.y = x1, x2, y
        total = 0.0
        for i in range(len(y)):
            d = math.sqrt(float(np.sum((x1[i] - x2[i]) ** 2)))
            total += d * d if y[i] == 1 else max(self.margin - d, 0.0) ** 2
        return total / (2 * len(y))

    def backward(self, dout=1):
        N = len(self.y)
        dx1 = np.zeros(self.x1.shape)
        for i in range(N):
            diff = self.x1[i] - self.x2[i]
            d = math.sqrt(float(np.sum(diff ** 2)))
            if self.y[i] == 1:
                dx1[i] = diff / N
            elif d < self.margin:
                dx1[i] = -(self.margin - d) * diff / d / N
        return dout * dx1, -dout * dx1
