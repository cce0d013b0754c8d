"""Hole files: which statements may be blanked, the seeded choice, the runnable module, reading it back."""
import ast
import dataclasses
import inspect
import json
import textwrap
import types

import numpy as np
import pytest

from examprep.problem import catalog, source
from examprep.hole import candidates, holes
from examprep.grade import sandbox
from examprep.blanks import BlankNotFilled
from examprep.problem.catalog import Problem, Target

pytestmark = pytest.mark.usefixtures("module_examprep_home")


@pytest.fixture(scope="module")
def softmax():
    return catalog.get("softmax")


@pytest.fixture(scope="module")
def relu():
    return catalog.get("relu")


# A made-up reference module, to pin down exactly which statements count as "computing".
FAKE_MODULE = "examprep_test_fake_reference"
FAKE_SOURCE = '''\
"""A fake reference module for tests/test_holes.py."""
import numpy as np


def helper(x):
    return x


class Layer:
    """A layer."""

    def __init__(self, W):
        self.W = W
        self.x = None
        self.scale = np.ones(3)

    def forward(self, x):
        """Forward pass."""
        self.x = x
        out = x @ self.W
        if x.ndim > 1:
            out = out.reshape(len(x), -1)
        for _ in range(2):
            out += 1
        alias = out
        return out

    def backward(self, dout):
        dx = dout
        return np.dot(dout, self.W.T)


def scaled(x, k=2):
    "One-line docstring."
    y = -x
    return k * y
'''


