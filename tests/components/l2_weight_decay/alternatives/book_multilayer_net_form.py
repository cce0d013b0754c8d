"""The book's MultiLayerNet loop (hidden_layer_num + 2 = number of layers) with a generator sum and W * W."""
import numpy as np


def weight_decay_loss(params, weight_decay_lambda):
    hidden_layer_num = len(params) // 2 - 1
    return sum(0.5 * weight_decay_lambda * np.sum(params['W' + str(idx)] * params['W' + str(idx)])
               for idx in range(1, hidden_layer_num + 2))


def weight_decay_grad(dW, W, weight_decay_lambda):
    grad = dW.astype(np.float64)
    grad = grad + weight_decay_lambda * W
    return grad
