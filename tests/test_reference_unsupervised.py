"""reference.unsupervised against scikit-learn (PCA, KMeans with the given initial centres, n_init=1)."""
import numpy as np
import pytest
from sklearn.decomposition import PCA

from reference import unsupervised


def _align(a, b):
    """b with each column's sign matched to a's."""
    return b * np.where(np.sum(a * b, axis=0) >= 0, 1.0, -1.0)


@pytest.mark.parametrize("seed, n, d, k", [(0, 40, 5, 3), (1, 25, 4, 4), (2, 100, 6, 1), (3, 10, 3, 2)])
def test_pca_matches_sklearn(seed, n, d, k):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, d)) @ rng.standard_normal((d, d)) + rng.normal(0, 3, size=d)
    Z, ratio = unsupervised.pca(X, k)
    sk = PCA(n_components=k, svd_solver="full").fit(X)
    np.testing.assert_allclose(ratio, sk.explained_variance_ratio_, rtol=1e-10)
    np.testing.assert_allclose(Z, _align(Z, sk.transform(X)), rtol=1e-8, atol=1e-10)


def test_pca_ratios_sum_to_one_and_do_not_depend_on_n_or_n_minus_1():
    rng = np.random.default_rng(4)
    X = rng.standard_normal((30, 4)) * np.array([3.0, 2.0, 1.0, 0.5])
    Z, ratio = unsupervised.pca(X, 4)
    assert ratio.sum() == pytest.approx(1.0)
    assert np.all(np.diff(ratio) <= 0)
    w = np.linalg.eigvalsh(np.cov(X, rowvar=False, bias=True))[::-1]  # divided by N
    np.testing.assert_allclose(ratio, w / w.sum(), rtol=1e-10)
    # the projections' variances are the eigenvalues (N - 1 convention)
    np.testing.assert_allclose(Z.var(axis=0, ddof=1), np.linalg.eigvalsh(np.cov(X, rowvar=False))[::-1], rtol=1e-10)


def _blobs(seed, k, d, per):
    rng = np.random.default_rng(seed)
    means = rng.normal(0, 4, size=(k, d))
    return np.concatenate([m + rng.standard_normal((per, d)) for m in means]), means


@pytest.mark.parametrize("seed, k, d, iters", [(0, 3, 2, 1), (1, 4, 3, 2), (2, 3, 2, 50), (3, 5, 4, 3)])
def test_kmeans_matches_sklearn_from_the_same_initial_centres(seed, k, d, iters):
    from sklearn.cluster import KMeans

    X, _ = _blobs(seed, k, d, 20)
    init = X[np.random.default_rng(seed + 10).choice(len(X), k, replace=False)].copy()
    before = init.copy()
    centers, labels = unsupervised.kmeans(X, init, iters)
    np.testing.assert_array_equal(init, before)  # the initial centres are left unchanged
    sk = KMeans(n_clusters=k, init=init, n_init=1, max_iter=iters, tol=0.0, algorithm="lloyd").fit(X)
    np.testing.assert_allclose(centers, sk.cluster_centers_, rtol=1e-10, atol=1e-12)
    np.testing.assert_array_equal(labels, sk.labels_)


def test_kmeans_assign_by_a_plain_loop():
    rng = np.random.default_rng(5)
    X, C = rng.standard_normal((30, 3)), rng.standard_normal((4, 3))
    expected = [min(range(4), key=lambda j: sum((X[i] - C[j]) ** 2)) for i in range(30)]
    np.testing.assert_array_equal(unsupervised.kmeans_assign(X, C), expected)


def test_kmeans_one_round_by_hand():
    X = np.array([[0.0, 0.0], [1.0, 0.0], [10.0, 0.0], [11.0, 2.0]])
    centers, labels = unsupervised.kmeans(X, np.array([[0.0, 0.0], [5.0, 0.0]]), 1)
    # first assignment: [0, 0, 1, 1] -> centres (0.5, 0) and (10.5, 1)
    np.testing.assert_allclose(centers, [[0.5, 0.0], [10.5, 1.0]])
    np.testing.assert_array_equal(labels, [0, 0, 1, 1])
