"""reference.metrics against scikit-learn (confusion_matrix, precision_recall_fscore_support, f1_score)."""
import numpy as np
import pytest
from sklearn import metrics as skm

from reference import metrics, metrics_conventions


@pytest.fixture(params=[0, 1, 2])
def labels(request):
    rng = np.random.default_rng(request.param)
    k = 4
    y_true = rng.integers(0, k, size=80)
    # a skewed predictor: right 60 % of the time, otherwise a random class (every class present in both)
    y_pred = np.where(rng.random(80) < 0.6, y_true, rng.integers(0, k, size=80))
    assert len(np.unique(y_true)) == k and len(np.unique(y_pred)) == k
    return y_true, y_pred, k


def test_confusion_matrix_matches_sklearn(labels):
    y_true, y_pred, k = labels
    cm = metrics.confusion_matrix(y_true, y_pred, k)
    np.testing.assert_array_equal(cm, skm.confusion_matrix(y_true, y_pred, labels=range(k)))
    assert cm.dtype == np.int64 and cm.sum() == len(y_true)


def test_confusion_matrix_rows_are_true_classes():
    cm = metrics.confusion_matrix(np.array([0, 0, 1]), np.array([1, 1, 1]), 2)
    np.testing.assert_array_equal(cm, [[0, 2], [0, 1]])


def test_per_class_precision_recall_f1_match_sklearn(labels):
    y_true, y_pred, k = labels
    cm = metrics.confusion_matrix(y_true, y_pred, k)
    tp = np.diag(cm)
    p, r, f1 = metrics.precision_recall_f1(tp, cm.sum(axis=0) - tp, cm.sum(axis=1) - tp)
    sp, sr, sf, _ = skm.precision_recall_fscore_support(y_true, y_pred, labels=range(k), zero_division=0)
    np.testing.assert_allclose(p, sp)
    np.testing.assert_allclose(r, sr)
    np.testing.assert_allclose(f1, sf)


def test_binary_counts_by_hand():
    p, r, f1 = metrics.precision_recall_f1(8, 2, 4)
    assert (p, r) == (0.8, 8 / 12)
    assert f1 == pytest.approx(2 * 8 / (2 * 8 + 2 + 4))


@pytest.mark.parametrize("average", ["macro", "micro"])
def test_f1_averages_match_sklearn(labels, average):
    y_true, y_pred, k = labels
    assert metrics.f1_score(y_true, y_pred, k, average) == pytest.approx(
        skm.f1_score(y_true, y_pred, labels=range(k), average=average))


def test_micro_f1_is_accuracy_and_differs_from_macro():
    y_true = np.array([0, 0, 0, 0, 0, 0, 1, 1, 2, 2])
    y_pred = np.array([0, 0, 0, 0, 0, 1, 1, 2, 2, 0])
    micro = metrics.f1_score(y_true, y_pred, 3, "micro")
    assert micro == pytest.approx(np.mean(y_true == y_pred))
    assert metrics.f1_score(y_true, y_pred, 3, "macro") != pytest.approx(micro)
    assert metrics_conventions.f1_score_swapped_average(y_true, y_pred, 3, "macro") == pytest.approx(micro)
