# expect: mistake
"""Dot products instead of cosine similarities: the embeddings are not L2-normalised."""
import numpy as np


class NTXentLoss:
    def __init__(self, tau=0.5):
        self.tau = tau
        self.cache = None

    def forward(self, z1, z2):
        N = z1.shape[0]
        z = np.concatenate([z1, z2], axis=0)
        norm = np.sqrt(np.sum(z ** 2, axis=1, keepdims=True))
        z_n = z
        sim = z_n @ z_n.T / self.tau
        np.fill_diagonal(sim, -np.inf)
        pos = (np.arange(2 * N) + N) % (2 * N)
        sim = sim - np.max(sim, axis=1, keepdims=True)
        prob = np.exp(sim) / np.sum(np.exp(sim), axis=1, keepdims=True)
        loss = -np.sum(np.log(prob[np.arange(2 * N), pos])) / (2 * N)
        self.cache = (z_n, norm, prob, pos)
        return loss

    def backward(self, dout=1):
        z_n, norm, prob, pos = self.cache
        M = len(pos)
        dsim = prob.copy()
        dsim[np.arange(M), pos] -= 1
        dsim = dout * dsim / M
        dz_n = (dsim + dsim.T) @ z_n / self.tau
        dz = dz_n
        return dz[:M // 2], dz[M // 2:]
