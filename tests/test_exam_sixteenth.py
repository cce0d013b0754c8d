"""What the fifteenth examination left (main 75d0d61) and the sixteenth found (main e6c35db): each the real case and
a near one that stays allowed."""
import functools
import inspect

import numpy as np
import pytest

from examprep.exam import knowledge
from examprep.exam.calc import templates as calc_templates
from examprep.exam.partners import partner_line_shown
from examprep.exam.same_fact import same_fact
from examprep.exam.code.questions import _stem
from examprep.problem import catalog
from reference import flows, vit
from tests.test_exam_twelfth_giveaways import _q as _question

_q = functools.partial(_question, code="", problem="causal_conv1d")

def _flow_backward():
    """AffineCoupling.backward as the reference prints it, the dWs line blanked."""
    source = inspect.getsource(flows.AffineCoupling.backward)
    assert "self.dWs = x1.T @ da" in source and "self.dWt = x1.T @ dt" in source
    return source.replace("self.dWs = x1.T @ da", "＿＿(い)＿＿")


FLOW_BACKWARD = _flow_backward()


def test_a_line_mirrored_by_two_of_the_problems_pairs_gives_the_blank_away():
    # seed 12 Q77: `self.dWt = x1.T @ dt` below the blank `self.dWs = x1.T @ da` (Ws <-> Wt with da <-> dt; the
    # problem's third pair, x1 <-> x2, stays)
    assert partner_line_shown("self.dWs = x1.T @ da", FLOW_BACKWARD, "flow_affine_coupling")
    # without the dWt line, or with it written another way, nothing is shown
    assert not partner_line_shown("self.dWs = x1.T @ da", FLOW_BACKWARD.replace("self.dWt = x1.T @ dt\n", ""),
                                  "flow_affine_coupling")
    assert not partner_line_shown("self.dWs = x1.T @ da", FLOW_BACKWARD.replace("x1.T @ dt", "np.dot(x1.T, dt)"),
                                  "flow_affine_coupling")
    # another problem has no such pairs
    assert not partner_line_shown("self.dWs = x1.T @ da", FLOW_BACKWARD, "affine")


def test_one_slice_asked_on_an_array_and_on_its_gradient_is_one_fact():
    # seed 13 Q79 / Q80: tap k's window `k * d:k * d + T` asked on self.x_pad and, the line below, on dx_pad
    tap = _q("tap = self.x_pad[:, k * d:k * d + T]", "k * d:k * d + T",
             ["k * d + 1:k * d + T", "P - (K - 1) + k:P - (K - 1) + k + T", "k:k + T"])
    dtap = _q("dtap = dx_pad[:, k * d:k * d + T]", "dtap = dx_pad[:, k * d:k * d + T]",
              ["dtap = dx_pad[:, k * d - 1:k * d + T]", "dtap = dx_pad[:, k:k + T]", "dtap = dx_pad[:, :T]"])
    assert same_fact(tap, dtap) and same_fact(dtap, tap)
    # another window, or a short slice (`:, P:`), is another fact
    other = _q("dtap = dx_pad[:, k:k + T]", "dtap = dx_pad[:, k:k + T]",
               ["dtap = dx_pad[:, k - 1:k + T]", "dtap = dx_pad[:, :T]", "dtap = dx_pad[:, k:T]"])
    assert not same_fact(tap, other)
    crop = _q("dx = dx_pad[:, P:]", "P:", ["P - 1:", "P + 1:", "P // 2:"])
    assert not same_fact(crop, _q("x = x_pad[:, P:]", "x = x_pad[:, P:]", ["x = x_pad[:, :P]"]))


def _bank_item(item_id):
    items, sets = knowledge.load()
    return next(e for e in items + [e for s in sets for e in s["entries"]] if e["id"] == item_id)


def test_least_squares_options_all_have_the_solutions_shape_and_only_the_key_solves_it():
    # seed 11 Q14: two options failed on shape, leaving the key the one candidate with an inverse; now each option
    # is a (D,) vector for X of N x D, N > D, and only the key is the least-squares solution
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(7, 3)), rng.normal(size=7)
    value = {"w = (XᵀX)⁻¹ Xᵀy": np.linalg.inv(X.T @ X) @ X.T @ y,
             "w = diag(XᵀX)⁻¹ Xᵀy": np.linalg.inv(np.diag(np.diag(X.T @ X))) @ X.T @ y,
             "w = Xᵀy": X.T @ y, "w = (XᵀX + I)⁻¹ Xᵀy": np.linalg.inv(X.T @ X + np.eye(3)) @ X.T @ y}
    item = _bank_item("least-squares")
    solution = np.linalg.lstsq(X, y, rcond=None)[0]
    for i, option in enumerate(item["options"]):
        assert value[option["en"]].shape == solution.shape
        assert np.allclose(value[option["en"]], solution) == (i == item["key"]), option["en"]


def test_the_autoregressive_models_stem_names_no_model_another_item_asks_about():
    # seed 12 Q93 (GPT's pre-training) was answered by Q89's stem "autoregressive generative models (PixelCNN,
    # WaveNet, GPT ...)"
    stem = _bank_item("autoregressive")["stem"]
    assert _bank_item("gpt-objective") and "GPT" not in stem["en"] and "GPT" not in stem["ja"]


def test_the_swin_stem_says_which_way_cyclic_shift_rolls():
    # seed 12 Q88: rolling down and right (`np.roll(x, (shift, shift), axis=(1, 2))`) is as right as the key under a
    # reading the stem allowed; the title now fixes the direction, in both languages
    problem = catalog.get("swin_window_shift")
    stem = _stem(problem, "(う)", False, False)
    assert "up and left" in stem["en"] and "上と左" in stem["ja"]
    assert "np.roll(x, (-shift, -shift), axis=(1, 2))" in inspect.getsource(vit.cyclic_shift)


@pytest.mark.parametrize("name", ["softmax_ce", "entropy_kl", "adam_two_steps"])
def test_no_scenario_option_is_the_complement_of_another_questions_key(name):
    # seed 12 Q74 / Q75: the loss question's slip "gave 1 − y" (0.846) was 1 minus the probability question's key
    # (0.154), the only one of its options a second question's option added up to 1 with
    found = 0
    for seed in range(60):
        qs = calc_templates.calc_set(name, seed)
        for q in qs:
            for other in qs:
                if other is not q:
                    key = float(other.options[other.key].text)
                    complement = f"{1 - key:.{len(other.options[other.key].text.split('.')[-1])}f}"
                    found += any(o.text == complement for o in q.options)
    assert found == 0
