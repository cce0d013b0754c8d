"""Mock-exam questions (examprep.exam): proven distractors, independent calculation keys, JSON.

Code questions: for a sample of problems and seeds, every option is graded again here, in
a separate sandbox run from the one that proved the distractors, from an answer file the
test builds itself out of the question's data: exactly one option (the key) passes, each
wrong option fails the way its stored verdict says, and no two options are the same text
or behave the same (identical failure). Calculation questions: the key is recomputed here
with the formulas written out in this file, from the numbers in the question's params
(which must appear in its stem).
"""
import ast
import hashlib
import json
import math
import re

import pytest

from examprep.problem import catalog, source
from examprep.grade import sandbox
from examprep.exam import Question
from examprep.exam.calc import templates as calc_templates
from examprep.exam.code import distractors, fills, proof
from examprep.exam.code import questions as code_questions
from examprep.exam.calc.templates import MULTI_STEP
from examprep.exam.compose import compose

SAMPLE = ["softmax", "conv2d", "adam", "batchnorm", "max_pooling", "numerical_gradient", "softmax_with_loss",
          "im2col", "layernorm", "affine", "rmsprop", "cross_entropy"]
SEEDS = [0, 1, 2, 3]
CALC_SEEDS = range(40)


@pytest.fixture(scope="module")
def proofs(module_examprep_home):
    problems = [catalog.get(pid) for pid in SAMPLE]
    return proof.prove_all(problems)


@pytest.fixture(scope="module")
def code_sets(proofs):
    """{problem id: [questions]} over SEEDS, three blanks per set where the problem has them."""
    out = {}
    for pid in SAMPLE:
        problem = catalog.get(pid)
        out[pid] = [q for seed in SEEDS for q in code_questions.code_set(problem, seed, 3, proofs[pid])]
    return out


def answer_file(question, text):
    """The reference answer with the question's blank filled with text, built from the question's data alone."""
    blank = question.blank
    answer = source.reference_answer(catalog.get(question.problem))
    assert hashlib.sha256(answer.encode()).hexdigest()[:16] == blank["ref"]
    assert blank["template"].count(blank["marker"]) == 1
    statement = blank["template"].replace(blank["marker"], text)
    lines = answer.split("\n")
    lines[blank["start"] - 1:blank["end"]] = [blank["indent"] + line if line.strip() else ""
                                              for line in statement.split("\n")]
    return "\n".join(lines)


def behaviour(failure):
    """A failure without the line it happened on: what an option does, for telling two options apart."""
    details = failure.to_json()["details"]
    if isinstance(details.get("error"), dict):
        details["error"] = {k: details["error"].get(k) for k in ("type", "message")}
    return json.dumps([getattr(failure, k) for k in ("check", "stage", "case", "dtype", "what")] + [details],
                      sort_keys=True, default=str)


@pytest.fixture(scope="module")
def regraded(code_sets):
    """{problem id: {(question id, option index): failure}}, one fresh sandbox run per problem."""
    out = {}
    for pid, questions in code_sets.items():
        problem = catalog.get(pid)
        variants = [(f"{q.id}#{i}", answer_file(q, o.text)) for q in questions for i, o in enumerate(q.options)]
        result = sandbox.grade_variants(problem.source, variants)
        out[pid] = {tuple(name.rsplit("#", 1)): failure for name, failure in result.failures.items()}
        assert len(out[pid]) == len(variants)
    return out


def _mutant(operator, reference, text, check="values", en="", case="batch of 4 rows"):
    return {"operator": operator, "text": text, "verdict": {"check": check, "en": en, "case": case, "what": ""}}


