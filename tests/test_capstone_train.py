"""The capstone's network, training loop and checkpoints, in-process on a small synthetic image set.

The data is made here (class prototypes plus noise, 12×12) so these tests do not depend on the bundled dataset;
the command line with real files is tested in test_capstone_cli.py.
"""
import re
from types import SimpleNamespace

import numpy as np
import pytest

from examprep.problem import catalog, source
from examprep.learn import store
from examprep.capstone import checkpoint, components, train
from examprep.capstone.components import ComponentFailure, MissingComponents
from examprep.common.errors import BilingualError, fail
from examprep.capstone.network import ConvNet

SIZE, CLASSES = 12, 5


def synthetic(n=300, n_test=100, seed=0):
    rng = np.random.default_rng(seed)
    protos = rng.random((CLASSES, 1, SIZE, SIZE)).astype(np.float32)

    def draw(k):
        t = rng.integers(0, CLASSES, k)
        x = np.clip(protos[t] + 0.35 * rng.standard_normal((k, 1, SIZE, SIZE)), 0, 1).astype(np.float32)
        return x, t.astype(np.int64)

    (xt, tt), (xs, ts) = draw(n), draw(n_test)
    return SimpleNamespace(name="synthetic", x_train=xt, t_train=tt, x_test=xs, t_test=ts,
                           classes=[f"c{i}" for i in range(CLASSES)], n_classes=CLASSES, input_shape=(1, SIZE, SIZE))


def batches(n, batch_size, rng):
    order = rng.permutation(n)
    for i in range(0, n, batch_size):
        yield order[i:i + batch_size]


def augment(x, rng):
    shifts = rng.integers(-1, 2, size=(len(x), 2))
    return np.stack([np.roll(img, tuple(s), axis=(1, 2)) for img, s in zip(x, shifts)])


DATA = synthetic()


def make_trainer(parts, norm="batchnorm", epochs=2, seed=3, data=DATA, lr=0.003):
    s = train.Settings(epochs=epochs, batch_size=50, lr=lr, norm=norm, seed=seed, lr_decay="none")
    net = ConvNet(parts, input_shape=data.input_shape, n_classes=data.n_classes, norm=norm, channels=(4, 8),
                  hidden=16, rng=seed)
    return train.Trainer(net, parts.Adam(lr=s.lr), data, s, batches, augment)


def train_loss(trainer):
    x, t = trainer.dataset.x_train[trainer.train_idx], trainer.dataset.t_train[trainer.train_idx]
    return trainer.evaluate(x, t)[0]


def before_batchnorm(key, norm):
    """The biases of the layers followed by BatchNorm (both convolutions, the hidden affine): their exact gradient is
    0 (the normalisation removes any constant), so what they get is rounding noise, which Adam scales up to full
    steps: not comparable."""
    return norm == "batchnorm" and key in ("b1", "b2", "b3")


def write_reference_answers(ids):
    for pid in ids:
        store.save_solution(pid, "# examprep: %s level=normal\n" % pid + source.reference_answer(catalog.get(pid)))


ALL = ["conv2d", "max_pooling", "affine", "relu_layer", "spatial_batchnorm", "batchnorm", "dropout",
       "softmax_with_loss", "adam"]


@pytest.mark.parametrize("norm", ["batchnorm", "dropout", None])
def test_short_run_with_reference_components_lowers_the_loss(norm):
    trainer = make_trainer(components.reference_parts(), norm=norm)
    before = train_loss(trainer)
    trainer.train_epoch()
    trainer.train_epoch()
    after = train_loss(trainer)
    assert after < 0.8 * before, (before, after)
    assert [e["epoch"] for e in trainer.history] == [1, 2]
    assert all(v.dtype == np.float32 for v in trainer.net.params.values())


def test_short_run_with_the_learners_components_lowers_the_loss(examprep_home):
    write_reference_answers(ALL + ["im2col", "col2im"])
    parts = components.learner_parts("batchnorm")
    for role in ("conv", "pool", "affine", "relu", "spatial_batchnorm", "batchnorm", "loss", "optimizer", "im2col",
                 "col2im"):
        assert parts.source[role].startswith(str(examprep_home)), role
    assert parts.Convolution.__module__ != "reference.conv"
    # their im2col replaced the given import inside their Convolution's module
    assert parts.Convolution.forward.__globals__["im2col"].__code__.co_filename.endswith("im2col.py")
    trainer = make_trainer(parts)
    before = train_loss(trainer)
    trainer.train_epoch()
    trainer.train_epoch()
    assert train_loss(trainer) < 0.7 * before
    # the same answers as the book's forms give the same training, step for step
    ref = make_trainer(components.book_parts())
    ref.train_epoch()
    ref.train_epoch()
    for key, value in ref.net.params.items():
        if not before_batchnorm(key, "batchnorm"):
            np.testing.assert_allclose(trainer.net.params[key], value, rtol=1e-4, atol=1e-6, err_msg=key)


