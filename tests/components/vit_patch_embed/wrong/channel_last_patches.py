# expect: convention
"""Patches flattened in (P, P, C) order, as einops' 'b c (h p1) (w p2) -> b (h w) (p1 p2 c)'."""
import numpy as np


class PatchEmbedding:
    def __init__(self, W, b, cls_token, pos_embed, patch_size):
        self.W, self.b, self.cls_token, self.pos_embed, self.P = W, b, cls_token, pos_embed, patch_size

    def forward(self, x):
        N, C, H, W = x.shape
        P = self.P
        self.shape = x.shape
        self.p = x.reshape(N, C, H // P, P, W // P, P).transpose(0, 2, 4, 3, 5, 1).reshape(N, -1, P * P * C)
        t = self.p @ self.W + self.b
        return np.concatenate([np.repeat(self.cls_token, N, axis=0), t], axis=1) + self.pos_embed

    def backward(self, dz):
        N, C, H, W = self.shape
        P = self.P
        self.dpos_embed = dz.sum(0, keepdims=True)
        self.dcls_token = dz[:, :1].sum(0, keepdims=True)
        dt = dz[:, 1:]
        self.dW = self.p.reshape(-1, self.p.shape[2]).T @ dt.reshape(-1, dt.shape[2])
        self.db = dt.sum((0, 1))
        dp = (dt @ self.W.T).reshape(N, H // P, W // P, P, P, C)
        return dp.transpose(0, 5, 1, 3, 2, 4).reshape(N, C, H, W)
