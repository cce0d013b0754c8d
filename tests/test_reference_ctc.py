"""reference.ctc against torch.nn.functional.ctc_loss (values and autograd gradients) and hand-derived values."""
import itertools

import numpy as np
import pytest

from reference import ctc

torch = pytest.importorskip("torch")


def _log_softmax(x):
    return x - np.log(np.exp(x).sum(axis=1, keepdims=True))


def _torch_ctc(logits, labels, blank):
    """F.ctc_loss of log_softmax(logits) and its autograd gradient with respect to the logits (torch's gradient
    with respect to log_probs itself assumes normalised inputs, so compare through the log-softmax)."""
    xt = torch.tensor(logits, requires_grad=True)
    lp = torch.log_softmax(xt, dim=1)
    loss = torch.nn.functional.ctc_loss(lp[:, None, :], torch.tensor([labels]), torch.tensor([len(logits)]),
                                        torch.tensor([len(labels)]), blank=blank, reduction='none')[0]
    loss.backward()
    return loss.item(), xt.grad.numpy()


@pytest.mark.parametrize("T, K, labels, blank", [(8, 5, [1, 2, 2], 0), (6, 4, [3], 0), (9, 5, [1, 2, 3, 4], 0),
                                                 (7, 4, [3, 1, 3], 2), (6, 3, [2, 2, 2], 0)])
def test_ctc_loss_matches_torch_value_and_gradient(T, K, labels, blank):
    x = np.random.default_rng(T * K).normal(size=(T, K))
    expected, grad = _torch_ctc(x, labels, blank)
    loss = lambda z: ctc.ctc_loss(_log_softmax(z), np.array(labels), blank)
    assert loss(x) == pytest.approx(expected, rel=1e-10)
    # central differences of the NumPy loss (through a log-softmax) against torch's autograd gradient
    h, num = 1e-6, np.zeros_like(x)
    for idx in np.ndindex(*x.shape):
        d = np.zeros_like(x)
        d[idx] = h
        num[idx] = (loss(x + d) - loss(x - d)) / (2 * h)
    np.testing.assert_allclose(num, grad, atol=1e-6)


def test_ctc_loss_equals_the_sum_over_every_path():
    T, K, labels = 5, 3, [1, 2]
    lp = _log_softmax(np.random.default_rng(3).normal(size=(T, K)))
    total = 0.0
    for path in itertools.product(range(K), repeat=T):
        if ctc.ctc_collapse(np.array(path)) == labels:
            total += np.exp(sum(lp[t, s] for t, s in enumerate(path)))
    assert ctc.ctc_loss(lp, np.array(labels)) == pytest.approx(-np.log(total), rel=1e-12)


def test_collapse_and_greedy_decoding_by_hand():
    assert ctc.ctc_collapse(np.array([1, 1, 0, 1, 2, 2, 0, 0, 3])) == [1, 1, 2, 3]
    assert ctc.ctc_collapse(np.array([0, 0, 0])) == []
    assert ctc.ctc_collapse(np.array([4, 1, 1, 4, 1, 3, 0, 0, 4]), 4) == [1, 1, 3, 0]
    probs = np.array([[0.1, 0.7, 0.2], [0.2, 0.6, 0.2], [0.8, 0.1, 0.1], [0.3, 0.6, 0.1], [0.1, 0.2, 0.7]])
    assert ctc.ctc_greedy_decode(probs) == [1, 1, 2]
