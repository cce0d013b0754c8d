"""The L1 norm of the flattened weights (np.linalg.norm(..., 1)) in float64; sign as W / |W|."""
import numpy as np


def l1_penalty(params, lam):
    total = 0.0
    for idx in range(1, len(params) // 2 + 1):
        total += np.linalg.norm(params['W' + str(idx)].ravel().astype(np.float64), 1)
    return lam * total


def l1_grad(dW, W, lam):
    return dW.astype(np.float64) + lam * W / np.abs(W)
