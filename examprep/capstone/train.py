"""The training loop: mini-batches, augmentation, validation each epoch, the final test evaluation.

Validation: a seeded, stratified `val_fraction` (default 10 %) of the training set is held out before training and
never trained on; it is evaluated after every epoch (learning curves). The test set is evaluated once, at the end,
and is used for nothing else (no model selection: the network after the last epoch is the result).

Randomness: one numpy Generator (`Trainer.rng`, seeded by `seed + 1`) draws the batch order and the augmentation; the
global np.random state (what the book's Dropout draws its masks from) is seeded with `seed` when a run starts. Both are
kept in checkpoints, so 2 epochs in one go and 1 + resume 1 give identical parameters.
"""
import math
import time
from dataclasses import asdict, dataclass

import numpy as np

from examprep.capstone.components import ComponentFailure

DEFAULTS = {"epochs": 20, "batch_size": 100, "lr": 0.002, "norm": "batchnorm", "val_fraction": 0.1,
            "lr_decay": "cosine"}


@dataclass
class Settings:
    epochs: int = DEFAULTS["epochs"]
    batch_size: int = DEFAULTS["batch_size"]
    lr: float = DEFAULTS["lr"]
    augment: bool = True
    seed: int = 0
    norm: str = DEFAULTS["norm"]
    val_fraction: float = DEFAULTS["val_fraction"]
    lr_decay: str = DEFAULTS["lr_decay"]   # "cosine" (to 5 % of lr at the last epoch) or "none"

    def to_json(self):
        return asdict(self)

    @classmethod
    def from_json(cls, d):
        return cls(**{k: v for k, v in d.items() if k in cls.__dataclass_fields__})

    def lr_at(self, epoch):
        """Learning rate for the 0-based epoch: cosine from lr down to 5 % of lr over the run."""
        if self.lr_decay == "none" or self.epochs <= 1:
            return self.lr
        floor = 0.05 * self.lr
        return floor + (self.lr - floor) * 0.5 * (1 + math.cos(math.pi * epoch / (self.epochs - 1)))


def split(t, fraction, seed):
    """(train_idx, val_idx): a seeded stratified hold-out of `fraction` of each class (at least one image of a class
    with two or more, none when fraction is 0)."""
    rng = np.random.default_rng([seed, 7919])
    val = []
    if fraction > 0:
        for c in np.unique(t):
            idx = np.flatnonzero(t == c)
            k = min(len(idx) - 1, max(1, int(round(fraction * len(idx)))))
            if k > 0:
                val.append(rng.choice(idx, size=k, replace=False))
    val = np.sort(np.concatenate(val)) if val else np.zeros(0, dtype=np.int64)
    mask = np.ones(len(t), dtype=bool)
    mask[val] = False
    return np.flatnonzero(mask), val


