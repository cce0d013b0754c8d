"""`examprep dev check`: the author loop (examprep/dev/check.py). tests/test_soundness.py runs its analysis over
every problem; here the command itself: its steps, --json, exit codes, and a weak problem named for what is wrong."""
import io
import json
from pathlib import Path

import pytest
import yaml

from examprep import cli
from examprep.dev import check
from examprep.problem import catalog

pytestmark = pytest.mark.usefixtures("module_examprep_home")


def run_json(*ids):
    out = io.StringIO()
    status = check.run(ids, as_json=True, out=out)
    return status, json.loads(out.getvalue())


def test_a_sound_problem_passes_every_step():
    status, data = run_json("relu_layer")
    assert status == 0 and data["schema"] == "examprep.dev.check/1" and data["ok"] is True
    (problem,) = data["problems"]
    assert [s["name"] for s in problem["steps"]] == list(check.STEPS)
    assert all(s["ok"] for s in problem["steps"]) and problem["seconds"] > 0
    components = next(s for s in problem["steps"] if s["name"] == "components")
    assert "answer files judged as expected" in components["problems"][0]


def test_a_method_the_cases_never_reach_is_named(tmp_path):
    """relu_layer with forward-only steps: backward is never exercised, and dev check says which method."""
    data = yaml.safe_load(Path(str(catalog.problem_file("relu_layer"))).read_text(encoding="utf-8"))
    for case in data["cases"]:
        for step in case["steps"]:
            step["backward"] = "none"
    path = tmp_path / "relu_layer.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    status, report = run_json(str(path))
    assert status == 1
    steps = {s["name"]: s for s in report["problems"][0]["steps"]}
    assert steps["methods"]["ok"] is False
    assert any(line.startswith("Relu.backward:") for line in steps["methods"]["problems"])
    assert steps["components"]["ok"] is False   # the wrong backward answers now pass: said per file
    assert any("a wrong answer PASSES" in line for line in steps["components"]["problems"])


def test_a_schema_error_stops_with_the_message(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("id: broken\nkind: nonsense\n", encoding="utf-8")
    status, report = run_json(str(path))
    assert status == 1
    (step,) = report["problems"][0]["steps"]
    assert step["name"] == "schema" and step["ok"] is False and "broken.yaml" in step["problems"][0]


def test_the_cli_needs_ids_or_all(capsys):
    assert cli.main(["dev", "check"]) == 2
    assert "--all" in capsys.readouterr().err
    assert cli.main(["dev", "check", "no_such_problem"]) == 2
