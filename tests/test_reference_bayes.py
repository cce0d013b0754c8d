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


@pytest.mark.parametrize("alpha", [1.0, 0.5])
def test_naive_bayes_matches_sklearn_multinomial_nb(alpha):
    from sklearn.naive_bayes import MultinomialNB

    rng = np.random.default_rng(1)
    X = rng.integers(0, 4, size=(30, 6))
    y = np.array([0, 1, 2] * 8 + [0] * 6)
    log_prior, log_lik = bayes.nb_fit(X, y, 3, alpha=alpha)
    nb = MultinomialNB(alpha=alpha).fit(X, y)
    np.testing.assert_allclose(log_prior, nb.class_log_prior_, rtol=1e-12)
    np.testing.assert_allclose(log_lik, nb.feature_log_prob_, rtol=1e-12)
    X_test = rng.integers(0, 5, size=(20, 6))
    np.testing.assert_array_equal(bayes.nb_predict(X_test, log_prior, log_lik), nb.predict(X_test))


def test_naive_bayes_posterior_is_bayes_rule():
    # exp(scores) normalised is Bayes' rule with the naive likelihood Π_v P(v | c)^x_v
    log_prior = np.log([0.7, 0.3])
    lik = np.array([[0.5, 0.3, 0.2], [0.1, 0.3, 0.6]])
    x = np.array([[1, 0, 2]])
    naive = np.prod(lik ** x, axis=1)
    post = bayes.posterior(np.exp(log_prior), naive)
    assert bayes.nb_predict(x, log_prior, np.log(lik))[0] == np.argmax(post)
