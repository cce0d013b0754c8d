"""reference.trees against scikit-learn's DecisionTreeClassifier (the impurities it stores per node) and values
derived by hand."""
import numpy as np
import pytest
from sklearn.tree import DecisionTreeClassifier

from reference import classical_conventions, trees


@pytest.mark.parametrize("criterion", ["gini", "entropy"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_impurity_and_gain_match_a_sklearn_stump(criterion, seed):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(40)
    y = (x + rng.normal(0, 0.8, 40) > 0).astype(int) + (x > 1).astype(int)  # 3 classes, related to x
    stump = DecisionTreeClassifier(criterion=criterion, max_depth=1, random_state=0).fit(x[:, None], y)
    t = stump.tree_
    left = x <= t.threshold[0]
    impurity = trees.gini if criterion == "gini" else trees.entropy
    assert impurity(y) == pytest.approx(t.impurity[0], rel=1e-12)
    assert impurity(y[left]) == pytest.approx(t.impurity[t.children_left[0]], rel=1e-12, abs=1e-15)
    assert impurity(y[~left]) == pytest.approx(t.impurity[t.children_right[0]], rel=1e-12, abs=1e-15)
    n_l, n_r = t.n_node_samples[t.children_left[0]], t.n_node_samples[t.children_right[0]]
    expected_gain = t.impurity[0] - (n_l * t.impurity[t.children_left[0]] + n_r * t.impurity[t.children_right[0]]) / 40
    assert trees.info_gain(y, y[left], y[~left], criterion) == pytest.approx(expected_gain, rel=1e-10)


def test_impurities_by_hand():
    y = np.array([0, 1, 0, 2, 0, 1, 2, 0])                      # proportions 1/2, 1/4, 1/4
    assert trees.gini(y) == pytest.approx(1 - (0.25 + 0.0625 + 0.0625))
    assert trees.entropy(y) == pytest.approx(1.5)
    assert trees.gini(np.array([1, 1, 1])) == 0 and trees.entropy(np.array([1, 1, 1])) == 0
    assert trees.entropy(np.array([0, 2, 2, 0, 2, 3])) == pytest.approx(-(2 / 6 * np.log2(2 / 6) + 3 / 6 * np.log2(3 / 6)
                                                                         + 1 / 6 * np.log2(1 / 6)))
    assert classical_conventions.entropy_nats(y) == pytest.approx(1.5 * np.log(2))
    # a perfect split of a balanced 2-class node gains the whole impurity
    yy = np.array([0, 0, 1, 1])
    assert trees.info_gain(yy, yy[:2], yy[2:], "entropy") == pytest.approx(1.0)
    assert trees.info_gain(yy, yy[:2], yy[2:], "gini") == pytest.approx(0.5)


@pytest.mark.parametrize("seed, n, d", [(0, 20, 2), (1, 40, 3), (2, 15, 1)])
def test_stump_matches_a_sklearn_depth_1_regression_tree(seed, n, d):
    from sklearn.tree import DecisionTreeRegressor

    rng = np.random.default_rng(seed)
    X, r = rng.standard_normal((n, d)), rng.standard_normal(n)
    sk = DecisionTreeRegressor(max_depth=1, random_state=0).fit(X, r)
    np.testing.assert_allclose(trees.Stump().fit(X, r).predict(X), sk.predict(X), rtol=1e-12)


@pytest.mark.parametrize("seed, n_rounds, lr", [(0, 1, 0.1), (1, 5, 0.3), (2, 20, 0.5)])
def test_gradient_boosting_matches_sklearn_gradient_boosting_regressor(seed, n_rounds, lr):
    from sklearn.ensemble import GradientBoostingRegressor

    rng = np.random.default_rng(seed)
    X = rng.standard_normal((30, 2))
    y = np.sin(2 * X[:, 0]) + X[:, 1] ** 2 + 0.1 * rng.standard_normal(30) + 5
    sk = GradientBoostingRegressor(loss="squared_error", learning_rate=lr, n_estimators=n_rounds, max_depth=1,
                                   random_state=0).fit(X, y)
    np.testing.assert_allclose(trees.gradient_boosting(X, y, n_rounds, lr), sk.predict(X), rtol=1e-10)


def test_gradient_boosting_step_moves_toward_y_by_the_fitted_residual():
    rng = np.random.default_rng(3)
    X, y, F = rng.standard_normal((10, 2)), rng.standard_normal(10), rng.standard_normal(10)
    F_before = F.copy()
    stump = trees.Stump().fit(X, y - F)
    np.testing.assert_allclose(trees.gradient_boosting_step(X, y, F, 0.2), F + 0.2 * stump.predict(X))
    np.testing.assert_array_equal(F, F_before)
    # a step with lr = 1 never increases the squared loss (the stump is a least-squares fit of the residual)
    assert np.sum((y - trees.gradient_boosting_step(X, y, F, 1.0)) ** 2) <= np.sum((y - F) ** 2)


@pytest.mark.parametrize("n, seed", [(10, 0), (25, 3), (200, 11)])
def test_bootstrap_sample_draws_with_replacement_and_oob_is_the_rest(n, seed):
    idx, oob = trees.bootstrap_sample(n, np.random.default_rng(seed))
    np.testing.assert_array_equal(idx, np.random.default_rng(seed).choice(n, n, replace=True))  # the same stream
    assert idx.shape == (n,) and idx.min() >= 0 and idx.max() < n
    assert set(oob.tolist()) == set(range(n)) - set(idx.tolist()) and np.all(np.diff(oob) > 0)


def test_out_of_bag_fraction_is_about_1_over_e():
    rng = np.random.default_rng(0)
    frac = np.mean([len(trees.bootstrap_sample(1000, rng)[1]) / 1000 for _ in range(200)])
    assert frac == pytest.approx((1 - 1 / 1000) ** 1000, abs=0.005) and abs(frac - np.exp(-1)) < 0.006


@pytest.mark.parametrize("seed, m, n, c", [(0, 7, 12, 4), (1, 5, 15, 2), (2, 4, 30, 3)])
def test_bagging_votes_match_scipy_mode_and_a_mean(seed, m, n, c):
    from scipy.stats import mode

    rng = np.random.default_rng(seed)
    probas = rng.dirichlet(np.ones(c), size=(m, n))
    np.testing.assert_array_equal(trees.bagging_predict(probas, "soft"), probas.mean(axis=0).argmax(axis=1))
    # scipy.stats.mode returns the smallest of tied values, the drill's tie rule
    np.testing.assert_array_equal(trees.bagging_predict(probas, "hard"), mode(probas.argmax(axis=2), axis=0).mode)
