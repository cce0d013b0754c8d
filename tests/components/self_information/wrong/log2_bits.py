# expect: convention
"""Self-information in bits (log2) where the drill asks for nats."""
import numpy as np


def self_information(p):
    return -np.log2(p)
