# expect: values
"""Position embeddings added to the patches only (pos_embed[:, 1:]), the class token left without one."""
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
        self.patches = patchify(x, self.P)
        tokens = self.patches @ self.W + self.b
        cls = np.broadcast_to(self.cls_token, (N, 1, tokens.shape[2]))
        z = np.concatenate([cls, tokens + self.pos_embed[:, 1:]], axis=1)
        return z

    def backward(self, dz):
        N, C, H, W = self.x_shape
        self.dpos_embed = np.concatenate([np.zeros_like(dz[:1, :1]), np.sum(dz[:, 1:], axis=0, keepdims=True)], axis=1)
        self.dcls_token = np.sum(dz[:, :1], axis=0, keepdims=True)
        dtokens = dz[:, 1:]
        D = dtokens.shape[2]
        self.dW = self.patches.reshape(-1, self.W.shape[0]).T @ dtokens.reshape(-1, D)
        self.db = np.sum(dtokens, axis=(0, 1))
        dpatches = dtokens @ self.W.T
        return unpatchify(dpatches, C, H, W, self.P)
