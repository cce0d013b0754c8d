"""Project onto the top-k eigenvectors of AᵀA (the right singular vectors): A_k = A V_k V_kᵀ."""
import numpy as np


def svd_lowrank(A, k):
    w, V = np.linalg.eigh(A.T.astype(np.float64) @ A)
    Vk = V[:, ::-1][:, :k]
    return (A @ Vk @ Vk.T).astype(A.dtype)