class Trainer:
    """Trains `net` with `optimizer` on a Dataset; `epoch` counts completed epochs, `history` one dict per epoch."""

    def __init__(self, net, optimizer, dataset, settings, batches, augment):
        self.net, self.optimizer, self.dataset, self.settings = net, optimizer, dataset, settings
        self._batches, self._augment = batches, augment
        self.train_idx, self.val_idx = split(dataset.t_train, settings.val_fraction, settings.seed)
        self.rng = np.random.default_rng(settings.seed + 1)
        np.random.seed(settings.seed % 2 ** 32)
        self.epoch = 0
        self.history = []

    @property
    def n_train(self):
        return len(self.train_idx)

    def batches_per_epoch(self):
        return math.ceil(self.n_train / self.settings.batch_size)

    def train_epoch(self, on_batch=None):
        """One epoch. on_batch(i, n_batches, loss, correct, n_images, seconds) after every step. Returns the epoch's
        history entry (also appended to self.history). numpy's floating-point warnings are off: a NaN or inf is
        caught and traced to its component instead."""
        with np.errstate(all="ignore"):
            return self._train_epoch(on_batch)

    def _train_epoch(self, on_batch):
        s, ds, net = self.settings, self.dataset, self.net
        if hasattr(self.optimizer, "lr"):
            self.optimizer.lr = s.lr_at(self.epoch)
        n_batches = self.batches_per_epoch()
        total_loss = total_correct = seen = 0
        start = time.perf_counter()
        for i, idx in enumerate(self._batches(self.n_train, s.batch_size, self.rng)):
            t0 = time.perf_counter()
            rows = self.train_idx[idx]
            x, t = ds.x_train[rows], ds.t_train[rows]
            if s.augment:
                x = self._augment(x, self.rng)
            loss = net.loss(x, t, train=True)
            net.backward()
            if not math.isfinite(loss) or not all(np.all(np.isfinite(g)) for g in net.grads.values()):
                raise net.diagnose(x, t) or ComponentFailure(
                    "loss", net.source.get("loss", "reference"), "forward",
                    (f"the loss became {loss} (training diverged: try a smaller --lr)",
                     f"損失が {loss} になりました (発散: --lr を小さく)"))
            self._update()
            correct = int(np.sum(np.argmax(net.scores, axis=1) == t))
            total_loss += loss * len(t)
            total_correct += correct
            seen += len(t)
            if on_batch:
                on_batch(i, n_batches, loss, correct, len(t), time.perf_counter() - t0)
        train_seconds = time.perf_counter() - start
        val_loss, val_acc = self.evaluate(ds.x_train[self.val_idx], ds.t_train[self.val_idx])
        self.epoch += 1
        entry = {"epoch": self.epoch, "train_loss": total_loss / max(seen, 1), "train_acc": total_correct / max(seen, 1),
                 "val_loss": val_loss, "val_acc": val_acc, "lr": s.lr_at(self.epoch - 1),
                 "seconds": time.perf_counter() - start, "images_per_second": seen / max(train_seconds, 1e-9)}
        self.history.append(entry)
        return entry

    def _update(self):
        opt, net = self.optimizer, self.net
        t0 = time.perf_counter()
        try:
            opt.update(net.params, net.grads)
        except (Exception, SystemExit) as exc:
            raise net.component_failure("optimizer", "update", exc) from exc
        net.timings["optimizer"] = net.timings.get("optimizer", 0.0) + time.perf_counter() - t0

    def evaluate(self, x, t, batch_size=100):
        """(mean loss, accuracy) in inference mode; (nan, nan) for an empty set."""
        if len(t) == 0:
            return float("nan"), float("nan")
        scores = self.net.predict(x, batch_size).astype(np.float64)
        scores -= scores.max(axis=1, keepdims=True)
        logp = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))
        loss = float(-np.mean(logp[np.arange(len(t)), t]))
        return loss, float(np.mean(np.argmax(scores, axis=1) == t))


def confusion(pred, t, n_classes):
    m = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(m, (t, pred), 1)
    return m


def most_confused(matrix, classes, top=5):
    """The most frequent (true, predicted) mistakes: [{"true", "predicted", "count", "rate"}] (rate: of that true
    class's test images)."""
    off = matrix.copy()
    np.fill_diagonal(off, 0)
    order = np.argsort(-off, axis=None, kind="stable")
    out = []
    for flat in order[:top]:
        i, j = divmod(int(flat), matrix.shape[1])
        if off[i, j] == 0:
            break
        out.append({"true": classes[i], "predicted": classes[j], "count": int(off[i, j]),
                    "rate": float(off[i, j] / max(matrix[i].sum(), 1))})
    return out


def test_report(net, dataset, top=5):
    """Final evaluation on the test set: accuracy, confusion matrix, most confused pairs, per-class accuracy."""
    pred = np.argmax(net.predict(dataset.x_test), axis=1)
    m = confusion(pred, dataset.t_test, dataset.n_classes)
    per_class = m.diagonal() / np.maximum(m.sum(axis=1), 1)
    return {"accuracy": float(np.mean(pred == dataset.t_test)), "n": int(len(dataset.t_test)),
            "confusion": m.tolist(), "most_confused": most_confused(m, dataset.classes, top),
            "per_class_accuracy": {c: float(a) for c, a in zip(dataset.classes, per_class)}}
