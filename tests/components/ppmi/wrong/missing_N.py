# expect: values
"""C[i, j] / (S_i S_j) without the total count N."""
import numpy as np


def ppmi(C, verbose=False, eps=1e-8):
    """Positive pointwise mutual information of a co-occurrence matrix C: (V, V) -> M: (V, V) float32.

    PMI(x, y) = log2(C[x, y]·N / (S[x]·S[y])) with N the sum of C and S its column sums (C is symmetric);
    PPMI = max(0, PMI). eps keeps log2(0) finite for pairs that never co-occur (their PPMI is 0).
    """
    M = np.zeros_like(C, dtype=np.float32)
    N = np.sum(C)
    S = np.sum(C, axis=0)
    total = C.shape[0] * C.shape[1]
    cnt = 0

    for i in range(C.shape[0]):
        for j in range(C.shape[1]):
            pmi = np.log2(C[i, j] / (S[j]*S[i]) + eps)
            M[i, j] = max(0, pmi)

            if verbose:
                cnt += 1
                if cnt % (total//100 + 1) == 0:
                    print('%.1f%% done' % (100*cnt/total))
    return M
