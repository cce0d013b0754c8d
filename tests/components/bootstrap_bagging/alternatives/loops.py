"""rng.integers(n, size=n) (low defaults to 0), a set for out-of-bag, votes and means in Python loops."""
import numpy as np


def bootstrap_sample(n, rng):
    idx = rng.integers(n, size=n)
    seen = set(idx.tolist())
    oob = np.array([i for i in range(n) if i not in seen], dtype=int)
    return idx, oob


def bagging_predict(probas, voting="soft"):
    M, N, C = probas.shape
    out = []
    for i in range(N):
        if voting == "soft":
            mean = [sum(probas[m, i, c] for m in range(M)) / M for c in range(C)]
            out.append(max(range(C), key=lambda c: (mean[c], -c)))
        else:
            counts = [0] * C
            for m in range(M):
                counts[int(np.argmax(probas[m, i]))] += 1
            out.append(counts.index(max(counts)))
    return np.array(out)