@pytest.fixture
def fake_problem(tmp_path, monkeypatch):
    (tmp_path / f"{FAKE_MODULE}.py").write_text(FAKE_SOURCE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    source.module_text.cache_clear()
    yield Problem(id="fake", title={"ja": "偽", "en": "Fake"}, explanation={"ja": "x", "en": "x"},
                  section="深層学習の基礎", item="3-1-4", topic="test", kind="layer",
                  targets=[Target(FAKE_MODULE, "Layer"), Target(FAKE_MODULE, "scaled")], given=[], cases=[{}])
    source.module_text.cache_clear()


# --- candidates -----------------------------------------------------------------------------------------------


def test_candidates_are_exactly_the_blankable_statements(fake_problem):
    cands = holes.candidates(fake_problem)
    assert [(c.target, c.text, c.lhs) for c in cands] == [
        ("Layer.__init__", "self.scale = np.ones(3)", "self.scale = "),
        ("Layer.forward", "self.x = x", ""),                           # kept for backward: no visible LHS
        ("Layer.forward", "out = x @ self.W", "out = "),
        ("Layer.forward", "out = out.reshape(len(x), -1)", "out = "),  # inside an if
        ("Layer.forward", "out += 1", "out += "),                      # inside a for, augmented
        ("Layer.backward", "return np.dot(dout, self.W.T)", "return "),
        ("scaled", "y = -x", "y = "),
        ("scaled", "return k * y", "return "),
    ]
    assert [c.index for c in cands] == list(range(len(cands)))
    answer = source.reference_answer(fake_problem).splitlines()
    for c in cands:
        # Positions refer to the reference answer text; indentation is kept apart from the text.
        assert "\n".join(answer[c.start - 1:c.end]) == textwrap.indent(c.text, c.indent)
    assert "helper" not in {c.target for c in cands}, "only the targets' bodies"


def test_shipped_candidates_are_blankable():
    for problem in catalog.load_all().values():
        for c in holes.candidates(problem):
            stmt = ast.parse(c.text).body[0]
            assert candidates._blankable(stmt, c.target.endswith(".__init__")), (problem.id, c.text)
            assert not (isinstance(stmt, ast.Return) and isinstance(stmt.value, ast.Name)), (problem.id, c.text)
            if isinstance(stmt, ast.Assign) and isinstance(stmt.value, (ast.Name, ast.Constant)):
                # Only an indexed write, a numeric setting or what forward keeps for backward.
                t = stmt.targets[0]
                assert (isinstance(t, ast.Subscript) or candidates._is_self_attribute(t)
                        or isinstance(stmt.value, ast.Constant) and stmt.value.value is not None), (problem.id, c.text)
                assert not c.target.endswith(".__init__") or isinstance(t, ast.Subscript), (problem.id, c.text)
            assert c.text == c.text.strip() and not c.text.startswith(("'", '"')), "no docstrings"


def test_softmax_candidates(softmax):
    assert [c.text for c in holes.candidates(softmax)] == [
        "x = x - np.max(x, axis=-1, keepdims=True)",
        "exp_x = np.exp(x)",
        "return exp_x / np.sum(exp_x, axis=-1, keepdims=True)",
    ]


def test_method_bodies_skip_init_and_docstrings(fake_problem):
    bodies = holes.method_bodies(fake_problem)
    assert [b.target for b in bodies] == ["Layer.forward", "Layer.backward", "scaled"]
    forward = bodies[0]
    assert forward.text.startswith("self.x = x\nout = x @ self.W\n")
    assert forward.text.endswith("return out")
    assert "Forward pass" not in forward.text
    assert bodies[2].text == "y = -x\nreturn k * y"
    assert all(b.lhs == "" for b in bodies)


def test_level_full_blanks_every_method_body_except_init():
    for problem in catalog.load_all().values():
        chosen = holes.choose(problem, level="full")
        names = [t.name for t in problem.targets]
        expected = []
        for node in ast.parse(source.reference_answer(problem)).body:
            if isinstance(node, ast.FunctionDef) and node.name in names:
                expected.append(node.name)
            elif isinstance(node, ast.ClassDef) and node.name in names:
                expected += [f"{node.name}.{m.name}" for m in node.body
                             if isinstance(m, ast.FunctionDef) and m.name != "__init__"]
        assert [c.target for c in chosen] == expected, problem.id
        assert not any(c.target.endswith(".__init__") for c in chosen)


# --- load-bearing proof ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("problem_id", ["softmax", "relu"])
def test_load_bearing_candidates_are_each_rejected_when_removed(problem_id):
    problem = catalog.get(problem_id)
    cands = holes.candidates(problem)
    proven = {c.index for c in holes.load_bearing(problem)}
    assert proven, "something must be blankable"
    result = sandbox.grade_variants(problem.source, [(str(c.index), holes.removal_variant(problem, c))
                                                     for c in cands])
    for c in cands:
        failure = result.failures[str(c.index)]
        if c.index in proven:
            assert failure is not None, f"{c.text!r} is called load-bearing but removing it passes"
        else:
            assert failure is None, f"{c.text!r} was rejected when removed but is not called load-bearing"


def test_removal_variant_replaces_exactly_one_statement(softmax):
    cand = holes.candidates(softmax)[1]
    variant = holes.removal_variant(softmax, cand).splitlines()
    answer = source.reference_answer(softmax).splitlines()
    assert len(variant) == len(answer)
    assert variant[cand.start - 1] == cand.indent + "pass"
    assert [l for i, l in enumerate(variant) if i != cand.start - 1] == \
        [l for i, l in enumerate(answer) if i != cand.start - 1]


def test_load_bearing_is_cached(examprep_home, softmax, monkeypatch):
    first = holes.load_bearing(softmax)
    cache_files = list((examprep_home / "cache" / "load_bearing").glob("softmax-*.json"))
    assert len(cache_files) == 1
    assert json.loads(cache_files[0].read_text()) == [c.index for c in first]

    def no_spawning(*args, **kwargs):
        raise AssertionError("load_bearing ran the grader although the result is cached")
    monkeypatch.setattr(sandbox, "grade_variants", no_spawning)
    assert holes.load_bearing(softmax) == first


def test_load_bearing_cache_is_keyed_by_the_problem(examprep_home, softmax, monkeypatch):
    holes.load_bearing(softmax)
    changed = dataclasses.replace(softmax, raw=dict(softmax.raw, cases=softmax.raw["cases"][:1]))
    calls = []
    real = sandbox.grade_variants

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)
    monkeypatch.setattr(sandbox, "grade_variants", counting)
    holes.load_bearing(changed)
    assert calls, "different cases must be proven again"


# --- choice ---------------------------------------------------------------------------------------------------


def _indices(chosen):
    return [c.index for c in chosen]


def test_choice_is_deterministic_per_seed(softmax, relu):
    for problem in (softmax, relu):
        for seed in range(5):
            assert _indices(holes.choose(problem, "easy", seed=seed)) == \
                _indices(holes.choose(problem, "easy", seed=seed))


def test_choice_differs_across_seeds(softmax):
    choices = {tuple(_indices(holes.choose(softmax, "easy", seed=seed))) for seed in range(20)}
    assert len(choices) > 1


def test_choice_is_in_file_order(softmax):
    for seed in range(10):
        chosen = holes.choose(softmax, "normal", seed=seed)
        assert [c.start for c in chosen] == sorted(c.start for c in chosen)


def test_pins_are_preferred(softmax):
    assert softmax.pins, "softmax pins its max-subtraction line"
    for seed in range(10):
        [only] = holes.choose(softmax, blanks=1, seed=seed)
        assert any(pin in only.text for pin in softmax.pins)
    pinned_sum = dataclasses.replace(softmax, pins=["np.sum"])
    for seed in range(10):
        [only] = holes.choose(pinned_sum, blanks=1, seed=seed)
        assert "np.sum" in only.text


