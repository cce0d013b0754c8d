# expect: mistake
"""The loss has the ½ but the gradient adds 2λW (the derivative of λΣW², not of ½λΣW²)."""
import numpy as np


def weight_decay_loss(params, weight_decay_lambda):
    weight_decay = 0
    for idx in range(1, len(params) // 2 + 1):
        weight_decay += 0.5 * weight_decay_lambda * np.sum(params['W' + str(idx)] ** 2)
    return weight_decay


def weight_decay_grad(dW, W, weight_decay_lambda):
    return dW + 2 * weight_decay_lambda * W
