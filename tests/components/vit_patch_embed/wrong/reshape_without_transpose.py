# expect: values
"""Patches by a bare reshape of the image (no transpose): each "patch" is a run of pixels along rows, not a P × P square."""
import numpy as np

from reference.vit import patchify, unpatchify


class PatchEmbedding:
    def __init__(self, W, b, cls_token, pos_embed, patch_size):
        self.W, self.b = W, b
        self.cls_token, self.pos_embed = cls_token, pos_embed
        self.P = patch_size
        self.dW = self.db = self.dcls_token = self.dpos_embed = None
        self.patches = None
        self.x_shape = None

    def forward(self, x):
        N = x.shape[0]
        self.x_shape = x.shape
        self.patches = x.reshape(N, -1, x.shape[1] * self.P * self.P)
        tokens = self.patches @ self.W + self.b
        cls = np.broadcast_to(self.cls_token, (N, 1, tokens.shape[2]))
        z = np.concatenate([cls, tokens], axis=1) + self.pos_embed
        return z

    def backward(self, dz):
        N, C, H, W = self.x_shape
        self.dpos_embed = np.sum(dz, axis=0, keepdims=True)
        self.dcls_token = np.sum(dz[:, :1], axis=0, keepdims=True)
        dtokens = dz[:, 1:]
        D = dtokens.shape[2]
        self.dW = self.patches.reshape(-1, self.W.shape[0]).T @ dtokens.reshape(-1, D)
        self.db = np.sum(dtokens, axis=(0, 1))
        dpatches = dtokens @ self.W.T
        return dpatches.reshape(N, C, H, W)
