"""The problems' named classic mistakes as exam distractors (examprep.exam.code.curated).

A mistake written differently from the reference in a line or two becomes a mutant of that line, graded with
the others (the grader names it, check `mistake`, when that line is the whole mistake), and pick_distractors
offers it first.
"""
import ast
import random

import pytest

from examprep.exam.code import curated, proof
from examprep.exam.code.blanks import blank_choices
from examprep.exam.code.distractors import give_away, pick_distractors
from examprep.hole import holes, mutants
from examprep.problem import catalog, source

EXPECTED = {   # problem: (reference line, the mistake's line), from reference/mistakes/
    "scaled_dot_product_attention": ("scores = np.matmul(Q, K.swapaxes(-1, -2)) / np.sqrt(d_k)",
                                     "scores = np.matmul(Q, K.swapaxes(-1, -2))"),
    "lstm_cell": ("dc_prev = ds * f", "dc_prev = ds"),
    "residual_block": ("return dx + ds", "return dx"),
    "embedding": ("np.add.at(dW, self.idx, dout)", "dW[self.idx] += dout"),
}


def _all():
    for pid in catalog.load_all():
        problem = catalog.get(pid)
        if problem.mistakes:
            yield problem


@pytest.mark.parametrize("pid", sorted(EXPECTED))
def test_a_mistake_written_in_one_line_is_a_mutant_of_that_line(pid):
    problem = catalog.get(pid)
    original, wrong = EXPECTED[pid]
    found = [(m.original.strip(), m.text.strip()) for m in curated.mutants(problem, holes.candidates(problem))]
    assert (original, wrong) in found, found


def test_every_mistake_mutant_changes_one_candidate_line_and_nothing_else():
    count = 0
    for problem in _all():
        answer = source.reference_answer(problem).splitlines()
        cands = {c.index: c for c in holes.candidates(problem)}
        for m in curated.mutants(problem, list(cands.values())):
            cand = cands[m.candidate]
            ast.parse(m.source)
            assert m.operator == curated.OPERATOR and ast.dump(ast.parse(m.text)) != ast.dump(ast.parse(cand.text))
            lines = m.source.splitlines()
            assert lines[:cand.start - 1] == answer[:cand.start - 1]
            assert lines[len(lines) - (len(answer) - cand.end):] == answer[cand.end:]
            count += 1
    assert count >= 20, count


def test_a_mistake_among_the_mechanical_mutants_keeps_their_indices():
    problem = catalog.get("lstm_cell")
    cands = holes.candidates(problem)
    plain = mutants.mutants_for(problem, cands)
    merged = curated.with_mistakes(problem, cands, plain)
    assert len(merged) >= len(plain)
    assert [(m.candidate, m.text) for m in merged[:len(plain)]] == [(m.candidate, m.text) for m in plain]
    assert any(m.operator == curated.OPERATOR for m in merged)


@pytest.mark.parametrize("pid", ["embedding", "residual_block"])
def test_the_grader_rejects_the_mistake_and_the_exam_offers_it_first(pid, tmp_path, monkeypatch):
    monkeypatch.setenv("EXAMPREP_HOME", str(tmp_path))
    problem = catalog.get(pid)
    cands = {c.index: c for c in holes.candidates(problem)}
    _, muts, unseen = proof._mutants(problem)
    mistakes = [m for i, m in enumerate(muts) if m.operator == curated.OPERATOR and i not in unseen]
    assert mistakes
    named = 0
    for m in mistakes:
        cand = cands[m.candidate]
        entries = proof.prove(problem, [cand.index])["lines"][str(cand.index)]
        mine = [e for e in entries if e["operator"] == curated.OPERATOR and e["text"] == m.text]
        # Rejected by the grader (named when the line is the whole mistake: embedding's, not the residual block's,
        # whose backward also differs).
        assert len(mine) == 1 and mine[0]["status"] == "wrong", mine
        named += mine[0]["verdict"]["check"] == "mistake"
        for seed in range(5):
            for path, pairs in blank_choices(cand, entries).items():
                picked = pick_distractors(pairs, random.Random(seed), cand.text)
                offered = [e for e, fill in pairs if e["operator"] == curated.OPERATOR
                           and not give_away(e, fill, cand.text)]
                if offered:   # mistakes come first: the picks hold as many as there are (three at most)
                    kept = [e for e, _ in picked if e["operator"] == curated.OPERATOR]
                    assert len(kept) == min(3, len({e["signature"] for e in offered})), (path, picked)
    assert named or pid != "embedding"   # its registered mistake, dW[self.idx] += dout, is named by the grader


def test_the_shipped_wrong_answers_are_current():
    """examprep/exam/code/line_mistakes.json is what tests/components/*/wrong/ gives now (the package has no tests
    folder); after adding or changing a wrong answer: python -m examprep.dev.line_mistakes --write."""
    from examprep.dev import line_mistakes

    assert line_mistakes.render(line_mistakes.collect()) == line_mistakes.DATA.read_text(encoding="utf-8"), \
        "out of date: python -m examprep.dev.line_mistakes --write"


