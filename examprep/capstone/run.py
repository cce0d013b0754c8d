"""`examprep capstone`, the driver: options checked and resolved (options.py), components, data and a resumed
checkpoint loaded, the run folder, the epochs with a checkpoint after each (progress display: progress.py), the final
report (report.py).

Exit codes: 0 done, 1 a component failed while training (or does not load), 2 bad input (missing components, data,
checkpoint, options), 130 interrupted by Ctrl-C (the last completed epoch is saved; `--resume DIR` continues).
"""
import time
from datetime import datetime, timezone
from pathlib import Path

from examprep.common import files, paths
from examprep.common.errors import fail
from examprep.common.i18n import pick, text

TEXT = {
    "run_dir": {"ja": "保存先: {path} (各エポック後に checkpoint.npz を書きます)",
                "en": "Run folder: {path} (checkpoint.npz is written after every epoch)"},
    "setup": {"ja": "{data}: 学習 {n_train} 枚 / 検証 {n_val} 枚 (学習データから取り分け) / テスト {n_test} 枚、{n_classes} クラス。"
                    "部品: {components}、正規化 {norm}、{epochs} エポック、バッチ {batch}、学習率 {lr}、データ拡張 {augment}",
              "en": "{data}: {n_train} training / {n_val} validation (held out from training) / {n_test} test images, "
                    "{n_classes} classes. Components: {components}, normalisation {norm}, epochs {epochs}, batch {batch}, lr {lr}, "
                    "augmentation {augment}"},
    "resumed": {"ja": "{path} のエポック {epoch} から再開します。", "en": "Resuming {path} after epoch {epoch}."},
    "done_already": {"ja": "この学習は {epoch} エポックすべて終わっています (続けるには --epochs を増やしてください)。",
                     "en": "This run has completed all {epoch} epochs (raise --epochs to train further)."},
    "interrupted": {"ja": "中断しました。エポック {epoch} までを {path} に保存済みです。続き: examprep capstone --resume {path}",
                    "en": "Stopped. Epochs up to {epoch} are saved in {path}. Continue: examprep capstone --resume {path}"},
    "interrupted_none": {"ja": "中断しました (終わったエポックがないので保存したものはありません)。",
                         "en": "Stopped (no epoch was completed, so nothing was saved)."},
    "stopped": {"ja": "中断しました。", "en": "Stopped."},
    "too_small": {"ja": "{h}×{w} の画像は小さすぎます (2 回の 2×2 プーリングには 4×4 以上が必要です)。",
                  "en": "{h}×{w} images are too small: two 2×2 poolings need at least 4×4."},
    "misfit": {"ja": "チェックポイントがこのネットワークに合いません: {err}", "en": "the checkpoint does not fit this network: {err}"},
    "failed_saved": {"ja": "エポック {epoch} までは {path} に保存されています。",
                     "en": "Epochs up to {epoch} are saved in {path}."},
    "ignored": {"ja": "--resume では保存した設定を使います。無視した指定: {names}",
                "en": "--resume uses the saved settings; ignored: {names}"},
    "components_mine": {"ja": "自分の解答 (mine)", "en": "mine"},
    "components_reference": {"ja": "参照実装 (reference)", "en": "reference"},
    "given": {"ja": "参照実装 (ドリルで import として与えられたもの。im2col/col2im のドリルに合格すると自分の解答に替わります)",
              "en": "reference (given to the drill as an import; passing the im2col / col2im drill replaces it)"},
    "source_line": {"ja": "  {role}: {where}", "en": "  {role}: {where}"},
    "save_busy": {"ja": "{path} には別の学習が保存中です。別のフォルダを指定してください。",
                  "en": "another run is saving into {path}: give another folder."},
    "save_bad": {"ja": "{path} に保存できません ({err})。書き込めるフォルダを --save に指定してください。",
                 "en": "cannot save into {path} ({err}): give --save a folder you can write to."},
    "save_exists": {"ja": "{path} にはすでに学習が保存されています。続けるなら --resume {path}、新しく始めるなら別のフォルダを指定してください。",
                    "en": "{path} already holds a saved run: continue it with --resume {path}, or give another folder."},
    "opt_skipped": {"ja": "オプティマイザの属性 {names} は配列の辞書でも数でもないため保存できず、初期状態から再開します。",
                    "en": "The optimizer's attributes {names} are neither numbers nor dicts of arrays, so they were not "
                          "saved and restart from scratch."},
    "on": {"ja": "あり", "en": "on"},
    "off": {"ja": "なし", "en": "off"},
    "epochs_back": {"ja": "この学習はすでに {done} エポック終わっています。--epochs は {done} 以上にしてください。",
                    "en": "This run has already completed {done} epochs: --epochs must be at least {done}."},
    "data_changed": {"ja": "データ {data} が保存時と違います (保存時: 学習 {n} 枚, 入力 {shape})。",
                     "en": "The data {data} differs from the saved run's (then: {n} training images, input {shape})."},
}


