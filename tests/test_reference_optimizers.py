"""Correctness of reference/optimizers.py.

Each optimizer runs 5 steps on a dict of two parameters of different shapes with a
fresh random gradient each step, and is compared after every step with
 - torch.optim, configured so that the definitions agree (float64, to 1e-10), and
 - the documented update rule, written out below.
Plus: state carried across calls, parameters updated in place, gradients untouched.
"""
import numpy as np
import pytest

from reference.optimizers import SGD, AdaGrad, Adam, Momentum, Nesterov, RMSprop

TOL = 1e-10
STEPS = 5
SHAPES = {"W1": (3, 4), "b1": (4,)}


@pytest.fixture
def torch():
    return pytest.importorskip("torch")


def _params(seed=0):
    rng = np.random.default_rng(seed)
    return {k: rng.standard_normal(s) for k, s in SHAPES.items()}


def _grads(seed=1, steps=STEPS):
    """A different random gradient at every step; varied scales so adaptive methods matter."""
    rng = np.random.default_rng(seed)
    return [{k: rng.standard_normal(s) * rng.uniform(0.1, 3.0) for k, s in SHAPES.items()}
            for _ in range(steps)]


# (name, reference factory, torch factory(torch, params)) -- same hyperparameters in both.
CASES = {
    "sgd": (lambda: SGD(lr=0.1),
            lambda torch, ps: torch.optim.SGD(ps, lr=0.1)),
    "momentum": (lambda: Momentum(lr=0.05, momentum=0.9),
                 lambda torch, ps: torch.optim.SGD(ps, lr=0.05, momentum=0.9)),
    "momentum_default": (lambda: Momentum(),
                         lambda torch, ps: torch.optim.SGD(ps, lr=0.01, momentum=0.9)),
    "nesterov": (lambda: Nesterov(lr=0.05, momentum=0.9),
                 lambda torch, ps: torch.optim.SGD(ps, lr=0.05, momentum=0.9, nesterov=True)),
    "nesterov_m07": (lambda: Nesterov(lr=0.02, momentum=0.7),
                     lambda torch, ps: torch.optim.SGD(ps, lr=0.02, momentum=0.7, nesterov=True)),
    "adagrad": (lambda: AdaGrad(lr=0.1),
                lambda torch, ps: torch.optim.Adagrad(ps, lr=0.1, lr_decay=0, eps=1e-7,
                                                      initial_accumulator_value=0)),
    "rmsprop": (lambda: RMSprop(lr=0.01, decay_rate=0.99),
                lambda torch, ps: torch.optim.RMSprop(ps, lr=0.01, alpha=0.99, eps=1e-7)),
    "rmsprop_09": (lambda: RMSprop(lr=0.05, decay_rate=0.9),
                   lambda torch, ps: torch.optim.RMSprop(ps, lr=0.05, alpha=0.9, eps=1e-7)),
    "adam": (lambda: Adam(),
             lambda torch, ps: torch.optim.Adam(ps, lr=0.001, betas=(0.9, 0.999), eps=1e-8)),
    "adam_custom": (lambda: Adam(lr=0.05, beta1=0.8, beta2=0.95),
                    lambda torch, ps: torch.optim.Adam(ps, lr=0.05, betas=(0.8, 0.95), eps=1e-8)),
}


@pytest.mark.torch
@pytest.mark.parametrize("name", list(CASES))
def test_optimizer_matches_torch(torch, name):
    make_ref, make_torch = CASES[name]
    params = _params()
    t_params = {k: torch.tensor(v, dtype=torch.float64, requires_grad=True) for k, v in params.items()}
    opt = make_ref()
    t_opt = make_torch(torch, list(t_params.values()))
    start = {k: v.copy() for k, v in params.items()}
    for g in _grads():
        opt.update(params, g)
        for k, tp in t_params.items():
            tp.grad = torch.from_numpy(g[k].copy())
        t_opt.step()
        for k in params:
            # Adam: torch computes m / (1 - b1**t) / (sqrt(v) / sqrt(1 - b2**t) + eps) in a
            # different order from the reference; that is ~1e-16 relative, far inside TOL.
            np.testing.assert_allclose(params[k], t_params[k].detach().numpy(), rtol=TOL, atol=TOL)
    for k in params:  # and the parameters really moved
        assert np.max(np.abs(params[k] - start[k])) > 1e-4


# --------------------------------------------------------------------------- documented formulas

def _formula_sgd(params, grads, lr=0.1):
    for g in grads:
        for k in params:
            params[k] = params[k] - lr * g[k]
        yield params


def _formula_momentum(params, grads, lr=0.05, m=0.9):
    v = {k: np.zeros_like(p) for k, p in params.items()}
    for g in grads:
        for k in params:
            v[k] = m * v[k] - lr * g[k]
            params[k] = params[k] + v[k]
        yield params


