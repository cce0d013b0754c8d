"""reference.graph_nodes against PyTorch autograd and the book's apple example (hand values)."""
import numpy as np
import pytest

from gradcheck import close, torch_run
from reference.graph_nodes import AddLayer, MulLayer, Repeat


@pytest.fixture
def torch():
    return pytest.importorskip("torch")


def test_the_books_apple_example():
    # ① 5.4.1: 100 yen × 2 apples × 1.1 tax = 220; d/dapple = 2.2, d/dnum = 110, d/dtax = 200.
    mul_apple, mul_tax = MulLayer(), MulLayer()
    price = mul_tax.forward(mul_apple.forward(100, 2), 1.1)
    assert price == pytest.approx(220)
    dapple_price, dtax = mul_tax.backward(1)
    dapple, dnum = mul_apple.backward(dapple_price)
    assert (dapple, dnum, dtax) == (pytest.approx(2.2), pytest.approx(110), pytest.approx(200))


def test_the_books_apple_and_orange_example():
    # ① 5.4.2: (100·2 + 150·3)·1.1 = 715; d/dapple 2.2, d/dapple_num 110, d/dorange 3.3, d/dorange_num 165, d/dtax 650.
    ma, mo, add, mt = MulLayer(), MulLayer(), AddLayer(), MulLayer()
    price = mt.forward(add.forward(ma.forward(100, 2), mo.forward(150, 3)), 1.1)
    assert price == pytest.approx(715)
    dall, dtax = mt.backward(1)
    da, do = add.backward(dall)
    (dapple, dapple_num), (dorange, dorange_num) = ma.backward(da), mo.backward(do)
    assert [dapple, dapple_num, dorange, dorange_num, dtax] == pytest.approx([2.2, 110, 3.3, 165, 650])


@pytest.mark.torch
@pytest.mark.parametrize("shape", [(5,), (4, 3), (2, 3, 4)])
def test_mul_and_add_vs_torch(torch, shape):
    rng = np.random.default_rng(sum(shape))
    x, y, dout = rng.standard_normal(shape), rng.standard_normal(shape), rng.standard_normal(shape)
    for layer, fn in ((MulLayer(), lambda a, b: a * b), (AddLayer(), lambda a, b: a + b)):
        out = layer.forward(x, y)
        expected, (dx, dy) = torch_run(torch, fn, [x, y], dout)
        close(out, expected)
        got_dx, got_dy = layer.backward(dout)
        close(got_dx, dx)
        close(got_dy, dy)


@pytest.mark.torch
@pytest.mark.parametrize("N, D", [(1, 4), (5, 3), (7, 8)])
def test_repeat_sums_the_branches_as_autograd_does(torch, N, D):
    rng = np.random.default_rng(N * D)
    x, dout = rng.standard_normal((1, D)), rng.standard_normal((N, D))
    node = Repeat(N)
    out = node.forward(x)
    expected, (dx,) = torch_run(torch, lambda a: a.expand(N, D), [x], dout)
    close(out, expected)
    close(node.backward(dout), dx)
    assert node.backward(dout).shape == (1, D)


@pytest.mark.torch
def test_a_value_used_twice_gets_the_sum_of_both_gradients(torch):
    # z = x * y + x: x branches into the Mul and the Add node; its gradient is dout * y + dout.
    rng = np.random.default_rng(3)
    x, y, dout = rng.standard_normal((3, 2)), rng.standard_normal((3, 2)), rng.standard_normal((3, 2))
    mul, add = MulLayer(), AddLayer()
    z = add.forward(mul.forward(x, y), x)
    dxy, dx_direct = add.backward(dout)
    dx_mul, dy = mul.backward(dxy)
    expected, (tx, ty) = torch_run(torch, lambda a, b: a * b + a, [x, y], dout)
    close(z, expected)
    close(dx_mul + dx_direct, tx)
    close(dy, ty)
