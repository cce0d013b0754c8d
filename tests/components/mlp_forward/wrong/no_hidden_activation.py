# expect: mistake
"""No activation in the hidden layer: two linear layers collapse into one."""
import numpy as np
from reference.functions import softmax


def two_layer_predict(x, params):
    a1 = np.dot(x, params['W1']) + params['b1']
    a2 = np.dot(a1, params['W2']) + params['b2']
    return softmax(a2)
