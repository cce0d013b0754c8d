"""The mean removed by a centering matrix C = I - 1/K (symmetric, so the backward is dQ @ C)."""
import numpy as np


class DuelingHead:
    def forward(self, V, A):
        K = A.shape[1]
        self.C = np.eye(K) - np.ones((K, K)) / K
        return V + A @ self.C

    def backward(self, dQ):
        return dQ @ np.ones((dQ.shape[1], 1)), dQ @ self.C.T
