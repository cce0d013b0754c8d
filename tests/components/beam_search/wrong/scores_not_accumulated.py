# expect: mistake
"""Candidates ranked by the last word's log-probability only (the scores so far are not added)."""
import numpy as np


def beam_search(log_P, bos, beam_width, length):
    V = log_P.shape[0]
    seqs = np.array([[bos]])
    scores = np.zeros(1)
    for _ in range(length):
        total = log_P[seqs[:, -1]]
        best = np.argsort(total.ravel())[::-1][:beam_width]
        beam, word = best // V, best % V
        seqs = np.concatenate([seqs[beam], word[:, np.newaxis]], axis=1)
        scores = total.ravel()[best]
    return seqs, scores
