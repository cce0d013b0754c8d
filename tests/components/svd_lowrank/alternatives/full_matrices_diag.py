"""The default full_matrices=True, with np.diag for the singular values."""
import numpy as np


def svd_lowrank(A, k):
    U, s, Vt = np.linalg.svd(A)
    return U[:, :k] @ np.diag(s[:k]) @ Vt[:k, :]
