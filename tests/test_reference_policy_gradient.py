"""reference.policy_gradient against PyTorch autograd (a softmax policy's REINFORCE and actor-critic losses with
.detach() where the book calls unchain) and against plain loops for the discounted returns."""
import numpy as np
import pytest

from reference import policy_gradient as pg
from reference import policy_gradient_conventions as pgc


@pytest.fixture
def torch():
    return pytest.importorskip("torch")


def test_discounted_returns_against_the_definition():
    rng = np.random.default_rng(0)
    r, gamma = rng.normal(size=12), 0.93
    expected = [sum(gamma ** (k - t) * r[k] for k in range(t, len(r))) for t in range(len(r))]
    np.testing.assert_allclose(pg.discounted_returns(r, gamma), expected, rtol=1e-12)
    np.testing.assert_allclose(pg.discounted_returns(np.ones(3), 0.5), [1.75, 1.5, 1.0])


@pytest.mark.torch
def test_reinforce_loss_gradient_matches_autograd(torch):
    rng = np.random.default_rng(1)
    T, A = 7, 3
    logits, actions, rewards = rng.normal(size=(T, A)), rng.integers(0, A, size=T), rng.normal(size=T)
    G = pg.discounted_returns(rewards, 0.9)
    b = rng.normal(size=T)
    lt = torch.tensor(logits, requires_grad=True)
    probs_t = torch.softmax(lt, dim=1)[torch.arange(T), torch.tensor(actions)]
    loss_t = -(torch.log(probs_t) * (torch.tensor(G) - torch.tensor(b))).sum()
    loss_t.backward()
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    probs = p[np.arange(T), actions]
    assert pg.reinforce_loss(probs, G, b) == pytest.approx(loss_t.item(), rel=1e-12)
    assert pgc.reinforce_loss_mean(probs, G, b) == pytest.approx(loss_t.item() / T, rel=1e-12)
    # ∂L/∂logits = (softmax - onehot) (G - b): the policy gradient the loss stands for
    onehot = np.eye(A)[actions]
    np.testing.assert_allclose((p - onehot) * (G - b)[:, None], lt.grad.numpy(), atol=1e-12)


@pytest.mark.torch
@pytest.mark.parametrize("beta", [0.0, 0.05])
def test_actor_critic_forward_backward_against_autograd(torch, beta):
    rng = np.random.default_rng(2)
    B, A, gamma = 5, 3, 0.9
    v, v_next, reward = rng.normal(size=B), rng.normal(size=B), rng.normal(size=B)
    done = np.array([0, 1, 0, 0, 1])
    logits, action = rng.normal(size=(B, A)), rng.integers(0, A, size=B)
    probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    dpi, dv_up = 0.7, -1.3

    layer = pg.ActorCriticLoss(gamma, beta)
    loss_pi, loss_v = layer.forward(v, v_next, reward, done, probs, action)
    dv, dv_next, dprobs = layer.backward(dpi, dv_up)

    tv, tvn = torch.tensor(v, requires_grad=True), torch.tensor(v_next, requires_grad=True)
    tp = torch.tensor(probs, requires_grad=True)
    target = (torch.tensor(reward) + gamma * tvn * (1 - torch.tensor(done))).detach()     # unchain
    delta = (target - tv).detach()                                                         # unchain
    prob_a = tp[torch.arange(B), torch.tensor(action)]
    entropy = -(tp * torch.log(tp)).sum(dim=1)
    t_pi = (-torch.log(prob_a) * delta - beta * entropy).mean()
    t_v = torch.nn.functional.mse_loss(tv, target)
    (dpi * t_pi + dv_up * t_v).backward()
    assert loss_pi == pytest.approx(t_pi.item(), rel=1e-12) and loss_v == pytest.approx(t_v.item(), rel=1e-12)
    np.testing.assert_allclose(dv, tv.grad.numpy(), atol=1e-12)
    np.testing.assert_allclose(dv_next, 0.0)
    assert tvn.grad is None or np.allclose(tvn.grad.numpy(), 0)
    np.testing.assert_allclose(dprobs, tp.grad.numpy(), atol=1e-12)
