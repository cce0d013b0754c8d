"""sigmoid(x) = exp(-log(1 + exp(-x))), with log(1 + exp(-x)) computed stably by np.logaddexp."""
import numpy as np


def sigmoid(x):
    return np.exp(-np.logaddexp(0, -x))
