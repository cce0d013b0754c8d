# expect: values
"""The corners at ±w and ±h instead of ±w/2 and ±h/2: anchors twice as large."""
import numpy as np


def make_anchors(base, ratios, scales, stride, H, W):
    r, s = np.meshgrid(ratios, scales, indexing="ij")      # (R, S): ratio outer, scale inner
    ws = (base * s / np.sqrt(r)).ravel()
    hs = (base * s * np.sqrt(r)).ravel()
    cell = np.stack([-ws, -hs, ws, hs], axis=1)     # (A, 4) centred at 0
    cx, cy = np.meshgrid((np.arange(W) + 0.5) * stride, (np.arange(H) + 0.5) * stride)   # (H, W) each
    shifts = np.stack([cx.ravel(), cy.ravel(), cx.ravel(), cy.ravel()], axis=1)            # (H * W, 4)
    return (shifts[:, None, :] + cell[None, :, :]).reshape(-1, 4)