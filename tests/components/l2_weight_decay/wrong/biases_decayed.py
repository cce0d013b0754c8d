# expect: mistake
"""Decays every parameter, the biases too."""
import numpy as np


def weight_decay_loss(params, weight_decay_lambda):
    return sum(0.5 * weight_decay_lambda * np.sum(p ** 2) for p in params.values())


def weight_decay_grad(dW, W, weight_decay_lambda):
    return dW + weight_decay_lambda * W