@pytest.mark.parametrize("norm", ["batchnorm", "dropout", None])
def test_the_fast_network_computes_the_book_networks_loss_and_gradients(norm):
    """reference_parts() (fast forms, ReLU after pooling, no image gradient) against book_parts() (the drills'
    forms in the book's order), float64, from the same weights on the same batch: the same loss and gradients."""
    data = synthetic(n=64, seed=4)
    x, t = data.x_train[:32].astype(np.float64), data.t_train[:32]
    nets = [ConvNet(parts, input_shape=data.input_shape, n_classes=data.n_classes, norm=norm, channels=(4, 8),
                    hidden=16, rng=7, dtype=np.float64) for parts in (components.reference_parts(),
                                                                       components.book_parts())]
    losses = []
    for net in nets:
        np.random.seed(0)                      # Dropout's masks
        losses.append(net.loss(x, t))
        net.backward()
    assert losses[0] == pytest.approx(losses[1], rel=1e-12)
    fast, book = nets
    assert set(fast.grads) == set(book.grads)
    scale = max(np.max(np.abs(g)) for g in book.grads.values())
    for key in book.grads:
        if before_batchnorm(key, norm):
            assert np.max(np.abs(fast.grads[key])) < 1e-12 * scale and np.max(np.abs(book.grads[key])) < 1e-12 * scale
            continue
        err = np.max(np.abs(fast.grads[key] - book.grads[key])) / np.max(np.abs(book.grads[key]))
        assert err < 1e-10, (key, err)
    assert [e.name for e in fast.layers][:4] == (["conv1", "bn1", "pool1", "relu1"] if norm == "batchnorm"
                                                 else ["conv1", "pool1", "relu1", "conv2"])


def test_fast_and_book_networks_train_alike_in_float32():
    fast, book = make_trainer(components.reference_parts()), make_trainer(components.book_parts())
    for trainer in (fast, book):
        trainer.train_epoch()
        trainer.train_epoch()
    for key, value in book.net.params.items():
        if not before_batchnorm(key, "batchnorm"):
            np.testing.assert_allclose(fast.net.params[key], value, rtol=1e-3, atol=1e-5, err_msg=key)


def test_without_im2col_answers_the_given_reference_functions_stay_and_are_named(examprep_home):
    write_reference_answers(ALL)
    parts = components.learner_parts("dropout")
    assert parts.source["im2col"] == parts.source["col2im"] == "reference (given)"
    assert parts.BatchNormalization is None and parts.Dropout is not None


def test_missing_components_are_all_listed_with_their_drills(examprep_home):
    write_reference_answers(["affine", "adam"])
    with pytest.raises(MissingComponents) as info:
        components.learner_parts("batchnorm")
    assert info.value.missing == [("conv", "conv2d"), ("pool", "max_pooling"), ("relu", "relu_layer"),
                                  ("spatial_batchnorm", "spatial_batchnorm"), ("batchnorm", "batchnorm"),
                                  ("loss", "softmax_with_loss")]
    for pid in ("conv2d", "max_pooling", "relu_layer", "spatial_batchnorm", "batchnorm", "softmax_with_loss"):
        assert f"examprep drill {pid}" in info.value.en and f"examprep drill {pid}" in info.value.ja
    assert "affine" not in info.value.en.split("examprep drill")[1:]


def test_auto_norm_takes_dropout_when_only_dropout_is_solved(examprep_home):
    write_reference_answers([p for p in ALL if p != "batchnorm"])
    assert components.learner_parts("auto").norm == "dropout"
    store.solutions_dir().joinpath("dropout.py").unlink()
    with pytest.raises(MissingComponents) as info:
        components.learner_parts("auto")
    assert info.value.missing == [("batchnorm", "batchnorm")]
    assert "--norm dropout" in info.value.en


