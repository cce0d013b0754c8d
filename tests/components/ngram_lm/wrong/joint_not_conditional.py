# expect: values
"""Divides by the number of n-grams (a joint probability), not by the context's count."""
import numpy as np


def ngram_lm(tokens, n, vocab_size):
    """Maximum-likelihood n-gram model: P[w1, ..., wn] = C(w1 ... wn) / C(w1 ... wn−1 followed by a word).

    tokens: (L,) word ids. Returns P: (V,) * n; every context seen in the corpus gives a distribution over the
    next word (its last axis sums to 1); unseen contexts give zeros.
    """
    counts = np.zeros((vocab_size,) * n)
    ngrams = np.stack([tokens[i:len(tokens) - n + 1 + i] for i in range(n)])
    np.add.at(counts, tuple(ngrams), 1)
    context = np.full(counts.shape[:-1] + (1,), counts.sum())
    return np.divide(counts, context, out=np.zeros_like(counts), where=context > 0)
