# expect: mistake
"""argsort ascending: the least similar documents."""
import numpy as np


def rag_retrieve(query, docs, k):
    sim = np.dot(docs, query) / (np.linalg.norm(docs, axis=1) * np.linalg.norm(query))
    return np.argsort(sim)[:k]
