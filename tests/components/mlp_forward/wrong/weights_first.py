# expect: exception
"""W1 @ x: the column-vector order, which does not fit row samples x (N, D)."""
import numpy as np
from reference.functions import sigmoid, softmax


def two_layer_predict(x, params):
    z1 = sigmoid(np.dot(params['W1'], x) + params['b1'])
    return softmax(np.dot(params['W2'], z1) + params['b2'])
