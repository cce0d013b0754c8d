# expect: values
"""U_k V_kᵀ without the singular values."""
import numpy as np


def svd_lowrank(A, k):
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    return U[:, :k] @ Vt[:k]
