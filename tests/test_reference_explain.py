"""reference.explain against PyTorch autograd: Grad-CAM of a GAP + linear head equals ReLU(CAM) / HW (Selvaraju et
al.'s identity), Grad-CAM against a torch implementation, integrated gradients against autograd path gradients and
the completeness axiom (Σ IG → F(x) − F(x'))."""
import numpy as np
import pytest

from gradcheck import close
from reference import explain_conventions as conv
from reference.explain import cam, grad_cam, integrated_gradients


@pytest.fixture
def torch():
    return pytest.importorskip("torch")


@pytest.mark.torch
@pytest.mark.parametrize("C, H, W, K", [(4, 5, 6, 3), (6, 3, 3, 10), (1, 4, 2, 2)])
def test_grad_cam_of_a_gap_linear_head_is_relu_cam_over_hw(torch, C, H, W, K):
    rng = np.random.default_rng(C * H + W)
    A, W_fc, b = rng.uniform(0, 2, (C, H, W)), rng.standard_normal((K, C)), rng.standard_normal(K)
    for c in range(K):
        a = torch.tensor(A, requires_grad=True)
        y = torch.from_numpy(W_fc) @ a.mean(dim=(1, 2)) + torch.from_numpy(b)
        y[c].backward()
        grads = a.grad.numpy()
        close(cam(A, W_fc, c), np.tensordot(W_fc[c], A, axes=([0], [0])))
        close(grad_cam(A, grads), np.maximum(cam(A, W_fc, c), 0) / (H * W))


@pytest.mark.torch
def test_grad_cam_vs_torch_on_a_conv_net(torch):
    torch.manual_seed(0)
    x = torch.randn(1, 3, 8, 7, dtype=torch.float64)
    conv1 = torch.nn.Conv2d(3, 5, 3, padding=1).double()
    head = torch.nn.Linear(5 * 8 * 7, 4).double()
    A = torch.relu(conv1(x))
    A.retain_grad()
    y = head(A.flatten(1))
    y[0, 2].backward()
    a, g = A[0].detach(), A.grad[0]
    expected = torch.relu((g.mean(dim=(1, 2))[:, None, None] * a).sum(0)).numpy()
    got = grad_cam(a.numpy(), g.numpy())
    close(got, expected)
    assert (np.tensordot(g.mean(dim=(1, 2)).numpy(), a.numpy(), axes=1) < 0).any()   # the ReLU matters here
    assert conv.grad_cam_normalized(a.numpy(), g.numpy()).max() == pytest.approx(1.0)


def _torch_model(torch):
    torch.manual_seed(1)
    net = torch.nn.Sequential(torch.nn.Linear(6, 8), torch.nn.Tanh(), torch.nn.Linear(8, 1)).double()

    def F(x):
        return net(torch.as_tensor(x).reshape(1, -1)).sum()

    def grad_fn(x):
        t = torch.tensor(np.asarray(x, dtype=np.float64), requires_grad=True)
        F(t).backward()
        return t.grad.numpy().astype(np.asarray(x).dtype)
    return F, grad_fn


@pytest.mark.torch
@pytest.mark.parametrize("m", [1, 7, 50])
def test_integrated_gradients_vs_torch_path_gradients(torch, m):
    F, grad_fn = _torch_model(torch)
    rng = np.random.default_rng(m)
    x, baseline = rng.standard_normal(6), rng.standard_normal(6) * 0.3
    alphas = torch.arange(1, m + 1, dtype=torch.float64) / m
    path = torch.from_numpy(baseline) + alphas[:, None] * torch.from_numpy(x - baseline)
    path.requires_grad_(True)
    sum(F(p) for p in path).backward()
    expected = (x - baseline) * path.grad.mean(dim=0).numpy()
    close(integrated_gradients(x, baseline, grad_fn, m), expected)


@pytest.mark.torch
def test_integrated_gradients_completeness(torch):
    F, grad_fn = _torch_model(torch)
    rng = np.random.default_rng(5)
    x, baseline = rng.standard_normal(6) * 2, np.zeros(6)
    gap = (F(x) - F(baseline)).item()
    errors = [abs(integrated_gradients(x, baseline, grad_fn, m).sum() - gap) for m in (10, 100, 1000)]
    assert errors[2] < 1e-3 * max(abs(gap), 1) and errors[0] > errors[1] > errors[2]
    mid = conv.integrated_gradients_midpoint(x, baseline, grad_fn, 100).sum()
    trap = conv.integrated_gradients_trapezoid(x, baseline, grad_fn, 100).sum()
    assert abs(mid - gap) < errors[1] and abs(trap - gap) < errors[1]        # second-order rules


def test_integrated_gradients_hand_value():
    # F = Σ x², baseline 0: the right sum gives x² (m + 1) / m, the left sum x² (m - 1) / m, the exact value x².
    x = np.array([1.0, -2.0, 3.0])
    close(integrated_gradients(x, np.zeros(3), lambda z: 2 * z, 4), x ** 2 * 5 / 4)
    close(conv.integrated_gradients_left(x, np.zeros(3), lambda z: 2 * z, 4), x ** 2 * 3 / 4)
    close(conv.integrated_gradients_trapezoid(x, np.zeros(3), lambda z: 2 * z, 4), x ** 2)
