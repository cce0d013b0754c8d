"""reference.classical against SciPy and scikit-learn: scipy.spatial.distance, sklearn.metrics.pairwise_distances,
KNeighborsClassifier, Ridge, Lasso, LogisticRegression's loss, hinge loss and rbf_kernel."""
import numpy as np
import pytest
from scipy.spatial import distance as sd

from reference import classical, classical_conventions


@pytest.fixture(params=[0, 1, 2])
def pair(request):
    rng = np.random.default_rng(request.param)
    return rng.standard_normal(5), rng.standard_normal(5)


@pytest.mark.parametrize("p", [1, 2, 3, 1.5])
def test_minkowski_matches_scipy(pair, p):
    x, y = pair
    assert classical.minkowski(x, y, p) == pytest.approx(sd.minkowski(x, y, p), rel=1e-12)


def test_manhattan_and_euclidean_match_sklearn_pairwise_distances(pair):
    from sklearn.metrics import pairwise_distances

    x, y = pair
    assert classical.minkowski(x, y, 1) == pytest.approx(pairwise_distances([x], [y], metric="manhattan")[0, 0])
    assert classical.minkowski(x, y, 2) == pytest.approx(pairwise_distances([x], [y], metric="euclidean")[0, 0])
    assert classical.cosine_distance(x, y) == pytest.approx(pairwise_distances([x], [y], metric="cosine")[0, 0])


def test_cosine_distance_matches_scipy(pair):
    x, y = pair
    assert classical.cosine_distance(x, y) == pytest.approx(sd.cosine(x, y), rel=1e-12)
    assert classical.cosine_distance(x, 3 * x) == pytest.approx(0.0, abs=1e-12)
    assert classical.cosine_distance(x, -x) == pytest.approx(2.0)


def test_mahalanobis_matches_scipy_with_the_inverse_covariance(pair):
    x, y = pair
    rng = np.random.default_rng(7)
    A = rng.standard_normal((5, 5))
    cov = A @ A.T + 0.5 * np.eye(5)
    assert classical.mahalanobis(x, y, cov) == pytest.approx(sd.mahalanobis(x, y, np.linalg.inv(cov)), rel=1e-10)
    assert classical.mahalanobis(x, y, np.eye(5)) == pytest.approx(sd.euclidean(x, y))
    assert classical_conventions.squared_mahalanobis(x, y, cov) == pytest.approx(classical.mahalanobis(x, y, cov) ** 2)
    assert classical_conventions.cosine_similarity(x, y) == pytest.approx(1 - sd.cosine(x, y))


@pytest.mark.parametrize("seed, k, classes", [(0, 1, 3), (1, 3, 2), (2, 5, 4), (3, 4, 3), (4, 6, 2)])
def test_knn_predict_matches_sklearn(seed, k, classes):
    from sklearn.neighbors import KNeighborsClassifier

    rng = np.random.default_rng(seed)
    X_train, X = rng.standard_normal((40, 3)), rng.standard_normal((25, 3))
    y_train = rng.integers(0, classes, 40)
    y_train[:classes] = np.arange(classes)  # every class present, so sklearn's classes_ are 0 .. classes-1
    sk = KNeighborsClassifier(n_neighbors=k, algorithm="brute").fit(X_train, y_train)
    np.testing.assert_array_equal(classical.knn_predict(X_train, y_train, X, k), sk.predict(X))


def test_knn_predict_tied_vote_goes_to_the_smallest_label_as_sklearn():
    from sklearn.neighbors import KNeighborsClassifier

    X_train = np.array([[1.0, 0.0], [0.0, 2.1], [-3.0, 0.2], [0.1, -4.0], [9.0, 9.0], [-8.0, 7.0]])
    y_train = np.array([1, 0, 1, 0, 2, 2])
    X = np.array([[0.0, 0.0], [8.5, 8.0]])
    sk = KNeighborsClassifier(n_neighbors=4, algorithm="brute").fit(X_train, y_train)
    np.testing.assert_array_equal(classical.knn_predict(X_train, y_train, X, 4), [0, 1])
    np.testing.assert_array_equal(sk.predict(X), [0, 1])
    np.testing.assert_array_equal(classical_conventions.knn_predict_ties_to_nearest(X_train, y_train, X, 4), [1, 1])