# (operator, reference statement, mutant, ruled out): what no learner writes, found in exports (issue 16), and the
# everyday mistakes that must stay.
GIVE_AWAYS = [
    ("swap_operands", "s = np.sum(grad ** 2)", "s = np.sum(2 ** grad)", True),
    ("swap_operands", "lr = 10 ** rng.uniform(-6, -2)", "lr = rng.uniform(-6, -2) ** 10", True),
    ("swap_operands", "x1 = np.minimum(x0 + 1, W - 1)", "x1 = np.minimum(x0 + 1, 1 - W)", True),
    ("swap_operands", "l = np.sum(diff ** 2) / len(diff)", "l = len(diff) / np.sum(diff ** 2)", True),
    ("swap_operands", "dx = np.dot(du, W1.T)", "dx = np.dot(W1.T, du)", False),
    ("swap_operands", "d = y - t", "d = t - y", False),
    ("int_off_by_one", "m = 1 - beta1", "m = 2 - beta1", True),
    ("int_off_by_one", "a = x * 10 ** (db / 20)", "a = x * 11 ** (db / 20)", True),
    ("int_off_by_one", "lr = 10 ** rng.uniform(-8, -4)", "lr = 10 ** rng.uniform(-8, -3)", True),
    ("int_off_by_one", "n = layer_sizes[i - 1]", "n = layer_sizes[i - 2]", True),
    ("int_off_by_one", "e = np.sum((y - t) ** 2)", "e = np.sum((y - t) ** 1)", True),
    ("int_off_by_one", "s = 1 / (1 + np.exp(-x))", "s = 0 / (1 + np.exp(-x))", True),
    ("int_off_by_one", "self.grads[1][...] = dWh", "self.grads[2][...] = dWh", False),
    ("int_off_by_one", "b = qs.shape[0]", "b = qs.shape[1]", False),
    ("int_off_by_one", "y = boxes[:, 2]", "y = boxes[:, 3]", False),
    ("int_off_by_one", "y = boxes[:, 2:]", "y = boxes[:, 3:]", False),
    ("int_off_by_one", "m = np.triu(np.ones((T, T)), k=1)", "m = np.triu(np.ones((T, T)), k=0)", False),
    ("negate", "w = np.sqrt(2.0 / n)", "w = -np.sqrt(2.0 / n)", True),
    ("negate", "batch_size = qs.shape[0]", "batch_size = -qs.shape[0]", True),
    ("first_operand", "out = self.weight_sum_layer.forward(hs, a)", "out = self.weight_sum_layer", True),
    ("first_operand", "dx = np.dot(du, W1.T)", "dx = du", True),
    ("first_operand", "mask = x <= 0", "mask = x", True),
    ("first_operand", "y = np.maximum(0, x)", "y = 0", True),
    ("first_operand", "return np.clip(alpha * x + beta, 0, 1)", "return alpha * x + beta", True),
    ("first_operand", "db = np.sum(self.xn * dout, axis=0)", "db = self.xn * dout", False),
    ("first_operand", "w = np.sqrt(1.0 / n_in)", "w = 1.0 / n_in", False),
    ("first_operand", "db = dout.reshape(-1, D).sum(axis=0)", "db = dout.reshape(-1, D)", False),
    ("first_operand", "penalty += lam * np.sum(np.abs(W))", "penalty += lam", True),
    ("first_operand", "dx = dout * self.mask", "dx = dout", False),
    ("first_operand", "frames = to_frames(x, n_fft, hop)", "frames = x", True),
    ("first_operand", "y = sigmoid(a)", "y = a", False),
    ("partner_name", "loss = np.mean(d_fake) - np.mean(d_real)", "loss = np.mean(d_fake) - np.mean(d_fake)", True),
    # an input dropped by using its partner twice: x_fake, self.mask, self.c, t never used (a re-grade, issue 16)
    ("partner_name", "x = e * x_real + (1 - e) * x_fake", "x = e * x_real + (1 - e) * x_real", True),
    ("partner_name", "dx = np.dot(dout, (self.W * self.mask).T)", "dx = np.dot(dout, (self.W * self.W).T)", True),
    ("partner_name", "self.h, self.c = layer.forward(xs[:, t, :], self.h, self.c)",
     "self.h, self.c = layer.forward(xs[:, t, :], self.h, self.h)", True),
    ("partner_name", "cm = np.bincount(K * t.ravel() + pred.ravel(), minlength=K * K)",
     "cm = np.bincount(K * pred.ravel() + pred.ravel(), minlength=K * K)", True),
    ("partner_name", "Q = split_heads(np.dot(x_q, W_q), self.num_heads)",
     "Q = split_heads(np.dot(x_q, W_k), self.num_heads)", False),
    ("partner_name", "dW = np.dot(self.x.T, dout) * self.mask", "dW = np.dot(self.x.T, dout) * self.W", False),
    ("partner_name", "t = np.dot(h_prev, Wh) + np.dot(x, Wx) + b", "t = np.dot(h_prev, Wh) + np.dot(h_prev, Wx) + b",
     True),
    ("first_operand", "grad += layer.grads[0]", "grad += layer.grads", True),
    ("int_off_by_one", "do2 = do2[:, ::-1]", "do2 = do2[:, ::-2]", True),
    ("slice_step", "do2 = do2[:, ::-1]", "do2 = do2[:, ::0]", True),
    ("slice_step", "do2 = do2[:, ::-1]", "do2 = do2[:, :]", False),
    ("slice_step", "pe[:, 1::2] = np.cos(angle)", "pe[:, 1::3] = np.cos(angle)", True),
    ("slice_step", "pe[:, 0::2] = np.sin(angle)", "pe[:, 0:] = np.sin(angle)", False),
    # an empty slice, the weights left out, a mean minus a sum (an independent re-grade, issue 16)
    ("flip_sign", "out[f0:f0 + f, :] = 0", "out[f0:f0 - f, :] = 0", True),
    ("flip_sign", "out[:, top:top + h, left:left + w] = value", "out[:, top:top + h, left:left - w] = value", True),
    ("slice_bound", "out[f0:f0 + f, :] = 0", "out[f0:f0 + f + 1, :] = 0", False),
    ("flip_sign", "y = x[t - k:t]", "y = x[t + k:t]", False),
    ("partner_name", "out = np.dot(x, self.W * mask) + self.b", "out = np.dot(x, self.mask * mask) + self.b", True),
    ("partner_name", "dx = np.dot(dout, (self.W * self.mask).T)", "dx = np.dot(dout, (self.mask * self.mask).T)",
     True),
    ("sum_mean", "loss = np.mean(d_fake) - np.mean(d_real)", "loss = np.mean(d_fake) - np.sum(d_real)", True),
    ("sum_mean", "loss = np.mean(d_fake) - np.mean(d_real)", "loss = np.sum(d_fake) - np.mean(d_real)", True),
    ("sum_mean", "dx = (dxn - np.mean(dxn, axis=-1, keepdims=True) - self.xn * np.mean(dxn * self.xn, axis=-1, "
     "keepdims=True)) / self.std", "dx = (dxn - np.mean(dxn, axis=-1, keepdims=True) - self.xn * np.sum(dxn * "
     "self.xn, axis=-1, keepdims=True)) / self.std", False),
    ("sum_mean", "c = np.sum(t, axis=1)", "c = np.mean(t, axis=1)", False),
    ("flip_sign", "e = np.sum(p * np.log(p + 1e-12), axis=1)", "e = np.sum(p * np.log(p - 1e-12), axis=1)", True),
    ("flip_sign", "d = np.sum(dt, axis=0) + b", "d = np.sum(dt, axis=0) - b", True),
    ("first_operand", "f = A[:, :H]", "f = A", False),
    ("first_operand", "returns = returns - baseline", "returns = returns", True),
    ("partner_name", "t_mix = lam * t + (1 - lam) * t[index]", "t_mix = lam * t + (1 - (1 - lam)) * t[index]", True),
    ("partner_name", "t_mix = lam * t + (1 - lam) * t[index]", "t_mix = (1 - lam) * t + (1 - lam) * t[index]", False),
    ("swap_arguments", "lr = 10 ** rng.uniform(-8, -4)", "lr = 10 ** rng.uniform(-4, -8)", True),
    # stride and pad swapped: the same output size whenever stride == pad (stride 1, pad 1), and a 2x2 kernel with
    # stride 2 gives the key when FW and the stride swap places (a final re-grade, issue 16)
    ("swap_arguments", "o = conv_output_size(H, FH, stride, pad)", "o = conv_output_size(H, FH, pad, stride)", True),
    ("swap_arguments", "dx = col2im(dcol, self.x.shape, FH, FW, self.stride, self.pad)",
     "dx = col2im(dcol, self.x.shape, FH, self.stride, FW, self.pad)", True),
    ("swap_arguments", "o = conv_output_size(H, FH, stride, pad)", "o = conv_output_size(FH, H, stride, pad)", False),
    # an image's row and column coordinates swapped: right on square maps (upsample_bilinear, a final re-grade)
    ("partner_name", "ly = (src_y - y0).reshape(-1, 1)", "ly = (src_y - x0).reshape(-1, 1)", True),
    ("partner_name", "top = x[:, :, y1, :][:, :, :, x0] * (1 - lx)", "top = x[:, :, x1, :][:, :, :, x0] * (1 - lx)", True),
    ("swap_arguments", "self.conv2 = Convolution(W2, b2, stride, 1)", "self.conv2 = Convolution(W2, b2, 1, stride)",
     True),
    ("swap_arguments", "np.add.at(dx, (slice(None), rows), d)", "np.add.at((slice(None), rows), dx, d)", True),
    ("swap_arguments", "loss = self.layer.forward(score, label)", "loss = self.layer.forward(label, score)", False),
    ("float_perturbed", "y = np.log(x + 1e-7)", "y = np.log(x + 2e-07)", True),
    ("drop_axis", "m = np.max(x, axis=1, keepdims=True)", "m = np.max(x, keepdims=True)", False),
    # a number's complement turned into a sum (1 + z for a gate's 1 - z), as 2 - beta1 (a third re-grade, issue 16)
    ("flip_sign", "h_next = (1-z) * h_prev + z * h_hat", "h_next = (1+z) * h_prev + z * h_hat", True),
    ("flip_sign", "x_mix = lam * x + (1 - lam) * x[index]", "x_mix = lam * x + (1 + lam) * x[index]", True),
    ("flip_sign", "dx = dout * (1 - t ** 2) * du", "dx = dout * (1 + t ** 2) * du", True),
    ("flip_sign", "x_mix = lam * x + (1 - lam) * x[index]", "x_mix = lam * x - (1 - lam) * x[index]", True),
    ("flip_sign", "e = (y[:, np.newaxis] > np.arange(K - 1))", "e = (y[:, np.newaxis] > np.arange(K + 1))", False),
    ("flip_sign", "loss = np.mean(d_fake) - np.mean(d_real)", "loss = np.mean(d_fake) + np.mean(d_real)", False),
    # a flipped sign: ruled out where the reference adds a plain term no one subtracts (a bias, an offset, a total,
    # a count, a norm or sum of squares accumulated, a weighted sum), kept where the sign carries the concept (a
    # step's direction, x - max, x - mean, y - t, a velocity, an index) (two re-grades, issue 16)
    ("flip_sign", "out = np.dot(self.x, self.W) + self.b", "out = np.dot(self.x, self.W) - self.b", True),
    ("flip_sign", "out = out + self.b.reshape(1, C_out, 1, 1)", "out = out - self.b.reshape(1, C_out, 1, 1)", True),
    ("flip_sign", "total_norm += np.sum(grad ** 2)", "total_norm -= np.sum(grad ** 2)", True),
    ("flip_sign", "self.h[key] += grads[key] * grads[key]", "self.h[key] -= grads[key] * grads[key]", True),
    ("flip_sign", "count += 1", "count -= 1", True),
    ("flip_sign", "n_out = int((len(x) - 1) / rate) + 1", "n_out = int((len(x) - 1) / rate) - 1", True),
    ("flip_sign", "return x + sigma * rng.standard_normal(x.shape)", "return x - sigma * rng.standard_normal(x.shape)",
     True),
    ("flip_sign", "meta_grad += (np.eye(len(theta)) - alpha * H_s) @ g_q",
     "meta_grad -= (np.eye(len(theta)) - alpha * H_s) @ g_q", True),
    ("flip_sign", "alpha[t, s] = alpha[t - 1, s] + alpha[t - 1, s - 1]",
     "alpha[t, s] = alpha[t - 1, s] - alpha[t - 1, s - 1]", True),
    ("flip_sign", "params[key] -= self.lr * grads[key]", "params[key] += self.lr * grads[key]", False),
    ("flip_sign", "params[key] += self.v[key]", "params[key] -= self.v[key]", False),
    ("flip_sign", "self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]",
     "self.v[key] = self.momentum * self.v[key] + self.lr * grads[key]", False),
    ("flip_sign", "Q[s, a] += alpha * (target - Q[s, a])", "Q[s, a] -= alpha * (target - Q[s, a])", False),
    ("flip_sign", "y = np.exp(x - np.max(x, axis=-1, keepdims=True))",
     "y = np.exp(x + np.max(x, axis=-1, keepdims=True))", False),
    ("flip_sign", "xc = x - mu", "xc = x + mu", False),
    ("flip_sign", "dx = (self.y - self.t) / batch_size", "dx = (self.y + self.t) / batch_size", False),
    ("flip_sign", "theta_i = theta - alpha * mse_grad(theta, X_s, y_s)",
     "theta_i = theta + alpha * mse_grad(theta, X_s, y_s)", False),
    ("flip_sign", "dh = dhs[:, t + 1, :]", "dh = dhs[:, t - 1, :]", False),
    # only square sizes swapped: right on square images, kernels and pooling windows (a third re-grade, issue 16)
    ("swap_arguments", "col = im2col(x, self.pool_h, self.pool_w, self.stride, self.pad)",
     "col = im2col(x, self.pool_w, self.pool_h, self.stride, self.pad)", True),
    ("permute_reshape", "dx = dx.reshape(N, C, H, W)", "dx = dx.reshape(N, C, W, H)", True),
    ("permute_reshape", "dx = dx.reshape(N, H, W, C)", "dx = dx.reshape(N, W, H, C)", True),
    ("permute_reshape", "dx = dx.reshape(N, C, H, W)", "dx = dx.reshape(N, H, C, W)", False),
    ("swap_arguments", "col = im2col(x, self.pool_h, self.pool_w, self.stride, self.pad)",
     "col = im2col(x, self.pool_h, self.pool_w, self.pad, self.stride)", True),   # stride == pad: the same
    # w dropped from an assigned index, h used twice: an input never used (final re-grade 3, random_erasing)
    ("partner_name", "out[:, top:top + h, left:left + w] = value", "out[:, top:top + h, left:left + h] = value", True),
    # an axis named twice: a ValueError seen at a glance (a third re-grade, issue 16)
    ("int_off_by_one", "y = np.rot90(x, k, axes=(-2, -1))", "y = np.rot90(x, k, axes=(-2, -2))", True),
    ("int_off_by_one", "y = x.transpose(0, 2, 3, 1)", "y = x.transpose(0, 2, 2, 1)", True),
    ("int_off_by_one", "y = np.rot90(x, k, axes=(-2, -1))", "y = np.rot90(x, k, axes=(-3, -1))", False),
    ("permute_transpose", "return x.transpose(0, 2, 1, 3).reshape(N, T, h * d_k)",
     "return x.transpose(0, 1, 2, 3).reshape(N, T, h * d_k)", True),
    ("permute_transpose", "return x.transpose(0, 2, 1, 3).reshape(N, T, h * d_k)",
     "return x.transpose(0, 1, 3, 2).reshape(N, T, h * d_k)", False),
    # the batch axis moved: the key on a batch of one (tests/test_exam_distractor_rules.py)
    ("permute_transpose", "return x.transpose(0, 2, 1, 3).reshape(N, T, h * d_k)",
     "return x.transpose(2, 0, 1, 3).reshape(N, T, h * d_k)", True),
]


