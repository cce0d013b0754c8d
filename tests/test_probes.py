"""The engine grades one probe problem of each shape, as YAML plus reference code only (issue 11).

tests/probes/*.yaml: a tuple-output layer with its backward (LSTM), a stateful Time layer driven by a step
script (TimeRNN with reset_state / set_state), an embedding with forced repeated indices, ❷-style
params / grads lists (all three), an in-place function (clip_grads), a set-valued output (rag_retrieve) and a
sign-invariant output (lsi). For each: the reference passes, right answers written differently pass, and a
wrong answer (one line of the reference changed) is rejected by the check that names its mistake.
"""
from pathlib import Path

import pytest

from examprep.grade import sandbox
from examprep.problem import catalog, source

PROBES = Path(__file__).parent / "probes"

# (probe, reference line, replacement, expected check: None = must pass)
ANSWERS = [
    ("probe_lstm", "dc_prev = ds * f", "dc_prev = ds", "values"),
    ("probe_lstm", "self.grads[0][...] = dWx", "self.grads[0] = dWx", "grads_rebound"),
    ("probe_lstm", "dA = np.hstack((df, dg, di, do))", "dA = np.hstack((df, dg, di, do)); dh_next = dh_next * 1", None),
    ("probe_time_rnn", "if not self.stateful or self.h is None:", "if True:", "values"),
    ("probe_time_rnn", "self.h = None", "self.h = self.h", "values"),
    ("probe_time_rnn", "dxs = np.empty((N, T, D), dtype='f')", "dxs = np.empty((N, T, D))", None),
    ("probe_embedding", "np.add.at(dW, self.idx, dout)", "dW[self.idx] += dout", "values"),
    ("probe_embedding", "np.add.at(dW, self.idx, dout)",
     "for i, word_id in enumerate(self.idx):\n            dW[word_id] += dout[i]", None),
    ("probe_embedding", "dW, = self.grads", "dW = self.grads[0].copy()", "values"),
    ("probe_clip_grads", "grad *= rate", "grad = grad * rate", "values"),
    ("probe_clip_grads", "if rate < 1:", "if rate < 1 and False:", "values"),
    ("probe_rag_retrieve", "return np.argsort(-sim)[:k]", "return np.sort(np.argsort(-sim)[:k])", None),
    ("probe_rag_retrieve", "return np.argsort(-sim)[:k]", "return list(np.argsort(-sim)[:k][::-1])", None),
    ("probe_rag_retrieve", "return np.argsort(-sim)[:k]", "return np.argsort(sim)[:k]", "values"),
    ("probe_rag_retrieve", "return np.argsort(-sim)[:k]", "return np.argsort(-sim)[:k - 1]", "values"),
    ("probe_lsi", "return U[:, :k]", "return -U[:, :k] * np.array([1.0, -1.0, 1.0])[:k]", None),
    ("probe_lsi", "return U[:, :k]", "return U[:, -k:]", "values"),
    ("probe_lsi", "return U[:, :k]", "return V[:k].T", "shape"),
]


@pytest.fixture(scope="module")
def graded():
    """Every probe's reference and answers, one sandbox run per probe."""
    out = {}
    for path in sorted(PROBES.glob("*.yaml")):
        problem = catalog.load_file(path)
        reference = source.reference_answer(problem)
        variants = [("reference", reference)]
        for i, (pid, old, new, _) in enumerate(ANSWERS):
            if pid == problem.id:
                assert reference.count(old) == 1, f"{pid}: {old!r} is not one line of the reference"
                variants.append((str(i), reference.replace(old, new)))
        result = sandbox.grade_variants(str(path), variants, time_limit=20.0)
        out[problem.id] = result.failures
    return out


def test_every_shape_has_a_probe():
    assert {p.stem for p in PROBES.glob("*.yaml")} == {
        "probe_lstm", "probe_time_rnn", "probe_embedding", "probe_clip_grads", "probe_rag_retrieve", "probe_lsi"}


@pytest.mark.parametrize("pid", sorted(p.stem for p in PROBES.glob("*.yaml")))
def test_the_reference_passes(graded, pid):
    failure = graded[pid]["reference"]
    assert failure is None, f"{pid}: the reference is rejected: [{failure.check}] {failure.en}"


@pytest.mark.parametrize("index", range(len(ANSWERS)), ids=[f"{a[0]}:{a[2][:40]}" for a in ANSWERS])
def test_answers_are_judged_for_the_right_reason(graded, index):
    pid, old, new, expect = ANSWERS[index]
    failure = graded[pid][str(index)]
    if expect is None:
        assert failure is None, f"{pid}: a right answer ({new!r}) is rejected: [{failure.check}] {failure.en}"
    else:
        assert failure is not None, f"{pid}: a wrong answer ({new!r}) passes"
        assert failure.check == expect, f"{pid}: ({new!r}) rejected by [{failure.check}] {failure.en}"
