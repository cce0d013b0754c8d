"""Plain loops for the gradients and the Hessian-vector product, float64."""
import numpy as np


def mse_grad(w, X, y):
    n, D = X.shape
    g = np.zeros(D)
    for i in range(n):
        r = sum(X[i, d] * w[d] for d in range(D)) - y[i]
        for d in range(D):
            g[d] += 2 * r * X[i, d] / n
    return g


def maml_step(theta, tasks, alpha, beta):
    D = len(theta)
    meta = np.zeros(D)
    for X_s, y_s, X_q, y_q in tasks:
        g_q = mse_grad(theta - alpha * mse_grad(theta, X_s, y_s), X_q, y_q)
        for a in range(D):
            hg = sum(2 * X_s[i, a] * X_s[i, b] * g_q[b] for i in range(len(y_s)) for b in range(D)) / len(y_s)
            meta[a] += g_q[a] - alpha * hg
    return theta - beta * meta
