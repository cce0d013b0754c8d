"""Formula-choice questions: the key agrees with PyTorch (an implementation independent of reference/), every
distractor offered disagrees with it on ordinary inputs, and the questions are well formed."""
import math

import numpy as np
import pytest

from examprep.exam.formula import questions as formulas

torch = pytest.importorskip("torch")
F = torch.nn.functional


def _t(a):
    return torch.tensor(np.asarray(a), dtype=torch.float64)


def _grad_of(fn, x):
    x = _t(x).requires_grad_(True)
    fn(x).sum().backward()
    return x.grad.numpy()


def _adam(s):
    w = _t(s["W"]).requires_grad_(True)
    opt = torch.optim.Adam([w], lr=s["lr"], betas=(s["b1"], s["b2"]), eps=1e-8)
    before = None
    for g in s["grads"]:
        before = w.detach().clone()
        w.grad = _t(g)
        opt.step()
    return (w.detach() - before).numpy()


def _momentum(s):
    # PyTorch keeps b = −v/lr: start it from the given velocity.
    w = _t(s["W"]).requires_grad_(True)
    opt = torch.optim.SGD([w], lr=s["lr"], momentum=s["alpha"])
    w.grad = _t(np.zeros_like(s["W"]))
    opt.step()   # creates the buffer (b = 0)
    opt.state[w]["momentum_buffer"] = _t(-s["v"] / s["lr"])
    with torch.no_grad():
        w.copy_(_t(s["W"]))
    w.grad = _t(s["g"])
    opt.step()
    return w.detach().numpy()


def _rmsprop(s):
    w = _t(s["W"]).requires_grad_(True)
    opt = torch.optim.RMSprop([w], lr=s["lr"], alpha=s["rho"], eps=1e-12)
    w.grad = _t(np.zeros_like(s["W"]))
    opt.step()
    opt.state[w]["square_avg"] = _t(s["h"])
    with torch.no_grad():
        w.copy_(_t(s["W"]))
    w.grad = _t(s["g"])
    opt.step()
    return w.detach().numpy()


def _lstm_cell(s):
    H = len(s["c"])
    cell = torch.nn.LSTMCell(1, H).double()
    logit = lambda p: np.log(p / (1 - p))
    with torch.no_grad():
        cell.weight_ih.zero_()
        cell.weight_hh.zero_()
        cell.bias_hh.zero_()
        # PyTorch's gate order: i, f, g, o.
        cell.bias_ih.copy_(_t(np.concatenate([logit(s["i"]), logit(s["f"]), np.arctanh(s["g"]), logit(s["o"])])))
        _, c = cell(_t(np.zeros((1, 1))), (_t(np.zeros((1, H))), _t(s["c"][None])))
    return c[0].numpy()


def _conv(s):
    x = torch.zeros(1, 1, s["H"], s["H"])
    return F.conv2d(x, torch.zeros(1, 1, s["K"], s["K"]), stride=s["S"], padding=s["P"]).shape[-1]


def _deconv(s):
    x = torch.zeros(1, 1, s["H"], s["H"])
    return F.conv_transpose2d(x, torch.zeros(1, 1, s["K"], s["K"]), stride=s["S"], padding=s["P"]).shape[-1]


def _l2(s):
    W = _t(s["W"]).requires_grad_(True)
    X = _t(s["X"])
    (0.5 * ((X @ W) ** 2).sum() + 0.5 * s["lam"] * (W ** 2).sum()).backward()
    return W.grad.numpy()