@pytest.mark.parametrize("operator, reference, text, ruled_out", GIVE_AWAYS)
def test_give_aways_are_no_distractors(operator, reference, text, ruled_out):
    """Nonsense arithmetic, a negated whole value, an object for a value are never offered (issue 16); the
    mistakes learners make (a wrong index, axis or operand order, a missing reduction) are."""
    assert distractors.give_away(_mutant(operator, reference, text), text, "        " + reference) is ruled_out


def test_options_are_written_in_the_references_style():
    """A changed operator keeps the reference's spacing (`1+z` beside the key's `1-z`, not `1 + z`), and an atom put
    where a parenthesised expression was loses the parentheses (`z * h_prev`, not `(z) * h_prev`): otherwise the
    format marks the made-up options (a re-grade, gru_cell)."""
    from types import SimpleNamespace
    from examprep.exam.code.blanks import blank_choices

    candidate = SimpleNamespace(text="h_next = (1-z) * h_prev + z * h_hat")
    entries = [{"status": "wrong", "text": "h_next = (1 + z) * h_prev + z * h_hat", "operator": "flip_sign"},
               {"status": "wrong", "text": "h_next = z * h_prev + z * h_hat", "operator": "partner_name"}]
    fills = [fill for _, fill in blank_choices(candidate, entries)[()]]
    assert fills == ["h_next = (1+z) * h_prev + z * h_hat", "h_next = z * h_prev + z * h_hat"]
    candidate = SimpleNamespace(text="y = f(1-z)")   # the call's own parentheses stay
    fills = [fill for _, fill in blank_choices(candidate, [{"status": "wrong", "text": "y = f(z)"}])[()]]
    assert fills == ["y = f(z)"]

