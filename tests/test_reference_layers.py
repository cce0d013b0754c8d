"""Correctness of reference/layers.py.

For every differentiable layer: forward values and gradients against PyTorch autograd
(float64, random non-uniform upstream gradient, to 1e-10), and against a numerical
gradient by central differences (relative error < 1e-7). Plus dtype (float32 stays
float32) and no mutation of the caller's arrays.

Relative error used throughout (`rel_err`): ARRAY-WISE,
    max|a - b| / max(max|a|, max|b|, 1e-300),
i.e. the largest deviation measured against the largest gradient entry. An
element-wise relative error would blow up on entries whose true gradient is (close
to) zero, which batch norm, softmax and ReLU produce all the time.
"""
import numpy as np
import pytest
from gradcheck import close, num_grad, rel_err, torch_run

from reference.layers import (Affine, BatchNormalization, Dropout, LayerNormalization, Relu,
                              Sigmoid, SoftmaxWithLoss, SpatialBatchNormalization, Tanh)

TOL = 1e-10          # float64 agreement with torch
NUM_TOL = 1e-7       # numerical gradient, relative (array-wise)
BN_EPS = 10e-7       # the book's epsilon in BatchNormalization, i.e. 1e-6
LN_EPS = 1e-5


@pytest.fixture
def torch():
    return pytest.importorskip("torch")










def away_from_zero(rng, shape, margin=0.05):
    """Random values with |x| >= margin (no ReLU kink within the finite-difference step)."""
    x = rng.standard_normal(shape)
    return np.sign(x + (x == 0)) * (margin + np.abs(x))


# --------------------------------------------------------------------------- Relu / Sigmoid / Tanh

ACT_LAYERS = {"relu": Relu, "sigmoid": Sigmoid, "tanh": Tanh}
ACT_SHAPES = [(1, 1), (1, 7), (3, 5), (2, 3, 4), (2, 3, 4, 5)]


@pytest.mark.torch
@pytest.mark.parametrize("name", list(ACT_LAYERS))
@pytest.mark.parametrize("shape", ACT_SHAPES)
def test_activation_layer_vs_torch(torch, name, shape):
    rng = np.random.default_rng(len(shape) * 31 + shape[-1])
    x = away_from_zero(rng, shape) * 2
    dout = rng.standard_normal(shape)
    layer = ACT_LAYERS[name]()
    out = layer.forward(x)
    dx = layer.backward(dout)
    t_out, (t_dx,) = torch_run(torch, getattr(torch, name), [x], dout)
    assert out.shape == shape and dx.shape == shape
    close(out, t_out)
    close(dx, t_dx)


@pytest.mark.parametrize("name", list(ACT_LAYERS))
@pytest.mark.parametrize("shape", ACT_SHAPES)
def test_activation_layer_numerical_gradient(name, shape):
    rng = np.random.default_rng(len(shape) * 17 + shape[-1])
    x = away_from_zero(rng, shape) * 2
    dout = rng.standard_normal(shape)
    layer = ACT_LAYERS[name]()
    layer.forward(x)
    dx = layer.backward(dout)
    num = num_grad(lambda: np.sum(layer.forward(x) * dout), x)
    assert rel_err(num, dx) < NUM_TOL


@pytest.mark.torch
def test_relu_at_exact_zero_and_negatives(torch):
    x = np.array([[-2.0, -0.0, 0.0, 1e-300, 3.0]])
    dout = np.array([[1.5, -2.0, 3.0, 4.0, -5.0]])
    layer = Relu()
    out = layer.forward(x)
    dx = layer.backward(dout)
    np.testing.assert_array_equal(out, [[0, 0, 0, 1e-300, 3.0]])
    # The gradient at exactly 0 is taken as 0 (the mask is x <= 0), as torch does.
    np.testing.assert_array_equal(dx, [[0, 0, 0, 4.0, -5.0]])
    _, (t_dx,) = torch_run(torch, torch.relu, [x], dout)
    np.testing.assert_array_equal(dx, t_dx)


def test_activation_backward_uses_forward_cache():
    # backward must use the input of the *last* forward, not recompute from something else.
    x1, x2 = np.array([[1.0, -1.0]]), np.array([[-1.0, 1.0]])
    dout = np.array([[2.0, 3.0]])
    for cls in ACT_LAYERS.values():
        layer = cls()
        layer.forward(x1)
        layer.forward(x2)
        ref = cls()
        ref.forward(x2)
        np.testing.assert_array_equal(layer.backward(dout), ref.backward(dout))
    s = Sigmoid()
    s.forward(np.array([0.0]))
    np.testing.assert_array_equal(s.backward(np.array([1.0])), [0.25])
    th = Tanh()
    th.forward(np.array([0.0]))
    np.testing.assert_array_equal(th.backward(np.array([2.0])), [2.0])


