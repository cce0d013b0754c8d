"""reference/autoregressive.py: the log-likelihood against torch.distributions.Categorical, the sampler against
torch.searchsorted (inverse transform) and against the table it samples from (empirical frequencies)."""
import numpy as np
import pytest
from gradcheck import close

from reference.autoregressive import ar_loglik, ar_sample


@pytest.fixture
def torch():
    return pytest.importorskip("torch")


def _table(rng, V):
    e = np.exp(rng.standard_normal((V, V)))
    return e / e.sum(axis=1, keepdims=True)


@pytest.mark.torch
def test_loglik_vs_torch_categorical(torch):
    rng = np.random.default_rng(0)
    P = _table(rng, 5)
    x0, x = rng.integers(0, 5, 4), rng.integers(0, 5, (4, 7))
    prev = torch.tensor(np.concatenate([x0[:, None], x[:, :-1]], axis=1))
    dist = torch.distributions.Categorical(probs=torch.tensor(P)[prev])
    close(ar_loglik(P, x0, x), dist.log_prob(torch.tensor(x)).sum(dim=1).numpy())


@pytest.mark.torch
def test_sample_vs_torch_searchsorted(torch):
    rng = np.random.default_rng(1)
    P = _table(rng, 6)
    x0, u = rng.integers(0, 6, 3), rng.random((3, 9))
    cdf = torch.cumsum(torch.tensor(P), dim=1)
    expected = np.zeros((3, 9), dtype=np.int64)
    for n in range(3):
        prev = int(x0[n])
        for t in range(9):
            prev = int(torch.searchsorted(cdf[prev], torch.tensor([u[n, t]]), right=True))
            expected[n, t] = prev
    np.testing.assert_array_equal(ar_sample(P, x0, u), expected)


def test_sample_hand_values_and_frequencies():
    P = np.array([[0.0, 0.5, 0.5], [1.0, 0.0, 0.0], [0.25, 0.25, 0.5]])
    # From 0: u = 0.3 < 0.5 picks 1; from 1, token 0 always; from 0, u = 0.7 picks 2; from 2, u = 0.49 picks 1.
    np.testing.assert_array_equal(ar_sample(P, np.array([0]), np.array([[0.3, 0.9, 0.7, 0.49]])), [[1, 0, 2, 1]])
    rng = np.random.default_rng(2)
    x = ar_sample(P, np.full(20000, 2), rng.random((20000, 1)))
    np.testing.assert_allclose(np.bincount(x[:, 0], minlength=3) / 20000, P[2], atol=0.015)


def test_loglik_hand_value():
    P = np.array([[0.1, 0.9], [0.6, 0.4]])
    close(ar_loglik(P, np.array([0]), np.array([[1, 1, 0]])), [np.log(0.9 * 0.4 * 0.6)])
