"""What the fifteenth examination left (main 75d0d61) and the sixteenth found (main e6c35db): each the real case and
a near one that stays allowed."""
import functools
import inspect
import re

import numpy as np
import pytest

from examprep.common.i18n import a_an
from examprep.exam import knowledge
from examprep.exam.calc import templates as calc_templates
from examprep.exam.counterparts import weight_layout_shown
from examprep.exam.giveaways import _offers_another_answer
from examprep.exam.partners import partner_line_shown
from examprep.exam.same_fact import changed_parts_of, renamed_twins, same_fact
from examprep.exam.sum_facts import gradient_sum_shown
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
    # eighteenth examination, seed 13 Q79 / Q80: the backward's blank the index alone (`:, k * d:k * d + T`)
    index = _q("dtap = dx_pad[:, k * d:k * d + T]", ":, k * d:k * d + T",
               [":, k * d:k * d + T + 1", ":, k * d - 1:k * d + T", ":, P - (K - 1) + k:P - (K - 1) + k + T"])
    assert same_fact(tap, index) and same_fact(index, tap)
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


@pytest.mark.parametrize("problem_id, en, ja", [("swin_window_shift", "up and left", "上と左"),
                                               ("logsumexp", "(N, K)", "(N, K)")])
def test_the_stem_states_what_a_distractor_would_otherwise_read_differently(problem_id, en, ja):
    # sixteenth examination, seed 12 Q88: rolling down and right (`np.roll(x, (shift, shift), axis=(1, 2))`) was as
    # right as the key under a reading the stem allowed; seventeenth, seed 12 Q50 / Q51: on one vector of logits,
    # axis=0 and a dropped keepdims are right too. The title (the exam's stem) now fixes each, in both languages
    stem = _stem(catalog.get(problem_id), "(う)", False, False)
    assert en in stem["en"] and ja in stem["ja"]


def test_the_swin_reference_rolls_up_and_left():
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


def test_a_bias_gradient_summed_in_another_layout_shows_the_sum_beside_a_blank_offering_means():
    # seventeenth examination, seed 11 Q63 (dilated_conv) and sixteenth, seed 12 Q36 (grouped_conv): `self.db =
    # np.sum(dout, axis=0)` on im2col's rows, offered against two means, beside conv2d_naive's listing printing
    # `self.db = np.sum(dout, axis=(0, 2, 3))`
    db = _question("        self.db = np.sum(dout, axis=0)", "np.sum(dout, axis=0)",
                   ["np.sum(dout, axis=1)", "np.mean(dout, axis=0)", "np.mean(dout, axis=1)"], "", "grouped_conv")
    naive = "    def backward(self, dout):\n        self.db = np.sum(dout, axis=(0, 2, 3))\n        return dx\n"
    assert gradient_sum_shown(db, [naive])
    # another gradient summed there, or the blank offering one mean only, is not
    assert not gradient_sum_shown(db, [naive.replace("self.db", "self.dbeta")])
    one_mean = _question("        self.db = np.sum(dout, axis=0)", "np.sum(dout, axis=0)",
                         ["np.sum(dout, axis=1)", "np.mean(dout, axis=0)", "np.sum(dout)"], "", "grouped_conv")
    assert not gradient_sum_shown(one_mean, [naive])


def test_no_mask_distractor_hides_every_position():
    # seventeenth examination, seed 12 Q27: `np.ones((T, T))` hid every position (a mask no one builds); each wrong
    # mask is now an off-by-one or a flipped triangle or convention (triu with k=0 hides the first query's every key,
    # the diagonal hidden too, a real slip)
    from examprep.exam.scenarios import MASKS

    for text in MASKS:
        mask = eval(text, {"np": np, "T": 5})
        assert mask.shape == (5, 5) and not mask.all() and mask.any(), text


