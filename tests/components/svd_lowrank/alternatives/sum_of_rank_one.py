"""A_k = Σ_{i<k} s_i u_i v_iᵀ as a loop of outer products, in float64."""
import numpy as np


def svd_lowrank(A, k):
    U, s, Vt = np.linalg.svd(A.astype(np.float64), full_matrices=False)
    A_k = np.zeros(A.shape)
    for i in range(k):
        A_k += s[i] * np.outer(U[:, i], Vt[i])
    return A_k.astype(A.dtype)
