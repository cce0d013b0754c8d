"""reference.training against PyTorch (the two-layer forward), a real gradient check of a network (torch autograd
vs the numerical gradient) and hand-derived values (mini-batch rows, relative errors, early-stopping sequences)."""
import numpy as np
import pytest

from gradcheck import close
from reference import basics_conventions as conv
from reference.functions import numerical_gradient
from reference.training import EarlyStopping, gradient_check, max_rel_error, sample_batch, two_layer_predict


@pytest.fixture
def torch():
    return pytest.importorskip("torch")


def two_layer_params(rng, D, H, K):
    return {'W1': rng.standard_normal((D, H)), 'b1': rng.standard_normal(H),
            'W2': rng.standard_normal((H, K)), 'b2': rng.standard_normal(K)}


@pytest.mark.torch
@pytest.mark.parametrize("N, D, H, K", [(5, 4, 3, 2), (8, 6, 10, 4), (1, 3, 5, 3)])
def test_two_layer_predict_vs_torch(torch, N, D, H, K):
    rng = np.random.default_rng(N + D)
    x, params = rng.standard_normal((N, D)), two_layer_params(rng, D, H, K)
    net = torch.nn.Sequential(torch.nn.Linear(D, H), torch.nn.Sigmoid(), torch.nn.Linear(H, K), torch.nn.Softmax(dim=1))
    with torch.no_grad():
        net = net.double()
        net[0].weight.copy_(torch.from_numpy(params['W1'].T))
        net[0].bias.copy_(torch.from_numpy(params['b1']))
        net[2].weight.copy_(torch.from_numpy(params['W2'].T))
        net[2].bias.copy_(torch.from_numpy(params['b2']))
        expected = net(torch.from_numpy(x)).numpy()
    close(two_layer_predict(x, params), expected)


def test_sample_batch_keeps_pairs_and_draws_like_np_choice():
    x = np.arange(60, dtype=float).reshape(30, 2)
    t = np.arange(30) * 10
    xb, tb = sample_batch(x, t, 7, np.random.default_rng(3))
    assert xb.shape == (7, 2) and tb.shape == (7,)
    assert np.array_equal(xb[:, 0] / 2 * 10, tb)                    # rows and labels stay paired
    idx = np.random.default_rng(3).choice(30, 7)                    # the book's call, same generator
    assert np.array_equal(tb, t[idx])
    xw, tw = conv.sample_batch_without_replacement(x, t, 30, np.random.default_rng(3))
    assert sorted(tw) == sorted(t)                                  # without replacement: every sample once
    xp, tp = conv.sample_batch_permutation(x, t, 7, np.random.default_rng(3))
    assert len(set(tp)) == 7 and not np.array_equal(tp, tb)


@pytest.mark.torch
def test_gradient_check_of_a_network_backprop_vs_numerical(torch):
    """The book's use: autograd (backprop) gradients of a two-layer net's loss against the numerical gradient."""
    rng = np.random.default_rng(0)
    x, t = rng.standard_normal((3, 4)), np.eye(3)[[0, 2, 1]]
    params = two_layer_params(rng, 4, 5, 3)

    def loss():
        y = two_layer_predict(x, params)
        return -np.sum(t * np.log(y)) / x.shape[0]

    grad_numerical = {k: numerical_gradient(lambda _: loss(), v) for k, v in params.items()}
    tp = {k: torch.tensor(v, requires_grad=True) for k, v in params.items()}
    y = torch.softmax(torch.sigmoid(torch.from_numpy(x) @ tp['W1'] + tp['b1']) @ tp['W2'] + tp['b2'], dim=1)
    (-(torch.from_numpy(t) * torch.log(y)).sum() / 3).backward()
    grad_backprop = {k: v.grad.numpy() for k, v in tp.items()}
    diffs = gradient_check(grad_backprop, grad_numerical)
    assert set(diffs) == set(params) and all(d < 1e-8 for d in diffs.values())
    assert all(max_rel_error(grad_backprop[k], grad_numerical[k]) < 1e-6 for k in params)
    wrong = dict(grad_backprop, W1=grad_backprop['W1'].T.reshape(4, 5))   # a plausible bug
    assert gradient_check(wrong, grad_numerical)['W1'] > 1e-3


def test_gradient_check_hand_values():
    diffs = gradient_check({'W': np.array([1.0, -2.0, 3.0])}, {'W': np.array([1.5, -2.0, 2.0])})
    assert diffs['W'] == pytest.approx((0.5 + 0 + 1.0) / 3)
    # |0 - 0| / max(0, eps) = 0; |1 - 1.1| / 2.1; the largest is that one
    assert max_rel_error(np.array([0.0, 1.0, -2.0]), np.array([0.0, 1.1, -2.0])) == pytest.approx(0.1 / 2.1)
    assert max_rel_error(np.array([1.0, -1.0]), np.array([-1.0, 1.0])) == pytest.approx(1.0)


@pytest.mark.parametrize("patience, losses, expected, expected_le", [
    # an equal loss is no improvement (Keras, min_delta = 0): 0.8 after 0.8 waits
    (2, [1.0, 0.8, 0.8, 0.9, 0.7, 0.75, 0.7], [False, False, False, True, False, False, True],
     [False, False, False, False, False, False, False]),
    (3, [2.0, 2.1, 2.2, 1.5, 1.6, 1.6, 1.7, 1.4], [False, False, False, False, False, False, True, False],
     [False, False, False, False, False, False, True, False]),
    (1, [3.0, 3.0, 2.0], [False, True, False], [False, False, False]),
])
def test_early_stopping_sequences(patience, losses, expected, expected_le):
    strict, loose = EarlyStopping(patience), conv.EarlyStoppingEqualImproves(patience)
    assert [strict.step(v) for v in losses] == expected
    assert [loose.step(v) for v in losses] == expected_le
