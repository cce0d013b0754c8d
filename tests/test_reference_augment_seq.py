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


def test_gain_and_snr_by_hand(rng):
    x = rng.normal(0, 0.3, size=1000)
    # +20 dB is 10 times the amplitude, 100 times the power
    np.testing.assert_allclose(augment_seq.gain(x, 20.0), 10 * x)
    np.testing.assert_allclose(np.mean(augment_seq.gain(x, -10.0) ** 2), np.mean(x ** 2) / 10)
    out = augment_seq.add_noise_snr(x, 10.0, np.random.default_rng(3))
    noise = np.sqrt(np.mean(x ** 2) / 10) * np.random.default_rng(3).standard_normal(1000)
    np.testing.assert_allclose(out, x + noise)
    big = rng.normal(size=200000)
    measured = 10 * np.log10(np.mean(big ** 2) / np.mean((augment_seq.add_noise_snr(big, 3.0, rng) - big) ** 2))
    assert abs(measured - 3.0) < 0.05


def test_pitch_shift_matches_torch_interpolate_and_a_sine():
    torch = pytest.importorskip("torch")
    x = np.random.default_rng(1).normal(size=60)
    # down an octave: rate 0.5, every original sample with its midpoint in between (align_corners linear resize)
    out = augment_seq.pitch_shift(x, -12)
    expected = torch.nn.functional.interpolate(torch.tensor(x)[None, None], size=119, mode='linear',
                                               align_corners=True)[0, 0].numpy()
    np.testing.assert_allclose(out, expected, atol=1e-12)
    # up an octave: every other sample
    np.testing.assert_allclose(augment_seq.pitch_shift(x[:50], 12), x[:50:2])
    # a 100 Hz sine at 8 kHz read 2^(7/12) faster is a sine of 100·2^(7/12) Hz (a fifth up)
    n = np.arange(4000)
    up = augment_seq.pitch_shift(np.sin(2 * np.pi * 100 * n / 8000), 7)
    k = np.arange(len(up))
    np.testing.assert_allclose(up, np.sin(2 * np.pi * 100 * 2 ** (7 / 12) * k / 8000), atol=1e-3)


def test_eda_operations_by_hand():
    words = ["the", "quick", "brown", "fox"]
    assert augment_seq.synonym_replacement(words, [1, 3], ["fast", "dog"]) == ["the", "fast", "brown", "dog"]
    # the second insertion counts positions in the list after the first one
    assert augment_seq.random_insertion(words, [1, 4], ["fast", "animal"]) == \
        ["the", "fast", "quick", "brown", "animal", "fox"]
    assert augment_seq.random_swap(words, [[0, 3], [3, 1]]) == ["fox", "the", "brown", "quick"]
    assert words == ["the", "quick", "brown", "fox"]


def test_random_deletion_follows_the_papers_draws():
    words = "the quick brown fox jumps over the lazy dog today".split()
    out = augment_seq.random_deletion(words, 0.3, np.random.default_rng(0))
    u = np.random.default_rng(0).random(len(words))
    assert out == [w for w, r in zip(words, u) if r > 0.3]
    # p = 1: everything deleted, the second draw picks the survivor
    rng = np.random.default_rng(1)
    rng.random(5)
    survivor = ["one", "two", "three", "four", "five"][rng.integers(5)]
    assert augment_seq.random_deletion(["one", "two", "three", "four", "five"], 1.0, np.random.default_rng(1)) == [survivor]
    # the kept fraction is about 1 - p
    many = [str(i) for i in range(20000)]
    assert abs(len(augment_seq.random_deletion(many, 0.25, np.random.default_rng(2))) / 20000 - 0.75) < 0.01
