"""reference.encoding against torch.nn.functional.one_hot, ❷'s convert_one_hot loop and hand values (Niu et al.'s
ordinal encoding)."""
import numpy as np
import pytest

from reference import basics_conventions as conv
from reference.encoding import one_hot, ordinal_decode, ordinal_encode


@pytest.mark.torch
@pytest.mark.parametrize("N, K", [(6, 4), (10, 10), (1, 5), (3, 2)])
def test_one_hot_vs_torch(N, K):
    torch = pytest.importorskip("torch")
    t = np.random.default_rng(N + K).integers(0, K, N)
    expected = torch.nn.functional.one_hot(torch.from_numpy(t), num_classes=K).numpy()
    assert np.array_equal(one_hot(t, K), expected)


def test_one_hot_hand_values_and_loop():
    assert one_hot(np.array([2, 0]), 3).tolist() == [[0, 0, 1], [1, 0, 0]]
    t = np.array([0, 2, 2, 1, 0])
    loop = np.zeros((5, 7), dtype=np.int32)
    for i, c in enumerate(t):            # ❷'s convert_one_hot, 1-D branch
        loop[i, c] = 1
    assert np.array_equal(one_hot(t, 7), loop)


def test_ordinal_encode_hand_values():
    # K = 5: y = 2 -> [1, 1, 0, 0]; class 0 all zeros, class K - 1 all ones
    np.testing.assert_array_equal(ordinal_encode(np.array([2, 0, 4]), 5),
                                  [[1, 1, 0, 0], [0, 0, 0, 0], [1, 1, 1, 1]])
    np.testing.assert_array_equal(ordinal_encode(np.array([1, 0]), 2), [[1], [0]])
    np.testing.assert_array_equal(conv.ordinal_encode_k_columns(np.array([2]), 4), [[1, 1, 1, 0]])


def test_ordinal_decode_inverts_encode_and_counts():
    y = np.arange(6)
    assert np.array_equal(ordinal_decode(ordinal_encode(y, 6)), y)
    p = np.array([[0.9, 0.2, 0.7, 0.6], [0.4, 0.8, 0.9, 0.1], [0.99, 0.8, 0.7, 0.6]])
    assert ordinal_decode(p).tolist() == [3, 2, 4]
    assert conv.ordinal_decode_first_below(p).tolist() == [1, 0, 4]


@pytest.mark.torch
def test_ordinal_targets_train_with_bce():
    """The encoding is a valid BCE target: torch's BCE of sigmoid logits equals the hand formula."""
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(0)
    y, z = rng.integers(0, 5, 8), rng.standard_normal((8, 4))
    target = ordinal_encode(y, 5)
    p = 1 / (1 + np.exp(-z))
    hand = -np.mean(target * np.log(p) + (1 - target) * np.log(1 - p))
    t = torch.nn.functional.binary_cross_entropy_with_logits(torch.from_numpy(z), torch.from_numpy(target))
    assert hand == pytest.approx(t.item(), rel=1e-10)