def test_a_calls_function_is_no_blank():
    """A blank that ends before its call's arguments (`dx = ＿＿(え)＿＿(0, 3, 1, 2)` with options such as
    `dx.reshape(N, H, W, C).transpose`, `(y[:, np.newaxis] > np.arange(K - 1)).astype`) asks for a bound method:
    the whole call or a value inside it is blanked instead (a third re-grade, issue 16)."""
    import random
    from types import SimpleNamespace
    from examprep.exam.code.blanks import askable, blank_choices
    from examprep.exam.code.questions import _plan_blank

    candidate = SimpleNamespace(text="dx = dx.reshape(N, H, W, C).transpose(0, 3, 1, 2)")
    shapes = ["N, H, C, W", "H, N, W, C", "N, H, W, C_out", "C, H, W, N"]
    entries = [{"status": "wrong", "text": f"dx = dx.reshape({s}).transpose(0, 3, 1, 2)", "operator": "permute_reshape",
                "signature": s, "verdict": {"check": "values"}} for s in shapes]
    paths = blank_choices(candidate, entries)
    assert any(path and path[-1] == ("func", None) for path in paths)   # the bound method `... .transpose`
    assert not askable((("value", None), ("func", None))) and askable(()) and askable((("value", None),))
    for seed in range(30):
        path = _plan_blank(candidate, entries, random.Random(seed))[0]
        assert askable(path), path


