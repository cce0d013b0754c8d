# expect: values
"""The comparison reversed: the unconfident samples are selected."""
import numpy as np


def pseudo_label(probs, tau):
    mask = probs.max(axis=1) < tau
    return mask, probs.argmax(axis=1)[mask]
