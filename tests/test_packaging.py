"""A non-editable install from a wheel works from any directory, with the problems' YAML inside."""
import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_installs_and_runs_outside_the_checkout(tmp_path):
    # Build from a clean copy: a stale build/ directory in the checkout would hide files the wheel leaves out.
    src = tmp_path / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(
        "build", "dist", ".venv", ".git", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis"))
    wheel_dir = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheel_dir), str(src)],
                   check=True)
    wheels = list(wheel_dir.glob("examprep-*.whl"))
    assert len(wheels) == 1, wheels

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    # Without PYTHONPATH: a checkout on it (its examprep.egg-info) would make pip take examprep as installed.
    no_path = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheels[0])],
                   check=True, env=no_path)

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    clean_env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    clean_env["EXAMPREP_HOME"] = str(tmp_path / "home")
    version = subprocess.run([str(env_dir / "bin" / "examprep"), "--version"], cwd=outside, env=clean_env,
                             capture_output=True, text=True, check=True)
    assert version.stdout.strip().startswith("examprep ")

    probe = subprocess.run(
        [str(py), "-c",
         "import importlib.resources as r, reference.conv, reference.fast.conv, examprep, problems;"
         "print(reference.conv.__file__);"
         "print(sorted(a.name + '/' + p.name for a in r.files('problems').iterdir() if a.is_dir()"
         " for p in a.iterdir() if p.name.endswith('.yaml')))"],
        cwd=outside, env=clean_env, capture_output=True, text=True, check=True)
    module_path, yaml_names = probe.stdout.strip().splitlines()
    # Installed into the venv, not imported from the checkout.
    assert str(env_dir) in module_path
    shipped = sorted(f"{p.parent.name}/{p.name}" for p in (ROOT / "problems").glob("area*/*.yaml"))
    assert eval(yaml_names) == shipped

    # The real work, from the installed copy: every problem validates, a hole file is exported, and grading it
    # runs the sandboxed worker (unfilled: exit 1; the reference solution: exit 0).
    exe = str(env_dir / "bin" / "examprep")
    validate = subprocess.run([exe, "validate"], cwd=outside, env=clean_env, capture_output=True, text=True)
    assert validate.returncode == 0, validate.stdout + validate.stderr
    assert validate.stdout.count("ok ") == len(shipped)
    subprocess.run([exe, "drill", "conv2d", "--export", "hole.py", "--lang", "en"], cwd=outside, env=clean_env,
                   capture_output=True, text=True, check=True)
    unfilled = subprocess.run([exe, "check", "hole.py", "--json"], cwd=outside, env=clean_env,
                              capture_output=True, text=True)
    assert unfilled.returncode == 1, unfilled.stdout + unfilled.stderr
    assert json.loads(unfilled.stdout)["failure"]["check"] == "blank"
    solution = subprocess.run([exe, "show", "softmax", "--lang", "en"], cwd=outside, env=clean_env,
                              capture_output=True, text=True, check=True)
    assert "def softmax" in solution.stdout
    (outside / "mine.py").write_text("import numpy as np\n\ndef softmax(x):\n"
                                     "    e = np.exp(x - x.max(axis=-1, keepdims=True))\n"
                                     "    return e / e.sum(axis=-1, keepdims=True)\n")
    graded = subprocess.run([exe, "check", "mine.py", "--problem", "softmax", "--json"], cwd=outside, env=clean_env,
                            capture_output=True, text=True)
    assert graded.returncode == 0, graded.stdout + graded.stderr
    assert json.loads(graded.stdout)["passed"] is True
    from examprep.grade import sandbox

    if sandbox.containment_mode()[0] == "namespaces":
        # Graded inside the namespaces (no note about protections off), and the installed reference in
        # site-packages is hidden from the answer.
        assert not [n for n in json.loads(graded.stdout)["notes"] if "Namespaces are unavailable" in n["en"]]
        (outside / "peek.py").write_text(
            "import glob, sys\nfound = [p for d in sys.path for p in glob.glob(d + '/reference/*.py')]\n\n"
            "def softmax(x):\n    print('FOUND', found)\n    return x\n")
        peek = subprocess.run([exe, "check", "peek.py", "--problem", "softmax", "--json"], cwd=outside,
                              env=clean_env, capture_output=True, text=True)
        assert peek.returncode == 1 and "FOUND []" in json.loads(peek.stdout)["output"], peek.stdout[-2000:]

    # The capstone's bundled data set ships and loads (its SHA-256 is checked on load), and the exam's
    # calculation questions come from the installed copy.
    data = subprocess.run(
        [str(py), "-c",
         "from examprep.capstone import data; d = data.load('katakana15', progress=False);"
         "print(d.x_train.shape, d.x_test.shape, ''.join(d.classes))"],
        cwd=outside, env=clean_env, capture_output=True, text=True)
    assert data.returncode == 0, data.stderr
    assert data.stdout.split() == ["(3000,", "1,", "28,", "28)", "(4500,", "1,", "28,", "28)", "アイウエオカキクケコサシスセソ"]
    bank = subprocess.run([str(py), "-c", "from examprep.exam import framework; print(len(framework.load()), "
                           "framework.validate())"], cwd=outside, env=clean_env, capture_output=True, text=True)
    assert bank.returncode == 0 and int(bank.stdout.split()[0]) >= 30 and bank.stdout.split()[1] == "[]", bank.stderr
    # The mock exam's shipped proofs are in the wheel and current there (their key hashes the installed sources;
    # whether the NumPy pip chose matches theirs is up to the index, so not asserted).
    proofs = subprocess.run([str(py), "-c", "from examprep.exam.code import shipped; from examprep.problem import catalog;"
                             "ps = catalog.load_all().values(); print(sum(map(shipped.current, ps)), len(ps))"],
                            cwd=outside, env=clean_env, capture_output=True, text=True)
    assert proofs.returncode == 0, proofs.stderr
    current, problems = map(int, proofs.stdout.split())
    assert current == problems, proofs.stdout
    exam = subprocess.run([exe, "mock-exam", "--questions", "5", "--area", "4", "--seed", "1", "--export", "e.json"],
                          cwd=outside, env=clean_env, capture_output=True, text=True)
    assert exam.returncode == 0, exam.stdout + exam.stderr
    assert len(json.loads((outside / "e.json").read_text())["questions"]) == 5
    for command in ("capstone", "mock-exam"):
        helped = subprocess.run([exe, command, "--help"], cwd=outside, env=clean_env, capture_output=True, text=True)
        assert helped.returncode == 0 and "examples" in helped.stdout, helped.stderr
