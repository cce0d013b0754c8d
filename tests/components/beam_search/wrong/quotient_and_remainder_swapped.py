# expect: values
"""The flat index decoded as (best % V, best // V): sequence and word swapped."""
import numpy as np


def beam_search(log_P, bos, beam_width, length):
    V = log_P.shape[0]
    seqs = np.array([[bos]])
    scores = np.zeros(1)
    for _ in range(length):
        total = scores[:, np.newaxis] + log_P[seqs[:, -1]]
        best = np.argsort(total.ravel())[::-1][:beam_width]
        beam, word = best % V, best // V
        beam = np.minimum(beam, len(seqs) - 1)
        seqs = np.concatenate([seqs[beam], word[:, np.newaxis]], axis=1)
        scores = total.ravel()[best]
    return seqs, scores