# --------------------------------------------------------------------------- Affine

AFFINE_CASES = [  # (N, per-sample input shape, M)
    (1, (3,), 2),
    (4, (7,), 5),
    (5, (3,), 1),
    (3, (1,), 4),
    (2, (3, 4, 5), 6),   # 4-D input, flattened per sample
    (1, (2, 3, 3), 4),   # 4-D, batch of one
]


def _affine_case(seed, N, in_shape, M):
    rng = np.random.default_rng(seed)
    D = int(np.prod(in_shape))
    x = rng.standard_normal((N,) + in_shape)
    W = rng.standard_normal((D, M))
    b = rng.standard_normal(M)
    dout = rng.standard_normal((N, M))
    return x, W, b, dout


@pytest.mark.torch
@pytest.mark.parametrize("N, in_shape, M", AFFINE_CASES)
def test_affine_vs_torch(torch, N, in_shape, M):
    x, W, b, dout = _affine_case(N * 10 + M, N, in_shape, M)
    layer = Affine(W, b)
    out = layer.forward(x)
    dx = layer.backward(dout)
    t_out, (t_dx, t_dW, t_db) = torch_run(
        torch, lambda tx, tW, tb: tx.reshape(N, -1) @ tW + tb, [x, W, b], dout)
    assert out.shape == (N, M)
    assert dx.shape == x.shape  # restored to the original (possibly 4-D) shape
    assert layer.dW.shape == W.shape and layer.db.shape == b.shape
    close(out, t_out)
    close(dx, t_dx)
    close(layer.dW, t_dW)
    close(layer.db, t_db)


@pytest.mark.parametrize("N, in_shape, M", AFFINE_CASES)
def test_affine_numerical_gradient(N, in_shape, M):
    x, W, b, dout = _affine_case(N * 7 + M, N, in_shape, M)
    layer = Affine(W, b)
    layer.forward(x)
    dx = layer.backward(dout)
    dW, db = layer.dW.copy(), layer.db.copy()

    def loss():
        return np.sum(layer.forward(x) * dout)
    assert rel_err(num_grad(loss, x), dx) < NUM_TOL
    assert rel_err(num_grad(loss, W), dW) < NUM_TOL   # layer.W is W: perturbing W moves the layer
    assert rel_err(num_grad(loss, b), db) < NUM_TOL


# --------------------------------------------------------------------------- SoftmaxWithLoss

SWL_SHAPES = [(1, 2), (1, 3), (4, 5), (7, 2), (3, 10)]


def _swl_case(seed, N, D, labels):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((N, D)) * 2
    t_int = rng.integers(0, D, size=N)
    t = t_int if labels == "int" else np.eye(D)[t_int]
    dout = float(rng.uniform(0.5, 2.0) * rng.choice([-1, 1]))
    return x, t, t_int, dout


def _log_softmax(x):
    m = np.max(x, axis=-1, keepdims=True)
    return x - m - np.log(np.sum(np.exp(x - m), axis=-1, keepdims=True))


def _unguarded_loss(x, t_int):
    """Mean cross entropy of softmax(x) WITHOUT the 1e-7 guard: -mean(log_softmax(x)[t])."""
    return -np.mean(_log_softmax(x)[np.arange(x.shape[0]), t_int])


@pytest.mark.torch
@pytest.mark.parametrize("N, D", SWL_SHAPES)
@pytest.mark.parametrize("labels", ["int", "onehot"])
def test_softmax_with_loss_vs_torch(torch, N, D, labels):
    F = torch.nn.functional
    x, t, t_int, dout = _swl_case(N * 13 + D, N, D, labels)
    layer = SoftmaxWithLoss()
    loss = layer.forward(x, t)
    dx = layer.backward(dout)

    # Forward: the same formula as the reference, with the 1e-7 guard, in torch.
    tx = torch.from_numpy(x.copy())
    p = torch.softmax(tx, dim=-1)
    t_loss = -torch.mean(torch.log(p[torch.arange(N), torch.from_numpy(t_int)] + 1e-7)).item()
    assert np.ndim(loss) == 0
    close(loss, t_loss)
    close(layer.y, p.numpy())

    # Backward: (y - t) / N * dout is the exact gradient of the UNGUARDED loss, i.e. of
    # F.cross_entropy (see the SoftmaxWithLoss docstring), so compare with its autograd.
    target = torch.from_numpy(t_int) if labels == "int" else torch.from_numpy(t.astype(np.float64))
    _, (t_dx,) = torch_run(torch, lambda a: F.cross_entropy(a, target) * dout, [x], 1.0)
    assert dx.shape == x.shape
    close(dx, t_dx)


