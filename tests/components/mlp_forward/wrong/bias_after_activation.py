# expect: values
"""Adds the hidden bias after the sigmoid."""
import numpy as np
from reference.functions import sigmoid, softmax


def two_layer_predict(x, params):
    z1 = sigmoid(np.dot(x, params['W1'])) + params['b1']
    return softmax(np.dot(z1, params['W2']) + params['b2'])
