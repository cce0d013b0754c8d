"""`examprep capstone` as a learner runs it (subprocesses), on a small .npz made here (12×12 images, 5 classes)."""
import json
import os
import re
import signal
import subprocess
import sys
import time

import numpy as np
import pytest

from examprep.problem import catalog, source

ALL = ["conv2d", "max_pooling", "affine", "relu_layer", "spatial_batchnorm", "batchnorm", "dropout",
       "softmax_with_loss", "adam"]


@pytest.fixture
def env(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    e = dict(os.environ)
    e.update(EXAMPREP_HOME=str(home), COLUMNS="200", EXAMPREP_LANG="en", PYTHONIOENCODING="utf-8")
    return e


@pytest.fixture(scope="module")
def small_npz(tmp_path_factory):
    rng = np.random.default_rng(0)
    protos = rng.random((5, 12, 12)).astype(np.float32)

    def draw(k):
        t = rng.integers(0, 5, k)
        return np.clip(protos[t] + 0.3 * rng.standard_normal((k, 12, 12)), 0, 1).astype(np.float32), t

    (xt, tt), (xs, ts) = draw(400), draw(100)
    path = tmp_path_factory.mktemp("data") / "small.npz"
    np.savez(path, x_train=xt, t_train=tt, x_test=xs, t_test=ts)
    return path


def run(args, env, expect, timeout=60):
    proc = subprocess.run([sys.executable, "-m", "examprep", "capstone", *args], env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=timeout)
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr
    assert proc.returncode == expect, (proc.returncode, proc.stdout, proc.stderr)
    return proc


def solve(env, ids, override=None):
    solutions = os.path.join(env["EXAMPREP_HOME"], "solutions")
    os.makedirs(solutions, exist_ok=True)
    for pid in ids:
        with open(os.path.join(solutions, f"{pid}.py"), "w", encoding="utf-8") as f:
            f.write((override or {}).get(pid) or source.reference_answer(catalog.get(pid)))


def test_json_run_then_resume(env, tmp_path, small_npz):
    run_dir = tmp_path / "run"
    proc = run(["--data", str(small_npz), "--epochs", "2", "--batch-size", "50", "--save", str(run_dir), "--json"],
               env, 0)
    doc = json.loads(proc.stdout)
    assert doc["schema"] == "examprep.capstone/1"
    assert {"components", "source", "data", "settings", "architecture", "n_params", "run_dir", "checkpoint", "plot",
            "epochs_completed", "resumed_from_epoch", "history", "test", "passed_98", "timings", "seconds",
            "peak_rss_mb"} <= set(doc)
    assert doc["epochs_completed"] == 2 and doc["resumed_from_epoch"] is None
    assert [e["epoch"] for e in doc["history"]] == [1, 2]
    assert doc["history"][1]["train_loss"] < doc["history"][0]["train_loss"]
    assert doc["data"]["n_train"] + doc["data"]["n_val"] == 400 and doc["test"]["n"] == 100
    assert 0 <= doc["test"]["accuracy"] <= 1 and len(doc["test"]["confusion"]) == 5
    assert doc["checkpoint"] == str(run_dir / "checkpoint.npz") and (run_dir / "checkpoint.npz").exists()
    proc = run(["--resume", str(run_dir), "--epochs", "3", "--json"], env, 0)
    doc2 = json.loads(proc.stdout)
    assert doc2["resumed_from_epoch"] == 2 and doc2["epochs_completed"] == 3
    assert doc2["history"][:2] == doc["history"]


def test_a_run_without_normalisation_in_replica_processes_resumes_bit_exactly(env, tmp_path, small_npz):
    """--norm none trains in replica processes (examprep/capstone/replicas.py) where the platform can fork: 2 epochs in
    one go and 1 + a resumed 1 give identical parameters, and no worker outlives the run."""
    common = ["--data", str(small_npz), "--batch-size", "50", "--norm", "none", "--json"]
    run([*common, "--epochs", "2", "--save", str(tmp_path / "whole")], env, 0)
    run([*common, "--epochs", "1", "--save", str(tmp_path / "parts")], env, 0)
    run(["--resume", str(tmp_path / "parts"), "--epochs", "2", "--json"], env, 0)
    with np.load(tmp_path / "whole" / "checkpoint.npz") as a, np.load(tmp_path / "parts" / "checkpoint.npz") as b:
        params = [k for k in a.files if k.startswith("param/")]
        assert params and all(np.array_equal(a[k], b[k]) for k in params)
    leftover = subprocess.run(["pgrep", "-f", str(tmp_path)], capture_output=True, text=True)
    assert leftover.stdout.strip() == ""


def test_text_output_has_epochs_test_accuracy_confusion_and_curves(env, small_npz, tmp_path):
    proc = run(["--data", str(small_npz), "--epochs", "2", "--batch-size", "100", "--no-augment"], env, 0)
    out = proc.stdout
    assert "Test accuracy:" in out and "Most confused" in out or "No test image" in out
    assert "Learning curves" in out and "val acc" in out
    assert "augmentation off" in out
    # the total time in common/timefmt.duration's words
    assert re.search(r"^Total (\d+ s|\d+ min \d\d s|\d+ h \d\d min), peak memory \d+ MB$", out, re.M)
    run_dirs = list((tmp_path / "home" / "capstone").iterdir())  # no --save: a run folder in the data directory
    assert len(run_dirs) == 1 and (run_dirs[0] / "checkpoint.npz").exists()
    assert str(run_dirs[0]) in out


def test_mine_without_answers_lists_every_missing_component_and_exits_2(env, small_npz):
    solve(env, ["affine"])
    proc = run(["--components", "mine", "--data", str(small_npz)], env, 2)
    for pid in ("conv2d", "max_pooling", "relu_layer", "spatial_batchnorm", "batchnorm", "softmax_with_loss", "adam"):
        assert f"examprep drill {pid}" in proc.stderr
    assert "examprep drill affine" not in proc.stderr
    assert "--norm dropout" in proc.stderr
    env = dict(env, EXAMPREP_LANG="ja")
    proc = run(["--components", "mine", "--data", str(small_npz)], env, 2)
    assert "合格した解答が必要" in proc.stderr


def test_mine_with_answers_trains(env, small_npz):
    solve(env, ALL)
    proc = run(["--components", "mine", "--data", str(small_npz), "--epochs", "2", "--batch-size", "50", "--json"],
               env, 0)
    doc = json.loads(proc.stdout)
    assert doc["components"] == "mine" and doc["source"]["conv"].endswith("conv2d.py")
    assert doc["history"][1]["train_loss"] < doc["history"][0]["train_loss"]


def test_a_crashing_learner_component_names_its_file(env, small_npz):
    good = source.reference_answer(catalog.get("affine"))
    assert "dx = np.dot(dout, self.W.T)" in good
    solve(env, ALL, {"affine": good.replace("dx = np.dot(dout, self.W.T)", "dx = np.dot(dout, self.W)")})
    proc = run(["--components", "mine", "--data", str(small_npz), "--epochs", "1"], env, 1)
    assert "affine.py" in proc.stderr and "Affine" in proc.stderr and "backward" in proc.stderr
    assert "dx = np.dot(dout, self.W)" in proc.stderr


@pytest.mark.parametrize("args, message", [
    (["--epochs", "0"], "--epochs must be at least 1"),
    (["--lr", "-1"], "--lr must be a positive number"),
    (["--data", "no-such-data"], "no such data set"),
])
def test_bad_input_exits_2(env, args, message, small_npz):
    proc = run(args, env, 2)
    assert message in proc.stderr


def test_resume_of_a_missing_run_exits_2(env, tmp_path):
    proc = run(["--resume", str(tmp_path / "nothing")], env, 2)
    assert "checkpoint.npz" in proc.stderr


def test_ctrl_c_saves_the_last_completed_epoch_and_says_how_to_resume(env, small_npz, tmp_path):
    run_dir = tmp_path / "run"
    proc = subprocess.Popen([sys.executable, "-m", "examprep", "capstone", "--data", str(small_npz), "--epochs", "500",
                             "--save", str(run_dir)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, encoding="utf-8")
    deadline = time.time() + 30
    while not (run_dir / "checkpoint.npz").exists() and time.time() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, (out, err)
    assert "Traceback" not in err
    assert f"--resume {run_dir}" in err
    meta = json.loads(str(np.load(run_dir / "checkpoint.npz", allow_pickle=False)["meta"]))
    assert meta["epoch"] >= 1 and len(meta["history"]) == meta["epoch"]


SLOW_RELU = '''import time

import numpy as np


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        time.sleep(0.02)
        self.mask = x <= 0
        return np.where(self.mask, 0, x).astype(x.dtype)

    def backward(self, dout):
        return np.where(self.mask, 0, dout).astype(dout.dtype)
'''


def test_slow_learner_components_get_an_estimate_naming_the_slow_one(env, small_npz, monkeypatch, capsys):
    """In-process (to lower the 'long run' threshold): the estimate after the first batches names the slow part."""
    from examprep import cli
    from examprep.capstone import progress as capstone_progress

    solve(env, ALL, {"relu_layer": SLOW_RELU})
    monkeypatch.setenv("EXAMPREP_HOME", env["EXAMPREP_HOME"])
    monkeypatch.setattr(capstone_progress, "SLOW_SECONDS", 0)
    assert cli.main(["--lang", "en", "capstone", "--components", "mine", "--data", str(small_npz), "--epochs", "1",
                     "--batch-size", "100"]) == 0
    out = capsys.readouterr().out
    assert "Your components train" in out and "the reference's fast forms: about" in out
    assert "Where the time goes" in out and "It is your components that are slow" in out
    assert "  relu: " in out
    assert "float64" not in out


UPCASTING_AFFINE = '''import numpy as np


class Affine:
    """The book's Affine with a float64 output: right values, the wrong dtype."""

    def __init__(self, W, b):
        self.W, self.b = W, b

    def forward(self, x):
        self.original_x_shape = x.shape
        self.x = x.reshape(x.shape[0], -1)
        out = np.zeros((self.x.shape[0], self.W.shape[1]))
        out += np.dot(self.x, self.W) + self.b
        return out

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout).astype(np.float64)
        self.db = np.sum(dout, axis=0)
        return dx.reshape(*self.original_x_shape)
'''


def test_a_component_that_upcasts_to_float64_is_cast_back_and_named(env, small_npz, monkeypatch, capsys):
    from examprep import cli

    solve(env, ALL, {"affine": UPCASTING_AFFINE})
    monkeypatch.setenv("EXAMPREP_HOME", env["EXAMPREP_HOME"])
    assert cli.main(["--lang", "en", "capstone", "--components", "mine", "--data", str(small_npz), "--epochs", "1",
                     "--batch-size", "100", "--norm", "dropout", "--save", str(env["EXAMPREP_HOME"] + "/run")]) == 0
    out = capsys.readouterr().out
    assert "return float64 for float32 input: affine (" in out and "casts their results back to float32" in out
    with np.load(env["EXAMPREP_HOME"] + "/run/checkpoint.npz") as z:
        assert all(z[name].dtype == np.float32 for name in z.files if name.startswith(("param/", "opt/")))


def test_save_into_a_folder_holding_a_run_is_refused(env, tmp_path, small_npz):
    (tmp_path / "run").mkdir()
    (tmp_path / "run" / "checkpoint.npz").write_bytes(b"x")
    proc = run(["--data", str(small_npz), "--save", str(tmp_path / "run")], env, 2)
    assert f"--resume {tmp_path / 'run'}" in proc.stderr


def test_resume_refuses_fewer_epochs_and_other_data(env, tmp_path, small_npz, monkeypatch, capsys):
    from examprep import cli

    monkeypatch.setenv("EXAMPREP_HOME", env["EXAMPREP_HOME"])
    data = tmp_path / "data.npz"
    data.write_bytes(small_npz.read_bytes())
    run_dir = tmp_path / "run"
    assert cli.main(["--lang", "en", "capstone", "--data", str(data), "--epochs", "2", "--batch-size", "100",
                     "--save", str(run_dir), "--json"]) == 0
    capsys.readouterr()
    assert cli.main(["--lang", "en", "capstone", "--resume", str(run_dir), "--epochs", "1"]) == 2
    assert "already completed 2 epochs" in capsys.readouterr().err
    # the saved data file now holds other data
    with np.load(data) as z:
        arrays = dict(z)
    np.savez(data, **dict(arrays, x_train=arrays["x_train"][:300], t_train=arrays["t_train"][:300]))
    assert cli.main(["--lang", "en", "capstone", "--resume", str(run_dir), "--epochs", "3"]) == 2
    assert "differs from the saved run" in capsys.readouterr().err
    np.savez(data, **arrays)
    # a finished run resumed without more epochs is only evaluated
    assert cli.main(["--lang", "en", "capstone", "--resume", str(run_dir)]) == 0
    assert "has completed all 2 epochs" in capsys.readouterr().out


def test_save_and_resume_mistakes_are_refused_before_training(env, tmp_path, small_npz):
    proc = run(["--data", str(small_npz), "--resume", str(tmp_path / "a"), "--save", str(tmp_path / "b")], env, 2)
    assert "cannot be combined with --save" in proc.stderr
    a_file = tmp_path / "file.npz"
    a_file.write_text("x")
    proc = run(["--data", str(small_npz), "--epochs", "1", "--save", str(a_file)], env, 2)
    assert "cannot save into" in proc.stderr and "epoch" not in proc.stdout
    proc = run(["--data", str(small_npz), "--seed", "-1"], env, 2)
    assert "--seed" in proc.stderr


def test_a_damaged_checkpoint_is_said_to_be_damaged(env, tmp_path, small_npz):
    run_dir = tmp_path / "run"
    run(["--data", str(small_npz), "--epochs", "1", "--batch-size", "50", "--save", str(run_dir), "--json"], env, 0)
    data_bytes = (run_dir / "checkpoint.npz").read_bytes()
    (run_dir / "checkpoint.npz").write_bytes(data_bytes[:1000])
    proc = run(["--resume", str(run_dir)], env, 2)
    assert "damaged or not a capstone checkpoint" in proc.stderr
    # The checkpoint file itself names the run too.
    (run_dir / "checkpoint.npz").write_bytes(data_bytes)
    proc = run(["--resume", str(run_dir / "checkpoint.npz"), "--epochs", "2", "--json"], env, 0)
    assert json.loads(proc.stdout)["epochs_completed"] == 2


@pytest.mark.parametrize("components", ["reference", "mine"])
def test_a_checkpoint_naming_an_unknown_normalisation_is_refused_clearly(env, tmp_path, small_npz, components):
    """(Reference components: ConvNet refuses the norm; mine: choosing the roles to load does.)"""
    run_dir = tmp_path / "run"
    run(["--data", str(small_npz), "--epochs", "1", "--batch-size", "50", "--save", str(run_dir), "--json"], env, 0)
    with np.load(run_dir / "checkpoint.npz") as z:
        arrays = dict(z)
    meta = json.loads(str(arrays["meta"]))
    meta["settings"]["norm"], meta["components"] = "layernorm", components
    np.savez(run_dir / "checkpoint.npz", **dict(arrays, meta=np.array(json.dumps(meta))))
    proc = run(["--resume", str(run_dir), "--epochs", "2"], env, 2)
    assert "no normalisation 'layernorm'" in proc.stderr


def test_two_runs_started_together_get_their_own_folders(env, small_npz):
    args = [sys.executable, "-m", "examprep", "capstone", "--data", str(small_npz), "--epochs", "1", "--json"]
    procs = [subprocess.Popen(args + ["--seed", str(s)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for s in (1, 2)]
    outs = [json.loads(p.communicate(timeout=60)[0]) for p in procs]
    assert outs[0]["run_dir"] != outs[1]["run_dir"]


def test_a_diverging_run_blames_the_learning_rate(env, small_npz):
    proc = run(["--data", str(small_npz), "--epochs", "2", "--lr", "1e30"], env, 1)
    assert "Training diverged" in proc.stderr and "--lr" in proc.stderr
    proc = run(["--data", str(small_npz), "--lr", "inf"], env, 2)
