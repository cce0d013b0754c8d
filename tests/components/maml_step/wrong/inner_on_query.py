# expect: mistake
"""The inner step on the query set: the meta-objective is evaluated on the data it adapted to."""
import numpy as np


def mse_grad(w, X, y):
    return 2 * X.T @ (X @ w - y) / len(y)


def maml_step(theta, tasks, alpha, beta):
    meta_grad = np.zeros_like(theta)
    for X_s, y_s, X_q, y_q in tasks:
        theta_i = theta - alpha * mse_grad(theta, X_q, y_q)
        H_s = 2 * X_s.T @ X_s / len(y_s)
        meta_grad += (np.eye(len(theta)) - alpha * H_s) @ mse_grad(theta_i, X_q, y_q)
    return theta - beta * meta_grad
