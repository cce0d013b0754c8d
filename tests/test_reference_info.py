"""reference.info against SciPy (scipy.stats.entropy, scipy.spatial.distance.jensenshannon) and hand-derived values."""
import numpy as np
import pytest
from scipy.spatial.distance import jensenshannon
from scipy.stats import entropy as scipy_entropy

from reference import info, info_conventions


def _probs(rng, shape):
    x = rng.normal(size=shape)
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


@pytest.fixture
def pq():
    rng = np.random.default_rng(0)
    return _probs(rng, (6, 5)), _probs(rng, (6, 5))


def test_self_information_hand_values():
    # 3 coin flips with 3 outcomes of 8: -ln(3/8); a certain event carries 0.
    np.testing.assert_allclose(info.self_information(np.array([1.0, 0.375, 0.5])),
                               [0.0, -np.log(0.375), np.log(2)])
    np.testing.assert_allclose(info_conventions.self_information_bits(np.array([0.375])), [-np.log2(0.375)])


def test_entropy_matches_scipy(pq):
    p, _ = pq
    np.testing.assert_allclose(info.entropy(p), scipy_entropy(p, axis=-1), rtol=1e-5)
    np.testing.assert_allclose(info.entropy(p[0]), scipy_entropy(p[0]), rtol=1e-5)
    np.testing.assert_allclose(info_conventions.entropy_bits(p), scipy_entropy(p, base=2, axis=-1), rtol=1e-5)


def test_entropy_zero_probability_and_uniform():
    p = np.array([[0.25, 0.25, 0.25, 0.25], [0.5, 0.5, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0]])
    np.testing.assert_allclose(info.entropy(p), [np.log(4), np.log(2), 0.0], atol=1e-6)
    assert np.all(np.isfinite(info.entropy(p)))


def test_kl_matches_scipy_and_is_asymmetric(pq):
    p, q = pq
    np.testing.assert_allclose(info.kl_divergence(p, q), scipy_entropy(p, q, axis=-1), rtol=1e-4)
    assert not np.allclose(info.kl_divergence(p, q), info.kl_divergence(q, p))
    np.testing.assert_allclose(info.kl_divergence(p, p), 0.0, atol=1e-12)


def test_cross_entropy_is_entropy_plus_kl(pq):
    p, q = pq
    np.testing.assert_allclose(info.cross_entropy_dist(p, q),
                               scipy_entropy(p, axis=-1) + scipy_entropy(p, q, axis=-1), rtol=1e-5)
    # one-hot p: the book's cross-entropy error -log q[t]
    t = np.eye(5)[[2]]
    np.testing.assert_allclose(info.cross_entropy_dist(t, q[:1]), -np.log(q[0, 2]), rtol=1e-5)


def test_js_matches_scipy_squared(pq):
    p, q = pq
    np.testing.assert_allclose(info.js_divergence(p, q), jensenshannon(p, q, axis=-1) ** 2, rtol=1e-4)
    np.testing.assert_allclose(info_conventions.js_distance(p, q), jensenshannon(p, q, axis=-1), rtol=1e-4)
    np.testing.assert_allclose(info_conventions.js_divergence_bits(p, q), jensenshannon(p, q, base=2, axis=-1) ** 2,
                               rtol=1e-4)
    np.testing.assert_allclose(info.js_divergence(p, q), info.js_divergence(q, p), rtol=1e-12)


def test_js_disjoint_supports_is_log2():
    p, q = np.array([1.0, 0.0, 0.0]), np.array([0.0, 0.5, 0.5])
    np.testing.assert_allclose(info.js_divergence(p, q), np.log(2), rtol=1e-5)


def test_kl_bits_and_cross_entropy_bits_match_scipy(pq):
    p, q = pq
    np.testing.assert_allclose(info_conventions.kl_divergence_bits(p, q), scipy_entropy(p, q, base=2, axis=-1),
                               rtol=1e-4)
    np.testing.assert_allclose(info_conventions.cross_entropy_dist_bits(p, q),
                               info.cross_entropy_dist(p, q) / np.log(2), rtol=1e-6)


