"""Keys starting with 'W', and the sign written with np.where."""
import numpy as np


def l1_penalty(params, lam):
    return lam * sum(np.abs(v).sum() for k, v in params.items() if k.startswith('W'))


def l1_grad(dW, W, lam):
    return dW + lam * np.where(W > 0, 1.0, np.where(W < 0, -1.0, 0.0))
