"""The fast forms (reference/fast/) against the book's forms (reference/), which the drills teach.

Every fast layer must give the book form's outputs and gradients, in float32 and float64, whether the batch runs
as one part or split across threads (`threads` fixture: MIN_WORK is lowered so that even these small batches are
split). Relative errors are array-wise (gradcheck.rel_err: the largest deviation against the largest entry).
float64 agrees to rounding (1e-12); float32 to a few units of float32 rounding over sums of up to a few hundred
terms (FLOAT32_TOL), which is what two correct float32 implementations with different summation orders give.
"""
import os
import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from gradcheck import rel_err

from reference import conv as book_conv
from reference import layers as book_layers
from reference import optimizers as book_optimizers
from reference.fast import conv as fast_conv
from reference.fast import layers as fast_layers
from reference.fast import optimizers as fast_optimizers
from reference.fast import parallel

ROOT = Path(__file__).resolve().parent.parent

FLOAT64_TOL = 1e-12
FLOAT32_TOL = 2e-6
DTYPES = [np.float32, np.float64]


def tol(dtype):
    return FLOAT32_TOL if np.dtype(dtype) == np.float32 else FLOAT64_TOL


@pytest.fixture(params=[(1, 0), (2, 0), (2, None)], ids=["1-thread", "2-threads", "2-threads-small-work-unsplit"])
def threads(request, monkeypatch):
    k, min_work = request.param
    if min_work is not None:
        monkeypatch.setattr(parallel, "MIN_WORK", min_work)
    before = parallel.get_threads()
    parallel.set_threads(k)
    yield k
    parallel.set_threads(before)


def channels_last_view(a):
    """True when a (N, C, H, W) is a view of C-contiguous (N, H, W, C) memory."""
    return a.ndim == 4 and a.transpose(0, 2, 3, 1).flags.c_contiguous


def assert_close(fast, book, dtype, what):
    assert fast.shape == book.shape, what
    assert fast.dtype == np.dtype(dtype), (what, fast.dtype)
    err = rel_err(np.asarray(fast, np.float64), np.asarray(book, np.float64))
    assert err <= tol(dtype), (what, err)


# --------------------------------------------------------------------------- convolution

CONV_CASES = [  # (N, C, H, W, FN, FH, FW, stride, pad)
    (4, 1, 8, 8, 5, 3, 3, 1, 1),      # the capstone's first layer: one channel, transposed columns
    (3, 4, 7, 9, 6, 3, 3, 1, 1),      # the second layer's shape, smaller
    (2, 3, 9, 8, 4, 3, 2, 2, 1),      # stride 2, non-square filter
    (3, 2, 6, 6, 3, 2, 2, 1, 0),      # no padding
    (2, 2, 5, 5, 3, 5, 5, 1, 2),      # filter as large as the image
]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("case", CONV_CASES)
def test_convolution_matches_the_book_form(case, dtype, threads):
    N, C, H, W, FN, FH, FW, stride, pad = case
    rng = np.random.default_rng(sum(case))
    x = rng.standard_normal((N, C, H, W)).astype(dtype)
    Wt = rng.standard_normal((FN, C, FH, FW)).astype(dtype)
    b = rng.standard_normal(FN).astype(dtype)
    fast, book = fast_conv.Convolution(Wt, b, stride, pad), book_conv.Convolution(Wt, b, stride, pad)
    out = fast.forward(x)
    expected = book.forward(x)
    assert_close(out, expected, dtype, "out")
    assert channels_last_view(out)
    dout = rng.standard_normal(expected.shape).astype(dtype)
    assert_close(fast.backward(dout), book.backward(dout), dtype, "dx")
    assert_close(fast.dW, book.dW, dtype, "dW")
    assert_close(fast.db, book.db, dtype, "db")


