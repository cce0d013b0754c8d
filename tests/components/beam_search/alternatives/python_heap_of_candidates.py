"""Candidates as Python tuples sorted by score: every sequence times every word, then the best beam_width."""
import numpy as np


def beam_search(log_P, bos, beam_width, length):
    beams = [([bos], 0.0)]
    for _ in range(length):
        candidates = []
        for seq, score in beams:
            for w in range(log_P.shape[1]):
                candidates.append((seq + [w], score + float(log_P[seq[-1], w])))
        candidates.sort(key=lambda c: c[1], reverse=True)
        beams = candidates[:beam_width]
    return np.array([s for s, _ in beams]), np.array([sc for _, sc in beams])
