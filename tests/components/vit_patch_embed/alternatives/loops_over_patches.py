"""Patches cut with explicit loops (same (C, P, P) order); cls and position added by slicing into a new array."""
import numpy as np


class PatchEmbedding:
    def __init__(self, W, b, cls_token, pos_embed, patch_size):
        self.W, self.b, self.cls_token, self.pos_embed, self.P = W, b, cls_token, pos_embed, patch_size

    def forward(self, x):
        N, C, H, W = x.shape
        P = self.P
        self.shape = x.shape
        rows = []
        for i in range(0, H, P):
            for j in range(0, W, P):
                rows.append(x[:, :, i:i + P, j:j + P].reshape(N, -1))
        self.patches = np.stack(rows, axis=1)
        D = self.W.shape[1]
        z = np.empty((N, len(rows) + 1, D), dtype=np.result_type(x, self.W))
        z[:, 0] = self.cls_token[0, 0]
        z[:, 1:] = self.patches @ self.W + self.b
        return z + self.pos_embed

    def backward(self, dz):
        N, C, H, W = self.shape
        P = self.P
        self.dpos_embed = dz.sum(axis=0)[None]
        self.dcls_token = dz[:, 0].sum(axis=0).reshape(1, 1, -1)
        dt = dz[:, 1:]
        self.dW = np.einsum("nlk,nld->kd", self.patches, dt)
        self.db = dt.sum(axis=(0, 1))
        dp = dt @ self.W.T
        dx = np.zeros(self.shape, dtype=dp.dtype)
        k = 0
        for i in range(0, H, P):
            for j in range(0, W, P):
                dx[:, :, i:i + P, j:j + P] = dp[:, k].reshape(N, C, P, P)
                k += 1
        return dx
