"""Classical supervised learning and pattern recognition: distances, k-nearest neighbours, least squares and Ridge,
the Lasso's soft-thresholding, logistic regression, and the SVM's hinge loss and RBF kernel.

Vectors x, y: (D,); data X: (N, D) one sample per row; weights w: (D,).
"""
import numpy as np

from reference.functions import sigmoid


# ------------------------------------------------------------------------------------------------------- distances
def minkowski(x, y, p):
    """Minkowski (Lp) distance: p = 1 Manhattan, p = 2 Euclidean.  x, y: (D,). Returns a float."""
    return np.sum(np.abs(x - y) ** p) ** (1 / p)


def cosine_distance(x, y):
    """1 - cosine similarity.  x, y: (D,), neither zero. Returns a float in [0, 2]."""
    cos_sim = x @ y / (np.linalg.norm(x) * np.linalg.norm(y))
    return 1 - cos_sim


def mahalanobis(x, y, cov):
    """Mahalanobis distance sqrt((x - y)ᵀ Σ⁻¹ (x - y)).  x, y: (D,), cov: (D, D) symmetric positive definite."""
    d = x - y
    return np.sqrt(d @ np.linalg.inv(cov) @ d)


# ------------------------------------------------------------------------------------------ k-nearest neighbours
def knn_predict(X_train, y_train, X, k):
    """k-nearest-neighbour classification by majority vote (Euclidean distance).

    X_train: (N, D), y_train: (N,) integer labels, X: (M, D) queries, k: number of neighbours.
    Returns y: (M,) int, the most frequent label among each query's k nearest training samples; a tied vote goes
    to the smallest label (np.bincount(...).argmax(), as scikit-learn's KNeighborsClassifier).
    """
    dist = np.sum((X[:, None, :] - X_train[None, :, :]) ** 2, axis=2)   # (M, N)
    nearest = np.argsort(dist, axis=1)[:, :k]                           # (M, k)
    y = np.zeros(len(X), dtype=np.int64)
    for i in range(len(X)):
        y[i] = np.bincount(y_train[nearest[i]]).argmax()
    return y


# ------------------------------------------------------------------------------------------- least squares, Ridge
def ridge_fit(X, y, lam):
    """Ridge regression (least squares when lam = 0) in closed form, the bias not penalised.

    X: (N, D), y: (N,), lam: the L2 penalty λ >= 0.
    Returns w: (D + 1,), w[0] the bias and w[1:] the weights, minimising ‖y - b - X w‖² + λ‖w‖²:
    w = (Xbᵀ Xb + λ I')⁻¹ Xbᵀ y with Xb = [1, X] and I' the identity whose bias entry is 0.
    """
    Xb = np.hstack([np.ones((len(X), 1)), X])      # (N, D + 1), the bias column first
    I = np.eye(Xb.shape[1])
    I[0, 0] = 0                                     # the bias is not penalised
    w = np.linalg.solve(Xb.T @ Xb + lam * I, Xb.T @ y)
    return w


# ------------------------------------------------------------------------------------------ logistic regression
def logreg_loss_grad(w, X, y):
    """Logistic regression: the mean binary cross-entropy and its gradient.

    w: (D,), X: (N, D) (a column of ones in X if a bias is wanted), y: (N,) labels 0 / 1.
    Returns (loss, dw): loss a float, the mean over the N samples of -[y log p + (1 - y) log(1 - p)] with
    p = sigmoid(X w); dw: (D,) its gradient Xᵀ (p - y) / N.
    """
    N = len(X)
    p = sigmoid(X @ w)
    loss = -np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)) / N
    dw = X.T @ (p - y) / N
    return loss, dw


def log_odds(p):
    """The logit log(p / (1 - p)), the inverse of the sigmoid.  p: any shape, in (0, 1)."""
    odds = p / (1 - p)
    return np.log(odds)


# ---------------------------------------------------------------------------------------------------------- Lasso
def soft_threshold(z, lam):
    """The soft-thresholding operator S(z, λ) = sign(z) max(|z| - λ, 0), the proximal step of λ|w|.

    z: any shape, lam >= 0. Returns an array of the shape of z.
    """
    return np.sign(z) * np.maximum(np.abs(z) - lam, 0)


def lasso_cd(X, y, lam, iters):
    """Lasso by cyclic coordinate descent from w = 0, minimising ‖y - Xw‖² / (2N) + λ‖w‖₁ (no intercept).

    X: (N, D), y: (N,), lam: λ >= 0, iters: number of sweeps over the coordinates j = 0 .. D-1, each coordinate
    updated in place with the others fixed at their newest values. Returns w: (D,).
    """
    N, D = X.shape
    w = np.zeros(D)
    for _ in range(iters):
        for j in range(D):
            r = y - X @ w + X[:, j] * w[j]              # the residual without feature j
            rho = X[:, j] @ r / N
            w[j] = soft_threshold(rho, lam) / (X[:, j] @ X[:, j] / N)
    return w


# ------------------------------------------------------------------------------------------------------------ SVM
def hinge_loss(w, X, y, C):
    """The soft-margin linear SVM's primal objective ½‖w‖² + C Σ_n max(0, 1 - y_n x_n·w) and a subgradient.

    w: (D,), X: (N, D) (no separate bias), y: (N,) labels -1 / +1, C > 0.
    Returns (loss, dw): loss a float, dw: (D,) = w - C Σ_{n: margin < 1} y_n x_n.
    """
    margin = y * (X @ w)                               # (N,) functional margins
    loss = 0.5 * np.sum(w ** 2) + C * np.sum(np.maximum(0, 1 - margin))
    violated = margin < 1                              # inside the margin or misclassified
    dw = w - C * X.T @ (y * violated)
    return loss, dw


def rbf_kernel(X, Y, gamma):
    """The RBF (Gaussian) kernel matrix K[i, j] = exp(-γ ‖x_i - y_j‖²), scikit-learn's gamma convention.

    X: (N, D), Y: (M, D), gamma > 0. Returns K: (N, M).
    """
    sqdist = np.sum((X[:, None, :] - Y[None, :, :]) ** 2, axis=2)    # (N, M)
    return np.exp(-gamma * sqdist)
