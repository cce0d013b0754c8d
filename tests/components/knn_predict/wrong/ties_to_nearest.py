# expect: convention
"""Counter(...).most_common(1): a tied vote goes to the label of the nearest neighbour, not the smallest label."""
from collections import Counter

import numpy as np


def knn_predict(X_train, y_train, X, k):
    dist = np.sum((X[:, None, :] - X_train[None, :, :]) ** 2, axis=2)
    nearest = np.argsort(dist, axis=1)[:, :k]
    return np.array([Counter(y_train[row].tolist()).most_common(1)[0][0] for row in nearest])
