"""reference.probability against SciPy (scipy.stats) and NumPy's own estimators."""
import numpy as np
import pytest
from scipy import stats

from reference import probability, probability_conventions


@pytest.fixture
def X():
    return np.random.default_rng(0).normal(loc=[1.0, -2.0, 0.5], scale=[1.0, 2.0, 0.3], size=(12, 3))


def test_gaussian_mle_is_the_biased_covariance(X):
    mu, cov = probability.gaussian_mle(X)
    np.testing.assert_allclose(mu, X.mean(axis=0))
    np.testing.assert_allclose(cov, np.cov(X, rowvar=False, bias=True))
    np.testing.assert_allclose(np.diag(cov), np.var(X, axis=0))
    _, unbiased = probability_conventions.gaussian_mle_unbiased(X)
    np.testing.assert_allclose(unbiased, np.cov(X, rowvar=False))


def test_gaussian_mle_maximises_the_likelihood(X):
    # The log-likelihood at the MLE is higher than at the unbiased covariance or at a perturbed mean.
    mu, cov = probability.gaussian_mle(X)
    _, unbiased = probability_conventions.gaussian_mle_unbiased(X)

    def loglik(m, c):
        return stats.multivariate_normal(m, c).logpdf(X).sum()

    best = loglik(mu, cov)
    assert best > loglik(mu, unbiased)
    assert best > loglik(mu + 0.05, cov)
    assert best > loglik(mu, cov * 1.05) and best > loglik(mu, cov * 0.95)
    # 1-D: scipy.stats.norm.fit is the MLE (divides by N)
    loc, scale = stats.norm.fit(X[:, 0])
    np.testing.assert_allclose([mu[0], cov[0, 0]], [loc, scale ** 2], rtol=1e-6)


def test_gaussian_pdf_matches_scipy_norm():
    x = np.linspace(-4, 5, 11).reshape(1, 11)
    np.testing.assert_allclose(probability.gaussian_pdf(x, 0.5, 2.0), stats.norm(0.5, 2.0).pdf(x), rtol=1e-12)
    np.testing.assert_allclose(probability.gaussian_pdf(0.0, 0.0, 1.0), 1 / np.sqrt(2 * np.pi))


def test_mvn_pdf_matches_scipy_multivariate_normal():
    rng = np.random.default_rng(4)
    B = rng.normal(size=(3, 3))
    cov = B @ B.T + 0.5 * np.eye(3)
    mu = rng.normal(size=3)
    for x in rng.normal(size=(5, 3)):
        np.testing.assert_allclose(probability.mvn_pdf(x, mu, cov), stats.multivariate_normal(mu, cov).pdf(x),
                                   rtol=1e-10)
    # D = 1 agrees with the univariate density (cov = sigma²)
    np.testing.assert_allclose(probability.mvn_pdf(np.array([1.3]), np.array([0.5]), np.array([[4.0]])),
                               probability.gaussian_pdf(1.3, 0.5, 2.0), rtol=1e-12)


def test_pmfs_match_scipy():
    x = np.array([0, 1, 1, 0, 1])
    np.testing.assert_allclose(probability.bernoulli_pmf(x, 0.3), stats.bernoulli(0.3).pmf(x), rtol=1e-12)
    for k, n, p in [(3, 10, 0.3), (0, 5, 0.2), (6, 8, 0.7), (8, 8, 0.4)]:
        np.testing.assert_allclose(probability.binomial_pmf(k, n, p), stats.binom(n, p).pmf(k), rtol=1e-12)
    np.testing.assert_allclose(probability.binomial_pmf(2, 3, 0.5), 3 / 8)  # 2 heads in 3 fair flips
    assert np.isclose(sum(probability.binomial_pmf(k, 9, 0.35) for k in range(10)), 1.0)
    p = np.array([0.2, 0.5, 0.3])
    onehot = np.eye(3)[[1, 0, 2, 1]]
    np.testing.assert_allclose(probability.categorical_pmf(onehot, p), stats.multinomial(1, p).pmf(onehot),
                               rtol=1e-12)
