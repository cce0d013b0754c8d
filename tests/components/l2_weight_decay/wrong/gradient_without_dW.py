# expect: values
"""Returns only the penalty's gradient λW: the loss's own gradient dW is lost."""
import numpy as np


def weight_decay_loss(params, weight_decay_lambda):
    weight_decay = 0
    for idx in range(1, len(params) // 2 + 1):
        weight_decay += 0.5 * weight_decay_lambda * np.sum(params['W' + str(idx)] ** 2)
    return weight_decay


def weight_decay_grad(dW, W, weight_decay_lambda):
    return weight_decay_lambda * W