@pytest.mark.parametrize("N, D", SWL_SHAPES)
@pytest.mark.parametrize("labels", ["int", "onehot"])
def test_softmax_with_loss_numerical_gradient(N, D, labels):
    x, t, t_int, dout = _swl_case(N * 5 + D, N, D, labels)
    layer = SoftmaxWithLoss()
    layer.forward(x, t)
    dx = layer.backward(dout)

    # backward returns dout * (y - t) / N, the exact gradient of the loss WITHOUT the
    # 1e-7 guard inside the log (the guard only protects against log(0)), so the
    # numerical check is done on that unguarded loss.
    num = num_grad(lambda: dout * _unguarded_loss(x, t_int), x)
    assert rel_err(num, dx) < NUM_TOL

    # The guarded forward's gradient is backward's, row by row, times y_t / (y_t + 1e-7):
    # the relative difference is at most 1e-7 / min(y_t).
    num_guarded = num_grad(lambda: dout * layer.forward(x, t), x)
    min_yt = np.min(layer.y[np.arange(N), t_int])
    assert rel_err(num_guarded, dx) <= 1e-7 / min_yt + 1e-9


def test_softmax_with_loss_guard_matters_only_when_y_t_is_tiny():
    # y_t = 1 / (1 + e**14) ~ 8e-7: the guard changes the forward's gradient by ~10 %,
    # and backward still gives the exact gradient of the unguarded loss.
    x = np.array([[0.0, 14.0], [0.3, -0.2]])
    t = np.array([0, 1])
    layer = SoftmaxWithLoss()
    layer.forward(x, t)
    dx = layer.backward(1.0)
    assert rel_err(num_grad(lambda: _unguarded_loss(x, t), x), dx) < NUM_TOL
    guarded = rel_err(num_grad(lambda: layer.forward(x, t), x), dx)
    yt = layer.y[0, 0]
    assert 1e-3 < guarded <= 1e-7 / yt + 1e-9


def test_softmax_with_loss_closed_form():
    x = np.array([[0.0, np.log(3.0)], [np.log(2.0), 0.0]])  # y = [.25, .75], [2/3, 1/3]
    layer = SoftmaxWithLoss()
    loss = layer.forward(x, np.array([1, 1]))
    np.testing.assert_allclose(loss, -(np.log(0.75 + 1e-7) + np.log(1 / 3 + 1e-7)) / 2, rtol=1e-14)
    np.testing.assert_allclose(layer.backward(), [[0.125, -0.125], [1 / 3, -1 / 3]], rtol=1e-14)
    np.testing.assert_allclose(layer.backward(2.0), [[0.25, -0.25], [2 / 3, -2 / 3]], rtol=1e-14)


# --------------------------------------------------------------------------- BatchNormalization

# Two layers: the book's BatchNormalization (per feature; 4-D input is reshaped to (N, C*H*W) and normalised per
# activation, as the book does) and SpatialBatchNormalization (4-D input per channel, PyTorch's BatchNorm2d).
# "kind" below is "book" or "spatial"; both are compared with F.batch_norm on the array each one normalises.
BN_SHAPES = [("book", s) for s in [(2, 3), (3, 4), (5, 1), (7, 6), (3, 2, 2, 3), (4, 1, 2, 2), (2, 2, 1, 1)]] + \
    [("spatial", s) for s in [(2, 3, 4, 5), (1, 2, 3, 3), (3, 1, 2, 5), (2, 4, 1, 1)]]
# For N = 2 (book) or N*H*W = 2 (spatial) the normalised output is ~ +-1 whatever x is, so dx is ~eps-sized and a
# finite-difference check measures noise; those shapes are only compared with torch.
BN_NUM_SHAPES = [(k, s) for k, s in BN_SHAPES if (s[0] if k == "book" else s[0] * int(np.prod(s[2:]))) > 2]
BN_LAYERS = {"book": BatchNormalization, "spatial": SpatialBatchNormalization}


def _bn_features(kind, shape):
    """Number of normalised columns: every activation for the book's layer, every channel for the spatial one."""
    return int(np.prod(shape[1:])) if kind == "book" else shape[1]


def _bn_columns(kind, x):
    """x as torch's batch_norm sees the same normalisation: (N, D) per column, or (N, C, H, W) per channel."""
    return x.reshape(x.shape[0], -1) if kind == "book" else x


def _bn_case(seed, kind, shape):
    rng = np.random.default_rng(seed)
    D = _bn_features(kind, shape)
    shift = rng.standard_normal(shape[1:]) if kind == "book" else \
        rng.standard_normal(shape[1]).reshape((shape[1],) + (1,) * (len(shape) - 2))
    x = rng.standard_normal(shape) * 3 + shift
    gamma = rng.uniform(0.5, 2.0, D) * rng.choice([-1, 1], D)
    beta = rng.standard_normal(D)
    dout = rng.standard_normal(shape)
    return x, gamma, beta, dout


