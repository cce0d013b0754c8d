"""tanh from its definition (e^x - e^-x) / (e^x + e^-x), exact for the moderate inputs of the drill."""
import numpy as np


def tanh(x):
    ep = np.exp(x)
    em = np.exp(-x)
    return (ep - em) / (ep + em)
