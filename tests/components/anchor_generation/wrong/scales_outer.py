# expect: mistake
"""The scales outer and the ratios inner: the same anchors in the wrong order (the ratio varies fastest)."""
import numpy as np


def make_anchors(base, ratios, scales, stride, H, W):
    r, s = np.meshgrid(ratios, scales)      # (R, S): ratio outer, scale inner
    ws = (base * s / np.sqrt(r)).ravel()
    hs = (base * s * np.sqrt(r)).ravel()
    cell = np.stack([-0.5 * ws, -0.5 * hs, 0.5 * ws, 0.5 * hs], axis=1)     # (A, 4) centred at 0
    cx, cy = np.meshgrid((np.arange(W) + 0.5) * stride, (np.arange(H) + 0.5) * stride)   # (H, W) each
    shifts = np.stack([cx.ravel(), cy.ravel(), cx.ravel(), cy.ravel()], axis=1)            # (H * W, 4)
    return (shifts[:, None, :] + cell[None, :, :]).reshape(-1, 4)