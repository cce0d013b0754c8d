"""The component protocol of the kinds, in-process: numerical gradient of stateful layers, conventions, the schema."""
import copy
from pathlib import Path

import numpy as np
import pytest
import yaml

from examprep.grade import checks, compare, conventions, kinds
from examprep.grade.kinds import layer
from examprep.problem import catalog
from examprep.problem.catalog import Problem, ProblemError, Target


class StatefulTanh:
    """h_t = tanh(x_t W + h_{t-1}), carried between forward calls; float64 like its input."""

    def __init__(self, W):
        self.params, self.grads, self.h = [W], [np.zeros_like(W)], None

    def forward(self, x):
        W, = self.params
        if self.h is None:
            self.h = np.zeros((x.shape[0], W.shape[1]))
        self.x = x
        self.h = np.tanh(x @ W + self.h)
        return self.h

    def backward(self, dh):
        W, = self.params
        da = dh * (1 - self.h ** 2)
        self.grads[0][...] = self.x.T @ da
        return da @ W.T


class ForgetsTheDerivative(StatefulTanh):
    def backward(self, dh):
        W, = self.params
        self.grads[0][...] = self.x.T @ dh
        return dh @ W.T


CASE = {"name": "two steps, state carried", "init": [{"normal": [3, 3], "scale": 0.5}], "params": "lists",
        "state": ["h"], "steps": [{"forward": [{"normal": [2, 3]}], "backward": "none"},
                                  {"forward": [{"normal": [2, 3]}]}]}


def fake_problem(case, kind="layer", **extra):
    return Problem(id="fake", title={"ja": "x", "en": "x"}, explanation={"ja": "x", "en": "x"}, section="", item="",
                   topic="", kind=kind, targets=[Target("reference.fake", "Layer")], given=[], cases=[case], **extra)


def numgrad_failures(cls):
    layer.validate_case(CASE, {"Layer"})
    records = kinds.run_cases(fake_problem(CASE), {"Layer": cls}, 0, learner=True)
    numeric = [r for r in records if r.check == "numgrad"]
    assert {r.what for r in numeric} == {"dx", "grads[0]"}
    return [checks.numgrad(r, r) for r in numeric]


def test_the_numerical_gradient_of_a_stateful_layer_starts_from_its_state():
    """The check runs at step 2, where h from step 1 matters: re-running forward on the same layer would move h on."""
    assert numgrad_failures(StatefulTanh) == [None, None]


def test_a_wrong_backward_fails_its_own_numerical_gradient():
    assert all(f is not None and f.check == "numerical_gradient" for f in numgrad_failures(ForgetsTheDerivative))


class StatefulTanh32(StatefulTanh):
    """The same layer computing in float32, as ❷'s Time layers do (they allocate with dtype='f')."""

    def __init__(self, W):
        super().__init__(W.astype(np.float32))

    def forward(self, x):
        W, = self.params
        if self.h is None:
            self.h = np.zeros((x.shape[0], W.shape[1]), dtype="f")
        self.x = x.astype(np.float32)
        self.h = np.tanh(self.x @ W + self.h)
        return self.h


class ForgetsTheDerivative32(StatefulTanh32):
    def backward(self, dh):
        return ForgetsTheDerivative.backward(self, dh)


class SlightlyOff32(StatefulTanh32):
    """A backward 3 % off: float32's looser tolerance (1e-2) must still see it."""

    def backward(self, dh):
        dx = StatefulTanh32.backward(self, dh)
        self.grads[0] *= 1.03
        return dx * 1.03


def test_a_float32_layer_is_differentiated_at_float32_precision():
    """A layer computing in float32 is checked (five-point stencil, h = 1e-2), not skipped: right passes with room
    to spare, a wrong or slightly wrong backward fails."""
    layer.validate_case(CASE, {"Layer"})
    records = [r for r in kinds.run_cases(fake_problem(CASE), {"Layer": StatefulTanh32}, 0, learner=True)
               if r.check == "numgrad"]
    assert records and all(r.observed["precision"] == "float32" for r in records)
    for r in records:
        worst = max(abs(n - float(np.sum(r.observed["analytic"].astype(np.float64) * d))) / abs(n)
                    for d, n in zip(r.observed["directions"], r.observed["numeric"]))
        assert worst < checks.NUMGRAD_TOLERANCE_FLOAT32 / 20, worst
    assert numgrad_failures(StatefulTanh32) == [None, None]
    assert all(f is not None and f.check == "numerical_gradient" for f in numgrad_failures(ForgetsTheDerivative32))
    assert all(f is not None and f.check == "numerical_gradient" for f in numgrad_failures(SlightlyOff32))


