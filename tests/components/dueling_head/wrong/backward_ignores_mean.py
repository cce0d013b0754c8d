# expect: values
"""dA = dQ: the backward forgets the mean's share."""
import numpy as np


class DuelingHead:
    def forward(self, V, A):
        self.K = A.shape[1]
        return V + (A - A.mean(axis=1, keepdims=True))

    def backward(self, dQ):
        return dQ.sum(axis=1, keepdims=True), dQ
