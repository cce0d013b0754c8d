"""Vision Transformer inputs in NumPy: ViT's patch embedding and Swin Transformer's windows and cyclic shift.

Images are NCHW for ViT (as the rest of reference/) and (B, H, W, C) for Swin's window functions, as the Swin
Transformer code writes them.
"""
import numpy as np


def patchify(x, P):
    """Cut images into non-overlapping P × P patches, each flattened in (C, P, P) order (as a Conv2d weight).

    x: (N, C, H, W), H and W multiples of P -> (N, (H / P)(W / P), C P P), patches in row-major order.
    """
    N, C, H, W = x.shape
    x = x.reshape(N, C, H // P, P, W // P, P).transpose(0, 2, 4, 1, 3, 5)
    return x.reshape(N, (H // P) * (W // P), C * P * P)


def unpatchify(patches, C, H, W, P):
    """The inverse of patchify: (N, (H / P)(W / P), C P P) -> (N, C, H, W)."""
    N = patches.shape[0]
    x = patches.reshape(N, H // P, W // P, C, P, P).transpose(0, 3, 1, 4, 2, 5)
    return x.reshape(N, C, H, W)


class PatchEmbedding:
    """ViT's input: patches projected linearly, the class token in front, position embeddings added.

    W: (C P P, D), b: (D,), cls_token: (1, 1, D), pos_embed: (1, 1 + L, D) with L = (H / P)(W / P).
    forward(x): x (N, C, H, W) -> z (N, 1 + L, D). backward(dz) -> dx (N, C, H, W); dW, db, dcls_token,
    dpos_embed as attributes.
    """

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
        return unpatchify(dpatches, C, H, W, self.P)


def window_partition(x, ws):
    """Swin's non-overlapping windows. x: (B, H, W, C), H and W multiples of ws -> (B (H / ws)(W / ws), ws, ws, C),
    the windows of each image in row-major order."""
    B, H, W, C = x.shape
    x = x.reshape(B, H // ws, ws, W // ws, ws, C)
    windows = x.transpose(0, 1, 3, 2, 4, 5).reshape(-1, ws, ws, C)
    return windows


def window_reverse(windows, ws, H, W):
    """The inverse of window_partition: (B (H / ws)(W / ws), ws, ws, C) -> (B, H, W, C)."""
    B = windows.shape[0] // ((H // ws) * (W // ws))
    x = windows.reshape(B, H // ws, W // ws, ws, ws, -1)
    x = x.transpose(0, 1, 3, 2, 4, 5).reshape(B, H, W, -1)
    return x


def cyclic_shift(x, shift):
    """Swin's shifted windows: roll the image up and left by shift (torch.roll(x, (-s, -s), dims=(1, 2)));
    cyclic_shift(x, -shift) rolls it back. x: (B, H, W, C)."""
    return np.roll(x, (-shift, -shift), axis=(1, 2))
