# expect: mistake
"""The mean cross entropy returned as it is."""
import numpy as np


def perplexity(p):
    total_loss = -np.sum(np.log(p))
    return total_loss / len(p)
