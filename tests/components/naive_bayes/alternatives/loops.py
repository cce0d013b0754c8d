"""Plain loops over samples, classes and words (float64)."""
import math

import numpy as np


def nb_fit(X, y, n_classes, alpha=1.0):
    N, V = X.shape
    log_prior = np.zeros(n_classes)
    log_lik = np.zeros((n_classes, V))
    for c in range(n_classes):
        rows = [X[n] for n in range(N) if y[n] == c]
        log_prior[c] = math.log(len(rows) / N)
        word = [sum(int(r[v]) for r in rows) for v in range(V)]
        total = sum(word) + alpha * V
        for v in range(V):
            log_lik[c, v] = math.log((word[v] + alpha) / total)
    return log_prior, log_lik


def nb_predict(X, log_prior, log_lik):
    out = []
    for x in X:
        scores = [log_prior[c] + sum(x[v] * log_lik[c, v] for v in range(len(x))) for c in range(len(log_prior))]
        out.append(int(np.argmax(scores)))
    return np.array(out)
