# expect: mistake
"""max and argmax over axis 0."""
import numpy as np


def pseudo_label(probs, tau):
    mask = probs.max(axis=0) >= tau
    labels = probs.argmax(axis=0)[mask]
    return mask, labels
