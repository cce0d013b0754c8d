"""Model-agnostic explanations by approximating the model: exact Shapley values (SHAP's game) and LIME.

A model f is a scalar function of one input x: (M,). A feature that is "absent" takes its baseline value
(interventional SHAP / tabular LIME with a reference point).
"""
from itertools import combinations
from math import factorial

import numpy as np


def shapley_values(f, x, baseline):
    """Exact Shapley values by enumerating every coalition.

    f: model, x: (M,) the input explained, baseline: (M,) the value of an absent feature.
    The value of a coalition S is v(S) = f(x on S, baseline elsewhere). Returns phi: (M,),
    phi_i = Σ_{S ⊆ F\\{i}} |S|! (M - |S| - 1)! / M! (v(S ∪ {i}) - v(S)); Σ phi = f(x) - f(baseline).
    """
    M = len(x)
    phi = np.zeros(M)
    for i in range(M):
        others = [j for j in range(M) if j != i]
        for s in range(M):                                  # coalition sizes 0 .. M-1
            for S in combinations(others, s):
                weight = factorial(s) * factorial(M - s - 1) / factorial(M)
                z = baseline.copy()
                z[list(S)] = x[list(S)]
                v_without = f(z)
                z[i] = x[i]
                phi[i] += weight * (f(z) - v_without)
    return phi


def lime_explain(f, x, baseline, Z, kernel_width, lam=1.0):
    """LIME: a weighted Ridge regression of the model's outputs on the perturbation masks.

    f: model, x: (M,), baseline: (M,) the value of a removed feature, Z: (S, M) binary masks (1 = the feature of x
    is kept), kernel_width: σ of the proximity kernel, lam: the Ridge penalty (intercept not penalised).
    Each mask's distance to x (all ones) is d = ‖1 - z‖ and its weight π(z) = exp(-d² / σ²) (the paper's kernel).
    Returns coef: (M,) the local linear model's weights (its intercept is not returned).
    """
    X_pert = np.where(Z == 1, x, baseline)                  # (S, M) the perturbed inputs
    y = np.array([f(row) for row in X_pert])                # (S,) the model's outputs
    d = np.sqrt(np.sum((1 - Z) ** 2, axis=1))               # (S,) distance to the unperturbed x
    w = np.exp(-d ** 2 / kernel_width ** 2)                 # (S,) proximity weights
    Zb = np.hstack([np.ones((len(Z), 1)), Z])               # intercept column first
    P = np.eye(Zb.shape[1])
    P[0, 0] = 0                                             # the intercept is not penalised
    beta = np.linalg.solve(Zb.T @ (w[:, None] * Zb) + lam * P, Zb.T @ (w * y))
    return beta[1:]
