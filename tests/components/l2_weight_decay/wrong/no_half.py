# expect: mistake
"""λ Σ W² without the ½ (its gradient would be 2λW, not the λW this drill adds)."""
import numpy as np


def weight_decay_loss(params, weight_decay_lambda):
    weight_decay = 0
    for idx in range(1, len(params) // 2 + 1):
        weight_decay += weight_decay_lambda * np.sum(params['W' + str(idx)] ** 2)
    return weight_decay


def weight_decay_grad(dW, W, weight_decay_lambda):
    return dW + weight_decay_lambda * W
