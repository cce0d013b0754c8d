# expect: mistake
"""The raw dot product: long document vectors win."""
import numpy as np


def rag_retrieve(query, docs, k):
    sim = docs @ query
    return np.argsort(-sim)[:k]
