"""np.diag of the penalty vector [0, λ, ..., λ], np.dot and np.linalg.inv."""
import numpy as np


def ridge_fit(X, y, lam):
    Xb = np.concatenate([np.ones((X.shape[0], 1), dtype=X.dtype), X], axis=1)
    penalty = np.diag(np.r_[0.0, np.full(X.shape[1], lam)])
    return np.dot(np.linalg.inv(np.dot(Xb.T, Xb) + penalty), np.dot(Xb.T, y))
