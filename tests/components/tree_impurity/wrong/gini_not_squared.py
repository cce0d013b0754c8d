# expect: values
"""1 - Σ p_k: the proportions are not squared (always 0)."""
import numpy as np


def gini(y):
    p = np.bincount(y) / len(y)
    return 1 - np.sum(p)


def entropy(y):
    p = np.bincount(y) / len(y)
    p = p[p > 0]
    return -np.sum(p * np.log2(p))


def info_gain(y, y_left, y_right, criterion="gini"):
    impurity = gini if criterion == "gini" else entropy
    w_left = len(y_left) / len(y)
    w_right = len(y_right) / len(y)
    return impurity(y) - (w_left * impurity(y_left) + w_right * impurity(y_right))
