# expect: values
"""The skip from s − 2 allowed everywhere, also onto blanks and between repeated labels."""
import numpy as np


def ctc_loss(log_probs, labels, blank_id=0):
    T = log_probs.shape[0]
    ext = [blank_id]
    for l in labels:
        ext += [l, blank_id]
    S = len(ext)
    alpha = np.full((T, S), -np.inf)
    alpha[0, 0] = log_probs[0, ext[0]]
    alpha[0, 1] = log_probs[0, ext[1]]
    for t in range(1, T):
        for s in range(S):
            a = alpha[t - 1, s]
            if s >= 1:
                a = np.logaddexp(a, alpha[t - 1, s - 1])
            if s >= 2:
                a = np.logaddexp(a, alpha[t - 1, s - 2])
            alpha[t, s] = a + log_probs[t, ext[s]]
    return -np.logaddexp(alpha[T - 1, S - 1], alpha[T - 1, S - 2])