def test_the_books_time_lstm_passes_its_float32_numerical_gradient():
    from reference.rnn import TimeLSTM

    case = {"name": "T = 3", "init": [{"normal": [4, 20], "scale": 0.5}, {"normal": [5, 20], "scale": 0.5},
                                      {"normal": [20], "scale": 0.1}], "params": "lists",
            "steps": [{"forward": [{"normal": [2, 3, 4]}]}]}
    layer.validate_case(case, {"Layer"})
    records = [r for r in kinds.run_cases(fake_problem(case), {"Layer": TimeLSTM}, 0, learner=True)
               if r.check == "numgrad"]
    assert {r.what for r in records} == {"dx", "grads[0]", "grads[1]", "grads[2]"}
    assert all(r.observed["precision"] == "float32" and checks.numgrad(r, r) is None for r in records)


def test_the_layer_itself_is_not_moved_on_by_the_check():
    problem = fake_problem(CASE)
    with_check = kinds.run_cases(problem, {"Layer": StatefulTanh}, 0, learner=True)
    without = kinds.run_cases(fake_problem(dict(CASE, numgrad=False)), {"Layer": StatefulTanh}, 0, learner=True)
    assert compare.compare(without, [r for r in with_check if r.stage != "numgrad"]) is None


def test_a_known_other_convention_is_named(monkeypatch):
    """conventions: an answer matching another implementation is told which convention it follows."""
    case = {"name": "x", "args": [{"normal": [3, 4]}]}
    text = {"ja": "tanh を使っています。このドリルはシグモイドです。", "en": "You used tanh; this drill is the sigmoid."}
    convention = catalog.Convention("tanh", Target("reference.functions", "tanh"), "sigmoid", text)
    problem = Problem(id="fake_sigmoid", title={"ja": "x", "en": "x"}, explanation={"ja": "x", "en": "x"},
                      section="", item="", topic="", kind="function", targets=[Target("reference.functions", "sigmoid")],
                      given=[], cases=[case], conventions=[convention])
    from reference import functions

    expected = kinds.run_cases(problem, {"sigmoid": functions.sigmoid}, 0, learner=False)
    failures = {}
    for name, answer in (("tanh", np.tanh), ("double", lambda x: 2 * x)):
        actual = kinds.run_cases(problem, {"sigmoid": answer}, 0, learner=True)
        failures[name] = conventions.diagnose(problem, compare.compare(expected, actual), actual)
    assert failures["tanh"].check == "convention" and failures["tanh"].en == text["en"]
    assert failures["tanh"].details["convention"] == "tanh" and "first_difference" in failures["tanh"].details
    assert failures["double"].check == "values"   # no known convention: the usual diagnosis


def test_a_classic_mistake_is_named_after_the_conventions():
    """mistakes: an answer matching a known wrong implementation fails with check `mistake` and the entry's text;
    a convention it also matches would be named first; an answer matching neither keeps its usual diagnosis."""
    case = {"name": "x", "args": [{"normal": [3, 4]}]}
    said = {"ja": "tanh になっています。", "en": "This is tanh."}
    mistake = catalog.Convention("tanh_for_sigmoid", Target("reference.functions", "tanh"), "sigmoid", said)
    problem = Problem(id="fake_sigmoid", title={"ja": "x", "en": "x"}, explanation={"ja": "x", "en": "x"},
                      section="", item="", topic="", kind="function", targets=[Target("reference.functions", "sigmoid")],
                      given=[], cases=[case], mistakes=[mistake])
    from reference import functions

    expected = kinds.run_cases(problem, {"sigmoid": functions.sigmoid}, 0, learner=False)
    found = {}
    for name, answer in (("tanh", np.tanh), ("double", lambda x: 2 * x), ("right", functions.sigmoid)):
        actual = kinds.run_cases(problem, {"sigmoid": answer}, 0, learner=True)
        found[name] = conventions.diagnose(problem, compare.compare(expected, actual), actual)
    assert found["tanh"].check == "mistake" and found["tanh"].en == said["en"]
    assert found["tanh"].details["mistake"] == "tanh_for_sigmoid"
    assert found["double"].check == "values"
    assert found["right"] is None            # a diagnosis never turns a pass into a failure
    problem.conventions = [catalog.Convention("tanh", Target("reference.functions", "tanh"), "sigmoid",
                                              {"ja": "規約", "en": "a convention"})]
    actual = kinds.run_cases(problem, {"sigmoid": np.tanh}, 0, learner=True)
    assert conventions.diagnose(problem, compare.compare(expected, actual), actual).check == "convention"


