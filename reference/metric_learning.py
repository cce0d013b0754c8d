"""Metric and contrastive learning losses: the contrastive (Siamese) loss, the triplet loss, SimCLR's NT-Xent.

Embeddings are rows: x: (N, D). Each layer has forward / backward in the book's style; the losses are batch means.
"""
import numpy as np


class ContrastiveLoss:
    """Hadsell, Chopra & LeCun (2006): ½ mean[ y d² + (1 − y) max(0, m − d)² ], d = ‖x1 − x2‖.

    y = 1 for a similar pair (pulled together), 0 for a dissimilar pair (pushed apart until d ≥ margin).
    forward(x1, x2, y): x1, x2: (N, D); y: (N,) 0/1. Returns the scalar loss. backward(dout=1) -> (dx1, dx2).
    """
    def __init__(self, margin=1.0):
        self.margin = margin
        self.cache = None

    def forward(self, x1, x2, y):
        diff = x1 - x2
        d = np.sqrt(np.sum(diff ** 2, axis=1))
        hinge = np.maximum(self.margin - d, 0)
        loss = np.sum(y * d ** 2 + (1 - y) * hinge ** 2) / (2 * len(d))
        self.cache = (diff, d, hinge, y)
        return loss

    def backward(self, dout=1):
        diff, d, hinge, y = self.cache
        N = len(d)
        dd = (y * d - (1 - y) * hinge) / N
        dx1 = dout * (dd / d)[:, None] * diff
        return dx1, -dx1


class TripletLoss:
    """FaceNet (Schroff et al., 2015): mean max(0, ‖a − p‖² − ‖a − n‖² + margin), squared distances.

    forward(a, p, n): anchors, positives, negatives, each (N, D). Returns the scalar loss.
    backward(dout=1) -> (da, dp, dn); triplets already satisfying the margin give no gradient.
    """
    def __init__(self, margin=0.2):
        self.margin = margin
        self.cache = None

    def forward(self, a, p, n):
        d_ap = np.sum((a - p) ** 2, axis=1)
        d_an = np.sum((a - n) ** 2, axis=1)
        losses = np.maximum(0, d_ap - d_an + self.margin)
        self.cache = (a, p, n, losses > 0)
        return np.mean(losses)

    def backward(self, dout=1):
        a, p, n, active = self.cache
        coef = dout * active[:, None] / len(a)
        dp = coef * (-2 * (a - p))
        dn = coef * (2 * (a - n))
        da = -(dp + dn)
        return da, dp, dn


class NTXentLoss:
    """SimCLR's NT-Xent (Chen et al., 2020): softmax cross entropy over cosine similarities / τ.

    forward(z1, z2): the two augmented views' embeddings, (N, D) each; row i of z1 and row i of z2 are the positive
    pair. z = [z1; z2] (2N, D) is L2-normalised, sim = z zᵀ / τ, a sample's similarity to itself is excluded
    (set to −inf), and sample i's positive is (i + N) mod 2N. Returns the mean over the 2N samples.
    backward(dout=1) -> (dz1, dz2).
    """
    def __init__(self, tau=0.5):
        self.tau = tau
        self.cache = None

    def forward(self, z1, z2):
        N = z1.shape[0]
        z = np.concatenate([z1, z2], axis=0)
        norm = np.sqrt(np.sum(z ** 2, axis=1, keepdims=True))
        z_n = z / norm
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
        dz = (dz_n - z_n * np.sum(dz_n * z_n, axis=1, keepdims=True)) / norm
        return dz[:M // 2], dz[M // 2:]