@pytest.mark.parametrize("dtype", DTYPES)
def test_a_first_layer_skips_the_input_gradient_and_keeps_the_parameter_gradients(dtype, threads):
    rng = np.random.default_rng(5)
    x = rng.standard_normal((4, 1, 10, 10)).astype(dtype)
    Wt, b = rng.standard_normal((6, 1, 3, 3)).astype(dtype), rng.standard_normal(6).astype(dtype)
    fast = fast_conv.Convolution(Wt, b, 1, 1, input_grad=False)
    book = book_conv.Convolution(Wt, b, 1, 1)
    dout = rng.standard_normal((4, 6, 10, 10)).astype(dtype)
    fast.forward(x)
    book.forward(x)
    assert fast.backward(dout) is None
    book.backward(dout)
    assert_close(fast.dW, book.dW, dtype, "dW")
    assert_close(fast.db, book.db, dtype, "db")


def test_convolution_takes_a_contiguous_nchw_gradient_too(threads):
    """Another layer (e.g. the book's Affine) may hand back a plain NCHW array: same result."""
    rng = np.random.default_rng(6)
    x = rng.standard_normal((3, 2, 6, 6))
    Wt, b = rng.standard_normal((4, 2, 3, 3)), rng.standard_normal(4)
    fast, book = fast_conv.Convolution(Wt, b, 1, 1), book_conv.Convolution(Wt, b, 1, 1)
    fast.forward(np.ascontiguousarray(x))
    book.forward(x)
    dout = np.ascontiguousarray(rng.standard_normal((3, 4, 6, 6)))
    assert rel_err(fast.backward(dout), book.backward(dout)) <= FLOAT64_TOL


# --------------------------------------------------------------------------- max pooling

POOL_CASES = [  # (pool, stride, pad, H, W)
    (2, 2, 0, 8, 8),     # the capstone's
    (2, 2, 0, 7, 9),     # odd sizes: the last row / column is in no window
    (3, 2, 0, 9, 9),     # overlapping windows
    (2, 2, 1, 6, 6),     # zero padding, as the book's im2col pads
    (2, 1, 0, 5, 6),     # 2 x 2 windows overlapping (stride 1): the pairwise path's arg, gradients added
    (3, 3, 1, 7, 7),
]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("case", POOL_CASES)
@pytest.mark.parametrize("data", ["random", "ties"])
def test_pooling_matches_the_book_form_including_ties(case, dtype, data, threads):
    pool, stride, pad, H, W = case
    rng = np.random.default_rng(H * 7 + W + pool)
    shape = (3, 4, H, W)
    # ties: small integers, so most windows hold their maximum twice or more; the gradient must go to the first
    x = rng.integers(-2, 3, shape) if data == "ties" else rng.standard_normal(shape)
    x = x.astype(dtype)
    fast, book = fast_conv.Pooling(pool, pool, stride, pad), book_conv.Pooling(pool, pool, stride, pad)
    out = fast.forward(x)
    expected = book.forward(x)
    assert_close(out, expected, dtype, "out")
    assert rel_err(out, expected) == 0           # a maximum is exact
    dout = rng.standard_normal(expected.shape).astype(dtype)
    dx = fast.backward(dout)
    assert_close(dx, book.backward(dout), dtype, "dx")
    assert channels_last_view(out) and channels_last_view(dx)


def test_pooling_then_relu_equals_relu_then_pooling():
    """Why the fast network may apply ReLU after pooling: the same values and gradients."""
    rng = np.random.default_rng(9)
    x = rng.standard_normal((4, 3, 8, 8))
    x[0, 0, :2, :2] = -1.0          # a window with no positive value
    x[1, 1, :2, :2] = 0.0           # a window of zeros
    dout = rng.standard_normal((4, 3, 4, 4))
    relu_a, pool_a = fast_layers.Relu(), fast_conv.Pooling(2, 2, 2)
    pool_b, relu_b = fast_conv.Pooling(2, 2, 2), fast_layers.Relu()
    a = pool_a.forward(relu_a.forward(x))
    b = relu_b.forward(pool_b.forward(x))
    assert np.array_equal(a, b)
    assert np.array_equal(relu_a.backward(pool_a.backward(dout)), pool_b.backward(relu_b.backward(dout)))


