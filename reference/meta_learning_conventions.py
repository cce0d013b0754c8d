"""The other conventions of reference.meta_learning's MAML step, for the drills' `conventions:` key.

First-order MAML (FOMAML, in the MAML paper itself) drops the Hessian term; averaging the tasks' meta-gradients
instead of summing them (what most implementations do) only rescales β. Both are legitimate and named.
"""
import numpy as np

from reference.meta_learning import mse_grad


def maml_step_first_order(theta, tasks, alpha, beta):
    """FOMAML: the query gradient at θ_i is used as it is (no (I − α H) factor)."""
    meta_grad = np.zeros_like(theta)
    for X_s, y_s, X_q, y_q in tasks:
        meta_grad += mse_grad(theta - alpha * mse_grad(theta, X_s, y_s), X_q, y_q)
    return theta - beta * meta_grad


def maml_step_mean(theta, tasks, alpha, beta):
    """Second-order MAML with the meta-gradient averaged over the tasks."""
    meta_grad = np.zeros_like(theta)
    for X_s, y_s, X_q, y_q in tasks:
        theta_i = theta - alpha * mse_grad(theta, X_s, y_s)
        meta_grad += (np.eye(len(theta)) - alpha * 2 * X_s.T @ X_s / len(y_s)) @ mse_grad(theta_i, X_q, y_q)
    return theta - beta * meta_grad / len(tasks)
