# expect: convention
"""Joint entropy in bits (log2) where the drill asks for nats."""
import numpy as np


def joint_entropy(pxy):
    return -np.sum(pxy * np.log2(pxy + 1e-7))