def main(args):
    lang = getattr(args, "lang", "en")
    try:
        return _main(args, lang)
    except KeyboardInterrupt:  # before training started (loading data, components)
        return fail(lang, TEXT["stopped"], 130)


def _main(args, lang):
    from examprep.capstone import checkpoint, options

    wrong = options.check(args)
    if wrong is not None:
        key, kw = wrong
        return fail(lang, options.TEXT[key], 2, **kw)
    if args.resume and Path(args.resume).suffix == ".npz" and Path(args.resume).is_file():
        args.resume = str(Path(args.resume).parent)   # the run folder, wherever the learner pointed
    if args.save:
        claimed = _claim_folder(Path(args.save), lang)
        if claimed is not None:
            return claimed
    meta = arrays = None
    if args.resume:
        try:
            meta, arrays = checkpoint.read(args.resume)
        except checkpoint.CheckpointError as exc:
            return fail(lang, exc)
    settings, components, data_spec, ignored = options.resolve(args, meta)
    if meta is not None and settings.epochs < meta["epoch"]:
        kw = {"done": meta["epoch"]}
        return fail(lang, TEXT["epochs_back"], 2, **kw)

    from examprep.capstone import components as comp
    from examprep.capstone import data
    from examprep.capstone.network import ConvNet
    from examprep.capstone.report import finish
    from examprep.capstone.train import Trainer

    try:
        parts = comp.reference_parts() if components == "reference" else comp.learner_parts(settings.norm)
    except (comp.MissingComponents, comp.UnknownNorm) as exc:
        return fail(lang, exc, 2)
    except comp.ComponentLoadError as exc:
        return fail(lang, exc, 1)
    settings.norm = getattr(parts, "norm", settings.norm)

    start = time.perf_counter()
    try:
        dataset = data.load(data_spec, data_dir=args.data_dir, progress=not args.json, lang=lang)
    except data.DataError as exc:
        return fail(lang, exc)
    if meta is None and data_spec.lower() not in data.NAMED and Path(data_spec).expanduser().exists():
        data_spec = str(Path(data_spec).expanduser().resolve())  # so that --resume works from any folder
    data_info = {"spec": data_spec, "name": dataset.name, "n_train": int(len(dataset.t_train)),
                 "n_test": int(len(dataset.t_test)), "input_shape": list(dataset.input_shape),
                 "classes": list(dataset.classes)}
    if meta is not None and (meta["data"]["n_train"] != data_info["n_train"]
                             or meta["data"]["input_shape"] != data_info["input_shape"]):
        kw = {"data": data_spec, "n": meta["data"]["n_train"], "shape": meta["data"]["input_shape"]}
        return fail(lang, TEXT["data_changed"], 2, **kw)

    out = _console(args)
    h, w = dataset.input_shape[1:]
    if min(h, w) < 4:
        return fail(lang, TEXT["too_small"], 2, h=h, w=w)
    try:
        net = ConvNet(parts, input_shape=dataset.input_shape, n_classes=dataset.n_classes, norm=settings.norm,
                      rng=settings.seed)
        try:
            optimizer = parts.Adam(lr=settings.lr)
        except (Exception, SystemExit) as exc:
            raise net.component_failure("optimizer", "__init__", exc) from exc
    except comp.UnknownNorm as exc:   # a resumed checkpoint's settings name no normalisation we know
        return fail(lang, exc, 2)
    except comp.ComponentFailure as exc:
        return fail(lang, exc, 1)
    trainer = Trainer(net, optimizer, dataset, settings, data.batches, data.augment)
    run_dir = Path(args.resume or args.save or _default_run_dir(data_info["name"], components))
    resumed_from = None
    if meta is not None:
        try:
            checkpoint.restore(trainer, meta, arrays)
        except checkpoint.CheckpointError as exc:
            return fail(lang, exc)
        except (KeyError, ValueError) as exc:
            return fail(lang, TEXT["misfit"], 2, err=exc)
        resumed_from = trainer.epoch
    if not args.json:
        if ignored:
            out.print(text(TEXT, "ignored", lang, names=", ".join(ignored)))
        if resumed_from is not None:
            out.print(text(TEXT, "resumed", lang, path=run_dir, epoch=resumed_from))
            if meta.get("optimizer_skipped"):
                out.print(text(TEXT, "opt_skipped", lang, names=", ".join(meta["optimizer_skipped"])))
        for note in getattr(dataset, "notes", []):
            out.print(pick(note, lang))
        out.print(text(TEXT, "setup", lang, data=dataset.name, n_train=trainer.n_train, n_val=len(trainer.val_idx),
                     n_test=data_info["n_test"], n_classes=dataset.n_classes,
                     components=text(TEXT, "components_" + components, lang),
                     norm=settings.norm or "none",
                     epochs=settings.epochs, batch=settings.batch_size, lr=settings.lr,
                     augment=text(TEXT, "on" if settings.augment else "off", lang)))
        if components == "mine":
            for role, where in getattr(parts, "source", {}).items():
                shown = text(TEXT, "given", lang) if where == "reference (given)" else where
                out.print(text(TEXT, "source_line", lang, role=role, where=shown))
        out.print(text(TEXT, "run_dir", lang, path=run_dir))

    status = _train(trainer, run_dir, data_info, components, out, args, lang)
    if status is not None:
        return status
    try:
        return finish(trainer, dataset, data_info, components, run_dir, resumed_from, start, out, args, lang)
    except comp.ComponentFailure as exc:   # in the test evaluation
        return fail(lang, exc, 1)


