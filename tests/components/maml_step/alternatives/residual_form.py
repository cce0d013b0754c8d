"""The chain rule written as g_q − α H g_q, the tasks by index, np.dot."""
import numpy as np


def mse_grad(w, X, y):
    r = np.dot(X, w) - y
    return 2.0 * np.dot(r, X) / X.shape[0]


def maml_step(theta, tasks, alpha, beta):
    total = 0.0
    for k in range(len(tasks)):
        Xs, ys, Xq, yq = tasks[k]
        adapted = theta - alpha * mse_grad(theta, Xs, ys)
        g = mse_grad(adapted, Xq, yq)
        total = total + g - alpha * (2.0 * Xs.T.dot(Xs.dot(g)) / len(ys))
    return theta - beta * total
