"""A double loop over the cells, in float64."""
import math


def joint_entropy(pxy):
    h = 0.0
    for i in range(pxy.shape[0]):
        for j in range(pxy.shape[1]):
            p = float(pxy[i, j])
            if p > 0:
                h -= p * math.log(p)
    return h
