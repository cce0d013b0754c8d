"""Problem files: every shipped one validates; a malformed one is named by file and key, never a traceback."""
import copy
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from examprep.problem import catalog

pytestmark = pytest.mark.usefixtures("examprep_home")

SHIPPED = {Path(str(p)).name: Path(str(p)) for p in catalog.problem_files()}
AREA_NUMBER = {"数学的基礎": 1, "機械学習": 2, "深層学習の基礎": 3, "深層学習の応用": 4, "開発・運用環境": 5}


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_every_shipped_problem_validates(name):
    path = SHIPPED[name]
    problem = catalog.load_file(path)
    assert problem.id == path.stem
    assert path.parent.name == f"area{AREA_NUMBER[problem.section]}", \
        f"{name} belongs in problems/area{AREA_NUMBER[problem.section]}/"
    assert problem.cases
    assert problem.covers, f"{name}: every shipped problem names the rows of components.md it implements (covers:)"
    assert set(problem.title) == {"ja", "en"} and all(problem.title.values())
    assert set(problem.explanation) == {"ja", "en"}
    for hint in problem.hints:
        assert hint.text["ja"] and hint.text["en"]


def test_load_all_has_every_file_in_name_order():
    problems = catalog.load_all()
    assert list(problems) == [n[:-len(".yaml")] for n in SHIPPED]
    for pid in ("softmax", "relu", "sigmoid", "tanh"):
        assert pid in problems


def test_get_known_and_unknown():
    assert catalog.get("softmax").id == "softmax"
    with pytest.raises(catalog.UnknownProblem) as info:
        catalog.get("softmx")
    assert info.value.problem_id == "softmx"
    assert info.value.suggestions[0] == "softmax"
    with pytest.raises(catalog.UnknownProblem) as info:
        catalog.get("zzzzzzzz")
    assert info.value.suggestions == []


def test_get_loads_only_the_problems_own_file(monkeypatch, tmp_path):
    monkeypatch.setattr(catalog, "_CACHE", {})
    loaded = []
    real = catalog.load_file

    def counting(path):
        loaded.append(Path(path).name)
        return real(path)
    monkeypatch.setattr(catalog, "load_file", counting)
    assert catalog.get("relu").id == "relu"
    assert catalog.get("relu") is catalog.get("relu")
    assert loaded == ["relu.yaml"]


def test_get_is_not_stopped_by_another_broken_file(monkeypatch, tmp_path):
    (tmp_path / "area3").mkdir()
    shutil.copy(SHIPPED["relu.yaml"], tmp_path / "area3" / "relu.yaml")
    (tmp_path / "area3" / "broken.yaml").write_text("id: broken\ntitle: [\n", encoding="utf-8")
    monkeypatch.setattr(catalog, "_CACHE", {})
    monkeypatch.setattr(catalog, "problems_dir", lambda: tmp_path)
    assert catalog.get("relu").id == "relu"
    with pytest.raises(catalog.ProblemError) as info:
        catalog.get("relux")  # suggestions need every file: the broken one is named
    assert "broken.yaml" in str(info.value)


# --- malformed files ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def base():
    path = SHIPPED["softmax.yaml"]
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def write(tmp_path, data, name=None):
    path = tmp_path / f"{name or data.get('id', 'noid')}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def error_of(path):
    with pytest.raises(catalog.ProblemError) as info:
        catalog.load_file(path)
    exc = info.value
    assert exc.source == str(path)
    assert str(path) in str(exc), "the message names the file"
    return exc


def _drop(d, key):
    d.pop(key)


def _set(key, value):
    def edit(d):
        d[key] = value
    return edit


def _area(**kw):
    def edit(d):
        d["area"] = dict(d["area"], **kw)
    return edit


def _case(index=0, **kw):
    def edit(d):
        d["cases"][index] = dict(d["cases"][index], **kw)
    return edit


def _hint(**kw):
    def edit(d):
        d["hints"] = [kw]
    return edit