# --------------------------------------------------------------------------- ReLU, Affine

@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", [(5, 7), (3, 4, 6, 6)])
def test_relu_matches_the_book_form(shape, dtype, threads):
    rng = np.random.default_rng(len(shape))
    x = rng.standard_normal(shape).astype(dtype)
    x.reshape(-1)[::7] = 0                      # zeros: the book's mask is x <= 0
    fast, book = fast_layers.Relu(), book_layers.Relu()
    assert_close(fast.forward(x), book.forward(x), dtype, "out")
    dout = rng.standard_normal(shape).astype(dtype)
    assert_close(fast.backward(dout), book.backward(dout.copy()), dtype, "dx")


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", [(6, 12), (6, 3, 2, 2)])
def test_affine_matches_the_book_form(shape, dtype, threads):
    rng = np.random.default_rng(shape[1])
    x = rng.standard_normal(shape).astype(dtype)
    W, b = rng.standard_normal((12, 5)).astype(dtype), rng.standard_normal(5).astype(dtype)
    fast, book = fast_layers.Affine(W, b), book_layers.Affine(W, b)
    assert_close(fast.forward(x), book.forward(x), dtype, "out")
    dout = rng.standard_normal((6, 5)).astype(dtype)
    dx = fast.backward(dout)
    assert_close(dx, book.backward(dout), dtype, "dx")
    assert_close(fast.dW, book.dW, dtype, "dW")
    assert_close(fast.db, book.db, dtype, "db")


# --------------------------------------------------------------------------- per-channel batch normalisation

def book_spatial_bn(gamma, beta):
    """The straightforward per-channel formula: the book's BatchNormalization on the (N*H*W, C) rows of x."""
    layer = book_layers.BatchNormalization(gamma, beta)

    def rows(a):
        return a.transpose(0, 2, 3, 1).reshape(-1, a.shape[1])

    def back(r, shape):
        N, C, H, W = shape
        return r.reshape(N, H, W, C).transpose(0, 3, 1, 2)

    def forward(x, train_flg=True):
        return back(layer.forward(rows(x), train_flg), x.shape)

    def backward(dout):
        return back(layer.backward(rows(dout)), dout.shape)

    return layer, forward, backward


def run_both(fast, forward, backward, book, x, dout):
    """Two training steps (running statistics move twice), then inference."""
    results = []
    for step in range(2):
        xs = x + step
        results.append(("out", fast.forward(xs), forward(xs)))
        results.append(("dx", fast.backward(dout), backward(dout)))
        results.append(("dgamma", fast.dgamma, book.dgamma))
        results.append(("dbeta", fast.dbeta, book.dbeta))
    results.append(("running_mean", fast.running_mean, book.running_mean))
    results.append(("running_var", fast.running_var, book.running_var))
    results.append(("inference", fast.forward(x, train_flg=False), forward(x, train_flg=False)))
    return results


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("offset", [0.0, 3.0])
def test_spatial_batchnorm_matches_the_per_channel_formula(dtype, offset, threads):
    rng = np.random.default_rng(int(offset) + 11)
    x = (offset + rng.standard_normal((6, 5, 4, 3))).astype(dtype)
    gamma, beta = (1 + rng.random(5)).astype(dtype), rng.standard_normal(5).astype(dtype)
    dout = rng.standard_normal(x.shape).astype(dtype)
    book, forward, backward = book_spatial_bn(gamma, beta)
    fast = fast_layers.SpatialBatchNormalization(gamma, beta)
    for what, got, expected in run_both(fast, forward, backward, book, x, dout):
        assert_close(got, expected, dtype, what)
    assert channels_last_view(fast.forward(x))


