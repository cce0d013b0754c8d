# expect: values
"""The class token appended after the patches instead of in front."""
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
        z = np.concatenate([tokens, cls], axis=1) + self.pos_embed
        return z

    def backward(self, dz):
        N, C, H, W = self.x_shape
        self.dpos_embed = np.sum(dz, axis=0, keepdims=True)
        self.dcls_token = np.sum(dz[:, -1:], axis=0, keepdims=True)
        dtokens = dz[:, :-1]
        D = dtokens.shape[2]
        self.dW = self.patches.reshape(-1, self.W.shape[0]).T @ dtokens.reshape(-1, D)
        self.db = np.sum(dtokens, axis=(0, 1))
        dpatches = dtokens @ self.W.T
        return unpatchify(dpatches, C, H, W, self.P)
