"""Other legitimate conventions (and named slips) of the classical-ML drills (area 2), for their `conventions:`
keys: an answer that matches one of these is told by name what it did instead of only "wrong values"."""
import numpy as np

from reference.unsupervised import kmeans_assign


def kmeans_labels_before_update(X, init_centers, iters):
    """k-means returning the labels of the last assignment step (computed from the centres BEFORE the last update),
    as the loop `for ...: labels = assign(...); centers = update(...)` leaves them."""
    centers = init_centers.copy()
    labels = kmeans_assign(X, centers)
    for _ in range(iters):
        labels = kmeans_assign(X, centers)
        for j in range(len(centers)):
            centers[j] = X[labels == j].mean(axis=0)
    return centers, labels


def cosine_similarity(x, y):
    """The cosine similarity itself, where the drill asks for the distance 1 - similarity."""
    return x @ y / (np.linalg.norm(x) * np.linalg.norm(y))


def squared_mahalanobis(x, y, cov):
    """The squared Mahalanobis distance (x - y)ᵀ Σ⁻¹ (x - y), without the square root."""
    d = x - y
    return d @ np.linalg.inv(cov) @ d


def knn_predict_ties_to_nearest(X_train, y_train, X, k):
    """k-NN whose tied vote goes to the tied label met first from the nearest neighbour outwards
    (collections.Counter(...).most_common(1) over the neighbours in distance order)."""
    from collections import Counter

    dist = np.sum((X[:, None, :] - X_train[None, :, :]) ** 2, axis=2)
    nearest = np.argsort(dist, axis=1)[:, :k]
    return np.array([Counter(y_train[row].tolist()).most_common(1)[0][0] for row in nearest], dtype=np.int64)


def ridge_fit_bias_penalised(X, y, lam):
    """Ridge with the bias penalised too: (Xbᵀ Xb + λ I)⁻¹ Xbᵀ y with the full identity."""
    Xb = np.hstack([np.ones((len(X), 1)), X])
    return np.linalg.solve(Xb.T @ Xb + lam * np.eye(Xb.shape[1]), Xb.T @ y)


def ridge_fit_bias_last(X, y, lam):
    """Ridge (bias not penalised) with the bias as the LAST entry of w (a column of ones appended)."""
    from reference.classical import ridge_fit

    w = ridge_fit(X, y, lam)
    return np.concatenate([w[1:], w[:1]])


def logreg_loss_grad_summed(w, X, y):
    """Logistic regression's loss and gradient SUMMED over the samples instead of averaged (no / N)."""
    from reference.classical import logreg_loss_grad

    loss, dw = logreg_loss_grad(w, X, y)
    return loss * len(X), dw * len(X)


def lasso_cd_unscaled(X, y, lam, iters):
    """Coordinate descent for ½‖y - Xw‖² + λ‖w‖₁ (ESL / Tibshirani's scaling, without the 1 / N)."""
    from reference.classical import lasso_cd

    return lasso_cd(X, y, lam / len(X), iters)


def entropy_nats(y):
    """The entropy of the labels with the natural log (nats) instead of log2 (bits)."""
    p = np.bincount(y) / len(y)
    p = p[p > 0]
    return -np.sum(p * np.log(p))


def info_gain_nats(y, y_left, y_right, criterion="gini"):
    """info_gain with the entropy in nats (the Gini gain unchanged)."""
    from reference.trees import gini

    impurity = gini if criterion == "gini" else entropy_nats
    n = len(y)
    return impurity(y) - (len(y_left) / n * impurity(y_left) + len(y_right) / n * impurity(y_right))


def hinge_loss_mean(w, X, y, C):
    """The SVM objective with the hinge terms averaged over N instead of summed: ½‖w‖² + C mean(...)."""
    margin = y * (X @ w)
    loss = 0.5 * np.sum(w ** 2) + C * np.mean(np.maximum(0, 1 - margin))
    dw = w - C * X.T @ (y * (margin < 1)) / len(X)
    return loss, dw


def rbf_kernel_sigma(X, Y, gamma):
    """The Gaussian kernel with gamma read as the width σ: exp(-‖x - y‖² / (2σ²))."""
    sqdist = np.sum((X[:, None, :] - Y[None, :, :]) ** 2, axis=2)
    return np.exp(-sqdist / (2 * gamma ** 2))


def gradient_boosting_step_unhalved(X, y, F, lr):
    """A boosting step fitting 2(y - F), the negative gradient of (y - F)² without the ½."""
    from reference.trees import Stump

    return F + lr * Stump().fit(X, 2 * (y - F)).predict(X)


def gradient_boosting_unhalved(X, y, n_rounds, lr):
    """gradient_boosting built on gradient_boosting_step_unhalved."""
    F = np.full(len(y), y.mean())
    for _ in range(n_rounds):
        F = gradient_boosting_step_unhalved(X, y, F, lr)
    return F
