# expect: mistake
"""Q = V + A without subtracting the mean (and so dA = dQ): V and A are not identifiable."""
import numpy as np


class DuelingHead:
    def forward(self, V, A):
        self.K = A.shape[1]
        return V + A

    def backward(self, dQ):
        return dQ.sum(axis=1, keepdims=True), dQ