def test_edge_case_and_attribute_verdicts_are_no_distractors():
    """Right on ordinary inputs (wrong only on extreme logits), an attribute the class does not have, an element
    its list does not have, or another legitimate convention (a second defensible answer)."""
    ref, text = "grad += layer.grads[0]", "grad += layer.grads[1]"
    entry = _mutant("int_off_by_one", ref, text, "exception", "IndexError: list index out of range")
    assert distractors.give_away(entry, text, ref)
    ref, text = "H = dhs.shape[2] // 2", "H = dhs.shape[3] // 2"
    entry = _mutant("int_off_by_one", ref, text, "exception", "IndexError: tuple index out of range")
    assert distractors.give_away(entry, text, ref)
    ref, text = "loss = np.sum(-np.log(p) * returns)", "loss = np.mean(-np.log(p) * returns)"
    assert not distractors.give_away(_mutant("sum_mean", ref, text), text, ref)
    assert distractors.give_away(_mutant("sum_mean", ref, text, check="convention"), text, ref)
    ref, text = "l = np.logaddexp(alpha[T - 1, S - 1], alpha[T - 1, S - 2])", \
        "l = np.logaddexp(alpha[T + 1, S - 1], alpha[T - 1, S - 2])"
    entry = _mutant("flip_sign", ref, text, "exception", "IndexError: index 7 is out of bounds for axis 0 with size 6")
    assert distractors.give_away(entry, text, ref)
    ref, text = "m = np.max(x, axis=1, keepdims=True)", "m = np.max(x, keepdims=True)"
    assert distractors.give_away(_mutant("drop_axis", ref, text, case="extreme logits (±1000)"), text, ref)
    # A RoI's bin size not clamped to 1 (a tests/components wrong answer): wrong only for a RoI smaller than a cell.
    ref, text = "bin_h = max(y2 - y1, 1.0) / self.out_h", "bin_h = (y2 - y1) / self.out_h"
    entry = _mutant("mistake", ref, text, case="a RoI smaller than a cell (its size clamped to 1)")
    assert distractors.give_away(entry, text, ref)
    ref, text = "a = self.v[key]", "a = self.m[key]"
    entry = _mutant("partner_name", ref, text, "exception", "AttributeError: 'Momentum' object has no attribute 'm'")
    assert distractors.give_away(entry, text, ref)


def test_sample_has_questions(code_sets):
    assert sum(len(qs) for qs in code_sets.values()) >= 80
    kinds = {q.blank["whole_line"] for qs in code_sets.values() for q in qs}
    assert kinds == {True, False}, "both whole-line and sub-expression blanks occur"


