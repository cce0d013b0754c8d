"""reference.augment_seq against hand-written loops, hand-derived values and (where it has the operation) PyTorch."""
import numpy as np
import pytest

from reference import augment_seq, augment_seq_conventions


@pytest.fixture
def rng():
    return np.random.default_rng(0)


def test_spec_augment_matches_an_element_loop(rng):
    S = rng.normal(1.0, 1.0, size=(10, 7))
    before = S.copy()
    fm, tm = np.array([[2, 4], [4, 3], [9, 0]]), np.array([[5, 2]])
    out = augment_seq.spec_augment(S, fm, tm)
    np.testing.assert_array_equal(S, before)
    expected = S.copy()
    for i in range(10):
        for j in range(7):
            if any(f0 <= i < f0 + f for f0, f in fm) or any(t0 <= j < t0 + t for t0, t in tm):
                expected[i, j] = 0.0
    np.testing.assert_array_equal(out, expected)
    # hand count: channels 2..6 (5 rows of 7) and steps 5, 6 (2 columns of the other 5 rows): 35 + 10 = 45 zeros
    assert np.sum(out == 0) == 45


def test_spec_augment_mean_fill_equals_zero_fill_on_mean_zero_features(rng):
    S = rng.normal(size=(6, 9))
    S -= S.mean()
    fm, tm = np.array([[4, 2]]), np.array([[1, 3]])
    np.testing.assert_allclose(augment_seq_conventions.spec_augment_mean(S, fm, tm),
                               augment_seq.spec_augment(S, fm, tm), atol=1e-15)
