"""SimCLR's loss written as ℓ(i, i+N) + ℓ(i+N, i) summed per pair over 2N, the cosine matrix by division of norms."""
import numpy as np


class NTXentLoss:
    def __init__(self, tau=0.5):
        self.tau = tau

    def forward(self, z1, z2):
        N = len(z1)
        z = np.concatenate([z1, z2])
        self.n = np.linalg.norm(z, axis=1)
        self.zn = z / self.n[:, None]
        logits = (self.zn @ self.zn.T) / self.tau
        logits[np.diag_indices(2 * N)] = -np.inf
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        self.P = e / e.sum(axis=1, keepdims=True)
        total = 0.0
        for k in range(N):
            total += -np.log(self.P[k, k + N]) - np.log(self.P[k + N, k])
        return total / (2 * N)

    def backward(self, dout=1):
        M = len(self.P)
        G = self.P.copy()
        for i in range(M):
            G[i, (i + M // 2) % M] -= 1.0
        G *= dout / M
        dzn = (G + G.T) @ self.zn / self.tau
        radial = np.sum(dzn * self.zn, axis=1, keepdims=True)
        dz = (dzn - radial * self.zn) / self.n[:, None]
        return dz[:M // 2], dz[M // 2:]
