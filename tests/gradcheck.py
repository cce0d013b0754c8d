"""Helpers shared by the reference cross-check tests: central differences, relative error, torch autograd.

Relative error is array-wise, max|a - b| / max(max|a|, max|b|, 1e-300): an element-wise one blows up where the
true gradient is near zero.
"""
import numpy as np

TOL = 1e-10  # float64 agreement with torch


def num_grad(f, a, h=1e-5):
    """Gradient of the scalar f() w.r.t. the array a, by central differences.

    f takes no argument and reads a (a layer's input or one of its parameters);
    a is perturbed in place one element at a time and restored.
    """
    grad = np.zeros_like(a)
    for idx in np.ndindex(a.shape):
        old = a[idx]
        a[idx] = old + h
        fp = f()
        a[idx] = old - h
        fm = f()
        a[idx] = old
        grad[idx] = (fp - fm) / (2 * h)
    return grad


def rel_err(a, b):
    """Array-wise relative error max|a - b| / max(max|a|, max|b|, 1e-300)."""
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    return np.max(np.abs(a - b)) / max(np.max(np.abs(a)), np.max(np.abs(b)), 1e-300)


def close(a, b, tol=TOL):
    np.testing.assert_allclose(a, b, rtol=tol, atol=tol)


def torch_run(torch, fn, arrays, dout):
    """out = fn(*tensors); backprop dout. Returns out and the gradient of every array."""
    ts = [torch.tensor(a, dtype=torch.float64, requires_grad=True) for a in arrays]
    out = fn(*ts)
    out.backward(torch.from_numpy(np.array(dout, dtype=np.float64)))
    return out.detach().numpy(), [t.grad.numpy() for t in ts]