def _formula_nesterov(params, grads, lr=0.05, m=0.9):
    v = {k: np.zeros_like(p) for k, p in params.items()}
    for g in grads:
        for k in params:
            v_prev = v[k]
            v[k] = m * v[k] - lr * g[k]
            params[k] = params[k] - m * v_prev + (1 + m) * v[k]
        yield params


def _formula_adagrad(params, grads, lr=0.1):
    h = {k: np.zeros_like(p) for k, p in params.items()}
    for g in grads:
        for k in params:
            h[k] = h[k] + g[k] * g[k]
            params[k] = params[k] - lr * g[k] / (np.sqrt(h[k]) + 1e-7)
        yield params


def _formula_rmsprop(params, grads, lr=0.01, rho=0.99):
    h = {k: np.zeros_like(p) for k, p in params.items()}
    for g in grads:
        for k in params:
            h[k] = rho * h[k] + (1 - rho) * g[k] * g[k]
            params[k] = params[k] - lr * g[k] / (np.sqrt(h[k]) + 1e-7)
        yield params


def _formula_adam(params, grads, lr=0.001, b1=0.9, b2=0.999):
    m = {k: np.zeros_like(p) for k, p in params.items()}
    v = {k: np.zeros_like(p) for k, p in params.items()}
    for t, g in enumerate(grads, start=1):
        for k in params:
            m[k] = b1 * m[k] + (1 - b1) * g[k]
            v[k] = b2 * v[k] + (1 - b2) * g[k] ** 2
            m_hat = m[k] / (1 - b1 ** t)
            v_hat = v[k] / (1 - b2 ** t)
            params[k] = params[k] - lr * m_hat / (np.sqrt(v_hat) + 1e-8)
        yield params


FORMULAS = {
    "sgd": (lambda: SGD(lr=0.1), _formula_sgd),
    "momentum": (lambda: Momentum(lr=0.05, momentum=0.9), _formula_momentum),
    "nesterov": (lambda: Nesterov(lr=0.05, momentum=0.9), _formula_nesterov),
    "adagrad": (lambda: AdaGrad(lr=0.1), _formula_adagrad),
    "rmsprop": (lambda: RMSprop(lr=0.01, decay_rate=0.99), _formula_rmsprop),
    "adam": (lambda: Adam(lr=0.001, beta1=0.9, beta2=0.999), _formula_adam),
    "adam_custom": (lambda: Adam(lr=0.05, beta1=0.8, beta2=0.95),
                    lambda p, g: _formula_adam(p, g, lr=0.05, b1=0.8, b2=0.95)),
}


@pytest.mark.parametrize("name", list(FORMULAS))
def test_optimizer_matches_documented_formula(name):
    make_ref, formula = FORMULAS[name]
    params = _params(2)
    expected_iter = formula({k: v.copy() for k, v in params.items()}, _grads(3))
    opt = make_ref()
    for g, expected in zip(_grads(3), expected_iter):
        opt.update(params, g)
        for k in params:
            np.testing.assert_allclose(params[k], expected[k], rtol=1e-13, atol=1e-15)


def test_nesterov_is_not_the_printed_books_variant():
    # The printed book's update W += m*m*v_new - (1+m)*lr*dW (with v_new already updated)
    # is not NAG (it differs already at the first step); the reference follows NAG.
    lr, m = 0.1, 0.9
    p = {"w": np.array([1.0])}
    g = {"w": np.array([1.0])}
    opt = Nesterov(lr=lr, momentum=m)
    opt.update(p, g)
    opt.update(p, g)
    # NAG: v1 = -lr, step1 = -(1+m) lr; v2 = -m lr - lr, step2 = -m v1 + (1+m) v2.
    v1 = -lr
    v2 = m * v1 - lr
    nag = 1.0 + (1 + m) * v1 + (-m * v1 + (1 + m) * v2)
    np.testing.assert_allclose(p["w"], [nag], rtol=1e-15)
    book_v2 = m * v1 - lr
    book = 1.0 + (m * m * v1 - (1 + m) * lr) + (m * m * book_v2 - (1 + m) * lr)
    assert abs(p["w"][0] - book) > 1e-3


# --------------------------------------------------------------------------- state, in place, no mutation

ALL = {
    "sgd": lambda: SGD(lr=0.1),
    "momentum": lambda: Momentum(lr=0.1),
    "nesterov": lambda: Nesterov(lr=0.1),
    "adagrad": lambda: AdaGrad(lr=0.1),
    "rmsprop": lambda: RMSprop(lr=0.1),
    "adam": lambda: Adam(lr=0.1),
}


@pytest.mark.parametrize("name", list(ALL))
def test_update_in_place_and_grads_untouched(name):
    params = _params(4)
    ids = {k: id(v) for k, v in params.items()}
    aliases = dict(params)                       # other references to the same arrays
    before = {k: v.copy() for k, v in params.items()}
    grads = _grads(5, 2)
    grads_copy = [{k: v.copy() for k, v in g.items()} for g in grads]
    opt = ALL[name]()
    for g in grads:
        opt.update(params, g)
    assert set(params) == set(SHAPES)
    for k in params:
        assert id(params[k]) == ids[k]           # same array object ...
        assert aliases[k] is params[k]
        assert params[k].shape == SHAPES[k] and params[k].dtype == np.float64
        assert np.max(np.abs(params[k] - before[k])) > 1e-3   # ... whose contents changed
    for g, g0 in zip(grads, grads_copy):
        for k in g:
            np.testing.assert_array_equal(g[k], g0[k])


