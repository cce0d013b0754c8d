# expect: mutates_input
"""Squares the weights inside the params dict (W **= 2): the network's weights are destroyed."""
import numpy as np


def weight_decay_loss(params, weight_decay_lambda):
    weight_decay = 0
    for idx in range(1, len(params) // 2 + 1):
        W = params['W' + str(idx)]
        W **= 2
        weight_decay += 0.5 * weight_decay_lambda * np.sum(W)
    return weight_decay


def weight_decay_grad(dW, W, weight_decay_lambda):
    return dW + weight_decay_lambda * W
