"""LSI from the eigenvectors of M·Mᵀ (the left singular vectors), largest eigenvalues first."""
import numpy as np


def lsi(M, k):
    w, E = np.linalg.eigh(M @ M.T)
    order = np.argsort(w)[::-1]
    return E[:, order[:k]]
