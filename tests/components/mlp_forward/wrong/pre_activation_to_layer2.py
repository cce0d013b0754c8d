# expect: mistake
"""Feeds a1 (before the sigmoid) to the second layer."""
import numpy as np
from reference.functions import sigmoid, softmax


def two_layer_predict(x, params):
    a1 = np.dot(x, params['W1']) + params['b1']
    z1 = sigmoid(a1)
    a2 = np.dot(a1, params['W2']) + params['b2']
    return softmax(a2)
