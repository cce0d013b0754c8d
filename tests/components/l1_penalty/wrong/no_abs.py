# expect: values
"""λΣW without the absolute value (positive and negative weights cancel)."""
import numpy as np


def l1_penalty(params, lam):
    penalty = 0
    for idx in range(1, len(params) // 2 + 1):
        penalty += lam * np.sum(params['W' + str(idx)])
    return penalty


def l1_grad(dW, W, lam):
    return dW + lam * np.sign(W)