TORCH = {
    "softmax": lambda s: torch.softmax(_t(s["a"]), dim=-1).numpy(),
    "cross_entropy": lambda s: F.nll_loss(torch.log(_t(s["y"])), torch.tensor(s["t"].argmax(axis=1))).item(),
    "sigmoid_grad": lambda s: _grad_of(torch.sigmoid, s["x"]),
    "tanh_grad": lambda s: _grad_of(torch.tanh, s["x"]),
    "adam_step": _adam,
    "momentum_step": _momentum,
    "rmsprop_step": _rmsprop,
    "conv_size": _conv,
    "deconv_size": _deconv,
    "attention": lambda s: F.scaled_dot_product_attention(_t(s["Q"])[None], _t(s["K"])[None], _t(s["V"])[None])[0].numpy(),
    "lstm_cell": _lstm_cell,
    "he_init": lambda s: torch.nn.init.calculate_gain("relu") / math.sqrt(s["n"]),
    "l2_grad": _l2,
    "kl_formula": lambda s: torch.distributions.kl_divergence(
        torch.distributions.Categorical(probs=_t(s["p"])), torch.distributions.Categorical(probs=_t(s["q"]))).item(),
}


def test_every_family_has_an_independent_check():
    assert set(TORCH) == set(formulas.FAMILIES)


@pytest.mark.parametrize("family_id", sorted(formulas.FAMILIES))
def test_key_agrees_and_distractors_disagree_with_pytorch(family_id):
    family = formulas.FAMILIES[family_id]
    draws = formulas.draws(family_id)
    seen_wrong = set()
    for seed in range(12):
        q = formulas.formula_question(family_id, seed)
        assert q.kind == "formula" and len(q.options) == 4 and sum(o.correct for o in q.options) == 1
        assert len({o.text for o in q.options}) == 4 and q.options[q.key].correct and q.source
        seen_wrong.update(o.text for o in q.options if not o.correct)
    fns = {text: fn for text, fn, *_ in [family["key"]] + family["wrong"]}
    for s in draws:
        want = np.asarray(TORCH[family_id](s), dtype=float)
        assert np.allclose(fns[family["key"][0]](s), want, rtol=1e-5, atol=1e-8), family_id
        for text in seen_wrong:
            with np.errstate(all="ignore"):
                got = np.asarray(fns[text](s), dtype=float)
            assert not np.allclose(got, want, rtol=1e-5, atol=1e-8), (family_id, text)


def test_a_mutation_right_on_ordinary_inputs_is_never_offered():
    """−(1/N) Σn log Σk t·y equals the cross entropy for one-hot t, and σ(x)σ(−x) equals σ'(x): the proof keeps
    them out, so an option that is in fact right never appears as a distractor."""
    for family_id, twin in (("cross_entropy", "E = −(1/N) Σn log Σk tnk ynk"), ("sigmoid_grad", "σ(x) σ(−x)")):
        assert formulas.prove(family_id)[twin] == (True, False)
        for seed in range(30):
            assert twin not in {o.text for o in formulas.formula_question(family_id, seed).options}


def test_option_texts_carry_no_words_of_one_language():
    """A formula option is shown as it is in the ja and the en exam, so it holds no Japanese (a re-grade found
    "(softmax は列ごと)" in the English exam, contradicting the stem's "softmax per row" on sight)."""
    import re

    japanese = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
    for family_id, family in formulas.FAMILIES.items():
        texts = [family["key"][0]] + [text for text, _, _ in family["wrong"]]
        assert not [t for t in texts if japanese.search(t)], family_id


@pytest.mark.parametrize("family_id", list(formulas.FAMILIES))
def test_no_two_distractors_have_the_same_value(family_id):
    """Two options of equal value can both be ruled out on sight (a re-grade found he_init offering
    √(2 / (n + n_out)) with n_out = n beside √(1 / n))."""
    family = formulas.FAMILIES[family_id]
    samples = formulas.draws(family_id)
    offered = [(text, fn) for text, fn, slip in family["wrong"] if slip is not None] + [family["key"][:2]]
    for a in range(len(offered)):
        for b in range(a + 1, len(offered)):
            with np.errstate(all="ignore"):
                same = all(np.allclose(np.asarray(offered[a][1](s), dtype=float), np.asarray(offered[b][1](s), dtype=float),
                                       equal_nan=True) for s in samples)
            assert not same, (family_id, offered[a][0], offered[b][0])
