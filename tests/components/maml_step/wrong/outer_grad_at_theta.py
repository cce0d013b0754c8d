# expect: mistake
"""The query gradient taken at θ instead of the adapted θ_i: the inner step is lost."""
import numpy as np


def mse_grad(w, X, y):
    return 2 * X.T @ (X @ w - y) / len(y)


def maml_step(theta, tasks, alpha, beta):
    meta_grad = np.zeros_like(theta)
    for X_s, y_s, X_q, y_q in tasks:
        theta_i = theta - alpha * mse_grad(theta, X_s, y_s)
        H_s = 2 * X_s.T @ X_s / len(y_s)
        meta_grad += (np.eye(len(theta)) - alpha * H_s) @ mse_grad(theta, X_q, y_q)
    return theta - beta * meta_grad