def test_choose_computes_the_candidates_once(softmax, monkeypatch):
    """load_bearing and select's twin statements share one candidates() (no parse of the reference per call)."""
    holes.load_bearing(softmax)
    calls = []
    real = holes.candidates
    monkeypatch.setattr(holes, "candidates", lambda problem: calls.append(problem.id) or real(problem))
    chosen = holes.choose(softmax, "easy", seed=3)
    assert calls == ["softmax"]
    monkeypatch.setattr(holes, "candidates", real)
    assert chosen == holes.select(softmax, holes.load_bearing(softmax), "easy", None, 3), "the same choice"


def test_blanks_and_levels_set_the_count(softmax):
    pool = len(holes.load_bearing(softmax))
    assert pool == 3
    assert len(holes.choose(softmax, "easy")) == holes.LEVELS["easy"] == 2
    assert len(holes.choose(softmax, "normal")) == holes.LEVELS["normal"] == 3
    assert len(holes.choose(softmax, "hard")) == min(holes.LEVELS["hard"], pool)
    assert len(holes.choose(softmax, blanks=1)) == 1
    assert len(holes.choose(softmax, "easy", blanks=3)) == 3, "an explicit count wins over the level"
    assert len(holes.choose(softmax, blanks=50)) == pool
    assert len(holes.choose(softmax, blanks=0)) == 1, "never zero blanks"


# --- the hole file --------------------------------------------------------------------------------------------


def _import_hole(text):
    module = types.ModuleType("examprep_test_hole")
    exec(compile(text, "<hole>", "exec"), module.__dict__)
    return module


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("level", ["easy", "normal", "full"])
def test_render_is_a_runnable_module_raising_blank_not_filled(softmax, level, lang):
    hole = holes.make(softmax, level=level, seed=3, lang=lang)
    module = _import_hole(hole.text)  # importing it works: nothing runs until the target is called
    with pytest.raises(BlankNotFilled) as info:
        module.softmax(np.array([1.0, 2.0, 3.0]))
    assert info.value.label == hole.labels[0]
    assert hole.labels[0] in str(info.value)
    assert hole.text.count("__blank__(") == len(hole.labels)