def test_bank_options_do_not_state_another_items_key():
    # seventeenth examination, seed 12: underfit-fix's "before the validation error has had a chance to rise" told
    # early-stopping's key (Q12 / Q33); autoregressive's "sample a latent z from a prior and decode" was vae-sample's
    # key (Q89 / Q92)
    underfit = " ".join(o["en"] for o in _bank_item("underfit-fix")["options"])
    autoregressive = " ".join(o["en"] for o in _bank_item("autoregressive")["options"])
    assert "validation" not in underfit and "prior" not in autoregressive
    vae = _bank_item("vae-sample")
    assert "discriminator" not in " ".join(o["en"] for o in vae["options"])


def test_english_articles_before_numbers():
    # seventeenth examination, calc seed 12 Q23: "a 8×8 feature map"
    assert [a_an(n) for n in (8, 80, 11, 18, 7, 1, 16, 100)] == ["an", "an", "an", "an", "a", "a", "a", "a"]


def test_a_weights_gradient_reshaped_back_shows_the_weights_matrix_layout():
    # eighteenth examination, seed 11 Q47 (transposed_conv's dx) and Q72 (grouped_conv's col_W)
    dx_key = "dx = np.dot(dcol, self.W.reshape(C_in, -1).T)"
    dx_wrong = ["dx = np.dot(dcol, self.W.transpose(0, 2, 3, 1).reshape(C_in, -1).T)",
                "dx = np.dot(dcol, self.W.reshape(C_out, -1).T)", "dx = np.dot(dcol, self.W.reshape(C_out, -1))"]
    shown = ["self.dW = np.dot(self.x_row.T, dcol).reshape(C_in, C_out, FH, FW)", "return dx"]
    assert weight_layout_shown(dx_key, dx_wrong, shown)
    col_key = "col_W = self.W[g * Fg:(g + 1) * Fg].reshape(Fg, -1).T"
    col_wrong = ["col_W = self.W[g * Fg:(g + 1) * Fg].reshape(-1, Fg)", "col_W = self.W[g * Fg:(g + 1) * Fg].reshape(Fg, -1)",
                 "col_W = self.W[g::self.groups].reshape(Fg, -1).T"]
    assert weight_layout_shown(col_key, col_wrong, ["self.dW[g * Fg:(g + 1) * Fg] = dW_g.T.reshape(Fg, Cg, FH, FW)"])
    # the gradient hidden, another weight's gradient, or one wrong option lacking the layout: nothing shown
    assert not weight_layout_shown(dx_key, dx_wrong, shown[1:])
    assert not weight_layout_shown(dx_key, dx_wrong, ["self.dW2 = np.dot(a.T, dcol).reshape(C_in, C_out, FH, FW)"])
    assert not weight_layout_shown(col_key, col_wrong[1:2] + ["col_W = self.W[g * Fg:(g + 1) * Fg].reshape(Fg, -1)"],
                                   ["self.dW[g * Fg:(g + 1) * Fg] = dW_g.T.reshape(Fg, Cg, FH, FW)"])


def _transposed(line, answer, wrong):
    """A transposed_conv code question (the nineteenth and twenty-first examinations' Q70 / Q71)."""
    return _question(line, answer, wrong, "", "transposed_conv")


FORWARD_LINE, FORWARD_KEY = "col = np.dot(x_row, self.W.reshape(C_in, -1))", "np.dot(x_row, self.W.reshape(C_in, -1))"
BACKWARD_LINE, BACKWARD_KEY = "dx = np.dot(dcol, self.W.reshape(C_in, -1).T)", "self.W.reshape(C_in, -1).T"


