"""Co-occurrence counts with np.add.at over each offset d = 1..window_size, both directions."""
import numpy as np


def create_co_matrix(corpus, vocab_size, window_size=1):
    C = np.zeros((vocab_size, vocab_size), dtype=np.int32)
    for d in range(1, window_size + 1):
        np.add.at(C, (corpus[d:], corpus[:-d]), 1)
        np.add.at(C, (corpus[:-d], corpus[d:]), 1)
    return C
