# expect: values
"""Sigmoid at the output instead of the softmax."""
import numpy as np
from reference.functions import sigmoid


def two_layer_predict(x, params):
    z1 = sigmoid(np.dot(x, params['W1']) + params['b1'])
    return sigmoid(np.dot(z1, params['W2']) + params['b2'])
