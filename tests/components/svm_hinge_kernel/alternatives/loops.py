"""Sample-by-sample loops for the hinge loss and its subgradient; the kernel entry by entry."""
import math

import numpy as np


def hinge_loss(w, X, y, C):
    loss = 0.5 * float(np.dot(w, w))
    dw = w.astype(np.float64).copy()
    for x_n, y_n in zip(X, y):
        m = y_n * float(np.dot(x_n, w))
        if m < 1:
            loss += C * (1 - m)
            dw -= C * y_n * x_n
    return loss, dw


def rbf_kernel(X, Y, gamma):
    K = np.zeros((len(X), len(Y)))
    for i, x in enumerate(X):
        for j, z in enumerate(Y):
            K[i, j] = math.exp(-gamma * float(np.sum((x - z) ** 2)))
    return K
