"""Its own sigmoid (via tanh) and softmax, einsum, float64."""
import numpy as np


def two_layer_predict(x, params):
    x = x.astype(np.float64)
    a1 = np.einsum('nd,dh->nh', x, params['W1']) + params['b1']
    z1 = 0.5 * (1 + np.tanh(a1 / 2))
    a2 = np.einsum('nh,hk->nk', z1, params['W2']) + params['b2']
    e = np.exp(a2 - a2.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)
