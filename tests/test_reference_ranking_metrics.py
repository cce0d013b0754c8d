"""reference.ranking_metrics against scikit-learn (roc_curve, roc_auc_score, average_precision_score,
mean_squared_error, mean_absolute_error, r2_score) and plainly written loops (interpolated AP)."""
import numpy as np
import pytest
from sklearn import metrics as skm

from reference import ranking_conventions, ranking_metrics as rm


def labels_and_scores(seed, n=40, tied=False):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, size=n)
    y[:2] = [0, 1]
    score = rng.integers(0, 5, size=n).astype(float) if tied else rng.normal(size=n) + y
    return y, score


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("tied", [False, True])
def test_roc_curve_and_auc_match_sklearn(seed, tied):
    y, score = labels_and_scores(seed, tied=tied)
    fpr, tpr = rm.roc_curve(y, score)
    sk_fpr, sk_tpr, _ = skm.roc_curve(y, score, drop_intermediate=False)
    np.testing.assert_allclose(fpr, sk_fpr)
    np.testing.assert_allclose(tpr, sk_tpr)
    assert rm.roc_auc(y, score) == pytest.approx(skm.roc_auc_score(y, score), rel=1e-12)
    assert rm.auc(fpr, tpr) == pytest.approx(skm.auc(fpr, tpr), rel=1e-12)


def test_roc_auc_counts_a_tied_pair_as_half():
    # one positive and one negative with the same score, one positive above every negative: (1 + 1/2 + 1 + 1) / 4
    y = np.array([1, 0, 1, 0])
    score = np.array([0.5, 0.5, 0.9, 0.1])
    assert rm.roc_auc(y, score) == pytest.approx(0.875)


def detections(seed, d=12, n_extra=2):
    rng = np.random.default_rng(seed)
    conf = rng.permutation(d) / d + rng.uniform(0, 0.01)
    is_tp = rng.random(d) < 0.5
    is_tp[:2] = [True, False]
    return conf, is_tp, int(is_tp.sum()) + n_extra


def loop_all_point_ap(rec, prec):
    """VOC's all-point AP written out: at every recall reached, the best precision at that recall or above."""
    ap, previous = 0.0, 0.0
    for k in range(len(rec)):
        if rec[k] > previous:
            ap += (rec[k] - previous) * max(prec[j] for j in range(len(rec)) if rec[j] >= rec[k])
            previous = rec[k]
    return ap


@pytest.mark.parametrize("seed", range(5))
def test_precision_recall_and_step_ap_match_sklearn(seed):
    conf, is_tp, _ = detections(seed)
    n_pos = int(is_tp.sum())          # sklearn knows only the detections: every object was detected
    rec, prec = rm.precision_recall(conf, is_tp, n_pos)
    sk_prec, sk_rec, _ = skm.precision_recall_curve(is_tp, conf)
    # sklearn lists the thresholds ascending and appends (recall 0, precision 1)
    np.testing.assert_allclose(rec, sk_rec[::-1][1:])
    np.testing.assert_allclose(prec, sk_prec[::-1][1:])
    assert ranking_conventions.average_precision_step(rec, prec) == pytest.approx(
        skm.average_precision_score(is_tp, conf), rel=1e-12)


@pytest.mark.parametrize("seed", range(5))
def test_all_point_ap_matches_loop(seed):
    conf, is_tp, n_pos = detections(seed)
    rec, prec = rm.precision_recall(conf, is_tp, n_pos)
    assert rm.average_precision(rec, prec) == pytest.approx(loop_all_point_ap(rec, prec), rel=1e-12)
    # the envelope never lowers precision: interpolated AP >= sklearn's step AP
    assert rm.average_precision(rec, prec) >= ranking_conventions.average_precision_step(rec, prec) - 1e-12


def test_ap_conventions_by_hand():
    # TP, FP, TP with 3 objects: recall 1/3, 1/3, 2/3; precision 1, 1/2, 2/3
    rec, prec = rm.precision_recall(np.array([0.9, 0.8, 0.7]), np.array([True, False, True]), 3)
    np.testing.assert_allclose(rec, [1 / 3, 1 / 3, 2 / 3])
    np.testing.assert_allclose(prec, [1, 1 / 2, 2 / 3])
    assert rm.average_precision(rec, prec) == pytest.approx(1 / 3 * 1 + 1 / 3 * 2 / 3)
    # 11 points: recall 0 .. 0.3 -> 1 (4 levels), 0.4 .. 0.6 -> 2/3 (3 levels), 0.7 .. 1 -> 0
    assert ranking_conventions.average_precision_11point(rec, prec) == pytest.approx((4 + 3 * 2 / 3) / 11)
    # 101 points: 0 .. 0.33 -> 1 (34 levels), 0.34 .. 0.66 -> 2/3 (33 levels)
    assert ranking_conventions.average_precision_101point(rec, prec) == pytest.approx((34 + 33 * 2 / 3) / 101)
    assert ranking_conventions.average_precision_step(rec, prec) == pytest.approx(1 / 3 + 1 / 3 * 2 / 3)


def test_mean_average_precision_is_the_mean_of_the_class_aps():
    per_class = [detections(s) for s in range(3)]
    aps = [loop_all_point_ap(*rm.precision_recall(c, t, n)) for c, t, n in per_class]
    got = rm.mean_average_precision([c for c, _, _ in per_class], [t for _, t, _ in per_class],
                                    [n for _, _, n in per_class])
    assert got == pytest.approx(np.mean(aps), rel=1e-12)


@pytest.mark.parametrize("seed", range(4))
def test_regression_metrics_match_sklearn(seed):
    rng = np.random.default_rng(seed)
    y = rng.normal(size=30) * 3 + 1
    y_pred = y + rng.normal(size=30)
    assert rm.mse(y, y_pred) == pytest.approx(skm.mean_squared_error(y, y_pred), rel=1e-12)
    assert rm.rmse(y, y_pred) == pytest.approx(np.sqrt(skm.mean_squared_error(y, y_pred)), rel=1e-12)
    assert rm.mae(y, y_pred) == pytest.approx(skm.mean_absolute_error(y, y_pred), rel=1e-12)
    assert rm.r2_score(y, y_pred) == pytest.approx(skm.r2_score(y, y_pred), rel=1e-12)


def test_r2_of_the_mean_is_zero_and_of_a_perfect_fit_one():
    y = np.array([1.0, 2.0, 4.0])
    assert rm.r2_score(y, np.full(3, y.mean())) == pytest.approx(0.0)
    assert rm.r2_score(y, y) == 1.0
