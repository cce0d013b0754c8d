# expect: shape
"""The target itself is kept among its contexts."""
import numpy as np


def create_contexts_target(corpus, window_size=1):
    """word2vec's training pairs from a corpus: (length,) word ids.

    Returns contexts: (length − 2·window_size, 2·window_size), the words left and right of each target
    in order (−window_size … −1, 1 … window_size), and target: (length − 2·window_size,).
    """
    target = corpus[window_size:-window_size]
    contexts = []

    for idx in range(window_size, len(corpus)-window_size):
        cs = []
        for t in range(-window_size, window_size + 1):
            cs.append(corpus[idx + t])
        contexts.append(cs)

    return np.array(contexts), np.array(target)
