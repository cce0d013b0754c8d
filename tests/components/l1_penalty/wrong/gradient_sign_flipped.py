# expect: values
"""Subtracts λ·sign(W): the penalty's gradient with the wrong sign (pushes weights away from 0)."""
import numpy as np


def l1_penalty(params, lam):
    penalty = 0
    for idx in range(1, len(params) // 2 + 1):
        penalty += lam * np.sum(np.abs(params['W' + str(idx)]))
    return penalty


def l1_grad(dW, W, lam):
    return dW - lam * np.sign(W)