def test_a_part_every_option_of_a_sibling_holds_gives_it_away():
    # nineteenth examination, seed 11 Q70 / Q71 (transposed_conv): every forward option reshapes W by
    # `.reshape(C_in, -1)`; the backward blank offers C_out twice
    forward = _transposed(FORWARD_LINE, FORWARD_KEY, ["np.dot(self.W[:, :, ::-1, ::-1].reshape(C_in, -1), x_row)",
                                                      "np.dot(x_row, self.W[:, :, ::-1, ::-1].reshape(C_in, -1))",
                                                      "np.dot(self.W.reshape(C_in, -1), x_row)"])
    backward = _transposed(BACKWARD_LINE, BACKWARD_KEY, ["self.W.transpose(0, 2, 3, 1).reshape(C_in, -1).T",
                                                         "self.W.reshape(C_out, -1).T",
                                                         "self.W.transpose(0, 2, 3, 1).reshape(C_out, -1).T"])
    assert _offers_another_answer([], [forward, backward])
    # a sibling whose options disagree on it, or a blank offering C_out once, is not given away
    split = _question("col = np.dot(x_row, self.W.reshape(C_in, -1))", "np.dot(x_row, self.W.reshape(C_in, -1))",
                      ["np.dot(x_row, self.W.reshape(C_out, -1))", "np.dot(self.W.reshape(C_in, -1), x_row)",
                       "np.dot(x_row, self.W.reshape(-1, C_in))"], "", "transposed_conv")
    assert not _offers_another_answer([], [split, backward])
    once = _question("dx = np.dot(dcol, self.W.reshape(C_in, -1).T)", "self.W.reshape(C_in, -1).T",
                     ["self.W.transpose(0, 2, 3, 1).reshape(C_in, -1).T", "self.W.reshape(C_out, -1).T",
                      "self.W[:, :, ::-1, ::-1].reshape(C_in, -1).T"], "", "transposed_conv")
    assert not _offers_another_answer([], [forward, once])


def _options_en(item_id):
    return [o["en"] for o in _bank_item(item_id)["options"]]


def test_the_nineteenth_examinations_bank_options():
    # seed 13 Q77 / Q79 (one set): LIME's option stated Integrated Gradients' key and the other way round
    assert not any("integrat" in o for o in _options_en("lime"))
    assert not any("local linear" in o for o in _options_en("integrated-gradients"))
    # seed 12 Q15: specificity and the false positive rate (1 - specificity) ruled each other out
    assert not ("specificity" in " ".join(_options_en("pr-vs-roc")) and
                "false positive rate" in " ".join(_options_en("pr-vs-roc")))
    # seed 11 Q36: a distractor compared its 9×9 field with a 5×5 layer, which the stem calls the same field
    for option in _options_en("receptive-field"):
        fields = re.findall(r"(\d)×\1", option)
        assert len(set(fields)) <= 1, option
    # seed 11 Q45 / Q49: instance norm's option named batch norm's running averages
    assert not any("running average" in o for o in _options_en("instance-style"))


def test_the_twentieth_examinations_fixes():
    # seed 12 Q3: two PCA options were the key plus a false clause (ruled out by logic alone); all four now read
    # "eigenvectors of the covariance matrix, <an order> (<what the eigenvalue is>), are the principal directions"
    assert all(o.endswith("are the principal directions") for o in _options_en("eig-pca"))
    # seed 13 Q38: the conv listing's `FN, C, FH, FW = self.W.shape` shows the filter layout bank:conv-channels asks
    from tests.test_exam_concepts import _fits_after, _q as _concept_q

    layout = _concept_q("bank:conv-channels", kind="knowledge")
    naive = _concept_q("conv2d_naive", "FN, C, FH, FW = self.W.shape\n", "code_choice", problem="conv2d_naive")
    assert not _fits_after(naive, layout)
    assert _fits_after(_concept_q("relu_layer", "N, C, H, W = x.shape\n", "code_choice", problem="relu_layer"), layout)