def _bn_id(case):
    return f"{case[0]}-{'x'.join(map(str, case[1]))}"


@pytest.mark.torch
@pytest.mark.parametrize("case", BN_SHAPES, ids=_bn_id)
def test_batchnorm_train_vs_torch(torch, case):
    kind, shape = case
    F = torch.nn.functional
    x, gamma, beta, dout = _bn_case(sum(shape) * 3 + len(shape), kind, shape)
    layer = BN_LAYERS[kind](gamma, beta)
    out = layer.forward(x, train_flg=True)
    dx = layer.backward(dout)
    t_out, (t_dx, t_dg, t_db) = torch_run(
        torch, lambda a, g, b: F.batch_norm(a, None, None, g, b, training=True, eps=BN_EPS),
        [_bn_columns(kind, x), gamma, beta], _bn_columns(kind, dout))
    assert out.shape == shape and dx.shape == shape
    assert layer.dgamma.shape == gamma.shape and layer.dbeta.shape == beta.shape
    close(_bn_columns(kind, out), t_out)
    close(_bn_columns(kind, dx), t_dx)
    close(layer.dgamma, t_dg)
    close(layer.dbeta, t_db)


@pytest.mark.torch
@pytest.mark.parametrize("shape", [(2, 3, 4, 5), (3, 2, 3, 1)])
def test_spatial_batchnorm_is_batchnorm2d(torch, shape):
    """SpatialBatchNormalization = nn.BatchNorm2d with eps 10e-7 and momentum 1 - 0.9, except the running
    variance: the module's is unbiased (n - 1), the book's convention biased (n = N*H*W)."""
    x, gamma, beta, dout = _bn_case(7, "spatial", shape)
    C = shape[1]
    n = shape[0] * shape[2] * shape[3]
    layer = SpatialBatchNormalization(gamma.copy(), beta.copy())
    module = torch.nn.BatchNorm2d(C, eps=BN_EPS, momentum=0.1).double()
    with torch.no_grad():
        module.weight.copy_(torch.from_numpy(gamma))
        module.bias.copy_(torch.from_numpy(beta))
        module.running_var.zero_()    # the module starts from 1, the book's layer from 0
    for step in range(3):
        xs = x * (step + 1) + step
        out = layer.forward(xs, train_flg=True)
        tx = torch.from_numpy(xs).requires_grad_(True)
        t_out = module(tx)
        t_out.backward(torch.from_numpy(dout))
        close(out, t_out.detach().numpy())
        close(layer.backward(dout), tx.grad.numpy())
        close(layer.dgamma, module.weight.grad.numpy())
        close(layer.dbeta, module.bias.grad.numpy())
        module.zero_grad()
    close(layer.running_mean, module.running_mean.numpy())
    close(layer.running_var * n / (n - 1), module.running_var.numpy())
    # At inference, with the module given the layer's (biased) running variance, the two agree.
    with torch.no_grad():
        module.running_var.copy_(torch.from_numpy(layer.running_var))
    module.eval()
    xt = x[:1] * 2 - 1
    close(layer.forward(xt, train_flg=False), module(torch.from_numpy(xt)).detach().numpy())


@pytest.mark.parametrize("case", BN_NUM_SHAPES, ids=_bn_id)
def test_batchnorm_numerical_gradient(case):
    kind, shape = case
    x, gamma, beta, dout = _bn_case(sum(shape) * 5 + len(shape), kind, shape)
    layer = BN_LAYERS[kind](gamma, beta)
    layer.forward(x)
    dx = layer.backward(dout)
    dgamma, dbeta = layer.dgamma.copy(), layer.dbeta.copy()

    def loss():
        return np.sum(layer.forward(x, train_flg=True) * dout)
    assert rel_err(num_grad(loss, x), dx) < NUM_TOL
    assert rel_err(num_grad(loss, gamma), dgamma) < NUM_TOL
    assert rel_err(num_grad(loss, beta), dbeta) < NUM_TOL


