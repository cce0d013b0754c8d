"""Python's sorted over (similarity, index) pairs."""
import numpy as np


def rag_retrieve(query, docs, k):
    qn = np.linalg.norm(query)
    sims = [(float(d @ query) / (np.linalg.norm(d) * qn), i) for i, d in enumerate(docs)]
    ranked = sorted(sims, reverse=True)
    return np.array([i for _, i in ranked[:k]])
