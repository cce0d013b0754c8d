# expect: values
"""ReLU in the hidden layer where the drill (the book's TwoLayerNet) uses the sigmoid."""
import numpy as np
from reference.functions import softmax


def two_layer_predict(x, params):
    z1 = np.maximum(0, np.dot(x, params['W1']) + params['b1'])
    return softmax(np.dot(z1, params['W2']) + params['b2'])
