# expect: mistake
"""After the first step every sequence is extended by its own best word only."""
import numpy as np


def beam_search(log_P, bos, beam_width, length):
    first = np.argsort(log_P[bos])[::-1][:beam_width]
    seqs = np.stack([np.full(len(first), bos), first], axis=1)
    scores = log_P[bos, first]
    for _ in range(length - 1):
        last = seqs[:, -1]
        word = log_P[last].argmax(axis=1)
        scores = scores + log_P[last, word]
        seqs = np.concatenate([seqs, word[:, None]], axis=1)
        order = np.argsort(-scores)
        seqs, scores = seqs[order], scores[order]
    return seqs, scores