MALFORMED = [
    # (name, edit, file name, expected key, fragment of the message)
    ("missing id", lambda d: _drop(d, "id"), "softmax", "id", "lower-case identifier"),
    ("id with capitals", _set("id", "Softmax"), "Softmax", "id", "lower-case identifier"),
    ("id differs from the file name", _set("id", "softmax"), "soft", "id", "softmax.yaml"),
    ("unknown key", _set("difficulty", 3), None, "difficulty", "unknown key"),
    ("missing title", lambda d: _drop(d, "title"), None, "title", "'ja' and 'en'"),
    ("title without en", _set("title", {"ja": "ソフトマックス"}), None, "title.en", "non-empty text"),
    ("bad area item", _area(item="9-9-9"), None, "area.item", "syllabus item"),
    ("area item not a string of the syllabus", _area(item=3), None, "area.item", "syllabus item"),
    ("section not matching item", _area(section="機械学習"), None, "area.section", "深層学習の基礎"),
    ("empty topic", _area(topic=""), None, "area.topic", "topic"),
    ("unknown kind", _set("kind", "module"), None, "kind", "function"),
    ("bad target string", _set("targets", ["reference.functions.softmax"]), None, "targets[0]",
     "reference.module:Name"),
    ("target outside the reference", _set("targets", ["numpy:exp"]), None, "targets[0]", "reference.module:Name"),
    ("no targets", _set("targets", []), None, "targets", "at least one"),
    ("bad given", _set("given", ["im2col"]), None, "given[0]", "reference.module:Name"),
    ("empty cases", _set("cases", []), None, "cases", "non-empty list"),
    ("cases not a list", _set("cases", {"name": "x"}), None, "cases", "non-empty list"),
    ("case not a mapping", _set("cases", ["just a string"]), None, "cases[0]", "mapping"),
    ("case without a name", _case(name=""), None, "cases[0].name", "short description"),
    ("case with unknown key", _case(1, expected=[1, 2]), None, "cases[1].expected", "unknown key"),
    ("case calling an unknown target", _case(call="softmax2"), None, "cases[0].call", "softmax"),
    ("unknown generator", _case(args=[{"gaussian": [3]}]), None, "cases[0].args[0]", "generator"),
    ("two generator keys", _case(args=[{"normal": [3], "uniform": [3]}]), None, "cases[0].args[0]", "exactly one"),
    ("bad shape", _case(args=[{"normal": [0, 3]}]), None, "cases[0].args[0].normal", "shape"),
    ("shape not a list", _case(args=[{"normal": 5}]), None, "cases[0].args[0].normal", "shape"),
    ("unknown generator option", _case(args=[{"normal": [3], "sigma": 2}]), None, "cases[0].args[0]", "sigma"),
    ("unknown function", _case(args=[{"fn": "nope"}]), None, "cases[0].args[0].fn", "sum_of_squares"),
    ("bad dtype", _case(dtypes=["float16"]), None, "cases[0].dtypes", "float32"),
    ("hint without ja", _hint(match="np.max", en="Subtract the max."), None, "hints[0].ja", "non-empty text"),
    ("hint without match", _hint(ja="最大値", en="max"), None, "hints[0].match", "code fragment"),
    ("pins not strings", _set("pins", [1]), None, "pins", "code fragments"),
    ("covers not a list", _set("covers", "softmax"), None, "covers", "row ids"),
    ("covers with a non-identifier", _set("covers", ["Soft max"]), None, "covers", "row ids"),
    ("covers twice the same row", _set("covers", ["softmax", "softmax"]), None, "covers", "different"),
    ("exam_not_offered without a reason", _set("exam_not_offered", [{"expression": "x + 1"}]), None,
     "exam_not_offered", "why"),
    ("exam_not_offered not an expression", _set("exam_not_offered", [{"expression": "x +", "why": "no"}]), None,
     "exam_not_offered[0]", "not a Python expression"),
]


@pytest.mark.parametrize("edit,name,key,fragment", [m[1:] for m in MALFORMED], ids=[m[0] for m in MALFORMED])
def test_malformed_problem_names_file_and_key(tmp_path, base, edit, name, key, fragment):
    data = copy.deepcopy(base)
    edit(data)
    path = write(tmp_path, data, name)
    exc = error_of(path)
    assert exc.key == key, str(exc)
    assert f"{path}: {key}: " in str(exc)
    assert fragment in exc.message, exc.message


def test_top_level_not_a_mapping(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("- just\n- a list\n", encoding="utf-8")
    exc = error_of(path)
    assert "mapping" in exc.message


def test_invalid_yaml_names_the_line(tmp_path, base):
    path = write(tmp_path, base)
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(3, "title: [unclosed")
    lines.insert(4, "  ja: : :")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    exc = error_of(path)
    assert "not valid YAML" in exc.message
    assert "line " in exc.message


def test_invalid_yaml_line_number_is_right(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("id: bad\ntitle:\n  ja: a\n  en: b\n\tkind: function\n", encoding="utf-8")
    exc = error_of(path)
    assert "line 5:" in exc.message


def test_missing_file(tmp_path):
    exc = error_of(tmp_path / "absent.yaml")
    assert "cannot read" in exc.message


def test_valid_copy_loads(tmp_path, base):
    """The fixture itself is valid, so each malformed case fails for its own edit only."""
    problem = catalog.load_file(write(tmp_path, copy.deepcopy(base)))
    assert problem.id == "softmax"


# --- examprep validate ----------------------------------------------------------------------------------------


def _validate(*files, cwd):
    env = dict(os.environ)
    return subprocess.run([sys.executable, "-m", "examprep", "validate", *map(str, files)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60)


def test_validate_command_reports_a_bad_file(tmp_path, base):
    data = copy.deepcopy(base)
    data["area"] = dict(data["area"], item="9-9-9")
    bad = write(tmp_path, data)
    proc = _validate(bad, cwd=tmp_path)
    assert proc.returncode == 1
    assert f"{bad}: area.item: " in proc.stdout
    assert "Traceback" not in proc.stderr + proc.stdout


def test_validate_command_mixes_good_and_bad(tmp_path, base):
    good_dir = tmp_path / "good"
    good_dir.mkdir()
    good = write(good_dir, copy.deepcopy(base))
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: broken\ntitle: [\n", encoding="utf-8")
    proc = _validate(good, broken, cwd=tmp_path)
    assert proc.returncode == 1
    assert f"ok  {good}" in proc.stdout
    assert f"ERR {broken}: " in proc.stdout and "not valid YAML" in proc.stdout
    assert "Traceback" not in proc.stderr + proc.stdout


def test_validate_command_shipped_files_pass(tmp_path):
    proc = _validate(cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout
    assert proc.stdout.count("ok  ") == len(SHIPPED)


def test_covers_names_rows_of_the_component_map():
    """Every problem's covers are row ids of shared/components.md, when the map is there (it is beside the repo)."""
    import re as _re
    rows_file = Path(__file__).resolve().parents[1].parent / "shared" / "components.md"
    if not rows_file.exists():
        pytest.skip("shared/components.md is not beside the repository")
    rows = set(_re.findall(r"^\| ([a-z][a-z0-9_]*) \|", rows_file.read_text(encoding="utf-8"), _re.M)) - {"id"}
    for problem in catalog.load_all().values():
        unknown = set(problem.covers) - rows
        assert not unknown, f"{problem.id}: covers {sorted(unknown)}, not rows of {rows_file}"