def test_spatial_batchnorm_matches_the_drills_reference_class(threads):
    SpatialBatchNormalization = getattr(book_layers, "SpatialBatchNormalization", None)
    if SpatialBatchNormalization is None:
        pytest.skip("reference.layers.SpatialBatchNormalization (the spatial_batchnorm drill) is not there yet")
    rng = np.random.default_rng(12)
    for dtype in DTYPES:
        x = rng.standard_normal((5, 4, 3, 3)).astype(dtype)
        gamma, beta = (1 + rng.random(4)).astype(dtype), rng.standard_normal(4).astype(dtype)
        dout = rng.standard_normal(x.shape).astype(dtype)
        book = SpatialBatchNormalization(gamma, beta)
        fast = fast_layers.SpatialBatchNormalization(gamma, beta)
        for what, got, expected in run_both(fast, book.forward, book.backward, book, x, dout):
            assert_close(got, expected, dtype, what)


@pytest.mark.parametrize("dtype", DTYPES)
def test_split_batch_statistics_equal_the_whole_batchs(dtype, monkeypatch):
    """Two parts' counts, means and centred sums of squares combine to the whole batch's statistics: the split
    result differs from the unsplit one by summation order only (float64 ~1e-16, float32 ~1e-7 relative), also
    for parts of unequal size and data far from zero mean."""
    monkeypatch.setattr(parallel, "MIN_WORK", 0)
    rng = np.random.default_rng(13)
    x = (50.0 + 0.5 * rng.standard_normal((7, 3, 5, 5))).astype(dtype)     # 7 images: parts of 3 and 4
    gamma, beta = np.ones(3, dtype), np.zeros(3, dtype)
    dout = rng.standard_normal(x.shape).astype(dtype)
    results = {}
    for k in (1, 2):
        parallel.set_threads(k)
        layer = fast_layers.SpatialBatchNormalization(gamma.copy(), beta.copy())
        results[k] = (layer.forward(x), layer.backward(dout), layer.running_var)
    parallel.set_threads(2)
    for one, two in zip(results[1], results[2]):
        assert rel_err(np.asarray(one, np.float64), np.asarray(two, np.float64)) <= tol(dtype)


@pytest.mark.torch
def test_spatial_batchnorm_is_pytorchs_batchnorm2d_in_the_books_conventions(threads):
    import torch

    rng = np.random.default_rng(14)
    x = rng.standard_normal((4, 3, 5, 5)) * 2 + 1
    gamma, beta = 1 + rng.random(3), rng.standard_normal(3)
    dout = rng.standard_normal(x.shape)
    fast = fast_layers.SpatialBatchNormalization(gamma, beta)
    out = fast.forward(x)
    dx = fast.backward(dout)
    tx = torch.tensor(x, requires_grad=True)
    tg, tb = torch.tensor(gamma, requires_grad=True), torch.tensor(beta, requires_grad=True)
    tout = torch.nn.functional.batch_norm(tx, None, None, tg, tb, training=True, eps=10e-7)
    tout.backward(torch.tensor(dout))
    assert rel_err(out, tout.detach().numpy()) <= 1e-10
    assert rel_err(dx, tx.grad.numpy()) <= 1e-10
    assert rel_err(fast.dgamma, tg.grad.numpy()) <= 1e-10
    assert rel_err(fast.dbeta, tb.grad.numpy()) <= 1e-10


# --------------------------------------------------------------------------- Adam