def test_two_blanks_whose_options_change_the_same_part_ask_one_fact():
    # twenty-first examination, seeds 11 and 13 Q70 / Q71 (transposed_conv): W's matrix view asked forward and
    # backward, the backward's wrong options the forward's with `.T`
    forward = _transposed(FORWARD_LINE, FORWARD_KEY, ["np.dot(x_row, self.W[:, :, ::-1, ::-1].reshape(C_in, -1))",
                                                      "np.dot(x_row, self.W.transpose(0, 2, 3, 1).reshape(C_in, -1))",
                                                      "np.dot(self.W.reshape(C_in, -1), x_row)"])
    backward = _transposed(BACKWARD_LINE, BACKWARD_KEY, ["self.W[:, :, ::-1, ::-1].reshape(C_in, -1).T",
                                                         "self.W.transpose(0, 2, 3, 1).reshape(C_in, -1).T",
                                                         "self.W.reshape(-1, C_in)"])
    assert changed_parts_of(forward) & changed_parts_of(backward) == {"self.W.reshape(C_in,-1)"}
    assert renamed_twins([forward, backward])
    # a blank whose options change another part (the operand order of the product) is another question
    order = _question("dx = np.dot(dcol, self.W.reshape(C_in, -1).T)", "np.dot(dcol, self.W.reshape(C_in, -1).T)",
                      ["np.dot(self.W.reshape(C_in, -1).T, dcol)", "np.dot(self.W.reshape(C_in, -1), dcol)",
                       "np.dot(dcol.T, self.W.reshape(C_in, -1))"], "", "transposed_conv")
    assert not (changed_parts_of(forward) & changed_parts_of(order))


def test_no_kl_option_is_the_key_plus_another_option():
    # twenty-second examination, seeds 11 Q4 / 12 Q10: D_KL(p‖q) + D_KL(q‖p) offered beside D_KL(q‖p)
    for seed in range(60):
        (kl,) = [q for q in calc_templates.calc_set("entropy_kl", seed) if q.template == "entropy_kl_kl"]
        values = [float(o.text) for o in kl.options if not o.correct]
        key = float(kl.options[kl.key].text)
        assert not any(abs(key + a - b) < 0.0015 for a in values for b in values if a != b), (seed, key, values)


def test_softmax_temperature_meets_no_logsumexp_listing():
    # twenty-second examination, seed 13 Q59 beside Q45: logsumexp prints `m = np.max(x, axis=axis, keepdims=True)`
    # and `x - m`, softmax_temperature's blank
    from tests.test_exam_concepts import _fits_after, _q as _concept_q

    logsumexp = _concept_q("logsumexp", "m = np.max(x, axis=axis, keepdims=True)\n", "code_choice", problem="logsumexp")
    temperature = _concept_q("softmax_temperature", "x = x / T\n", "code_choice", problem="softmax_temperature")
    assert not _fits_after(logsumexp, temperature)


def test_the_twenty_second_examinations_bank_ties():
    # seed 13 Q70 / Q44 (mse-grad's stem prints mse-def's key) and Q57 / Q52 (ReLU's properties and its backward)
    from tests.test_exam_concepts import _fits_after, _q as _concept_q

    assert not _fits_after(_concept_q("bank:mse-grad", kind="knowledge"), _concept_q("bank:mse-def", kind="knowledge"))
    assert not _fits_after(_concept_q("bank:relu-props", kind="knowledge"),
                           _concept_q("bank:relu-backward", kind="knowledge"))
    # and the items the examiners found answered by their own option names now offer erasing, integrating and
    # pitch-changing distractors (seed 11 Q61, Q77, Q45)
    assert sum("eras" in o for o in _options_en("random-erasing")) >= 2
    assert sum("integrated" in o for o in _options_en("integrated-gradients")) >= 2
    assert sum("pitch" in o for o in _options_en("pitch-shift")) >= 3


def test_a_minimum_of_a_name_with_itself_is_no_distractor():
    # twenty-third examination, seed 11 Q95 (fcos_centerness): `np.minimum(t, t) / np.maximum(t, b)` from a partner
    # swap; the key's `np.minimum(t, b)` and another pair's stay fair
    from examprep.exam.code.distractors import give_away_whatever_verdict

    reference = "tb = np.minimum(t, b) / np.maximum(t, b)"
    assert give_away_whatever_verdict({"operator": "partner_name",
                                       "text": "tb = np.minimum(t, t) / np.maximum(t, b)"}, reference)
    assert not give_away_whatever_verdict({"operator": "mistake",
                                           "text": "tb = np.minimum(r, b) / np.maximum(r, b)"}, reference)


def test_the_relu_item_does_not_define_gelu():
    # twenty-third examination, seed 13 Q31 / Q56: a ReLU distractor "defined as x Φ(x)" was the GELU item's key
    assert not any("Φ" in o for o in _options_en("relu-props"))