@pytest.mark.parametrize("pid", SAMPLE)
def test_exactly_one_option_passes(pid, code_sets, regraded):
    questions = code_sets[pid]
    assert questions, f"{pid}: no code question"
    for q in questions:
        assert q.kind == "code_choice" and len(q.options) == 4
        passing = [i for i in range(4) if regraded[pid][(q.id, str(i))] is None]
        assert passing == [q.key], f"{q.id}: options {[o.text for o in q.options]} passing {passing}, key {q.key}"
        assert q.options[q.key].correct and sum(o.correct for o in q.options) == 1
        assert q.options[q.key].text == q.answer
        for i, option in enumerate(q.options):
            failure = regraded[pid][(q.id, str(i))]
            if i != q.key:
                assert option.verdict["check"] == failure.check, (q.id, option.text)
                assert option.verdict["ja"] and option.verdict["en"]
                assert failure.check not in ("internal", "timeout", "crash", "exit", "memory", "syntax")


@pytest.mark.parametrize("pid", SAMPLE)
def test_options_pairwise_distinct(pid, code_sets, regraded):
    for q in code_sets[pid]:
        texts = [" ".join(o.text.split()) for o in q.options]
        assert len(set(texts)) == 4, q.id
        statements = {ast.dump(ast.parse(q.blank["template"].replace(q.blank["marker"], o.text)))
                      for o in q.options}
        assert len(statements) == 4, q.id
        wrong = [behaviour(regraded[pid][(q.id, str(i))]) for i in range(4)
                 if i != q.key and q.options[i].operator != "combined"]
        assert len(set(wrong)) == len(wrong), f"{q.id}: two distractors fail identically"
        # a 2x2 set's a+b may stop at the same shape, type or exception as a part (square._same_values), never
        # with the same values compared
        for i, option in enumerate(q.options):
            if option.operator == "combined" and regraded[pid][(q.id, str(i))].check not in ("shape", "type",
                                                                                             "exception"):
                assert behaviour(regraded[pid][(q.id, str(i))]) not in wrong, f"{q.id}: a+b computes a or b"


def test_listing_shows_every_blank_of_the_set(code_sets):
    for questions in code_sets.values():
        by_set = {}
        for q in questions:
            by_set.setdefault(q.set_id, []).append(q)
        for members in by_set.values():
            listing = members[0].code
            assert all(q.code == listing for q in members)
            assert len({q.label for q in members}) == len(members)
            for q in members:
                assert q.blank["marker"] in listing and q.label in q.stem["ja"] and q.label in q.stem["en"]
                assert q.answer not in q.blank["template"]
            assert '"""' not in listing, "docstrings give answers away"


def test_deterministic_per_seed(proofs):
    for pid in ("softmax", "conv2d", "batchnorm"):
        problem = catalog.get(pid)
        first = [q.to_json() for q in code_questions.code_set(problem, 7, 3, proofs[pid])]
        again = [q.to_json() for q in code_questions.code_set(problem, 7, 3, proofs[pid])]
        assert first == again
    seeds = {json.dumps([q.to_json() for q in code_questions.code_set(catalog.get("batchnorm"), s, 3,
                                                                      proofs["batchnorm"])]) for s in range(4)}
    assert len(seeds) > 1
    for template in calc_templates.TEMPLATES:
        assert ([q.to_json() for q in calc_templates.calc_set(template, 3)]
                == [q.to_json() for q in calc_templates.calc_set(template, 3)])


def test_free_form_is_the_same_blank(code_sets):
    q = code_sets["softmax"][0]
    free = code_questions.free_form(q)
    assert free.kind == "code_free" and free.options == [] and free.key is None
    assert free.blank == q.blank and free.code == q.code and free.answer == q.answer
    # Filling the blank with the answer gives back the reference.
    reference = source.reference_answer(catalog.get("softmax"))
    assert ast.dump(ast.parse(fills.fill_source(free, q.answer))) == ast.dump(ast.parse(reference))
    with_free = code_questions.code_set(catalog.get("softmax"), 0, 1, free=True)
    assert [x.kind for x in with_free] == ["code_choice", "code_free"]


def test_json_round_trip(code_sets):
    questions = code_sets["conv2d"][:3] + [q for t in calc_templates.TEMPLATES for q in calc_templates.calc_set(t, 1)]
    for q in questions:
        data = json.loads(json.dumps(q.to_json(), ensure_ascii=False))
        assert data["schema"] == "examprep.question/1"
        back = Question.from_json(data)
        assert back == q
        assert back.to_json() == q.to_json()
    with pytest.raises(ValueError):
        Question.from_json(dict(questions[0].to_json(), schema="examprep.question/99"))


# ----------------------------------------------------------------------------- calculation questions


