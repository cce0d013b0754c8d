"""np.unravel_index instead of // and %, argsort of the negated totals."""
import numpy as np


def beam_search(log_P, bos, beam_width, length):
    seqs = np.full((1, 1), bos)
    scores = np.zeros(1)
    for _ in range(length):
        total = scores.reshape(-1, 1) + log_P[seqs[:, -1], :]
        flat = np.argsort(-total, axis=None)[:beam_width]
        beam, word = np.unravel_index(flat, total.shape)
        seqs = np.hstack([seqs[beam], word.reshape(-1, 1)])
        scores = total[beam, word]
    return seqs, scores
