"""reference/flows.py against PyTorch (float64): autograd through y and logdet, the log-determinant against
torch.linalg.slogdet of the Jacobian of each sample, and the inverse as an exact round trip."""
import numpy as np
import pytest
from gradcheck import close

from reference.flows import AffineCoupling


@pytest.fixture
def torch():
    return pytest.importorskip("torch")


def _layer(rng, D):
    d = D // 2
    params = [rng.standard_normal((d, D - d)) * 0.6, rng.standard_normal(D - d) * 0.1,
              rng.standard_normal((d, D - d)) * 0.6, rng.standard_normal(D - d) * 0.1]
    return params, AffineCoupling(*[p.copy() for p in params])


def _torch_forward(torch, tx, tWs, tbs, tWt, tbt, d):
    x1, x2 = tx[:, :d], tx[:, d:]
    s = torch.tanh(x1 @ tWs + tbs)
    t = x1 @ tWt + tbt
    return torch.cat([x1, x2 * torch.exp(s) + t], dim=1), s.sum(dim=1)


@pytest.mark.torch
@pytest.mark.parametrize("N, D", [(4, 6), (1, 4), (3, 5), (2, 2)])
def test_coupling_vs_torch_autograd(torch, N, D):
    rng = np.random.default_rng(N * D)
    params, layer = _layer(rng, D)
    x = rng.standard_normal((N, D))
    y, logdet = layer.forward(x)
    dy, dlogdet = rng.standard_normal((N, D)), rng.standard_normal(N)
    dx = layer.backward(dy, dlogdet)
    tx = torch.tensor(x, requires_grad=True)
    tp = [torch.tensor(p, requires_grad=True) for p in params]
    ty, tlogdet = _torch_forward(torch, tx, *tp, D // 2)
    (ty * torch.tensor(dy)).sum().add((tlogdet * torch.tensor(dlogdet)).sum()).backward()
    close(y, ty.detach().numpy())
    close(logdet, tlogdet.detach().numpy())
    close(dx, tx.grad.numpy())
    for g, t in zip((layer.dWs, layer.dbs, layer.dWt, layer.dbt), tp):
        close(g, t.grad.numpy())


@pytest.mark.torch
def test_logdet_is_the_jacobian_log_determinant(torch):
    rng = np.random.default_rng(7)
    params, layer = _layer(rng, 5)
    x = rng.standard_normal((3, 5))
    _, logdet = layer.forward(x)
    tp = [torch.tensor(p) for p in params]
    for n in range(3):
        jac = torch.autograd.functional.jacobian(
            lambda v: _torch_forward(torch, v[None], *tp, 2)[0][0], torch.tensor(x[n]))
        sign, logabs = torch.linalg.slogdet(jac)
        assert sign.item() == 1.0
        close(logdet[n], logabs.item())


def test_inverse_round_trip_both_ways():
    rng = np.random.default_rng(8)
    _, layer = _layer(rng, 6)
    x = rng.standard_normal((5, 6))
    y, _ = layer.forward(x)
    close(layer.inverse(y), x)
    close(layer.forward(layer.inverse(x))[0], x)
