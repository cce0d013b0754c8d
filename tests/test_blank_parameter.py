"""A target may have a parameter named `blank` (the CTC blank id): hole files call the placeholder by a name no
target uses (`__blank__`), so an unfilled blank inside such a function still says it is unfilled, and a filled one
is graded as usual. Hole files saved before, calling `blank("(1)")`, still run."""
import pytest

import reference
from examprep.blanks import BlankNotFilled
from examprep.grade import verdict as verdict_mod
from examprep.hole import holes
from examprep.problem import catalog, source

MODULE = "examprep_test_blank_parameter"
SOURCE = '''\
"""A made-up reference for tests/test_blank_parameter.py."""
import numpy as np


def drop_blank(x, blank=0):
    """The softmax of scores x: (T, V) with the blank column's probability moved to the others."""
    p = np.exp(x - x.max(axis=1, keepdims=True))
    p[:, blank] = 0.0
    return p / p.sum(axis=1, keepdims=True)
'''
YAML = f'''\
id: blank_parameter
title: {{ja: blank という名前の引数, en: A parameter named blank}}
explanation: {{ja: 空欄の関数と引数の名前が重なっても採点できること。, en: "Grading works when a parameter is named like the placeholder."}}
area: {{section: 深層学習の応用, item: "4-4-1", topic: test}}
kind: function
targets: [reference.{MODULE}:drop_blank]
cases:
  - name: blank id 2
    args: [{{normal: [4, 5]}}, 2]
  - name: blank id 0
    args: [{{normal: [3, 6]}}, 0]
'''


@pytest.fixture
def problem(tmp_path, monkeypatch):
    package = tmp_path / "reference"
    package.mkdir()
    (package / f"{MODULE}.py").write_text(SOURCE, encoding="utf-8")
    monkeypatch.setattr(reference, "__path__", list(reference.__path__) + [str(package)])
    path = tmp_path / "blank_parameter.yaml"
    path.write_text(YAML, encoding="utf-8")
    source.module_text.cache_clear()
    yield catalog.load_file(path)
    source.module_text.cache_clear()


def _fill(hole, answers):
    """The hole file with each blank's placeholder line replaced by answers[label] (None: the reference line)."""
    text = hole.text
    for cand, lab in zip(hole.blanks, hole.labels):
        line = cand.indent + cand.lhs + holes.placeholder(lab)
        assert text.count(line + "\n") == 1, line
        answer = answers.get(lab) or cand.text
        text = text.replace(line + "\n", "\n".join(cand.indent + s for s in answer.splitlines()) + "\n")
    return text


def test_a_blank_inside_a_function_with_a_blank_parameter(problem):
    hole = holes.make(problem, level="hard", seed=0, lang="en")
    assert any("p[:, blank] = 0.0" == c.text for c in hole.blanks), [c.text for c in hole.blanks]
    assert "from examprep.blanks import __blank__" in hole.text and "(x, blank=0)" in hole.text

    unfilled = verdict_mod.judge(problem, hole.text, hole)
    assert unfilled.failure is not None and unfilled.failure.check == "blank", unfilled.failure
    assert f"Blank {hole.labels[0]} is not filled in yet" in unfilled.failure.en

    right = verdict_mod.judge(problem, _fill(hole, {}), hole)
    assert right.passed, right.failure
    assert all(b.passed for b in right.blanks)

    label = hole.labels[[c.text for c in hole.blanks].index("p[:, blank] = 0.0")]
    wrong = verdict_mod.judge(problem, _fill(hole, {label: "p[:, 0] = 0.0"}), hole)
    assert not wrong.passed and wrong.failure.check == "values"
    assert [b.label for b in wrong.blanks if b.passed is False] == [label]


def test_old_hole_files_calling_blank_still_run():
    from examprep.blanks import blank

    with pytest.raises(BlankNotFilled) as info:
        blank("(1)")
    assert info.value.label == "(1)"
    assert holes.is_placeholder('blank("(1)")') and holes.is_placeholder('x = __blank__("(あ)")')
    assert not holes.is_placeholder("x = blank_id + 1")