def test_a_mistake_and_a_convention_may_not_share_a_name(tmp_path, lstm_data):
    data = copy.deepcopy(lstm_data)
    entry = {"name": "other", "target": "reference.rnn:GRU", "replaces": "LSTM", "ja": "x", "en": "y"}
    data.update(conventions=[entry], mistakes=[dict(entry)])
    path = tmp_path / "lstm.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    with pytest.raises(catalog.ProblemError, match="mistakes"):
        catalog.load_file(path)
    data.update(conventions=[], mistakes=[entry])
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    assert catalog.load_file(path).mistakes[0].target.name == "GRU"


def test_a_convention_changing_several_targets_is_named_only_when_all_match():
    """conventions with lists: target [a, b], replaces [x, y] (bbox_encode and bbox_decode with +1-pixel widths)."""
    from reference import functions

    cases = [{"name": "s", "call": "sigmoid", "args": [{"normal": [3, 4]}]},
             {"name": "t", "call": "tanh", "args": [{"normal": [3, 4]}]}]
    text = {"ja": "入れ替わっています。", "en": "Swapped."}
    convention = catalog.Convention("swapped", Target("reference.functions", "tanh"), "sigmoid", text,
                                    (("tanh", Target("reference.functions", "sigmoid")),))
    problem = Problem(id="fake_pair", title={"ja": "x", "en": "x"}, explanation={"ja": "x", "en": "x"},
                      section="", item="", topic="", kind="function",
                      targets=[Target("reference.functions", "sigmoid"), Target("reference.functions", "tanh")],
                      given=[], cases=cases, conventions=[convention])
    expected = kinds.run_cases(problem, {"sigmoid": functions.sigmoid, "tanh": np.tanh}, 0, learner=False)
    both = kinds.run_cases(problem, {"sigmoid": np.tanh, "tanh": functions.sigmoid}, 0, learner=True)
    one = kinds.run_cases(problem, {"sigmoid": np.tanh, "tanh": np.tanh}, 0, learner=True)
    assert conventions.diagnose(problem, compare.compare(expected, both), both).check == "convention"
    assert conventions.diagnose(problem, compare.compare(expected, one), one).check == "values"


# ----------------------------------------------------------------------------- the schema of the new keys


@pytest.fixture
def lstm_data():
    return {"id": "lstm", "title": {"ja": "x", "en": "x"}, "explanation": {"ja": "x", "en": "x"},
            "area": {"section": "深層学習の応用", "item": "4-2-1", "topic": "RNN"}, "kind": "layer",
            "targets": ["reference.rnn:LSTM", "reference.rnn:TimeLSTM"],
            "cases": [{"name": "c", "target": "LSTM", "params": "lists",
                       "steps": [{"forward": [{"normal": [2, 3]}]}]}]}


@pytest.mark.parametrize("edit, key, fragment", [
    (lambda d: d["cases"][0].pop("target"), "cases[0].target", "several targets"),
    (lambda d: d["cases"][0].update(target="GRU"), "cases[0].target", "expected one of"),
    (lambda d: d["cases"][0].update(params="list"), "cases[0].params", "lists"),
    (lambda d: d["cases"][0].update(params=["attn.1W"]), "cases[0].params", "attribute paths"),
    (lambda d: d["cases"][0]["steps"][0].update(backward="both"), "cases[0].steps[0].backward", "one entry per output"),
    (lambda d: d["cases"][0]["steps"].append({"call": "_private"}), "cases[0].steps[1].call", "method name"),
    (lambda d: d["cases"][0]["steps"].append({"call": "reset_state", "forward": []}), "cases[0].steps[1].forward",
     "unknown key"),
    (lambda d: d["cases"][0].update(compare="sorted"), "cases[0].compare", "expected one of"),
    (lambda d: d["cases"][0].update(tolerance="float16"), "cases[0].tolerance", "float32"),
    (lambda d: d["cases"][0].update(seed_numpy=-1), "cases[0].seed_numpy", "integer seed"),
    (lambda d: d["cases"][0]["steps"][0].update(forward=[{"indices": [4], "high": 3, "repeats": False}]),
     "cases[0].steps[0].forward[0].repeats", "different indices"),
    (lambda d: d["cases"][0]["steps"][0].update(forward=[{"padding": [2, 3], "lengths": [4, 1]}]),
     "cases[0].steps[0].forward[0].lengths", "lengths"),
    (lambda d: d.update(mutant_partners=[["f", "i", "o"]]), "mutant_partners", "pairs"),
    (lambda d: d.update(mutant_partners=[["z", "1 -"]]), "mutant_partners[0]", "not a Python expression"),
    (lambda d: d.update(convention={"ja": "x"}), "convention.en", "non-empty"),
    (lambda d: d.update(conventions=[{"name": "ties", "target": "reference.conv:Pooling", "ja": "x", "en": "y"}]),
     "conventions[0].replaces", "stands in for"),
])
def test_new_keys_are_validated_with_clear_errors(tmp_path, lstm_data, edit, key, fragment):
    data = copy.deepcopy(lstm_data)
    edit(data)
    path = tmp_path / "lstm.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ProblemError) as info:
        catalog.load_file(path)
    assert info.value.key == key, str(info.value)
    assert fragment in info.value.message, info.value.message


