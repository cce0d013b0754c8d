# expect: values
"""dV as the mean of dQ instead of its sum (V feeds every action's Q)."""
import numpy as np


class DuelingHead:
    def forward(self, V, A):
        self.K = A.shape[1]
        return V + (A - A.mean(axis=1, keepdims=True))

    def backward(self, dQ):
        return dQ.mean(axis=1, keepdims=True), dQ - dQ.mean(axis=1, keepdims=True)
