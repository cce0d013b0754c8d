# expect: values
"""The sign is missing: log p is negative, information must be >= 0."""
import numpy as np


def self_information(p):
    return np.log(p)
