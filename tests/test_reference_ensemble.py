"""reference.ensemble against SciPy (scipy.stats.mode), plainly written loops and AdaBoost's known properties."""
import math

import numpy as np
from scipy import stats

from reference import ensemble, ensemble_conventions


def test_soft_vote_is_the_argmax_of_the_mean_probability():
    rng = np.random.default_rng(0)
    probs = [rng.dirichlet(np.ones(4), size=7) for _ in range(3)]
    expected = [max(range(4), key=lambda c: sum(p[n, c] for p in probs) / 3) for n in range(7)]
    np.testing.assert_array_equal(ensemble.soft_vote(probs), expected)
    # soft and hard voting can disagree
    disagree = [np.array([[0.9, 0.1]]), np.array([[0.4, 0.6]]), np.array([[0.45, 0.55]])]
    assert ensemble.soft_vote(disagree)[0] == 0
    assert ensemble.hard_vote([p.argmax(axis=1) for p in disagree], 2)[0] == 1


def test_hard_vote_matches_scipy_mode_ties_to_smallest():
    rng = np.random.default_rng(1)
    preds = [rng.integers(0, 3, size=20) for _ in range(4)]  # 4 voters: many ties
    mode = stats.mode(np.stack(preds, axis=1), axis=1, keepdims=False).mode  # smallest among ties
    np.testing.assert_array_equal(ensemble.hard_vote(preds, 3), mode)


def test_adaboost_matches_a_loop_and_makes_h_a_coin_flip():
    rng = np.random.default_rng(2)
    w = rng.dirichlet(np.ones(10))
    y = np.array([1, 1, -1, -1, 1, -1, 1, 1, -1, -1])
    h = np.array([1, -1, -1, 1, 1, -1, 1, 1, -1, 1])
    new_w, alpha = ensemble.adaboost_update(w, y, h)
    err = sum(w[i] for i in range(10) if y[i] != h[i])
    expected_alpha = 0.5 * math.log((1 - err) / err)
    raw = [w[i] * math.exp(-expected_alpha * y[i] * h[i]) for i in range(10)]
    np.testing.assert_allclose(alpha, expected_alpha)
    np.testing.assert_allclose(new_w, np.array(raw) / sum(raw))
    # after the update the same weak learner has weighted error exactly 1/2 (Freund & Schapire)
    np.testing.assert_allclose(new_w[y != h].sum(), 0.5)
    # AdaBoost.M1's form gives the same weights and twice the alpha
    m1_w, m1_alpha = ensemble_conventions.adaboost_update_no_half(w, y, h)
    np.testing.assert_allclose(m1_w, new_w)
    np.testing.assert_allclose(m1_alpha, 2 * alpha)
    # unnormalised weights give the same result
    np.testing.assert_allclose(ensemble.adaboost_update(w * 7.0, y, h)[0], new_w)
