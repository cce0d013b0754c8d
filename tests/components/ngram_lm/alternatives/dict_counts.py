"""n-gram probabilities counted in Python dicts, then written into the array."""
import numpy as np


def ngram_lm(tokens, n, vocab_size):
    grams, contexts = {}, {}
    for i in range(len(tokens) - n + 1):
        g = tuple(int(w) for w in tokens[i:i + n])
        grams[g] = grams.get(g, 0) + 1
        contexts[g[:-1]] = contexts.get(g[:-1], 0) + 1
    P = np.zeros((vocab_size,) * n)
    for g, c in grams.items():
        P[g] = c / contexts[g[:-1]]
    return P