@pytest.mark.parametrize("seed, n, d, lam", [(0, 30, 4, 2.0), (1, 12, 5, 50.0), (2, 8, 1, 0.5), (3, 5, 8, 1.0)])
def test_ridge_fit_matches_sklearn_ridge_with_an_unpenalised_intercept(seed, n, d, lam):
    from sklearn.linear_model import Ridge

    rng = np.random.default_rng(seed)
    X, y = rng.standard_normal((n, d)) + 1.0, rng.standard_normal(n) * 2 + 10
    w = classical.ridge_fit(X, y, lam)
    sk = Ridge(alpha=lam, fit_intercept=True, solver="cholesky").fit(X, y)
    assert w[0] == pytest.approx(sk.intercept_, rel=1e-9)
    np.testing.assert_allclose(w[1:], sk.coef_, rtol=1e-9, atol=1e-12)


def test_ridge_fit_with_lam_0_is_least_squares_and_bias_penalised_differs():
    rng = np.random.default_rng(4)
    X, y = rng.standard_normal((20, 3)), rng.standard_normal(20) - 2
    Xb = np.c_[np.ones(20), X]
    np.testing.assert_allclose(classical.ridge_fit(X, y, 0.0), np.linalg.lstsq(Xb, y, rcond=None)[0], rtol=1e-10)
    assert not np.allclose(classical_conventions.ridge_fit_bias_penalised(X, y, 5.0), classical.ridge_fit(X, y, 5.0))


@pytest.mark.parametrize("seed, n, d", [(0, 20, 3), (1, 1, 4), (2, 50, 5)])
def test_logreg_loss_and_gradient_match_torch_autograd(seed, n, d):
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(seed)
    w, X, y = rng.standard_normal(d), rng.standard_normal((n, d)), rng.integers(0, 2, n).astype(np.float64)
    loss, dw = classical.logreg_loss_grad(w, X, y)
    tw = torch.tensor(w, requires_grad=True)
    tloss = torch.nn.functional.binary_cross_entropy_with_logits(torch.tensor(X) @ tw, torch.tensor(y))  # mean
    tloss.backward()
    assert loss == pytest.approx(tloss.item(), rel=1e-12)
    np.testing.assert_allclose(dw, tw.grad.numpy(), rtol=1e-10, atol=1e-14)


def test_logreg_loss_matches_sklearn_log_loss():
    from sklearn.metrics import log_loss

    rng = np.random.default_rng(3)
    w, X, y = rng.standard_normal(3), rng.standard_normal((30, 3)), rng.integers(0, 2, 30)
    p = 1 / (1 + np.exp(-X @ w))
    assert classical.logreg_loss_grad(w, X, y)[0] == pytest.approx(log_loss(y, p, labels=[0, 1]), rel=1e-10)
    summed = classical_conventions.logreg_loss_grad_summed(w, X, y)
    assert summed[0] == pytest.approx(30 * classical.logreg_loss_grad(w, X, y)[0])


def test_log_odds_inverts_the_sigmoid():
    from scipy.special import logit

    z = np.linspace(-4, 4, 9)
    p = 1 / (1 + np.exp(-z))
    np.testing.assert_allclose(classical.log_odds(p), z, atol=1e-12)
    np.testing.assert_allclose(classical.log_odds(p), logit(p), rtol=1e-12, atol=1e-12)
    assert classical.log_odds(0.75) == pytest.approx(np.log(3))


def test_soft_threshold_by_hand():
    z = np.array([-2.5, -0.7, -0.2, 0.0, 0.3, 0.6, 1.9])
    np.testing.assert_allclose(classical.soft_threshold(z, 0.5), [-2.0, -0.2, 0.0, 0.0, 0.0, 0.1, 1.4], atol=1e-15)


