# expect: values
"""The children's impurities averaged with equal weights 1/2, not weighted by their sizes."""
import numpy as np


def gini(y):
    p = np.bincount(y) / len(y)
    return 1 - np.sum(p ** 2)


def entropy(y):
    p = np.bincount(y) / len(y)
    p = p[p > 0]
    return -np.sum(p * np.log2(p))


def info_gain(y, y_left, y_right, criterion="gini"):
    impurity = gini if criterion == "gini" else entropy
    w_left = 0.5
    w_right = 0.5
    return impurity(y) - (w_left * impurity(y_left) + w_right * impurity(y_right))
