"""Log space, one frame at a time over all positions with shifted copies and -inf padding."""
import numpy as np


def ctc_loss(log_probs, labels, blank_id=0):
    lp = log_probs.astype(np.float64)
    ext = np.array([blank_id] + [v for l in labels for v in (l, blank_id)])
    S = len(ext)
    allow_skip = np.zeros(S, dtype=bool)
    allow_skip[2:] = (ext[2:] != blank_id) & (ext[2:] != ext[:-2])
    alpha = np.full(S, -np.inf)
    alpha[:2] = lp[0, ext[:2]]
    for t in range(1, len(lp)):
        prev1 = np.concatenate([[-np.inf], alpha[:-1]])
        prev2 = np.where(allow_skip, np.concatenate([[-np.inf, -np.inf], alpha[:-2]]), -np.inf)
        alpha = np.logaddexp(np.logaddexp(alpha, prev1), prev2) + lp[t, ext]
    return -np.logaddexp(alpha[-1], alpha[-2])