@pytest.mark.parametrize("split", [False, True])
@pytest.mark.parametrize("dtype", DTYPES)
def test_adam_follows_the_reference_trajectory(dtype, split, monkeypatch):
    if split:        # every parameter shared out to the threads, as a large one is
        monkeypatch.setattr(parallel, "MIN_WORK", 0)
        monkeypatch.setattr(fast_optimizers, "SPLIT_MIN", 0)
        parallel.set_threads(2)
    rng = np.random.default_rng(15)
    start = {"W": rng.standard_normal((4, 3)).astype(dtype), "b": rng.standard_normal(3).astype(dtype)}
    fast_params = {k: v.copy() for k, v in start.items()}
    book_params = {k: v.copy() for k, v in start.items()}
    fast, book = fast_optimizers.Adam(lr=0.01), book_optimizers.Adam(lr=0.01)
    for step in range(8):
        grads = {k: (rng.standard_normal(v.shape) * 10 ** (step % 3 - 1)).astype(dtype) for k, v in start.items()}
        fast.update(fast_params, grads)
        book.update(book_params, grads)
        for key in start:
            assert fast_params[key].dtype == np.dtype(dtype)
            moved = np.asarray(book_params[key], np.float64) - start[key]
            assert rel_err(fast_params[key] - start[key], moved) <= 10 * tol(dtype), (step, key)
    assert fast.iter == book.iter == 8
    assert set(vars(fast)) == set(vars(book))        # the same state, so a checkpoint of one restores the other


# --------------------------------------------------------------------------- the thread pool

def test_run_waits_for_every_part_and_reraises_the_first_error(monkeypatch):
    monkeypatch.setattr(parallel, "MIN_WORK", 0)
    parallel.set_threads(2)
    finished = []

    def part(lo, hi):
        if lo == 0:
            raise ValueError("first part")
        import time
        time.sleep(0.05)
        finished.append((lo, hi))

    with pytest.raises(ValueError, match="first part"):
        parallel.run(part, 10)
    assert finished == [(5, 10)]
    assert parallel.run(lambda lo, hi: (lo, hi), 3) == [(0, 1), (1, 3)]
    assert parallel.run(lambda lo, hi: (lo, hi), 1) == [(0, 1)]


def test_small_work_runs_unsplit():
    parallel.set_threads(2)
    assert parallel.run(lambda lo, hi: (lo, hi), 100, work=parallel.MIN_WORK - 1) == [(0, 100)]


def test_adam_updates_parameters_that_are_not_contiguous_in_place(monkeypatch):
    monkeypatch.setattr(parallel, "MIN_WORK", 0)
    monkeypatch.setattr(fast_optimizers, "SPLIT_MIN", 0)
    parallel.set_threads(2)
    rng = np.random.default_rng(16)
    base = rng.standard_normal((5, 6))
    params = {"W": base.T, "b": rng.standard_normal(6)}          # W: a transposed (F-contiguous) view
    book_params = {k: v.copy() for k, v in params.items()}
    fast, book = fast_optimizers.Adam(lr=0.1), book_optimizers.Adam(lr=0.1)
    grads = {"W": rng.standard_normal((6, 5)), "b": rng.standard_normal(6)}
    fast.update(params, grads)
    book.update(book_params, grads)
    assert params["W"].base is base                              # still the caller's array, updated in place
    assert rel_err(params["W"], book_params["W"]) <= FLOAT64_TOL
    assert rel_err(params["b"], book_params["b"]) <= FLOAT64_TOL


def test_a_forked_child_starts_its_own_workers(monkeypatch):
    import os
    import time

    monkeypatch.setattr(parallel, "MIN_WORK", 0)
    parallel.set_threads(2)
    assert parallel.run(lambda lo, hi: hi - lo, 4) == [2, 2]      # the parent's worker exists now
    pid = os.fork()
    if pid == 0:                                                  # the child: would hang on the parent's worker
        ok = False
        try:
            ok = parallel.run(lambda lo, hi: hi - lo, 4) == [2, 2]
        finally:
            os._exit(0 if ok else 1)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
            return
        time.sleep(0.05)
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    pytest.fail("the forked child hung on its parent's worker thread")


