# expect: values
"""α(0) set only on the first blank: the paths that start on the first label are lost."""
import numpy as np


def ctc_loss(log_probs, labels, blank_id=0):
    T = log_probs.shape[0]
    ext = [blank_id]
    for l in labels:
        ext += [l, blank_id]
    S = len(ext)
    alpha = np.full((T, S), -np.inf)
    alpha[0, 0] = log_probs[0, ext[0]]
    for t in range(1, T):
        for s in range(S):
            a = alpha[t - 1, s]
            if s >= 1:
                a = np.logaddexp(a, alpha[t - 1, s - 1])
            if s >= 2 and ext[s] != blank_id and ext[s] != ext[s - 2]:
                a = np.logaddexp(a, alpha[t - 1, s - 2])
            alpha[t, s] = a + log_probs[t, ext[s]]
    return -np.logaddexp(alpha[T - 1, S - 1], alpha[T - 1, S - 2])
