"""reference.bayes against hand-derived values and a plainly written loop (and scikit-learn for naive Bayes)."""
import numpy as np
import pytest

from reference import bayes


def test_posterior_disease_test_by_hand():
    post = bayes.posterior(np.array([0.01, 0.99]), np.array([0.95, 0.1]))
    np.testing.assert_allclose(post[0], 0.95 * 0.01 / (0.95 * 0.01 + 0.1 * 0.99))
    np.testing.assert_allclose(post.sum(), 1.0)


def test_posterior_batch_matches_a_loop_and_map():
    rng = np.random.default_rng(0)
    prior = rng.dirichlet(np.ones(4))
    lik = rng.uniform(0.05, 0.95, size=(6, 4))
    post = bayes.posterior(prior, lik)
    for n in range(6):
        evidence = sum(lik[n, k] * prior[k] for k in range(4))
        np.testing.assert_allclose(post[n], [lik[n, k] * prior[k] / evidence for k in range(4)])
    np.testing.assert_array_equal(bayes.map_estimate(prior, lik), post.argmax(axis=1))
    assert bayes.map_estimate(np.array([0.9, 0.1]), np.array([0.3, 0.6])) == 0  # ML would say 1