def test_every_full_blank_raises_blank_not_filled_for_every_problem():
    """level full: each function or method body is one blank; reaching it names it (never a NameError)."""
    for problem in catalog.load_all().values():
        hole = holes.make(problem, level="full", seed=0, lang="ja")
        module = _import_hole(hole.text)
        for label, cand in zip(hole.labels, hole.blanks):
            obj = module
            for part in cand.target.split("."):
                if part.startswith("__") and not part.endswith("__"):
                    part = f"_{obj.__name__.lstrip('_')}{part}"  # a private method's mangled name
                obj = getattr(obj, part)
            params = [p for p in inspect.signature(obj).parameters.values()
                      if p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
            with pytest.raises(BlankNotFilled) as info:
                obj(*[None] * len(params))  # a method is called unbound: self is None too
            assert info.value.label == label, (problem.id, cand.target)


def test_render_text(softmax):
    hole = holes.make(softmax, level="normal", seed=0, lang="ja")
    lines = hole.text.splitlines()
    assert lines[0].startswith("# examprep: softmax level=normal seed=0 lang=ja lines=0,1,2 ref=")
    assert "from examprep.blanks import __blank__" in hole.text
    assert hole.text.rstrip().endswith("check_this_file(__file__)")
    for lab, cand in zip(hole.labels, hole.blanks):
        i = lines.index(cand.indent + holes.MARK_OPEN + lab)
        assert lines[i + 1] == cand.indent + cand.lhs + holes.placeholder(lab)
        assert lines[i + 2] == cand.indent + holes.MARK_CLOSE + lab
        assert cand.text not in hole.text, "the answer is not in the hole file"
    ast.parse(hole.text)


def test_labels():
    assert [holes.label(i, "ja") for i in range(3)] == ["(あ)", "(い)", "(う)"]
    assert [holes.label(i, "en") for i in range(3)] == ["(1)", "(2)", "(3)"]
    assert holes.label(len(holes.JA_LABELS), "ja") == f"({len(holes.JA_LABELS) + 1})"


def test_hole_labels_follow_the_language(softmax):
    ja = holes.make(softmax, level="easy", seed=0, lang="ja")
    en = holes.make(softmax, level="easy", seed=0, lang="en")
    assert ja.labels == ["(あ)", "(い)"]
    assert en.labels == ["(1)", "(2)"]
    assert '__blank__("(あ)")' in ja.text and '__blank__("(1)")' in en.text
    assert "空欄" in ja.text and "Fill in the blanks" in en.text
    assert _indices(ja.blanks) == _indices(en.blanks), "the language does not change the blanks"


def test_display_text(softmax):
    hole = holes.make(softmax, level="normal", seed=0, lang="ja")
    shown = holes.display_text(hole)
    assert "    x = ＿＿＿(あ)＿＿＿" in shown.splitlines()
    assert "    exp_x = ＿＿＿(い)＿＿＿" in shown.splitlines()
    assert "    return ＿＿＿(う)＿＿＿" in shown.splitlines()
    for absent in ("▼", "▲", "blank(", "__blank__(", "# examprep:", "__main__", "check_this_file"):
        assert absent not in shown
    assert shown.startswith("import numpy as np")
    assert "def softmax(x):" in shown


# --- reading a hole file back ---------------------------------------------------------------------------------


@pytest.mark.parametrize("level,lang", [("easy", "ja"), ("hard", "en"), ("full", "ja")])
def test_header_round_trip(softmax, level, lang):
    hole = holes.make(softmax, level=level, seed=7, lang=lang)
    header = holes.read_header(hole.text)
    assert header.problem_id == "softmax"
    assert header.fields["level"] == level
    assert header.fields["seed"] == "7"
    assert header.fields["lang"] == lang
    back = holes.hole_from_header(softmax, header)
    assert back.blanks == hole.blanks
    assert back.labels == hole.labels
    assert (back.level, back.seed, back.lang, back.fingerprint) == (level, 7, lang, hole.fingerprint)


def test_header_problems(softmax):
    assert holes.read_header("import numpy as np\n") is None
    assert holes.read_header("#!/usr/bin/env python\n# examprep: relu level=easy\n").problem_id == "relu"
    hole = holes.make(softmax, level="easy", seed=0, lang="en")
    stale = hole.text.replace(f"ref={hole.fingerprint}", "ref=0000000000000000")
    assert holes.hole_from_header(softmax, holes.read_header(stale)) is None
    bad_ids = hole.text.replace("lines=", "lines=99,", 1)
    assert holes.hole_from_header(softmax, holes.read_header(bad_ids)) is None


def _fill(hole, answers):
    """The hole file with answers[label] (a statement) in place of each `blank(...)` line."""
    out = []
    for line in hole.text.splitlines():
        for lab, cand in zip(hole.labels, hole.blanks):
            if line.strip() == cand.lhs + holes.placeholder(lab).strip():
                line = textwrap.indent(answers.get(lab, cand.text), cand.indent)
        out.append(line)
    return "\n".join(out) + "\n"


def test_read_filled(softmax):
    hole = holes.make(softmax, level="normal", seed=0, lang="en")
    text = _fill(hole, {"(2)": "e = np.exp(x)\nexp_x = e"})
    regions = holes.read_filled(text, hole.labels)
    assert regions == {"(1)": hole.blanks[0].text, "(2)": "e = np.exp(x)\nexp_x = e", "(3)": hole.blanks[2].text}
    unfilled = holes.read_filled(hole.text, hole.labels)
    assert unfilled["(1)"] == 'x = __blank__("(1)")'
    broken = text.replace("# ▲ (2)", "")
    assert holes.read_filled(broken, hole.labels)["(2)"] is None
    assert holes.read_filled(broken, hole.labels)["(1)"] is not None


def test_isolate_keeps_one_blank_and_restores_the_rest(softmax):
    hole = holes.make(softmax, level="normal", seed=0, lang="en")
    mine = "e = np.exp(x)\nexp_x = e\n# my note"
    text = _fill(hole, {"(1)": "x = x", "(2)": mine, "(3)": "return None"})
    only2 = holes.isolate(text, hole, "(2)")
    regions = holes.read_filled(only2, hole.labels)
    assert regions["(1)"] == hole.blanks[0].text
    assert regions["(2)"] == mine
    assert regions["(3)"] == hole.blanks[2].text
    # The learner's line numbers survive: other regions are padded to the learner's length.
    assert len(only2.splitlines()) == len(text.splitlines())
    only1 = holes.isolate(text, hole, "(1)")
    assert len(only1.splitlines()) == len(text.splitlines())
    assert only1.splitlines().index("    # ▼ (3)") == text.splitlines().index("    # ▼ (3)")
    assert holes.read_filled(only1, hole.labels)["(2)"] == hole.blanks[1].text
    # The isolated variant with the reference elsewhere really works.
    ns = _import_hole(holes.isolate(_fill(hole, {}), hole, "(1)"))
    np.testing.assert_allclose(ns.softmax(np.array([0.0, 0.0])), [0.5, 0.5])


def test_isolate_without_markers_is_none(softmax):
    hole = holes.make(softmax, level="normal", seed=0, lang="en")
    text = _fill(hole, {}).replace("    # ▲ (2)\n", "")
    assert holes.isolate(text, hole, "(1)") is None
