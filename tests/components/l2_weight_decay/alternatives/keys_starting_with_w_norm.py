"""Loops over the keys that start with 'W'; the squared Frobenius norm; the gradient with np.add."""
import numpy as np


def weight_decay_loss(params, weight_decay_lambda):
    total = 0.0
    for key, value in params.items():
        if key.startswith('W'):
            total += np.linalg.norm(value) ** 2
    return weight_decay_lambda / 2 * total


def weight_decay_grad(dW, W, weight_decay_lambda):
    return np.add(dW, weight_decay_lambda * W)
