# expect: values
"""The largest Euclidean distances taken (the farthest documents)."""
import numpy as np


def rag_retrieve(query, docs, k):
    dist = np.linalg.norm(docs - query, axis=1)
    return np.argsort(-dist)[:k]
