"""reference.meta_learning against PyTorch autograd: the second-order MAML gradient through the inner step
(create_graph=True), FOMAML with the inner step detached."""
import numpy as np
import pytest

from reference import meta_learning as ml
from reference import meta_learning_conventions as mlc


@pytest.fixture
def torch():
    return pytest.importorskip("torch")


def _tasks(rng, n_tasks, D):
    return [(rng.normal(size=(5, D)), rng.normal(size=5), rng.normal(size=(7, D)), rng.normal(size=7))
            for _ in range(n_tasks)]


@pytest.mark.torch
@pytest.mark.parametrize("first_order", [False, True])
def test_maml_step_against_autograd(torch, first_order):
    rng = np.random.default_rng(0)
    D, alpha, beta = 3, 0.1, 0.05
    theta, tasks = rng.normal(size=D), _tasks(rng, 3, D)
    t = torch.tensor(theta, requires_grad=True)
    meta_loss = 0
    for X_s, y_s, X_q, y_q in tasks:
        X_s, y_s, X_q, y_q = map(torch.tensor, (X_s, y_s, X_q, y_q))
        (g,) = torch.autograd.grad(((X_s @ t - y_s) ** 2).mean(), t, create_graph=not first_order)
        t_i = t - alpha * (g.detach() if first_order else g)
        meta_loss = meta_loss + ((X_q @ t_i - y_q) ** 2).mean()
    meta_loss.backward()
    expected = theta - beta * t.grad.numpy()
    step = mlc.maml_step_first_order if first_order else ml.maml_step
    np.testing.assert_allclose(step(theta, tasks, alpha, beta), expected, rtol=1e-12)
    if not first_order:
        np.testing.assert_allclose(mlc.maml_step_mean(theta, tasks, alpha, beta),
                                   theta - beta * t.grad.numpy() / len(tasks), rtol=1e-12)


@pytest.mark.torch
def test_mse_grad_against_autograd(torch):
    rng = np.random.default_rng(1)
    w, X, y = rng.normal(size=4), rng.normal(size=(9, 4)), rng.normal(size=9)
    tw = torch.tensor(w, requires_grad=True)
    ((torch.tensor(X) @ tw - torch.tensor(y)) ** 2).mean().backward()
    np.testing.assert_allclose(ml.mse_grad(w, X, y), tw.grad.numpy(), rtol=1e-12)