def test_float32_stays_float32(pq):
    p, q = (a.astype(np.float32) for a in pq)
    for value in (info.entropy(p), info.cross_entropy_dist(p, q), info.kl_divergence(p, q),
                  info.js_divergence(p, q), info.self_information(p)):
        assert value.dtype == np.float32


TABLE = np.array([[0.1, 0.0, 0.05, 0.15], [0.05, 0.2, 0.0, 0.05], [0.1, 0.05, 0.2, 0.05]])


def test_joint_entropy_is_the_entropy_of_the_flattened_table():
    np.testing.assert_allclose(info.joint_entropy(TABLE), scipy_entropy(TABLE.ravel()), rtol=1e-5)
    np.testing.assert_allclose(info_conventions.joint_entropy_bits(TABLE), scipy_entropy(TABLE.ravel(), base=2),
                               rtol=1e-5)
    # independent X, Y: H(X, Y) = H(X) + H(Y)
    px, py = np.array([0.3, 0.7]), np.array([0.5, 0.2, 0.3])
    np.testing.assert_allclose(info.joint_entropy(np.outer(px, py)), scipy_entropy(px) + scipy_entropy(py),
                               rtol=1e-5)


def test_cond_entropy_is_the_weighted_row_entropy():
    px = TABLE.sum(axis=1)
    by_rows = sum(px[i] * scipy_entropy(TABLE[i] / px[i]) for i in range(len(px)))  # Σ_x p(x) H(Y | X = x)
    np.testing.assert_allclose(info.cond_entropy(TABLE), by_rows, rtol=1e-5)
    py = TABLE.sum(axis=0)
    by_cols = sum(py[j] * scipy_entropy(TABLE[:, j] / py[j]) for j in range(len(py)))
    np.testing.assert_allclose(info_conventions.cond_entropy_given_columns(TABLE), by_cols, rtol=1e-5)
    np.testing.assert_allclose(info_conventions.cond_entropy_bits(TABLE), by_rows / np.log(2), rtol=1e-5)
    # independent: H(Y | X) = H(Y); Y a function of X: 0
    np.testing.assert_allclose(info.cond_entropy(np.outer([0.3, 0.7], [0.5, 0.2, 0.3])),
                               scipy_entropy([0.5, 0.2, 0.3]), rtol=1e-5)
    np.testing.assert_allclose(info.cond_entropy(np.diag([0.2, 0.5, 0.3])), 0.0, atol=1e-5)


def test_mutual_info_matches_sklearn_and_entropies():
    from sklearn.metrics import mutual_info_score

    # sklearn takes a contingency table of counts and returns nats
    counts = np.round(TABLE * 1000)
    np.testing.assert_allclose(info.mutual_info(TABLE), mutual_info_score(None, None, contingency=counts), rtol=1e-4)
    hx, hy = scipy_entropy(TABLE.sum(axis=1)), scipy_entropy(TABLE.sum(axis=0))
    np.testing.assert_allclose(info.mutual_info(TABLE), hx + hy - scipy_entropy(TABLE.ravel()), rtol=1e-4)
    np.testing.assert_allclose(info.mutual_info(TABLE), hy - info.cond_entropy(TABLE), rtol=1e-4)
    np.testing.assert_allclose(info.mutual_info(TABLE.T), info.mutual_info(TABLE), rtol=1e-6)  # symmetric
    np.testing.assert_allclose(info.mutual_info(np.outer([0.3, 0.7], [0.5, 0.2, 0.3])), 0.0, atol=1e-6)
    np.testing.assert_allclose(info_conventions.mutual_info_bits(TABLE), info.mutual_info(TABLE) / np.log(2),
                               rtol=1e-6)
