"""reference.explain_models: Shapley values against the average over all orderings (written out here) and their
axioms; LIME against scikit-learn's Ridge with sample_weight and the paper's kernel written by hand."""
from itertools import permutations

import numpy as np
import pytest
from sklearn.linear_model import Ridge

from reference import explain_conventions, explain_models


def log_sum_exp(x):
    return np.log(np.sum(np.exp(x)))


def product_model(x):
    return x[0] * x[1] * x[2] + np.tanh(x[2]) * x[0] - 0.5 * x[-1]   # a 3-way interaction (Banzhaf != Shapley)


def shapley_by_orderings(f, x, baseline):
    M = len(x)
    phi = np.zeros(M)
    orders = list(permutations(range(M)))
    for order in orders:
        z = baseline.copy()
        for i in order:
            before = f(z)
            z[i] = x[i]
            phi[i] += f(z) - before
    return phi / len(orders)


@pytest.mark.parametrize("f", [log_sum_exp, product_model])
@pytest.mark.parametrize("seed, m", [(0, 3), (1, 4), (2, 5)])
def test_shapley_values_match_the_average_over_orderings_and_are_efficient(f, seed, m):
    rng = np.random.default_rng(seed)
    x, baseline = rng.normal(0, 2, m), rng.standard_normal(m)
    phi = explain_models.shapley_values(f, x, baseline)
    np.testing.assert_allclose(phi, shapley_by_orderings(f, x, baseline), rtol=1e-10, atol=1e-12)
    assert phi.sum() == pytest.approx(f(x) - f(baseline))


def test_shapley_values_of_an_additive_model_are_its_terms_and_banzhaf_differs_with_interactions():
    rng = np.random.default_rng(3)
    x, b = rng.standard_normal(4), rng.standard_normal(4)
    np.testing.assert_allclose(explain_models.shapley_values(lambda z: np.sum(z ** 2), x, b), x ** 2 - b ** 2)
    assert not np.allclose(explain_conventions.banzhaf_values(product_model, x, b),
                           explain_models.shapley_values(product_model, x, b))


@pytest.mark.parametrize("seed, m, s, width, lam", [(0, 4, 30, 0.75, 1.0), (1, 6, 50, 1.5, 0.1), (2, 3, 20, 1.0, 2.0)])
def test_lime_matches_sklearn_weighted_ridge(seed, m, s, width, lam):
    rng = np.random.default_rng(seed)
    x, baseline = rng.normal(0, 2, m), rng.standard_normal(m)
    Z = (rng.random((s, m)) < 0.6).astype(float)
    coef = explain_models.lime_explain(log_sum_exp, x, baseline, Z, width, lam)
    y = np.array([log_sum_exp(np.where(z == 1, x, baseline)) for z in Z])
    weights = np.exp(-np.sum(1 - Z, axis=1) / width ** 2)     # ‖1 - z‖² is the number of removed features
    sk = Ridge(alpha=lam, fit_intercept=True, solver="cholesky").fit(Z, y, sample_weight=weights)
    np.testing.assert_allclose(coef, sk.coef_, rtol=1e-8, atol=1e-12)
    # the lime package's kernel sqrt(exp(-d²/σ²)) is the paper's with σ·sqrt(2)
    sk_sqrt = Ridge(alpha=lam, solver="cholesky").fit(Z, y, sample_weight=np.sqrt(weights))
    np.testing.assert_allclose(explain_conventions.lime_explain_sqrt_kernel(log_sum_exp, x, baseline, Z, width, lam),
                               sk_sqrt.coef_, rtol=1e-8, atol=1e-12)


def test_lime_recovers_a_linear_model_in_the_mask_space_exactly_without_penalty():
    rng = np.random.default_rng(4)
    x, baseline = rng.standard_normal(3), np.zeros(3)
    a = np.array([2.0, -1.0, 0.5])
    Z = (rng.random((40, 3)) < 0.5).astype(float)
    coef = explain_models.lime_explain(lambda z: a @ z + 3.0, x, baseline, Z, 1.0, 0.0)
    np.testing.assert_allclose(coef, a * x, rtol=1e-10)   # a_j x_j is feature j's effect of being kept