@pytest.mark.parametrize("seed, n, d, lam", [(0, 30, 5, 0.1), (1, 12, 4, 0.3), (2, 50, 8, 0.05)])
def test_lasso_cd_converges_to_sklearn_lasso(seed, n, d, lam):
    from sklearn.linear_model import Lasso

    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, d))
    y = X @ np.where(rng.random(d) < 0.5, 0.0, rng.normal(0, 2, d)) + 0.3 * rng.standard_normal(n)
    sk = Lasso(alpha=lam, fit_intercept=False, tol=1e-14, max_iter=100000).fit(X, y)
    np.testing.assert_allclose(classical.lasso_cd(X, y, lam, 2000), sk.coef_, rtol=1e-7, atol=1e-10)


def test_lasso_cd_one_coordinate_is_the_closed_form_single_feature_lasso():
    rng = np.random.default_rng(5)
    x, y = rng.standard_normal((20, 1)), rng.standard_normal(20)
    # one feature: w = S(xᵀy / N, λ) / (xᵀx / N), reached in the first sweep and kept after
    expected = np.sign(x[:, 0] @ y) * max(abs(x[:, 0] @ y) / 20 - 0.05, 0) / (x[:, 0] @ x[:, 0] / 20)
    np.testing.assert_allclose(classical.lasso_cd(x, y, 0.05, 1), [expected])
    np.testing.assert_allclose(classical.lasso_cd(x, y, 0.05, 5), [expected])
    np.testing.assert_allclose(classical_conventions.lasso_cd_unscaled(x, y, 0.05 * 20, 5), [expected])


@pytest.mark.parametrize("seed, n, d, C", [(0, 12, 3, 1.0), (1, 30, 5, 0.1), (2, 8, 2, 10.0)])
def test_hinge_loss_and_subgradient_match_torch_autograd(seed, n, d, C):
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(seed)
    w, X = rng.standard_normal(d), rng.standard_normal((n, d))
    y = np.where(rng.random(n) < 0.5, -1.0, 1.0)
    assert np.all(np.abs(y * (X @ w) - 1) > 1e-6)  # no sample at the kink
    loss, dw = classical.hinge_loss(w, X, y, C)
    tw = torch.tensor(w, requires_grad=True)
    tloss = 0.5 * (tw ** 2).sum() + C * torch.relu(1 - torch.tensor(y) * (torch.tensor(X) @ tw)).sum()
    tloss.backward()
    assert loss == pytest.approx(tloss.item(), rel=1e-12)
    np.testing.assert_allclose(dw, tw.grad.numpy(), rtol=1e-12, atol=1e-14)
    mean_loss, _ = classical_conventions.hinge_loss_mean(w, X, y, C)
    assert mean_loss == pytest.approx(0.5 * w @ w + (loss - 0.5 * w @ w) / n)


def test_hinge_loss_matches_sklearn_hinge_loss():
    from sklearn.metrics import hinge_loss as sk_hinge

    rng = np.random.default_rng(4)
    w, X = rng.standard_normal(3), rng.standard_normal((20, 3))
    y = np.where(rng.random(20) < 0.5, -1, 1)
    loss, _ = classical.hinge_loss(w, X, y, 1.0)
    assert loss - 0.5 * w @ w == pytest.approx(20 * sk_hinge(y, X @ w))  # sklearn averages the hinge terms


@pytest.mark.parametrize("gamma", [0.5, 2.0])
def test_rbf_kernel_matches_sklearn(gamma):
    from sklearn.metrics.pairwise import rbf_kernel

    rng = np.random.default_rng(0)
    X, Y = rng.standard_normal((5, 3)), rng.standard_normal((4, 3))
    np.testing.assert_allclose(classical.rbf_kernel(X, Y, gamma), rbf_kernel(X, Y, gamma=gamma), rtol=1e-12)
    sigma = 1.3
    np.testing.assert_allclose(classical_conventions.rbf_kernel_sigma(X, Y, sigma),
                               rbf_kernel(X, Y, gamma=1 / (2 * sigma ** 2)), rtol=1e-12)