@pytest.mark.parametrize("norm", ["batchnorm", "dropout"])
def test_resume_gives_the_same_parameters_as_an_uninterrupted_run(tmp_path, norm):
    parts = components.reference_parts()
    whole = make_trainer(parts, norm=norm)
    whole.train_epoch()
    whole.train_epoch()
    first = make_trainer(parts, norm=norm, seed=3)
    first.train_epoch()
    checkpoint.save(tmp_path, first, {"spec": "synthetic"}, "reference")
    np.random.seed(12345)  # anything drawn in between must not matter
    resumed = make_trainer(parts, norm=norm, seed=3)
    meta, arrays = checkpoint.read(tmp_path)
    checkpoint.restore(resumed, meta, arrays)
    assert resumed.epoch == 1 and len(resumed.history) == 1
    resumed.train_epoch()
    for key, value in whole.net.params.items():
        assert np.array_equal(resumed.net.params[key], value), key
    assert resumed.optimizer.iter == whole.optimizer.iter
    assert resumed.history[-1]["train_loss"] == whole.history[-1]["train_loss"]


def test_checkpoint_is_plain_npz_with_architecture_and_optimizer_state(tmp_path):
    trainer = make_trainer(components.reference_parts())
    trainer.train_epoch()
    path = checkpoint.save(tmp_path, trainer, {"spec": "synthetic"}, "reference")
    with np.load(path, allow_pickle=False) as z:
        names = set(z.files)
    assert {"param/W1", "opt/m/W1", "opt/v/W1", "layer/bn1/running_mean", "layer/bn1/running_var",
            "np_random/keys", "split/val", "meta"} <= names
    meta, _ = checkpoint.read(path)
    assert meta["architecture"]["channels"] == [4, 8] and meta["optimizer"]["iter"] == trainer.optimizer.iter
    assert not list(tmp_path.glob(".checkpoint.*"))


def test_a_damaged_checkpoint_is_a_clear_error(tmp_path):
    (tmp_path / "checkpoint.npz").write_bytes(b"not a zip file")
    with pytest.raises(checkpoint.CheckpointError) as info:
        checkpoint.read(tmp_path)
    assert "checkpoint" in info.value.en and info.value.ja
    with pytest.raises(checkpoint.CheckpointError):
        checkpoint.read(tmp_path / "nowhere")


BROKEN_RELU = '''import numpy as np


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = x <= 0
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dx = dout.copy()
        dx[self.mask.T] = 0
        return dx
'''

NAN_RELU = '''import numpy as np


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = x <= 0
        return np.where(self.mask, 0, x) + np.log(np.where(x.size > 5000, -1.0, 1.0)).astype(x.dtype)

    def backward(self, dout):
        return np.where(self.mask, 0, dout)
'''


def test_a_learner_component_that_raises_is_named_with_its_file_and_line(examprep_home):
    write_reference_answers(ALL)
    store.save_solution("relu_layer", BROKEN_RELU)
    trainer = make_trainer(components.learner_parts("batchnorm"))
    with pytest.raises(ComponentFailure) as info:
        trainer.train_epoch()
    exc = info.value
    path = str(store.solutions_dir() / "relu_layer.py")
    assert exc.role == "relu" and exc.stage == "backward"
    assert path in exc.en and path in exc.ja and "Relu" in exc.en
    assert f"{path}:16: dx[self.mask.T] = 0" in exc.en


def test_a_learner_component_producing_nan_is_named(examprep_home):
    write_reference_answers(ALL)
    store.save_solution("relu_layer", NAN_RELU)  # NaN only for big inputs: the drill's small cases pass
    trainer = make_trainer(components.learner_parts("batchnorm"))
    with pytest.raises(ComponentFailure) as info:
        trainer.train_epoch()
    assert info.value.role == "relu" and "NaN" in info.value.en and "relu1" in info.value.en
    assert str(store.solutions_dir() / "relu_layer.py") in info.value.en


def test_an_answer_file_that_does_not_load_is_a_load_error(examprep_home):
    write_reference_answers(ALL)
    store.save_solution("affine", "import numpy as np\n\nclass Affine(:\n    pass\n")
    with pytest.raises(components.ComponentLoadError) as info:
        components.learner_parts("batchnorm")
    assert "affine.py" in info.value.en and "SyntaxError" in info.value.en