def expected_value(q):
    """The key, computed from the question's numbers with the formulas written out here."""
    p = q.params
    t = q.template
    if t in ("conv_output_size", "conv_params", "conv_macs"):
        out = (p["H"] + 2 * p["pad"] - p["FH"]) // p["stride"] + 1
        assert (p["H"] + 2 * p["pad"] - p["FH"]) % p["stride"] == 0
        if t == "conv_output_size":
            return out
        if t == "conv_params":
            return p["FN"] * p["C"] * p["FH"] * p["FW"] + (p["FN"] if p["bias"] else 0)
        return out * out * p["FN"] * p["C"] * p["FH"] * p["FW"]
    if t == "pool_output_size":
        return (p["H"] + 2 * p["pad"] - p["pool"]) // p["stride"] + 1
    if t == "receptive_field":
        return 1 + p["layers"] * (p["kernel"] - 1)
    if t == "affine_params":
        return sum(a * b + b for a, b in zip(p["sizes"], p["sizes"][1:]))
    if t == "softmax_value":
        exps = [math.exp(v) for v in p["x"]]
        return exps[p["index"]] / sum(exps)
    if t == "cross_entropy_value":
        return -math.log(p["y"][p["label"]])
    if t == "entropy_value":
        base = 2 if p["base"] == 2 else math.e
        return -sum(v * math.log(v, base) for v in p["p"])
    if t == "kl_value":
        return sum(a * math.log(a / b) for a, b in zip(p["p"], p["q"]))
    if t == "adam_step":
        m = (1 - p["beta1"]) * p["grad"]
        v = (1 - p["beta2"]) * p["grad"] ** 2
        m_hat, v_hat = m / (1 - p["beta1"] ** 1), v / (1 - p["beta2"] ** 1)
        return p["w"] - p["lr"] * m_hat / (math.sqrt(v_hat) + p["eps"])
    if t == "momentum_step":
        return p["w"] + p["momentum"] * p["v"] - p["lr"] * p["grad"]
    if t.startswith("metrics_"):
        tp, fp, fn, tn = p["tp"], p["fp"], p["fn"], p["tn"]
        precision, recall = tp / (tp + fp), tp / (tp + fn)
        return {"precision": precision, "recall": recall, "f1": 2 * tp / (2 * tp + fp + fn),
                "accuracy": (tp + tn) / (tp + fp + fn + tn)}[t[len("metrics_"):]]
    if t == "bayes_posterior":
        hit = p["sensitivity"] * p["prior"]
        return hit / (hit + (1 - p["specificity"]) * (1 - p["prior"]))
    if t == "box_iou":
        (ax1, ay1, ax2, ay2), (bx1, by1, bx2, by2) = p["a"], p["b"]
        inter = max(0, min(ax2, bx2) - max(ax1, bx1)) * max(0, min(ay2, by2) - max(ay1, by1))
        return inter / ((ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - inter)
    if t == "dqn_target":
        return p["r"] + p["gamma"] * max(p["q_next"])
    if t == "vit_tokens":
        return (p["size"] // p["patch"]) ** 2 + 1
    if t == "word2vec_params":
        return 2 * p["V"] * p["D"]
    if t == "int8_quantize":
        return math.floor(p["w"] * 127 / p["max_abs"] + 0.5)
    if t == "model_memory":
        return p["millions"] * {"float32": 4, "float16": 2, "int8": 1}[p["dtype"]]
    raise AssertionError(f"no independent formula for {t}")


def numbers_in(text):
    return set(re.findall(r"\d+(?:\.\d+)?", text))


@pytest.mark.parametrize("template", [t for t in calc_templates.TEMPLATES if t not in MULTI_STEP])
def test_calc_keys_are_independently_right(template):
    """(The multi-step templates, MULTI_STEP, are checked in test_exam_calc_steps.py.)"""
    seen = set()
    for seed in CALC_SEEDS:
        for q in calc_templates.calc_set(template, seed):
            seen.add(q.template)
            assert q.kind == "calc" and len(q.options) == 4 and q.stem["ja"] and q.stem["en"]
            assert q.explanation["ja"] and q.explanation["en"] and q.section and q.item.startswith(q.area)
            expected = expected_value(q)
            key = q.options[q.key]
            assert key.correct and sum(o.correct for o in q.options) == 1
            # The reference's cross entropy has the book's 1e-7 inside the log.
            tolerance = 1e-5 if q.template == "cross_entropy_value" else 1e-9
            assert abs(key.value - expected) <= tolerance * max(1.0, abs(expected)), (q.id, key.value, expected)
            decimals = len(key.text.split(".")[1]) if "." in key.text else 0
            shown = str(int(expected)) if decimals == 0 else f"{expected:.{decimals}f}"
            if decimals == 0:
                assert expected == int(expected)
            assert key.text == shown, (q.id, key.text, shown)
            texts = [o.text for o in q.options]
            assert len(set(texts)) == 4, (q.id, texts)
            for o in q.options:
                if not o.correct:
                    assert o.text != key.text and o.verdict["check"] == "slip" and o.verdict["ja"] and o.operator
                    # Rounding intermediate values can move the last decimal by one: no option sits there.
                    if decimals:
                        assert abs(float(o.text) - float(key.text)) > 1.5 * 10 ** -decimals, (q.id, o.text, key.text)
            # The numbers the key was computed from are the ones the learner reads.
            stem_numbers = numbers_in(q.stem["en"])
            for name, value in q.params.items():
                values = value if isinstance(value, list) else [value]
                for v in values:
                    if isinstance(v, bool) or isinstance(v, str) or name in ("index", "label", "eps", "t", "bytes"):
                        continue
                    text = f"{v:.2f}" if name in ("y", "p", "q") and template != "entropy_value" else f"{abs(v):g}"
                    assert text in stem_numbers or text in q.stem["en"], (q.id, name, v)


def test_no_negative_divergence_is_offered():
    """D_KL >= 0: a negative option is ruled out on sight (a re-grade found the sign slip in 16 % of the draws)."""
    for seed in CALC_SEEDS:
        for q in calc_templates.calc_set("kl_value", seed):
            assert all(not o.text.startswith("-") for o in q.options), [o.text for o in q.options]

@pytest.mark.parametrize("template", ["softmax_value", "cross_entropy_value"])
def test_positions_are_ordinal_words(template):
    """"element number 1" reads as x[1] to a NumPy reader, and the 0-based element's value is an option (the other
    element distractor): the English stem says "the first / second ..." element, the Japanese "1 番目"."""
    for seed in CALC_SEEDS:
        for q in calc_templates.calc_set(template, seed):
            k = q.params["index" if template == "softmax_value" else "label"]
            assert f" {('first', 'second', 'third', 'fourth')[k]} " in q.stem["en"], q.stem["en"]
            assert "number" not in q.stem["en"] and f"{k + 1} 番目" in q.stem["ja"]

def test_calc_templates_cover_the_brief():
    ids = {q.template for t in calc_templates.TEMPLATES for q in calc_templates.calc_set(t, 0)}
    assert {"conv_output_size", "pool_output_size", "conv_params", "affine_params", "conv_macs", "receptive_field",
            "softmax_value", "cross_entropy_value", "entropy_value", "kl_value", "adam_step",
            "momentum_step"} <= ids
    assert any(i.startswith("metrics_") for i in ids)


def test_compose_mixes_and_keeps_sets_together(proofs):
    questions = compose(30, seed=3, areas=["3"], problems=[catalog.get(pid) for pid in SAMPLE])
    assert len(questions) == 30
    assert {"code_choice", "calc", "knowledge"} <= {q.kind for q in questions} <= {
        "code_choice", "calc", "knowledge", "formula"}
    assert len({q.id for q in questions}) == 30
    order = [q.set_id for q in questions]
    for set_id in set(order):
        first, last = order.index(set_id), len(order) - 1 - order[::-1].index(set_id)
        assert set(order[first:last + 1]) == {set_id}, "a set's questions are consecutive"
    assert [q.to_json() for q in compose(30, seed=3, areas=["3"], problems=[catalog.get(pid) for pid in SAMPLE])] == \
        [q.to_json() for q in questions]


def test_code_stems_space_japanese_and_latin():
    """A half-width space where Japanese meets a Latin letter, a digit or a parenthesis, none between two Japanese
    words (the bank's spacing rule): `次のコードは GELU レイヤ ... の NumPy 実装である。空欄 (あ) に`, not `はGELU`,
    `)の` or `空欄(あ)に` (a third re-grade, issue 16)."""
    import re
    from types import SimpleNamespace
    from examprep.exam.code.questions import _stem

    for title in ("GELU レイヤ (tanh 近似) の順伝播と逆伝播", "AttentionWeight レイヤ (内積と softmax で重みを求める)",
                  "ソフトマックス関数 (x は (N, C) のバッチ、最後の軸で正規化)", "1×1 畳み込み (pointwise convolution) の順伝播・逆伝播"):
        for whole_line, free, hidden in ((False, False, False), (True, False, False), (False, True, False),
                                         (False, False, True)):
            ja = _stem(SimpleNamespace(title={"ja": title, "en": "x"}), "(あ)", whole_line, free, hidden)["ja"]
            assert not re.search(r"[\u3040-\u30ff\u4e00-\u9fff][A-Za-z0-9(]|[A-Za-z0-9)][\u3040-\u30ff\u4e00-\u9fff]",
                                 ja), ja
            assert "空欄 (あ) に" in ja


def test_options_carry_no_developer_comment(module_examprep_home):
    # RoI Align's `ys = y1 + (... + 0.5) * bin_h / s      # s rows of samples per bin, centred` gave every option
    # of its blank the comment, which says which one samples the centres (third re-grade, issue 16).
    problem = catalog.get("roi_align")
    proven = proof.prove_all([problem])["roi_align"]
    blanks = [q for seed in range(12) for q in code_questions.code_set(problem, seed, 3, proven)
              if q.answer.startswith("ys = ")]
    assert blanks, "no seed blanks the line with the comment"
    for q in blanks:
        assert all("#" not in o.text for o in q.options), q.id
        assert q.answer == "ys = y1 + (np.arange(self.out_h * s) + 0.5) * bin_h / s"


def test_every_code_stem_reads_as_a_noun_phrase():
    """The stem pastes the title into 「次のコードは<title>の NumPy 実装である」: a title written as a sentence fragment
    with a colon ("… を col2im で: 順伝播・逆伝播") reads badly there (final re-grade 3); details go in parentheses."""
    for problem in catalog.load_all().values():
        stem = code_questions._stem(problem, "(a)", True, False)
        for lang in ("ja", "en"):
            outside = re.sub(r"\([^()]*\)", "", problem.title[lang])
            assert ":" not in outside and "：" not in outside, (problem.id, lang, problem.title[lang])
        assert "で の NumPy" not in stem["ja"] and "で の" not in stem["ja"], (problem.id, stem["ja"])
