"""Other conventions (and named slips) of the explanation drills (SHAP, LIME, CAM, Grad-CAM, integrated gradients), for their `conventions:` keys."""
from itertools import combinations

import numpy as np


def banzhaf_values(f, x, baseline):
    """The Banzhaf value: every coalition of the other features weighted equally, 1 / 2^(M-1), instead of
    Shapley's |S|! (M - |S| - 1)! / M!."""
    M = len(x)
    phi = np.zeros(M)
    for i in range(M):
        others = [j for j in range(M) if j != i]
        for s in range(M):
            for S in combinations(others, s):
                z = baseline.copy()
                z[list(S)] = x[list(S)]
                v_without = f(z)
                z[i] = x[i]
                phi[i] += (f(z) - v_without) / 2 ** (M - 1)
    return phi


def lime_explain_sqrt_kernel(f, x, baseline, Z, kernel_width, lam=1.0):
    """LIME with the lime package's kernel sqrt(exp(-d² / σ²)) instead of the paper's exp(-d² / σ²)."""
    from reference.explain_models import lime_explain

    return lime_explain(f, x, baseline, Z, kernel_width * np.sqrt(2), lam)


def lime_explain_intercept_penalised(f, x, baseline, Z, kernel_width, lam=1.0):
    """LIME whose Ridge penalises the intercept too (the full identity)."""
    X_pert = np.where(Z == 1, x, baseline)
    y = np.array([f(row) for row in X_pert])
    d = np.sqrt(np.sum((1 - Z) ** 2, axis=1))
    w = np.exp(-d ** 2 / kernel_width ** 2)
    Zb = np.hstack([np.ones((len(Z), 1)), Z])
    beta = np.linalg.solve(Zb.T @ (w[:, None] * Zb) + lam * np.eye(Zb.shape[1]), Zb.T @ (w * y))
    return beta[1:]


# ----------------------------------------------------------------- CAM, Grad-CAM, integrated gradients (4-9-1)
def cam_minmax(feat, W_fc, c):
    """CAM rescaled to [0, 1] by (cam - min) / (max - min), as display code does."""
    m = np.tensordot(W_fc[c], feat, axes=1)
    return (m - m.min()) / (m.max() - m.min())


def grad_cam_normalized(A, dYc_dA):
    """Grad-CAM divided by its maximum (values in [0, 1]), as display code does."""
    from reference.explain import grad_cam

    g = grad_cam(A, dYc_dA)
    return g / g.max()


def integrated_gradients_left(x, baseline, grad_fn, m=50):
    """Left Riemann sum: the gradients at k = 0 .. m - 1 (the baseline included, x left out)."""
    total = sum(grad_fn(baseline + (k / m) * (x - baseline)) for k in range(m))
    return (x - baseline) * total / m


def integrated_gradients_trapezoid(x, baseline, grad_fn, m=50):
    """Trapezoidal rule over k = 0 .. m (both ends weighted ½)."""
    grads = [grad_fn(baseline + (k / m) * (x - baseline)) for k in range(m + 1)]
    total = sum(grads[1:-1]) + 0.5 * (grads[0] + grads[-1])
    return (x - baseline) * total / m


def integrated_gradients_midpoint(x, baseline, grad_fn, m=50):
    """Midpoint rule: the gradients at (k + ½)/m, k = 0 .. m - 1."""
    total = sum(grad_fn(baseline + ((k + 0.5) / m) * (x - baseline)) for k in range(m))
    return (x - baseline) * total / m
