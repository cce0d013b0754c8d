"""reference.validation against scikit-learn's KFold (shuffle=False)."""
import numpy as np
import pytest
from sklearn.model_selection import KFold

from reference import validation


@pytest.mark.parametrize("n, k", [(10, 3), (11, 4), (12, 4), (17, 5), (6, 6), (5, 2), (100, 7)])
def test_kfold_split_matches_sklearn(n, k):
    ours = validation.kfold_split(n, k)
    theirs = list(KFold(n_splits=k).split(np.zeros((n, 1))))
    assert len(ours) == k
    for (tr, va), (str_, sva) in zip(ours, theirs):
        np.testing.assert_array_equal(tr, str_)
        np.testing.assert_array_equal(va, sva)


def test_kfold_split_first_folds_hold_the_remainder():
    sizes = [len(va) for _, va in validation.kfold_split(11, 4)]
    assert sizes == [3, 3, 3, 2]


@pytest.mark.parametrize("n, k", [(10, 3), (17, 5)])
def test_kfold_split_partitions_the_samples(n, k):
    splits = validation.kfold_split(n, k)
    np.testing.assert_array_equal(np.sort(np.concatenate([va for _, va in splits])), np.arange(n))
    for tr, va in splits:
        assert not set(tr) & set(va) and len(tr) + len(va) == n
