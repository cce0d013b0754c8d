# expect: mistake
"""np.linalg.norm(docs) without axis: one norm of the whole matrix, so the ranking is the dot product's (named as that mistake)."""
import numpy as np


def rag_retrieve(query, docs, k):
    sim = np.dot(docs, query) / (np.linalg.norm(docs) * np.linalg.norm(query))
    return np.argsort(-sim)[:k]
