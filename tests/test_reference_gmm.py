"""reference.gmm against scikit-learn's GaussianMixture (one EM iteration from given parameters) and SciPy."""
import warnings

import numpy as np
import pytest
from scipy import stats

from reference import gmm


@pytest.fixture
def problem():
    rng = np.random.default_rng(0)
    xs = np.vstack([rng.normal([0, 0], 1.0, (15, 2)), rng.normal([3, 2], 0.7, (10, 2))])
    phis = np.array([0.4, 0.6])
    mus = np.array([[0.5, 0.2], [2.0, 2.5]])
    covs = np.array([np.eye(2), [[1.0, 0.3], [0.3, 0.8]]])
    return xs, phis, mus, covs


def test_e_step_matches_scipy_densities(problem):
    xs, phis, mus, covs = problem
    dens = np.stack([phis[k] * stats.multivariate_normal(mus[k], covs[k]).pdf(xs) for k in range(2)], axis=1)
    np.testing.assert_allclose(gmm.e_step(xs, phis, mus, covs), dens / dens.sum(axis=1, keepdims=True), rtol=1e-10)
    np.testing.assert_allclose(gmm.gmm(xs[0], phis, mus, covs), dens[0].sum(), rtol=1e-10)


def test_em_step_matches_sklearn_one_iteration(problem):
    from sklearn.mixture import GaussianMixture

    xs, phis, mus, covs = problem
    g = GaussianMixture(2, covariance_type="full", weights_init=phis, means_init=mus,
                        precisions_init=np.linalg.inv(covs), max_iter=1, reg_covar=0.0, tol=0.0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # one iteration does not converge
        g.fit(xs)
    new_phis, new_mus, new_covs = gmm.em_step(xs, phis, mus, covs)
    np.testing.assert_allclose(new_phis, g.weights_, rtol=1e-10)
    np.testing.assert_allclose(new_mus, g.means_, rtol=1e-10)
    np.testing.assert_allclose(new_covs, g.covariances_, rtol=1e-10)


def test_em_never_decreases_the_log_likelihood(problem):
    xs, params = problem[0], problem[1:]

    def loglik(phis, mus, covs):
        return sum(np.log(gmm.gmm(x, phis, mus, covs)) for x in xs)

    before = loglik(*params)
    for _ in range(5):
        params = gmm.em_step(xs, *params)
        after = loglik(*params)
        assert after >= before - 1e-9
        before = after
    np.testing.assert_allclose(params[0].sum(), 1.0)
