"""reference.dqn against PyTorch (F.mse_loss, F.smooth_l1_loss, gather) and plain loops over the batch."""
import numpy as np
import pytest

from reference import dqn, dqn_conventions


@pytest.fixture
def torch():
    return pytest.importorskip("torch")


@pytest.fixture
def batch():
    rng = np.random.default_rng(0)
    B, A = 7, 4
    return dict(reward=rng.normal(size=B), done=np.array([0, 1, 0, 0, 1, 0, 0]),
                online=rng.normal(size=(B, A)), target=rng.normal(size=(B, A)), gamma=0.95,
                qs=rng.normal(size=(B, A)) * 2, action=rng.integers(0, A, size=B))


def test_targets_against_loops(batch):
    b = batch
    dqn_t = dqn.dqn_target(b["reward"], b["done"], b["online"], b["target"], b["gamma"])
    ddqn_t = dqn.ddqn_target(b["reward"], b["done"], b["online"], b["target"], b["gamma"])
    for i in range(len(b["reward"])):
        if b["done"][i]:
            assert dqn_t[i] == pytest.approx(b["reward"][i]) and ddqn_t[i] == pytest.approx(b["reward"][i])
            continue
        best_target = max(b["target"][i])
        chosen = list(b["online"][i]).index(max(b["online"][i]))
        assert dqn_t[i] == pytest.approx(b["reward"][i] + b["gamma"] * best_target)
        assert ddqn_t[i] == pytest.approx(b["reward"][i] + b["gamma"] * b["target"][i][chosen])
    # double DQN never exceeds DQN's max: Q_target(s', a*) <= max_a Q_target(s', a)
    assert np.all(ddqn_t <= dqn_t + 1e-12)


@pytest.mark.torch
def test_loss_against_torch(torch, batch):
    import torch.nn.functional as F
    b = batch
    td = dqn.dqn_target(b["reward"], b["done"], b["online"], b["target"], b["gamma"])
    qs = torch.tensor(b["qs"], requires_grad=True)
    q = qs.gather(1, torch.tensor(b["action"])[:, None]).squeeze(1)
    tt = torch.tensor(td)
    assert dqn.dqn_loss(b["qs"], b["action"], td) == pytest.approx(F.mse_loss(q, tt).item(), rel=1e-12)
    assert dqn_conventions.dqn_loss_huber(b["qs"], b["action"], td) == pytest.approx(
        F.smooth_l1_loss(q, tt, beta=1.0).item(), rel=1e-12)
    assert dqn_conventions.dqn_loss_half_sum(b["qs"], b["action"], td) == pytest.approx(
        0.5 * F.mse_loss(q, tt, reduction="sum").item(), rel=1e-12)
    # the loss's gradient reaches only the actions taken: autograd against the numerical gradient of the reference
    F.mse_loss(q, tt).backward()
    h, num = 1e-6, np.zeros_like(b["qs"])
    for idx in np.ndindex(*b["qs"].shape):
        plus, minus = b["qs"].copy(), b["qs"].copy()
        plus[idx] += h
        minus[idx] -= h
        num[idx] = (dqn.dqn_loss(plus, b["action"], td) - dqn.dqn_loss(minus, b["action"], td)) / (2 * h)
    np.testing.assert_allclose(num, qs.grad.numpy(), atol=1e-7)


@pytest.mark.torch
@pytest.mark.parametrize("form", ["mean", "max"])
def test_dueling_head_against_autograd(torch, form):
    rng = np.random.default_rng(3)
    V, A, dQ = rng.normal(size=(4, 1)), rng.normal(size=(4, 5)), rng.normal(size=(4, 5))
    layer = dqn.DuelingHead() if form == "mean" else dqn_conventions.DuelingHeadMax()
    Q = layer.forward(V, A)
    dV, dA = layer.backward(dQ)
    tV, tA = torch.tensor(V, requires_grad=True), torch.tensor(A, requires_grad=True)
    agg = tA.mean(dim=1, keepdim=True) if form == "mean" else tA.max(dim=1, keepdim=True).values
    tQ = tV + (tA - agg)
    tQ.backward(torch.tensor(dQ))
    np.testing.assert_allclose(Q, tQ.detach().numpy(), atol=1e-12)
    np.testing.assert_allclose(dV, tV.grad.numpy(), atol=1e-12)
    np.testing.assert_allclose(dA, tA.grad.numpy(), atol=1e-12)
    if form == "mean":
        np.testing.assert_allclose((Q - V).mean(axis=1), 0.0, atol=1e-12)   # advantages centred


def test_replay_buffer_keeps_the_latest_and_samples_as_stated():
    rng = np.random.default_rng(4)
    buf = dqn.ReplayBuffer(4, 3, np.random.default_rng(9))
    stream = [(rng.normal(size=2), int(rng.integers(2)), float(rng.normal()), rng.normal(size=2), bool(t % 3 == 0))
              for t in range(7)]
    for tr in stream:
        buf.add(*tr)
    kept = stream[-4:]                                   # the 4 latest, oldest first
    idx = np.random.default_rng(9).choice(4, 3, replace=False)
    state, action, reward, next_state, done = buf.get_batch()
    assert state.shape == (3, 2) and next_state.shape == (3, 2) and done.dtype == np.int32
    for row, i in enumerate(idx):
        np.testing.assert_array_equal(state[row], kept[i][0])
        assert action[row] == kept[i][1] and reward[row] == kept[i][2] and done[row] == int(kept[i][4])
        np.testing.assert_array_equal(next_state[row], kept[i][3])
    assert len(set(idx.tolist())) == 3                   # no transition twice in a batch
