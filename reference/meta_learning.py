"""Meta-learning: one MAML step (Finn et al., 2017) on linear regression, where every derivative has a closed form.

Model y = X @ w, loss L(w; X, y) = mean((X @ w − y)²). Each task has a support set (the inner, task-specific step)
and a query set (the meta-objective). MAML differentiates the query loss through the inner step:
∇_θ L_q(θ_i) = (I − α H_s) ∇L_q(θ_i) with H_s = 2 Xsᵀ Xs / n_s, the support loss's Hessian. First-order MAML
(FOMAML) drops the Hessian term.
"""
import numpy as np


def mse_grad(w, X, y):
    """Gradient of mean((X @ w − y)²) by w. w: (D,); X: (n, D); y: (n,). Returns (D,)."""
    return 2 * X.T @ (X @ w - y) / len(y)


def maml_step(theta, tasks, alpha, beta):
    """One meta-update θ ← θ − β Σ_i ∇_θ L_query_i(θ − α ∇L_support_i(θ)), second-order (the exact gradient).

    theta: (D,); tasks: list of (X_support (n_s, D), y_support (n_s,), X_query (n_q, D), y_query (n_q,));
    alpha: inner learning rate; beta: meta learning rate. Returns the new θ (D,).
    """
    meta_grad = np.zeros_like(theta)
    for X_s, y_s, X_q, y_q in tasks:
        theta_i = theta - alpha * mse_grad(theta, X_s, y_s)
        H_s = 2 * X_s.T @ X_s / len(y_s)
        g_q = mse_grad(theta_i, X_q, y_q)
        meta_grad += (np.eye(len(theta)) - alpha * H_s) @ g_q
    return theta - beta * meta_grad
