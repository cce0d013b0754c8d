# expect: values
"""1 / mean(p): the arithmetic mean of the probabilities inverted."""
import numpy as np


def perplexity(p):
    return 1.0 / np.mean(p)