def test_wrong_answers_become_mutants_of_their_lines():
    """sgd, relu and softmax had no line with three fair mechanical distractors; their classic mistakes are mutants
    of the lines they rewrite."""
    for pid, original, wrong in [("sgd", "params[key] -= self.lr * grads[key]", "params[key] += self.lr * grads[key]"),
                                 ("relu", "return np.maximum(0, x)", "return np.minimum(0, x)"),
                                 ("softmax", "x = x - np.max(x, axis=-1, keepdims=True)",
                                  "x = x - np.max(x, axis=-1)")]:
        problem = catalog.get(pid)
        found = [(m.original.strip(), m.text.strip()) for m in curated.mutants(problem, holes.candidates(problem))]
        assert (original, wrong) in found, (pid, found)


def test_every_mistake_not_offered_names_a_known_mistake():
    shipped = curated._shipped()
    for (pid, name), why in curated.NOT_OFFERED.items():
        problem = catalog.get(pid)
        names = {e["name"] for e in shipped.get(pid, [])} | {m.name for m in problem.mistakes or []}
        assert name in names, (pid, name)
        assert why


@pytest.mark.parametrize("pid, text", [
    ("wgan_gp", "return e * x_fake + (1 - e) * x_real"),              # the same x̂ distribution
    ("sgd", "params[key] = params[key] - self.lr * grads[key]"),      # SGD, not in place
    ("random_search", "weight_decay = 10 ** rng.uniform(-6, -2)"),    # ranges not in the listing
    ("photometric_aug", "return np.rot90(x, k, axes=(-1, -2))"),      # direction not in the listing
    ("roi_align", "return samples.reshape(C, self.out_h, s, self.out_w, s).max(axis=(2, 4))"),  # Mask R-CNN
    ("gru_cell", "h_hat = np.tanh(np.dot(x, Wxh) + r * np.dot(h_prev, Whh) + bh)"),  # PyTorch's GRU
    ("transposed_conv", "out_w = W * self.stride"),                   # right for the usual up-samplings
    ("bootstrap_bagging", "idx = np.random.randint(0, n, size=n)"),   # the same bootstrap distribution
    ("matmul", "dx = np.dot(dout, W.T if W.shape[0] != W.shape[1] else W)"),   # a form no one writes
    ("random_search", "lr = np.exp(rng.uniform(-6, -2))"),           # log-scale too: wrong only by the hidden range
    ("ordinal_encoding", "return (y[:, np.newaxis] > np.arange(K - 1)[::-1]).astype(np.float64)"),  # order-free decoder
    ("split_heads", "return x.reshape(N, T, D // num_heads, num_heads).transpose(0, 3, 1, 2)"),  # with its merge
    ("pointwise_conv", "out = np.dot(x_row + np.roll(x_row, 1, axis=0), self.W.T) + self.b"),  # no one writes it
    ("mfcc", "return x[1:] - alpha * x[:-1]"),                        # the textbook form; the length kept is a convention
])
def test_a_second_defensible_answer_or_a_give_away_is_not_offered(pid, text):
    problem = catalog.get(pid)
    assert text not in [t for _, _, t in curated.entries(problem)]
    assert text not in [m.text.strip() for m in curated.mutants(problem, holes.candidates(problem))]


def test_a_returned_name_written_as_the_whole_computation_is_another_steps_job():
    def role(a, b):
        return curated._same_role(ast.parse(a).body[0], ast.parse(b).body[0])
    assert not role("return loss", "return -np.mean(np.log(y[np.arange(N), t]))")
    assert not role("return dx", "return np.dot(dout, self.W.T)")
    assert role("return dhs", "return dxs")
    assert role("return out", "return out")
    assert role("return dx + ds", "return dx")


def test_a_wrong_answer_is_offered_in_the_reference_spelling():
    ref = "return (y[:, np.newaxis] > np.arange(K - 1)).astype(np.float64)"
    assert (curated.in_reference_spelling(ref, "return (y[:, None] > np.arange(K - 1)[::-1]).astype(float)")
            == "return (y[:, np.newaxis] > np.arange(K - 1)[::-1]).astype(np.float64)")
    assert curated.in_reference_spelling("x = a[None]", "x = b[None]") == "x = b[None]"   # the reference's own
    assert curated.in_reference_spelling("x = a.astype(float)", "x = b.astype(float)") == "x = b.astype(float)"
    problem = catalog.get("ordinal_encoding")
    texts = [m.text.strip() for m in curated.mutants(problem, holes.candidates(problem))]
    assert "return (y[:, np.newaxis] >= np.arange(K - 1)).astype(np.float64)" in texts
    assert not any("None" in t or "astype(float)" in t for t in texts), texts


def test_wgan_gp_swapped_interpolation_is_a_convention_never_an_option():
    """e is uniform on [0, 1], so e·x_fake + (1 − e)·x_real is the same method: the problem names it as a
    convention (the drill tells the learner which one the answer followed), so the mutant that writes it (the
    partner swap x_real <-> x_fake) is judged a convention, which give_away never offers."""
    from examprep.exam.code import distractors, proof
    from examprep.grade import sandbox
    from examprep.problem import source

    problem = catalog.get("wgan_gp")
    key, text = "return e * x_real + (1 - e) * x_fake", "return e * x_fake + (1 - e) * x_real"
    answer = source.reference_answer(problem)
    assert key in answer
    result = sandbox.grade_variants(problem.source, [("swapped", answer.replace(key, text))], seed=proof.GRADE_SEED)
    entry = {"operator": "partner_name", "text": text, "verdict": proof._verdict(result.failures["swapped"])}
    assert entry["verdict"]["check"] == "convention", entry
    assert distractors.give_away(entry, text, "    " + key)