def test_batchnorm_normalises_per_feature_per_activation_and_per_channel():
    rng = np.random.default_rng(11)
    x2 = rng.standard_normal((50, 3)) * [1.0, 5.0, 0.1] + [3.0, -2.0, 0.0]
    out2 = BatchNormalization(np.ones(3), np.zeros(3)).forward(x2)
    np.testing.assert_allclose(out2.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(out2.var(axis=0), x2.var(axis=0) / (x2.var(axis=0) + BN_EPS), rtol=1e-12)
    x4 = rng.standard_normal((40, 2, 3, 5)) * np.array([1.0, 7.0]).reshape(1, 2, 1, 1)
    # The book's layer: every activation (c, h, w) over the batch.
    out4 = BatchNormalization(np.ones(30), np.zeros(30)).forward(x4)
    np.testing.assert_allclose(out4.mean(axis=0), 0, atol=1e-12)
    v = x4.var(axis=0)
    np.testing.assert_allclose(out4.var(axis=0), v / (v + BN_EPS), rtol=1e-12)
    # The spatial layer: every channel over the batch, height and width.
    outs = SpatialBatchNormalization(np.ones(2), np.zeros(2)).forward(x4)
    np.testing.assert_allclose(outs.mean(axis=(0, 2, 3)), 0, atol=1e-12)
    v = x4.var(axis=(0, 2, 3))
    np.testing.assert_allclose(outs.var(axis=(0, 2, 3)), v / (v + BN_EPS), rtol=1e-12)


def _bn_stats_axes(kind, shape):
    return (0,) if kind == "book" else (0, 2, 3)


@pytest.mark.parametrize("case", [("book", (4, 3)), ("book", (6, 1)), ("book", (3, 2, 2, 4)), ("spatial", (2, 3, 2, 4))],
                         ids=_bn_id)
def test_batchnorm_running_stats_formula(case):
    kind, shape = case
    rng = np.random.default_rng(21)
    D = _bn_features(kind, shape)
    gamma, beta = rng.uniform(0.5, 2, D), rng.standard_normal(D)
    layer = BN_LAYERS[kind](gamma, beta)
    axes = _bn_stats_axes(kind, shape)
    rm, rv = np.zeros(D), np.zeros(D)
    for step in range(3):
        x = rng.standard_normal(shape) * (step + 1) + step
        layer.forward(x, train_flg=True)
        # Documented: momentum 0.9 on the old value, BIASED batch variance (divided by n).
        rm = 0.9 * rm + 0.1 * x.mean(axis=axes).reshape(-1)
        rv = 0.9 * rv + 0.1 * x.var(axis=axes).reshape(-1)
        assert layer.running_mean.shape == (D,) and layer.running_var.shape == (D,)
        np.testing.assert_allclose(layer.running_mean, rm, rtol=1e-13, atol=1e-15)
        np.testing.assert_allclose(layer.running_var, rv, rtol=1e-13, atol=1e-15)


@pytest.mark.torch
@pytest.mark.parametrize("case", [("book", (4, 3)), ("book", (5, 2, 2, 2)), ("spatial", (2, 3, 2, 4))], ids=_bn_id)
def test_batchnorm_running_var_is_biased_unlike_torch(torch, case):
    """torch's running_var uses the unbiased variance (divide by n - 1): with the same
    n in every call and both starting from 0, torch's equals the reference's times
    n / (n - 1). The running means agree (torch momentum = 1 - reference momentum)."""
    kind, shape = case
    F = torch.nn.functional
    rng = np.random.default_rng(22)
    D = _bn_features(kind, shape)
    n = shape[0] * (shape[2] * shape[3] if kind == "spatial" else 1)
    gamma, beta = rng.uniform(0.5, 2, D), rng.standard_normal(D)
    layer = BN_LAYERS[kind](gamma, beta)
    t_rm = torch.zeros(D, dtype=torch.float64)
    t_rv = torch.zeros(D, dtype=torch.float64)
    for step in range(3):
        x = rng.standard_normal(shape) * (step + 1) + step
        layer.forward(x, train_flg=True)
        F.batch_norm(torch.from_numpy(_bn_columns(kind, x)), t_rm, t_rv, torch.from_numpy(gamma),
                     torch.from_numpy(beta), training=True, momentum=0.1, eps=BN_EPS)
    close(layer.running_mean, t_rm.numpy())
    close(layer.running_var * n / (n - 1), t_rv.numpy())
    assert np.all(np.abs(layer.running_var - t_rv.numpy()) > 1e-3 * np.abs(t_rv.numpy()))


@pytest.mark.torch
@pytest.mark.parametrize("case", [("book", (4, 3)), ("book", (1, 3)), ("book", (2, 3, 2, 2)), ("spatial", (2, 3, 2, 4)),
                                  ("spatial", (1, 3, 2, 2))], ids=_bn_id)
def test_batchnorm_inference_uses_running_stats(torch, case):
    kind, shape = case
    F = torch.nn.functional
    rng = np.random.default_rng(23)
    D = _bn_features(kind, shape)
    gamma, beta = rng.uniform(0.5, 2, D), rng.standard_normal(D)
    layer = BN_LAYERS[kind](gamma, beta)
    train_shape = (5,) + shape[1:]
    for step in range(3):
        layer.forward(rng.standard_normal(train_shape) * 2 + 1, train_flg=True)
    rm, rv = layer.running_mean.copy(), layer.running_var.copy()
    x = rng.standard_normal(shape)
    out = layer.forward(x, train_flg=False)
    cols = _bn_columns(kind, x)
    bshape = (1, D) + (1,) * (cols.ndim - 2)
    expected = gamma.reshape(bshape) * (cols - rm.reshape(bshape)) / np.sqrt(rv.reshape(bshape) + BN_EPS) \
        + beta.reshape(bshape)
    np.testing.assert_allclose(_bn_columns(kind, out), expected, rtol=1e-13, atol=1e-13)
    t_out = F.batch_norm(torch.from_numpy(cols), torch.from_numpy(rm.copy()), torch.from_numpy(rv.copy()),
                         torch.from_numpy(gamma), torch.from_numpy(beta), training=False, eps=BN_EPS)
    close(_bn_columns(kind, out), t_out.numpy())
    # Inference leaves the running statistics alone and does not depend on the batch.
    np.testing.assert_array_equal(layer.running_mean, rm)
    np.testing.assert_array_equal(layer.running_var, rv)
    out_first = layer.forward(x[:1], train_flg=False)
    np.testing.assert_allclose(out_first, out[:1], rtol=1e-14, atol=1e-14)


def test_batchnorm_given_running_stats_are_used():
    gamma, beta = np.array([2.0, 1.0]), np.array([0.5, -1.0])
    layer = BatchNormalization(gamma, beta, running_mean=np.array([1.0, -1.0]),
                               running_var=np.array([4.0, 0.25]))
    out = layer.forward(np.array([[3.0, 0.0]]), train_flg=False)
    np.testing.assert_allclose(out, [[2.0 * 2.0 / np.sqrt(4.0 + BN_EPS) + 0.5,
                                      1.0 * 1.0 / np.sqrt(0.25 + BN_EPS) - 1.0]], rtol=1e-14)


# --------------------------------------------------------------------------- LayerNormalization

LN_SHAPES = [(1, 5), (4, 7), (2, 1), (3, 2), (2, 3, 4), (1, 5, 6), (3, 2, 1)]
# D = 2 normalises each pair to ~ +-1 whatever x is (dx ~ eps-sized), so, as for batch
# norm with two values, it is compared with torch only. D = 1 gives exactly zero dx.
LN_NUM_SHAPES = [s for s in LN_SHAPES if s[-1] != 2]


def _ln_case(seed, shape):
    rng = np.random.default_rng(seed)
    D = shape[-1]
    x = rng.standard_normal(shape) * 2 + rng.standard_normal(shape[:-1] + (1,)) * 3
    gamma = rng.uniform(0.5, 2.0, D) * rng.choice([-1, 1], D)
    beta = rng.standard_normal(D)
    dout = rng.standard_normal(shape)
    return x, gamma, beta, dout


@pytest.mark.torch
@pytest.mark.parametrize("shape", LN_SHAPES)
def test_layernorm_vs_torch(torch, shape):
    F = torch.nn.functional
    x, gamma, beta, dout = _ln_case(sum(shape) * 11 + len(shape), shape)
    D = shape[-1]
    layer = LayerNormalization(gamma, beta)
    out = layer.forward(x)
    dx = layer.backward(dout)
    t_out, (t_dx, t_dg, t_db) = torch_run(
        torch, lambda a, g, b: F.layer_norm(a, (D,), g, b, eps=LN_EPS), [x, gamma, beta], dout)
    assert out.shape == shape and dx.shape == shape
    assert layer.dgamma.shape == (D,) and layer.dbeta.shape == (D,)
    close(out, t_out)
    close(dx, t_dx)
    close(layer.dgamma, t_dg)
    close(layer.dbeta, t_db)


@pytest.mark.parametrize("shape", LN_NUM_SHAPES)
def test_layernorm_numerical_gradient(shape):
    x, gamma, beta, dout = _ln_case(sum(shape) * 3 + len(shape), shape)
    layer = LayerNormalization(gamma, beta)
    layer.forward(x)
    dx = layer.backward(dout)
    dgamma, dbeta = layer.dgamma.copy(), layer.dbeta.copy()

    def loss():
        return np.sum(layer.forward(x) * dout)
    assert rel_err(num_grad(loss, x), dx) < NUM_TOL
    assert rel_err(num_grad(loss, gamma), dgamma) < NUM_TOL
    assert rel_err(num_grad(loss, beta), dbeta) < NUM_TOL


def test_layernorm_normalises_each_sample_over_last_axis():
    rng = np.random.default_rng(12)
    x = rng.standard_normal((3, 4, 8)) * 5 + 2
    out = LayerNormalization(np.ones(8), np.zeros(8)).forward(x)
    np.testing.assert_allclose(out.mean(axis=-1), 0, atol=1e-12)
    v = x.var(axis=-1)
    np.testing.assert_allclose(out.var(axis=-1), v / (v + LN_EPS), rtol=1e-12)


# --------------------------------------------------------------------------- Dropout

@pytest.mark.parametrize("ratio", [0.1, 0.5, 0.8])
def test_dropout_train_is_x_times_mask_and_backward_reuses_it(ratio):
    rng = np.random.default_rng(31)
    x = rng.standard_normal((4, 6, 5))
    dout = rng.standard_normal(x.shape)
    layer = Dropout(ratio)
    np.random.seed(1234)
    out = layer.forward(x, train_flg=True)
    mask = layer.mask.copy()
    # The mask is np.random.rand(*x.shape) > ratio, drawn from the global RNG.
    np.random.seed(1234)
    np.testing.assert_array_equal(mask, np.random.rand(*x.shape) > ratio)
    assert 0 < mask.sum() < mask.size
    np.testing.assert_array_equal(out, x * mask)          # non-inverted: no 1 / (1 - ratio)
    dx = layer.backward(dout)
    np.testing.assert_array_equal(dx, dout * mask)
    np.testing.assert_array_equal(layer.backward(dout), dx)  # same mask every time
    assert np.all(dx[~mask] == 0)


@pytest.mark.parametrize("ratio", [0.0, 0.3, 0.5, 0.9])
def test_dropout_inference_scales_by_keep_prob(ratio):
    x = np.random.default_rng(32).standard_normal((3, 7))
    layer = Dropout(ratio)
    layer.forward(np.ones((2, 2)), train_flg=True)
    mask = layer.mask.copy()
    out = layer.forward(x, train_flg=False)
    np.testing.assert_allclose(out, x * (1 - ratio), rtol=1e-15, atol=0)
    np.testing.assert_array_equal(layer.mask, mask)  # inference does not redraw the mask


@pytest.mark.parametrize("ratio", [0.1, 0.5, 0.8])
def test_dropout_keep_rate_and_expectation(ratio):
    np.random.seed(0)
    x = np.full((1000, 1000), 3.0)
    layer = Dropout(ratio)
    out = layer.forward(x, train_flg=True)
    keep = layer.mask.mean()
    # n = 1e6: the standard error of the keep rate is <= 5e-4; 3e-3 is 6 of them.
    assert abs(keep - (1 - ratio)) < 3e-3
    # Training output's mean matches inference's (non-inverted dropout's invariant).
    assert abs(out.mean() - layer.forward(x, train_flg=False).mean()) < 3 * 3e-3


@pytest.mark.torch
def test_dropout_gradient_vs_torch_and_numerical(torch):
    rng = np.random.default_rng(33)
    x = rng.standard_normal((3, 5))
    dout = rng.standard_normal((3, 5))
    layer = Dropout(0.4)
    np.random.seed(7)
    out = layer.forward(x)
    dx = layer.backward(dout)
    mask = layer.mask.astype(np.float64)
    t_out, (t_dx,) = torch_run(torch, lambda a: a * torch.from_numpy(mask), [x], dout)
    close(out, t_out)
    close(dx, t_dx)

    def loss():
        np.random.seed(7)  # the same mask at every evaluation
        return np.sum(layer.forward(x) * dout)
    assert rel_err(num_grad(loss, x), dx) < NUM_TOL


# --------------------------------------------------------------------------- dtype and mutation

def _make(name, dtype, rng):
    """(layer, forward(x) callable, x, dout, params) for one layer in the given dtype."""
    def r(*shape):
        return rng.standard_normal(shape).astype(dtype)
    if name in ACT_LAYERS:
        x = r(3, 4)
        layer = ACT_LAYERS[name]()
        return layer, layer.forward, x, r(3, 4), {}
    if name == "affine":
        layer = Affine(r(12, 5), r(5))
        return layer, layer.forward, r(2, 3, 2, 2), r(2, 5), {"W": layer.W, "b": layer.b}
    if name in ("batchnorm2d", "batchnorm4d"):
        shape, D = ((5, 3), 3) if name == "batchnorm2d" else ((3, 3, 4, 2), 24)
        layer = BatchNormalization(r(D), r(D))
        return layer, layer.forward, r(*shape), r(*shape), {"gamma": layer.gamma, "beta": layer.beta}
    if name == "spatial_batchnorm":
        layer = SpatialBatchNormalization(r(3), r(3))
        return layer, layer.forward, r(2, 3, 4, 2), r(2, 3, 4, 2), {"gamma": layer.gamma, "beta": layer.beta}
    if name == "layernorm":
        layer = LayerNormalization(r(6), r(6))
        return layer, layer.forward, r(2, 3, 6), r(2, 3, 6), {"gamma": layer.gamma, "beta": layer.beta}
    if name == "dropout":
        layer = Dropout(0.5)
        return layer, layer.forward, r(4, 5), r(4, 5), {}
    raise KeyError(name)


DIFF_LAYERS = ["relu", "sigmoid", "tanh", "affine", "batchnorm2d", "batchnorm4d", "spatial_batchnorm", "layernorm",
               "dropout"]
PARAM_GRADS = {"W": "dW", "b": "db", "gamma": "dgamma", "beta": "dbeta"}


@pytest.mark.parametrize("name", DIFF_LAYERS)
def test_float32_stays_float32(name):
    layer32, fwd32, x32, dout32, params32 = _make(name, np.float32, np.random.default_rng(41))
    layer64, fwd64, x64, dout64, params64 = _make(name, np.float64, np.random.default_rng(41))
    np.random.seed(5)
    out32 = fwd32(x32)
    dx32 = layer32.backward(dout32)
    assert out32.dtype == np.float32 and dx32.dtype == np.float32
    # Same values as float64 on the float32-rounded inputs (up to float32 precision).
    for k, v in params64.items():
        v[...] = params32[k]
    np.random.seed(5)
    out64 = fwd64(x32.astype(np.float64))
    dx64 = layer64.backward(dout32.astype(np.float64))
    np.testing.assert_allclose(out32, out64, rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(dx32, dx64, rtol=1e-4, atol=1e-4)
    for k in params32:
        g = getattr(layer32, PARAM_GRADS[k])
        assert g.dtype == np.float32, k
        np.testing.assert_allclose(g, getattr(layer64, PARAM_GRADS[k]), rtol=1e-4, atol=1e-4)
    if "batchnorm" in name:
        assert layer32.running_mean.dtype == np.float32 and layer32.running_var.dtype == np.float32
        assert fwd32(x32, train_flg=False).dtype == np.float32
    if name == "dropout":
        assert fwd32(x32, train_flg=False).dtype == np.float32


@pytest.mark.parametrize("labels", ["int", "onehot_float32"])
def test_softmax_with_loss_float32(labels):
    rng = np.random.default_rng(42)
    x = rng.standard_normal((4, 3)).astype(np.float32)
    t_int = np.array([0, 2, 1, 2])
    t = t_int if labels == "int" else np.eye(3, dtype=np.float32)[t_int]
    layer = SoftmaxWithLoss()
    loss = layer.forward(x, t)
    dx = layer.backward(1.5)
    assert np.asarray(loss).dtype == np.float32 and dx.dtype == np.float32
    ref = SoftmaxWithLoss()
    np.testing.assert_allclose(loss, ref.forward(x.astype(np.float64), t_int), rtol=1e-5)
    np.testing.assert_allclose(dx, ref.backward(1.5), rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("name", DIFF_LAYERS)
def test_layers_do_not_mutate_inputs(name):
    layer, fwd, x, dout, params = _make(name, np.float64, np.random.default_rng(43))
    x[(0,) * x.ndim] = -abs(x[(0,) * x.ndim])  # at least one negative, for Relu's mask
    dout[(0,) * dout.ndim] = 1.0
    copies = [a.copy() for a in (x, dout, *params.values())]
    fwd(x)
    dx1 = layer.backward(dout).copy()
    dx2 = layer.backward(dout)
    np.testing.assert_array_equal(dx1, dx2)   # backward does not eat its own cache
    if "batchnorm" in name or name == "dropout":
        fwd(x, train_flg=False)
    if name == "relu":
        # The book's Relu.backward zeroes dout through the mask in place (a network never reads dout again):
        # dout changes exactly where the mask is set, and nothing else does.
        np.testing.assert_array_equal(dout, np.where(x <= 0, 0.0, copies[1]))
        copies[1], dout = dout, dout
    for before, after in zip(copies, (x, dout, *params.values())):
        np.testing.assert_array_equal(after, before)


@pytest.mark.parametrize("labels", ["int", "onehot"])
def test_softmax_with_loss_does_not_mutate_inputs(labels):
    rng = np.random.default_rng(44)
    x = rng.standard_normal((3, 4))
    t = np.array([3, 0, 1]) if labels == "int" else np.eye(4)[[3, 0, 1]]
    dout = np.float64(0.7)
    x0, t0 = x.copy(), t.copy()
    layer = SoftmaxWithLoss()
    layer.forward(x, t)
    dx1 = layer.backward(dout)
    dx2 = layer.backward(dout)
    np.testing.assert_array_equal(x, x0)
    np.testing.assert_array_equal(t, t0)
    np.testing.assert_array_equal(dx1, dx2)  # backward does not eat its own cache
    assert dout == 0.7
