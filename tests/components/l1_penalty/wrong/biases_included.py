# expect: mistake
"""Regularises the biases too."""
import numpy as np


def l1_penalty(params, lam):
    return lam * sum(np.sum(np.abs(p)) for p in params.values())


def l1_grad(dW, W, lam):
    return dW + lam * np.sign(W)