@pytest.mark.parametrize("name", ["momentum", "nesterov", "adagrad", "rmsprop", "adam"])
def test_state_is_carried_across_calls(name):
    """Two updates by one optimizer differ from one update each by two fresh ones.

    Two different gradients: with the same gradient twice Adam's step is the same
    (m_hat = g and v_hat = g**2 after every step), so it would not show the state.
    """
    g1 = {k: np.full(s, 0.5) for k, s in SHAPES.items()}
    g2 = _grads(12, 1)[0]
    p_same = _params(6)
    p_fresh = {k: v.copy() for k, v in p_same.items()}
    opt = ALL[name]()
    opt.update(p_same, g1)
    opt.update(p_same, g2)
    ALL[name]().update(p_fresh, g1)
    ALL[name]().update(p_fresh, g2)
    for k in p_same:
        assert np.max(np.abs(p_same[k] - p_fresh[k])) > 1e-3


def test_sgd_is_stateless():
    g = {k: np.full(s, 0.5) for k, s in SHAPES.items()}
    p1, p2 = _params(7), _params(7)
    opt = SGD(lr=0.1)
    opt.update(p1, g)
    opt.update(p1, g)
    SGD(lr=0.1).update(p2, g)
    SGD(lr=0.1).update(p2, g)
    for k in p1:
        np.testing.assert_array_equal(p1[k], p2[k])


def test_momentum_two_steps_by_hand():
    lr, m = 0.1, 0.9
    p = {"w": np.array([0.0, 1.0])}
    g = {"w": np.array([1.0, -2.0])}
    opt = Momentum(lr=lr, momentum=m)
    opt.update(p, g)
    np.testing.assert_allclose(p["w"], [0.0, 1.0] - np.array([1.0, -2.0]) * lr, rtol=1e-15)
    opt.update(p, g)
    # Total displacement: -lr g - (m + 1) lr g = -(2 + m) lr g; two fresh optimizers: -2 lr g.
    np.testing.assert_allclose(p["w"], np.array([0.0, 1.0]) - (2 + m) * lr * np.array([1.0, -2.0]),
                               rtol=1e-14)
    np.testing.assert_allclose(opt.v["w"], -(1 + m) * lr * np.array([1.0, -2.0]), rtol=1e-14)
    p_fresh = {"w": np.array([0.0, 1.0])}
    Momentum(lr=lr, momentum=m).update(p_fresh, g)
    Momentum(lr=lr, momentum=m).update(p_fresh, g)
    np.testing.assert_allclose(p_fresh["w"], np.array([0.0, 1.0]) - 2 * lr * np.array([1.0, -2.0]),
                               rtol=1e-14)
    assert np.all(np.abs(p["w"] - p_fresh["w"]) > 0.05)


def test_adam_state():
    opt = Adam(lr=0.01)
    assert opt.iter == 0
    params = _params(8)
    grads = _grads(9, 3)
    for i, g in enumerate(grads, start=1):
        opt.update(params, g)
        assert opt.iter == i        # one step per update call, not per parameter
    assert set(opt.m) == set(opt.v) == set(params)
    for k in params:
        assert opt.m[k].shape == opt.v[k].shape == SHAPES[k]
        m = v = 0
        for g in grads:
            m = 0.9 * m + 0.1 * g[k]
            v = 0.999 * v + 0.001 * g[k] ** 2
        np.testing.assert_allclose(opt.m[k], m, rtol=1e-14)
        np.testing.assert_allclose(opt.v[k], v, rtol=1e-14)
    # First step of Adam moves every parameter by about lr (bias correction makes
    # m_hat / sqrt(v_hat) = sign(g) for one step).
    p = {"w": np.array([0.0, 0.0, 0.0])}
    Adam(lr=0.01).update(p, {"w": np.array([1e-3, -5.0, 300.0])})
    np.testing.assert_allclose(p["w"], [-0.01, 0.01, -0.01], rtol=1e-4)


@pytest.mark.parametrize("name, attr", [("momentum", "v"), ("nesterov", "v"),
                                        ("adagrad", "h"), ("rmsprop", "h")])
def test_state_dicts_one_entry_per_key(name, attr):
    opt = ALL[name]()
    assert getattr(opt, attr) is None      # created on the first call
    params = _params(10)
    opt.update(params, _grads(11, 1)[0])
    state = getattr(opt, attr)
    assert set(state) == set(params)
    for k in params:
        assert state[k].shape == params[k].shape
        assert state[k] is not params[k]
