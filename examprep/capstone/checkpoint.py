"""Capstone checkpoints: one `checkpoint.npz` per run directory, numpy arrays only (loaded with allow_pickle=False).

Arrays: `param/<key>` (the network's parameters), `opt/<attribute>/<key>` (every dict-of-arrays attribute of the
optimizer, e.g. Adam's m and v; scalar attributes such as iter and lr go in the metadata), `layer/<name>/<attribute>`
(the 1-D array state of normalisation layers: BatchNorm running_mean / running_var), `split/val` (held-out indices),
`np_random/keys` (the global np.random state that Dropout draws from). `meta`: a 0-d string array holding JSON:

    {"schema": "examprep.capstone-checkpoint/1", "epoch": completed epochs, "architecture": ConvNet.architecture(),
     "settings": Settings, "components": "reference" | "mine", "source": {role: path | "reference"},
     "data": {"name", "n_train", "n_test", "input_shape", "classes"}, "history": [per-epoch dicts],
     "optimizer": {scalar attributes}, "rng": Generator.bit_generator.state, "np_random": [pos, has_gauss, cached]}

Written through a temporary file in the same folder and os.replace, with Ctrl-C held back until the rename is done,
so a checkpoint is always a whole one.
"""
import json
import zipfile
import signal
from pathlib import Path

import numpy as np

from examprep.common import files
from examprep.common.errors import BilingualError

SCHEMA = "examprep.capstone-checkpoint/1"
FILENAME = "checkpoint.npz"
_SCALARS = (bool, int, float, str, type(None))


class CheckpointError(BilingualError):
    """A checkpoint that is missing, damaged, of another format or of another network: .ja and .en messages."""


def _optimizer_state(opt, params):
    arrays, scalars, skipped = {}, {}, []
    for attr, val in vars(opt).items():
        if isinstance(val, (np.integer, np.floating)):
            val = val.item()
        if isinstance(val, _SCALARS):
            scalars[attr] = val
        elif isinstance(val, dict) and val and all(isinstance(v, np.ndarray) for v in val.values()) \
                and set(val) <= set(params):
            for key, arr in val.items():
                arrays[f"opt/{attr}/{key}"] = arr
            scalars.setdefault("__dicts__", []).append(attr)
        else:
            skipped.append(attr)
    return arrays, scalars, skipped


def _layer_state(net):
    arrays = {}
    for entry in net.layers:
        if entry.role not in ("batchnorm", "spatial_batchnorm"):
            continue
        for attr, val in vars(entry.layer).items():
            if isinstance(val, np.ndarray) and val.ndim == 1 and attr not in entry.params \
                    and not (attr.startswith("d") and attr[1:] in entry.params):
                arrays[f"layer/{entry.name}/{attr}"] = val
    return arrays


def save(directory, trainer, data_info, components):
    """Write directory/checkpoint.npz for the trainer's completed epochs. Returns the path. Optimizer attributes that
    are neither scalars nor dicts of arrays keyed like the parameters are listed in meta["optimizer_skipped"]."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    net, opt = trainer.net, trainer.optimizer
    arrays = {f"param/{k}": v for k, v in net.params.items()}
    opt_arrays, opt_scalars, skipped = _optimizer_state(opt, net.params)
    arrays.update(opt_arrays)
    arrays.update(_layer_state(net))
    arrays["split/val"] = trainer.val_idx
    kind, keys, pos, has_gauss, cached = np.random.get_state()
    arrays["np_random/keys"] = keys
    meta = {"schema": SCHEMA, "epoch": trainer.epoch, "architecture": net.architecture(),
            "settings": trainer.settings.to_json(), "components": components, "source": net.source,
            "data": data_info, "history": trainer.history, "optimizer": opt_scalars, "optimizer_skipped": skipped,
            "rng": trainer.rng.bit_generator.state, "np_random": [kind, int(pos), int(has_gauss), float(cached)]}
    arrays["meta"] = np.array(json.dumps(meta, ensure_ascii=False))
    path = directory / FILENAME
    with _holding_sigint():
        files.replace_atomically(path, lambda f: np.savez(f, **arrays), keep_mode=False)
    return path


def read(directory):
    """(meta dict, {name: array}) from directory/checkpoint.npz (or the .npz file itself), or CheckpointError."""
    path = Path(directory)
    if path.is_dir() or path.suffix != ".npz":
        path = path / FILENAME
    if not path.exists():
        raise CheckpointError(f"{path} がありません (--save で保存した学習のフォルダを指定してください)。",
                              f"no {path} (give the folder of a run saved with --save).")
    try:
        with np.load(path, allow_pickle=False) as z:
            arrays = {name: z[name] for name in z.files}
        meta = json.loads(str(arrays.pop("meta")))
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile, json.JSONDecodeError) as exc:
        reason = "Python objects (pickle), which examprep never loads" if "pickle" in str(exc) else str(exc)
        raise CheckpointError(f"{path} は壊れているか、capstone のチェックポイントではありません ({reason})。",
                              f"{path} is damaged or not a capstone checkpoint ({reason}).") from None
    if meta.get("schema") != SCHEMA:
        raise CheckpointError(f"{path} の形式 {meta.get('schema')!r} には対応していません。",
                              f"{path} has format {meta.get('schema')!r}, which this version cannot read.")
    return meta, arrays


def restore(trainer, meta, arrays):
    """Put the checkpoint's parameters (in place: layers hold these arrays), optimizer and layer state, history,
    epoch count and random states into a trainer built with the same architecture and settings."""
    net, opt = trainer.net, trainer.optimizer
    for key, arr in net.params.items():
        saved = arrays.get(f"param/{key}")
        if saved is None or saved.shape != arr.shape:
            raise CheckpointError(f"チェックポイントのパラメータ {key} がネットワークと合いません。",
                                  f"the checkpoint's parameter {key} does not match the network.")
        arr[...] = saved
    scalars = dict(meta.get("optimizer", {}))
    for attr in scalars.pop("__dicts__", []):
        setattr(opt, attr, {key: arrays[f"opt/{attr}/{key}"].copy() for key in net.params
                            if f"opt/{attr}/{key}" in arrays})
    for attr, val in scalars.items():
        setattr(opt, attr, val)
    by_name = {e.name: e for e in net.layers}
    for name, arr in arrays.items():
        if name.startswith("layer/"):
            _, layer, attr = name.split("/", 2)
            setattr(by_name[layer].layer, attr, arr.copy())
    trainer.val_idx = arrays["split/val"]
    mask = np.ones(len(trainer.dataset.t_train), dtype=bool)
    mask[trainer.val_idx] = False
    trainer.train_idx = np.flatnonzero(mask)
    trainer.rng.bit_generator.state = meta["rng"]
    kind, pos, has_gauss, cached = meta["np_random"]
    np.random.set_state((kind, arrays["np_random/keys"], pos, has_gauss, cached))
    trainer.epoch = int(meta["epoch"])
    trainer.history = list(meta["history"])


class _holding_sigint:
    """Defer Ctrl-C until the block ends (main thread only), then deliver it."""

    def __enter__(self):
        self.pending = False
        try:
            self.old = signal.signal(signal.SIGINT, self._note)
        except ValueError:  # not the main thread
            self.old = None
        return self

    def _note(self, signum, frame):
        self.pending = True

    def __exit__(self, *exc):
        if self.old is not None:
            signal.signal(signal.SIGINT, self.old)
            if self.pending and exc[0] is None:
                raise KeyboardInterrupt
        return False