@pytest.mark.parametrize("make", [
    lambda: components.MissingComponents([("relu", "relu_layer")]),
    lambda: components.ComponentLoadError("affine", "/x/affine.py", ("Affine is not defined", "Affine が定義されていません")),
    lambda: components.ComponentFailure("relu", "/x/relu_layer.py", "backward", ("NaN in dx", "dx に NaN"), "line 3"),
    lambda: components.ComponentFailure("conv", "reference", "forward", "ValueError: shapes"),
    lambda: components.TrainingDiverged(1e30),
    lambda: components.UnknownNorm("layernorm"),
], ids=["missing", "load", "failure_mine", "failure_reference", "diverged", "unknown_norm"])
def test_component_errors_are_bilingual_errors_that_fail_prints(make, capsys):
    """Every error of capstone/components.py is a BilingualError: `examprep capstone` hands it to fail as it is."""
    exc = make()
    assert isinstance(exc, BilingualError)
    assert str(exc) == exc.en and exc.en and re.search("[ぁ-んァ-ン一-龥]", exc.ja), (exc.ja, exc.en)
    assert fail("ja", exc, 1) == 1 and capsys.readouterr().err == f"examprep: {exc.ja}\n"
    assert fail("en", exc, 1) == 1 and capsys.readouterr().err == f"examprep: {exc.en}\n"


def test_an_unknown_norm_is_a_bilingual_value_error(examprep_home):
    with pytest.raises(components.UnknownNorm) as info:
        components.learner_parts("layernorm")
    assert isinstance(info.value, ValueError) and "'layernorm'" in info.value.en and "'layernorm'" in info.value.ja
    assert components.needed_roles("auto") == components.needed_roles("batchnorm")


def test_validation_split_is_stratified_seeded_and_disjoint():
    t = np.repeat(np.arange(5), 40)
    tr, val = train.split(t, 0.1, seed=1)
    assert len(np.intersect1d(tr, val)) == 0 and len(tr) + len(val) == len(t)
    assert np.bincount(t[val]).tolist() == [4] * 5
    assert np.array_equal(val, train.split(t, 0.1, seed=1)[1])
    assert not np.array_equal(val, train.split(t, 0.1, seed=2)[1])


def test_cosine_schedule_runs_from_lr_to_five_percent():
    s = train.Settings(epochs=5, lr=0.01)
    assert s.lr_at(0) == pytest.approx(0.01) and s.lr_at(4) == pytest.approx(0.0005)
    assert train.Settings(epochs=5, lr=0.01, lr_decay="none").lr_at(4) == 0.01


def test_confusion_summary_names_the_most_confused_classes():
    t = np.array([0, 0, 0, 1, 1, 2, 2, 2])
    pred = np.array([0, 1, 1, 1, 0, 2, 2, 1])
    m = train.confusion(pred, t, 3)
    pairs = train.most_confused(m, ["ア", "イ", "ウ"])
    assert pairs[0] == {"true": "ア", "predicted": "イ", "count": 2, "rate": pytest.approx(2 / 3)}
    assert [(p["true"], p["predicted"]) for p in pairs[1:]] == [("イ", "ア"), ("ウ", "イ")]


def test_exit_in_a_learner_component_is_a_component_failure_not_the_end_of_examprep(examprep_home):
    write_reference_answers(ALL)
    text = source.reference_answer(catalog.get("affine")).replace(
        "        self.original_x_shape = x.shape\n", "        self.original_x_shape = x.shape\n        exit(3)\n")
    store.save_solution("affine", text)
    trainer = make_trainer(components.learner_parts("batchnorm"))
    with pytest.raises(ComponentFailure) as info:
        trainer.train_epoch()
    assert info.value.role == "affine" and "SystemExit" in info.value.en and "exit(3)" in info.value.en


def test_learning_curves_png_when_matplotlib_is_installed(tmp_path):
    pytest.importorskip("matplotlib")
    from examprep.capstone import display

    history = [{"epoch": i, "train_loss": 1 / i, "val_loss": 1.2 / i, "train_acc": 1 - 0.5 / i,
                "val_acc": 1 - 0.6 / i} for i in (1, 2, 3)]
    path = display.save_png(history, str(tmp_path / "curves.png"), "test")
    assert path and (tmp_path / "curves.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_sparkline_spans_lowest_to_highest():
    from examprep.capstone.display import sparkline

    assert sparkline([3.0, 2.0, 1.0]) == "█▅▁"
    assert sparkline([1.0, float("nan"), 1.0]) == "█ █"