def test_the_new_keys_load(tmp_path, lstm_data):
    data = copy.deepcopy(lstm_data)
    data.update(convention={"ja": "本の規約", "en": "the book's"}, mutant_partners=[["f", "i"], ["z", "1 - z"]],
                conventions=[{"name": "other", "target": "reference.rnn:GRU", "replaces": "LSTM", "ja": "x", "en": "y"}])
    path = tmp_path / "lstm.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    problem = catalog.load_file(path)
    assert problem.convention["en"] == "the book's" and problem.mutant_partners == [("f", "i"), ("z", "1 - z")]
    assert problem.conventions[0].replaces == "LSTM" and problem.conventions[0].target.name == "GRU"


def test_a_convention_may_replace_several_targets(tmp_path, lstm_data):
    data = copy.deepcopy(lstm_data)
    data["targets"] = ["reference.rnn:LSTM", "reference.rnn:TimeLSTM"]
    entry = {"name": "other", "target": ["reference.rnn:GRU", "reference.rnn:TimeGRU"],
             "replaces": ["LSTM", "TimeLSTM"], "ja": "x", "en": "y"}
    data.update(conventions=[entry])
    path = tmp_path / "lstm.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    pairs = catalog.load_file(path).conventions[0].pairs()
    assert [(r, t.name) for r, t in pairs] == [("LSTM", "GRU"), ("TimeLSTM", "TimeGRU")]
    entry["replaces"] = ["LSTM"]       # one name for two implementations
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(catalog.ProblemError, match="replaces"):
        catalog.load_file(path)


# ----------------------------------------------------------------------------- "keeps copies" only when it does


def _grade_in_process(problem, text):
    namespace = {}
    exec(compile(text, "<answer>", "exec"), namespace)
    from examprep.grade.grading import reference_namespace

    expected = kinds.run_cases(problem, reference_namespace(problem), 0, learner=False)
    return compare.compare(expected, kinds.run_cases(problem, namespace, 0, learner=True))


def test_batchnorm_running_statistics_are_not_blamed_on_copies():
    """Issue 10: wrong inference statistics or running variance were told they keep copies of their parameters."""
    problem = catalog.get("batchnorm")
    wrong = Path(__file__).parent / "components" / "batchnorm" / "wrong" / "pytorch_momentum.py"
    failure = _grade_in_process(problem, wrong.read_text(encoding="utf-8"))
    assert failure.check == "values" and (failure.context.get("step") or 1) > 1
    assert "copy" not in failure.en and "コピー" not in failure.ja


def test_a_layer_keeping_copies_is_told_so():
    from examprep.problem import source

    problem = catalog.get("batchnorm")
    text = source.reference_answer(problem).replace("self.gamma = gamma", "self.gamma = gamma.copy()", 1)
    failure = _grade_in_process(problem, text)
    assert failure.check == "values" and "self.gamma" in failure.en and "copy" in failure.en


# ----------------------------------------------------------------------------- through the sandbox


def test_conventions_and_dtype_notes_reach_the_verdict(tmp_path, module_examprep_home):
    """A problem's conventions are recognised by the grader's process; dtype advice arrives as a verdict note."""
    from examprep.grade import verdict

    data = yaml.safe_load(Path(str(catalog.problem_file("sigmoid"))).read_text(encoding="utf-8"))
    data["conventions"] = [{"name": "tanh", "target": "reference.functions:tanh",
                            "ja": "tanh を使っています。このドリルはシグモイドです。",
                            "en": "This is tanh; the drill asks for the sigmoid."}]
    path = tmp_path / "sigmoid.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    problem = catalog.load_file(path)
    head = "import numpy as np\n\n\n"
    tanh = verdict.judge(problem, head + "def sigmoid(x):\n    return np.tanh(x)\n")
    assert tanh.failure.check == "convention" and tanh.failure.en == "This is tanh; the drill asks for the sigmoid."
    wrong = verdict.judge(problem, head + "def sigmoid(x):\n    return 1 / (1 + np.exp(x))\n")
    assert wrong.failure.check == "values"
    upcast = verdict.judge(problem, head + "def sigmoid(x):\n    return 1 / (1 + np.exp(-x.astype(np.float64)))\n")
    assert upcast.passed and any("float64" in n["en"] and "float64" in n["ja"] for n in upcast.notes)
