"""LSI with the reduced SVD (full_matrices=False) and Vt named as NumPy returns it."""
import numpy as np


def lsi(M, k):
    U, s, Vt = np.linalg.svd(M, full_matrices=False)
    return U[:, :k]
