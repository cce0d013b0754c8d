"""PPMI on whole matrices: np.outer for S_i S_j and np.maximum."""
import numpy as np


def ppmi(C, verbose=False, eps=1e-8):
    N = np.sum(C)
    S = np.sum(C, axis=0)
    pmi = np.log2(C * N / np.outer(S, S) + eps)
    return np.maximum(0, pmi).astype(np.float32)
