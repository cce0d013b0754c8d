"""One query at a time: Euclidean norms, a stable sort, a vote counted in a dict, the smallest label on ties."""
import numpy as np


def knn_predict(X_train, y_train, X, k):
    out = []
    for x in X:
        d = np.linalg.norm(X_train - x, axis=1)
        idx = np.argsort(d, kind="stable")[:k]
        votes = {}
        for label in y_train[idx]:
            votes[int(label)] = votes.get(int(label), 0) + 1
        best = max(votes.values())
        out.append(min(label for label, v in votes.items() if v == best))
    return np.array(out)
