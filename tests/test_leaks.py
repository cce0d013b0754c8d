"""No hole gives its answers away: a blanked line's text never appears elsewhere in the hole file or in its
hints (examprep.hole.leaks), for every problem, every level and several seeds."""
import pytest

from examprep.hole import holes, leaks
from examprep.hole.hints import hints_for, skeleton
from examprep.problem import catalog

pytestmark = pytest.mark.usefixtures("module_examprep_home")

PROBLEMS = sorted(catalog.load_all())
LEVELS = ["easy", "normal", "hard", "full"]
SEEDS = [0, 1, 2]


@pytest.mark.parametrize("problem_id", PROBLEMS)
@pytest.mark.parametrize("level", LEVELS)
def test_no_hole_leaks_its_answers(problem_id, level):
    problem = catalog.get(problem_id)
    found = [f"seed {seed}: {leak}" for seed in SEEDS for leak in leaks.find_leaks(problem, level, seed)]
    assert not found, "\n".join(found)


def test_adam_docstring_formulas_were_leaks_and_are_cut():
    """The bug report: Adam's docstring gave every blank. With the prose as the reference had it, the check
    finds the formulas; the hole shown has them cut, with the line count unchanged."""
    problem = catalog.get("adam")
    chosen = holes.choose(problem, "hard", seed=0)
    fake = holes.render(problem, chosen, "hard", 0, "en")
    doc = '    """Adam:\n\n        m_hat = m / (1 - beta1 ** t)\n        W <- W - lr * m_hat / (sqrt(v_hat) + 1e-8)\n    """'
    fake.text = fake.text.replace("class Adam:\n", "class Adam:\n" + doc + "\n", 1)
    found = leaks.hole_leaks(problem, fake)
    assert {leak.kind for leak in found} == {"formula"}
    assert any("m_hat = m / (1 - beta1 ** t)" in leak.text for leak in found)
    assert any("lr * m_hat / (sqrt(v_hat) + 1e-8)" in leak.text for leak in found)
    cut = leaks.redact(problem, fake)
    assert leaks.hole_leaks(problem, cut) == []
    assert len(cut.text.splitlines()) == len(fake.text.splitlines())
    assert "m_hat = …" in cut.text and "W <- W - …" in cut.text


def test_a_comment_that_spells_out_a_statement_is_a_leak():
    problem = catalog.get("relu_layer")
    hole = holes.make(problem, "full", seed=0, lang="en")
    body = hole.blanks[0].text.splitlines()
    statement = next(line for line in body if "=" in line)
    leaky = holes.Hole(**{**hole.__dict__, "text": hole.text.replace(
        "class Relu:", f"# the book writes: {statement}\nclass Relu:", 1)})
    found = leaks.hole_leaks(problem, leaky)
    assert [leak.kind for leak in found] == ["code"]
    line = leaky.text.splitlines().index(f"# the book writes: {statement}") + 1
    assert found[0].where == f"line {line}"
    assert leaks.hole_leaks(problem, leaks.redact(problem, leaky)) == []


def test_a_longer_statement_that_contains_the_answer_is_no_leak():
    """`x[idx] = tmp_val + h` does not show the blank `x[idx] = tmp_val`; `np.zeros_like(val)` computes too
    little to be a leak beside its twin."""
    problem = catalog.get("numerical_gradient")
    cand = next(c for c in holes.candidates(problem) if c.text == "x[idx] = tmp_val")
    hole = holes.render(problem, [cand], "easy", 0, "en")
    assert "x[idx] = tmp_val + h" in hole.text
    assert leaks.hole_leaks(problem, hole) == []


def test_a_hint_that_spells_out_the_line_is_a_leak(monkeypatch):
    problem = catalog.get("softmax")
    cand = next(c for c in holes.candidates(problem) if c.text.startswith("x = x - np.max"))
    hole = holes.render(problem, [cand], "easy", 0, "en")
    assert leaks.hole_leaks(problem, hole) == []
    hint = type(problem.hints[0])(match="x = x - np.max", text={"ja": "答え: x = x - np.max(x, axis=-1, keepdims=True)",
                                                                "en": "x - np.max(x, axis=-1, keepdims=True) it is"})
    monkeypatch.setattr(problem, "hints", [hint])
    found = leaks.hole_leaks(problem, hole)
    assert {leak.where for leak in found} == {"hint 1 of (1) [ja]", "hint 1 of (1) [en]"}


def test_generated_hints_never_spell_out_the_line():
    """The skeleton hint of a line without constants used to be the line itself (conv2d's `col = im2col(...)`),
    and the names hint listed a call's arguments in order."""
    assert skeleton("col = im2col(x, FH, FW, self.stride, self.pad)") == "col = im2col(＿, ＿, ＿, ＿, ＿)"
    assert skeleton("dx = self.y.copy()") == "dx = ＿.copy()"
    assert skeleton("x = x - np.max(x, axis=-1, keepdims=True)") == "x = x - np.max(x, axis=＿, keepdims=＿)"
    problem = catalog.get("conv2d")
    cand = next(c for c in holes.candidates(problem) if c.text.startswith("col = im2col("))
    names = next(h for h in hints_for(problem, cand, "en") if h.startswith("Names"))
    assert names.split(": ", 1)[1].split(", ") == sorted(names.split(": ", 1)[1].split(", "), key=str.lower)
    for c in holes.candidates(problem):
        assert all(c.text not in h for h in hints_for(problem, c, "en"))
