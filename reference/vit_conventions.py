"""The other patch-flattening convention of ViT's patch embedding, for the drill's `conventions:` key."""
import numpy as np

from reference.vit import PatchEmbedding


class PatchEmbeddingChannelLast(PatchEmbedding):
    """Patches flattened in (P, P, C) order, einops' 'b c (h p1) (w p2) -> b (h w) (p1 p2 c)' (vit-pytorch)."""

    def forward(self, x):
        N, C, H, W = x.shape
        P = self.P
        self.x_shape = x.shape
        self.patches = x.reshape(N, C, H // P, P, W // P, P).transpose(0, 2, 4, 3, 5, 1).reshape(N, -1, P * P * C)
        tokens = self.patches @ self.W + self.b
        cls = np.broadcast_to(self.cls_token, (N, 1, tokens.shape[2]))
        return np.concatenate([cls, tokens], axis=1) + self.pos_embed

    def backward(self, dz):
        N, C, H, W = self.x_shape
        P = self.P
        self.dpos_embed = dz.sum(axis=0, keepdims=True)
        self.dcls_token = dz[:, :1].sum(axis=0, keepdims=True)
        dtokens = dz[:, 1:]
        self.dW = self.patches.reshape(-1, self.W.shape[0]).T @ dtokens.reshape(-1, dtokens.shape[2])
        self.db = dtokens.sum(axis=(0, 1))
        dp = (dtokens @ self.W.T).reshape(N, H // P, W // P, P, P, C)
        return dp.transpose(0, 5, 1, 3, 2, 4).reshape(N, C, H, W)


def patchify_channel_last(x, P):
    """Patches flattened in (P, P, C) order: (N, C, H, W) -> (N, (H / P)(W / P), P P C)."""
    N, C, H, W = x.shape
    return x.reshape(N, C, H // P, P, W // P, P).transpose(0, 2, 4, 3, 5, 1).reshape(N, -1, P * P * C)
