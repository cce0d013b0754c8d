# expect: mistake
"""The L2 gradient λW in place of λ·sign(W)."""
import numpy as np


def l1_penalty(params, lam):
    penalty = 0
    for idx in range(1, len(params) // 2 + 1):
        penalty += lam * np.sum(np.abs(params['W' + str(idx)]))
    return penalty


def l1_grad(dW, W, lam):
    return dW + lam * W