@pytest.mark.parametrize("mode", ["processes", "threads"])
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_replicas_take_the_whole_batchs_step(dtype, mode, monkeypatch):
    """A network of fast forms without normalisation runs a training step as replicas (one per part, sharing the
    parameters; in forked processes where the platform can fork, else threads): the loss, scores and every gradient
    equal the unsplit step's up to float rounding, step after step (the workers read the optimizer's updates)."""
    from examprep.capstone import replicas
    from examprep.capstone.components import reference_parts
    from examprep.capstone.network import ConvNet
    from reference.fast.optimizers import Adam

    if mode == "processes" and not replicas.available():
        pytest.skip("no os.fork on this platform")
    if mode == "threads":
        monkeypatch.setattr(replicas, "available", lambda: False)
    rng = np.random.default_rng(3)
    x = rng.standard_normal((101, 1, 28, 28)).astype(dtype)       # an odd batch: parts of 50 and 51
    t = rng.integers(0, 15, size=101)
    results = {}
    for threads in (1, 2):
        parallel.set_threads(threads)
        try:
            net = ConvNet(reference_parts(), norm=None, dtype=dtype, rng=0)
            optimizer = Adam(lr=0.01)
            net.loss(x[:50], t[:50])          # a step given up after its forward (Ctrl-C): its answers are skipped
            for step in range(3):
                loss = net.loss(x, t)
                net.backward()
                if step < 2:
                    optimizer.update(net.params, net.grads)
            copies = len(net._replicas) + (len(net._processes) if net._processes is not None else 0)
            if net._processes is not None:   # BLAS at one thread in each process: idle BLAS threads spin
                assert parallel.blas_info().get("threads") in (None, 1)
            results[threads] = (loss, net.scores.copy(), {k: g.copy() for k, g in net.grads.items()}, copies)
            if net._processes is not None:
                net._processes.close()
        finally:
            parallel.set_threads(2)
    (loss1, scores1, grads1, copies1), (loss2, scores2, grads2, copies2) = results[1], results[2]
    assert copies1 == 0 and copies2 == 1                           # it really ran split in two
    tol = 1e-12 if dtype == np.float64 else 1e-5          # measured: 1e-15 and 5e-7 after three steps
    assert abs(loss1 - loss2) <= tol * abs(loss1)
    assert rel_err(scores2, scores1) <= tol
    assert set(grads1) == set(grads2) == set(net.params)
    for key in grads1:
        assert grads2[key].dtype == dtype and rel_err(grads2[key], grads1[key]) <= tol, key


def test_networks_that_must_not_be_replicated_are_not():
    """BatchNorm needs the whole batch's statistics, Dropout draws from np.random, the book's forms (like the
    learner's components) are not the fast forms: none of these runs as replicas."""
    from examprep.capstone.components import book_parts, reference_parts
    from examprep.capstone.network import ConvNet

    assert ConvNet(reference_parts(), norm=None, rng=0).replicable
    assert not ConvNet(reference_parts(), norm="batchnorm", rng=0).replicable
    assert not ConvNet(reference_parts(), norm="dropout", rng=0).replicable
    assert not ConvNet(book_parts(), norm=None, rng=0).replicable


CTRL_C_AT_HAND_OVER = '''import signal, threading, time
from reference.fast import parallel
parallel.set_threads(2)

def part(lo, hi):
    if lo:   # the worker's part: Ctrl-C lands on the worker thread just before its part ends
        time.sleep(0.05)
        signal.pthread_kill(threading.get_ident(), signal.SIGINT)
    return hi - lo

try:
    parallel.run(part, 10)
    print("no interrupt")
except KeyboardInterrupt:
    print("interrupted")
print(parallel.run(lambda lo, hi: hi - lo, 10))
'''


@pytest.mark.skipif(not hasattr(signal, "pthread_kill"), reason="needs signal.pthread_kill")
def test_ctrl_c_at_a_hand_over_is_delivered_after_it_and_nothing_hangs():
    """A Ctrl-C handled by the main thread just after it took the worker's lock used to be caught there and the
    lock waited for again: the capstone hung on Ctrl-C now and then. Now the interrupt comes once every part has
    finished, and the next hand-over works."""
    proc = subprocess.run([sys.executable, "-c", CTRL_C_AT_HAND_OVER], capture_output=True, text=True, timeout=30,
                          cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert proc.stdout.split("\n")[:2] == ["interrupted", "[5, 5]"], (proc.stdout, proc.stderr)
