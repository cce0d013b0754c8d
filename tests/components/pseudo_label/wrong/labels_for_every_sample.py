# expect: mistake
"""argmax of every row returned as the labels."""
import numpy as np


def pseudo_label(probs, tau):
    mask = probs.max(axis=1) >= tau
    labels = probs.argmax(axis=1)
    return mask, labels