def _console(args):
    from rich.console import Console

    return Console(stderr=bool(args.json), highlight=False, markup=False, soft_wrap=True)


def _default_run_dir(data_name, components):
    """A new folder for this run, made here (exclusively: two runs started in the same second get two folders)."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in Path(data_name).stem)
    base = paths.data_dir() / "capstone"
    base.mkdir(parents=True, exist_ok=True)
    for n in range(1, 1000):
        path = base / (f"{stamp}-{safe}-{components}" + (f"-{n}" if n > 1 else ""))
        try:
            path.mkdir()
            return path
        except FileExistsError:
            continue
    raise OSError(f"no free run folder under {base}")


def _claim_folder(path, lang):
    """Make sure --save DIR can take this run before any training: a folder that is not a saved run (made if
    missing), writable, and locked (DIR/.lock) so that two runs started at once cannot share it.
    Returns an exit code on failure, None when the folder is ours."""
    from examprep.capstone import checkpoint

    kw = {"path": path}
    if (path / checkpoint.FILENAME).exists():
        return fail(lang, TEXT["save_exists"], 2, **kw)
    try:
        path.mkdir(parents=True, exist_ok=True)
        files.hold_lock(path / ".lock")
    except BlockingIOError:
        return fail(lang, TEXT["save_busy"], 2, **kw)
    except OSError as exc:
        kw["err"] = exc.strerror or str(exc)
        return fail(lang, TEXT["save_bad"], 2, **kw)
    return None


def _train(trainer, run_dir, data_info, components, out, args, lang):
    """Run the remaining epochs with progress display and a checkpoint after each. None when finished, else the exit
    code."""
    from examprep.capstone import checkpoint, display
    from examprep.capstone.components import ComponentFailure
    from examprep.capstone.progress import RunProgress

    s = trainer.settings
    if trainer.epoch >= s.epochs:
        if not args.json:
            out.print(text(TEXT, "done_already", lang, epoch=trainer.epoch))
        return None
    progress = RunProgress(trainer, out, enabled=not args.json and out.is_terminal, explain=not args.json, lang=lang)
    if not args.json:
        out.print(display.epoch_header(lang))
    try:
        with progress:
            while trainer.epoch < s.epochs:
                entry = trainer.train_epoch(on_batch=progress.on_batch)
                checkpoint.save(run_dir, trainer, data_info, components)
                progress.epoch_done()
                if not args.json:
                    out.print(display.epoch_line(entry, lang))
    except KeyboardInterrupt:
        if trainer.history and (run_dir / checkpoint.FILENAME).exists():
            kw = {"epoch": trainer.epoch, "path": run_dir}
            return fail(lang, TEXT["interrupted"], 130, **kw)
        return fail(lang, TEXT["interrupted_none"], 130)
    except ComponentFailure as exc:
        code = fail(lang, exc, 1)
        if trainer.history:
            kw = {"epoch": trainer.epoch, "path": run_dir}
            fail(lang, TEXT["failed_saved"], 1, **kw)
        return code
    return None
