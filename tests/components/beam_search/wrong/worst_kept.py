# expect: values
"""np.argsort ascending without reversing: the beam_width worst candidates are kept."""
import numpy as np


def beam_search(log_P, bos, beam_width, length):
    V = log_P.shape[0]
    seqs = np.array([[bos]])
    scores = np.zeros(1)
    for _ in range(length):
        total = scores[:, np.newaxis] + log_P[seqs[:, -1]]
        best = np.argsort(total.ravel())[:beam_width]
        beam, word = best // V, best % V
        seqs = np.concatenate([seqs[beam], word[:, np.newaxis]], axis=1)
        scores = total.ravel()[best]
    return seqs, scores
