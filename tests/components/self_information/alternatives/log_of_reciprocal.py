"""Self-information as log(1 / p)."""
import numpy as np


def self_information(p):
    return np.log(1 / p)
