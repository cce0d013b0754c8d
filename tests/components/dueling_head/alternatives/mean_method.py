"""np.mean as a function, the backward with dQ.mean."""
import numpy as np


class DuelingHead:
    def forward(self, V, A):
        return V + A - np.mean(A, axis=1, keepdims=True)

    def backward(self, dQ):
        return np.sum(dQ, axis=1, keepdims=True), dQ - np.mean(dQ, axis=1, keepdims=True)
