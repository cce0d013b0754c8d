"""`examprep capstone`: settings, components, data, the training run with its progress display, the final report.

Exit codes: 0 done, 1 a component failed while training (or does not load), 2 bad input (missing components, data,
checkpoint, options), 130 interrupted by Ctrl-C (the last completed epoch is saved; `--resume DIR` continues).
"""
import json
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

from examprep.common import files, paths
from examprep.common.i18n import pick, text
from examprep.common.timefmt import duration

SCHEMA = "examprep.capstone/1"
SLOW_SECONDS = 300          # an estimated run longer than this with --components mine gets an explanation
TIMING_BATCHES = 3          # batches timed before the first estimate

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
    "estimate": {"ja": "あなたの部品で {ips:.0f} 画像/秒、全体で約 {total} かかる見込みです (参照実装の高速版なら約 {ref_total}、"
                       "{ratio:.1f} 倍の時間)。",
                 "en": "Your components train {ips:.0f} images/s: about {total} for the whole run "
                       "(the reference's fast forms: about {ref_total}; yours take {ratio:.1f}x as long)."},
    "where": {"ja": "時間がかかっている部品 (1 バッチあたり、あなた / 参照実装の高速版。高速版は 2 コアに分けて計算し、"
                    "あなたの部品はそのまま 1 つの流れで動きます):",
              "en": "Where the time goes (per batch, yours / the reference's fast forms, which split each batch over "
                    "both cores; your components run as written, unsplit):"},
    "slow": {"ja": "遅いのはあなたの部品です (1 バッチあたり、あなた / 参照実装の高速版):",
             "en": "It is your components that are slow (per batch, yours / the reference's fast forms):"},
    "upcast": {"ja": "float32 の入力に float64 を返すあなたの部品: {names} (値は正しいので使えます)。capstone は float32 に"
                     "戻して続けます (呼び出しごとに 1 回コピー)。float64 の計算はメモリを 2 倍動かし、行列積は約 2 倍"
                     "遅くなります。入力と同じ dtype で配列を作ると (np.zeros(..., dtype=x.dtype)) その分速くなります。",
               "en": "Components of yours that return float64 for float32 input: {names} (right values, so they are "
                     "used). The capstone casts their results back to float32 (one copy per call). Computing in "
                     "float64 moves twice the bytes and makes matrix products about 2x slower: making arrays in the "
                     "input's dtype (np.zeros(..., dtype=x.dtype)) saves that."},
    "slow_hint": {"ja": "Python の for ループを NumPy の配列演算 (im2col と行列積) に置き換えると速くなります。"
                        "Ctrl-C で止めても、終わったエポックまでは保存されています。",
                  "en": "Replacing Python loops by NumPy array operations (im2col and matrix products) makes them "
                        "fast. Ctrl-C stops the run with the completed epochs saved."},
    "interrupted": {"ja": "中断しました。エポック {epoch} までを {path} に保存済みです。続き: examprep capstone --resume {path}",
                    "en": "Stopped. Epochs up to {epoch} are saved in {path}. Continue: examprep capstone --resume {path}"},
    "interrupted_none": {"ja": "中断しました (終わったエポックがないので保存したものはありません)。",
                         "en": "Stopped (no epoch was completed, so nothing was saved)."},
    "failed_saved": {"ja": "エポック {epoch} までは {path} に保存されています。",
                     "en": "Epochs up to {epoch} are saved in {path}."},
    "ignored": {"ja": "--resume では保存した設定を使います。無視した指定: {names}",
                "en": "--resume uses the saved settings; ignored: {names}"},
    "components_mine": {"ja": "自分の解答 (mine)", "en": "mine"},
    "components_reference": {"ja": "参照実装 (reference)", "en": "reference"},
    "given": {"ja": "参照実装 (ドリルで import として与えられたもの。im2col/col2im のドリルに合格すると自分の解答に替わります)",
              "en": "reference (given to the drill as an import; passing the im2col / col2im drill replaces it)"},
    "testing": {"ja": "テスト画像 {n} 枚で評価しています…", "en": "Evaluating on the {n} test images…"},
    "source_line": {"ja": "  {role}: {where}", "en": "  {role}: {where}"},
    "bad_seed": {"ja": "--seed には 0 以上の整数を指定してください。", "en": "--seed must be a whole number of at least 0."},
    "save_and_resume": {"ja": "--resume DIR はその学習のフォルダに続きを保存します。--save と同時には指定できません。",
                        "en": "--resume DIR goes on saving into that run's folder: it cannot be combined with --save."},
    "empty_data": {"ja": "--data が空です。katakana15、mnist などの名前か、ファイルのパスを指定してください。",
                   "en": "--data is empty: give a name (katakana15, mnist, ...) or a file's path."},
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
    "bad_option": {"ja": "{name} は 1 以上にしてください。", "en": "{name} must be at least 1."},
    "bad_lr": {"ja": "--lr は正の数にしてください。", "en": "--lr must be a positive number."},
    "epochs_back": {"ja": "この学習はすでに {done} エポック終わっています。--epochs は {done} 以上にしてください。",
                    "en": "This run has already completed {done} epochs: --epochs must be at least {done}."},
    "data_changed": {"ja": "データ {data} が保存時と違います (保存時: 学習 {n} 枚, 入力 {shape})。",
                     "en": "The data {data} differs from the saved run's (then: {n} training images, input {shape})."},
    "seconds": {"ja": "全体 {s:.1f} 秒、最大メモリ {rss:.0f} MB", "en": "Total {s:.1f} s, peak memory {rss:.0f} MB"},
}


def _fail(lang, ja, en, code):
    sys.stderr.write(f"examprep: {ja if lang == 'ja' else en}\n")
    return code


def check(args):
    """The first option out of range or in conflict with another, as (message key, fields); None when all are
    fine."""
    for name, value in (("--epochs", args.epochs), ("--batch-size", args.batch_size)):
        if value is not None and value < 1:
            return "bad_option", {"name": name}
    if args.lr is not None and not (args.lr > 0 and args.lr != float("inf")):
        return "bad_lr", {}
    if args.seed is not None and args.seed < 0:
        return "bad_seed", {}
    if args.save and args.resume:
        return "save_and_resume", {}
    if args.data is not None and not str(args.data).strip():
        return "empty_data", {}
    return None


def resolve(args, meta):
    """(Settings, components, data spec, notes) from the command line, or from a checkpoint's meta when resuming
    (only --epochs may change then; other explicit options are reported as ignored)."""
    from examprep.capstone.train import DEFAULTS, Settings

    norm_arg = getattr(args, "norm", None)
    if meta is None:
        components = args.components or "reference"
        if norm_arg is None:
            norm = "auto" if components == "mine" else DEFAULTS["norm"]  # mine: batchnorm if solved, else dropout
        else:
            norm = None if norm_arg == "none" else norm_arg
        s = Settings(epochs=args.epochs or DEFAULTS["epochs"], batch_size=args.batch_size or DEFAULTS["batch_size"],
                     lr=args.lr if args.lr is not None else DEFAULTS["lr"],
                     augment=True if args.augment is None else args.augment,
                     seed=args.seed if args.seed is not None else 0, norm=norm)
        return s, components, args.data or "katakana15", []
    s = Settings.from_json(meta["settings"])
    ignored = [name for name, given, saved in
               [("--components", args.components, meta["components"]), ("--data", args.data, meta["data"]["spec"]),
                ("--batch-size", args.batch_size, s.batch_size), ("--lr", args.lr, s.lr),
                ("--augment", args.augment, s.augment), ("--seed", args.seed, s.seed),
                ("--norm", norm_arg, "none" if s.norm is None else s.norm)]
               if given is not None and given != saved]
    if args.epochs is not None:
        s.epochs = args.epochs
    return s, meta["components"], meta["data"]["spec"], ignored


def main(args):
    lang = getattr(args, "lang", "en")
    try:
        return _main(args, lang)
    except KeyboardInterrupt:  # before training started (loading data, components)
        return _fail(lang, "中断しました。", "Stopped.", 130)


def _main(args, lang):
    from examprep.capstone import checkpoint

    wrong = check(args)
    if wrong is not None:
        key, kw = wrong
        return _fail(lang, text(TEXT, key, "ja", **kw), text(TEXT, key, "en", **kw), 2)
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
            return _fail(lang, exc.ja, exc.en, 2)
    settings, components, data_spec, ignored = resolve(args, meta)
    if meta is not None and settings.epochs < meta["epoch"]:
        kw = {"done": meta["epoch"]}
        return _fail(lang, text(TEXT, "epochs_back", "ja", **kw), text(TEXT, "epochs_back", "en", **kw), 2)

    from examprep.capstone import components as comp
    from examprep.capstone import data
    from examprep.capstone.network import ConvNet
    from examprep.capstone.train import Trainer

    try:
        parts = comp.reference_parts() if components == "reference" else comp.learner_parts(settings.norm)
    except comp.MissingComponents as exc:
        return _fail(lang, exc.ja, exc.en, 2)
    except comp.ComponentLoadError as exc:
        return _fail(lang, exc.ja, exc.en, 1)
    settings.norm = getattr(parts, "norm", settings.norm)

    start = time.perf_counter()
    try:
        dataset = data.load(data_spec, data_dir=args.data_dir, progress=not args.json, lang=lang)
    except data.DataError as exc:
        return _fail(lang, exc.ja, exc.en, 2)
    if meta is None and data_spec.lower() not in data.NAMED and Path(data_spec).expanduser().exists():
        data_spec = str(Path(data_spec).expanduser().resolve())  # so that --resume works from any folder
    data_info = {"spec": data_spec, "name": dataset.name, "n_train": int(len(dataset.t_train)),
                 "n_test": int(len(dataset.t_test)), "input_shape": list(dataset.input_shape),
                 "classes": list(dataset.classes)}
    if meta is not None and (meta["data"]["n_train"] != data_info["n_train"]
                             or meta["data"]["input_shape"] != data_info["input_shape"]):
        kw = {"data": data_spec, "n": meta["data"]["n_train"], "shape": meta["data"]["input_shape"]}
        return _fail(lang, text(TEXT, "data_changed", "ja", **kw), text(TEXT, "data_changed", "en", **kw), 2)

    out = _console(args)
    h, w = dataset.input_shape[1:]
    if min(h, w) < 4:
        return _fail(lang, f"{h}×{w} の画像は小さすぎます (2 回の 2×2 プーリングには 4×4 以上が必要です)。",
                     f"{h}×{w} images are too small: two 2×2 poolings need at least 4×4.", 2)
    try:
        net = ConvNet(parts, input_shape=dataset.input_shape, n_classes=dataset.n_classes, norm=settings.norm,
                      rng=settings.seed)
        try:
            optimizer = parts.Adam(lr=settings.lr)
        except (Exception, SystemExit) as exc:
            raise net.component_failure("optimizer", "__init__", exc) from exc
    except comp.ComponentFailure as exc:
        return _fail(lang, exc.ja, exc.en, 1)
    trainer = Trainer(net, optimizer, dataset, settings, data.batches, data.augment)
    run_dir = Path(args.resume or args.save or _default_run_dir(data_info["name"], components))
    resumed_from = None
    if meta is not None:
        try:
            checkpoint.restore(trainer, meta, arrays)
        except (checkpoint.CheckpointError, KeyError, ValueError) as exc:
            en = getattr(exc, "en", f"the checkpoint does not fit this network: {exc}")
            return _fail(lang, getattr(exc, "ja", f"チェックポイントがこのネットワークに合いません: {exc}"), en, 2)
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
        return _finish(trainer, dataset, data_info, components, run_dir, resumed_from, start, out, args, lang)
    except comp.ComponentFailure as exc:   # in the test evaluation
        return _fail(lang, exc.ja, exc.en, 1)


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
        return _fail(lang, text(TEXT, "save_exists", "ja", **kw), text(TEXT, "save_exists", "en", **kw), 2)
    try:
        path.mkdir(parents=True, exist_ok=True)
        files.hold_lock(path / ".lock")
    except BlockingIOError:
        return _fail(lang, text(TEXT, "save_busy", "ja", **kw), text(TEXT, "save_busy", "en", **kw), 2)
    except OSError as exc:
        kw["err"] = exc.strerror or str(exc)
        return _fail(lang, text(TEXT, "save_bad", "ja", **kw), text(TEXT, "save_bad", "en", **kw), 2)
    return None


def _train(trainer, run_dir, data_info, components, out, args, lang):
    """Run the remaining epochs with progress display and a checkpoint after each. None when finished, else the exit
    code."""
    from examprep.capstone import checkpoint, display
    from examprep.capstone.components import ComponentFailure

    s = trainer.settings
    if trainer.epoch >= s.epochs:
        if not args.json:
            out.print(text(TEXT, "done_already", lang, epoch=trainer.epoch))
        return None
    progress = _Progress(trainer, out, enabled=not args.json and out.is_terminal, explain=not args.json, lang=lang)
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
            return _fail(lang, text(TEXT, "interrupted", "ja", **kw), text(TEXT, "interrupted", "en", **kw), 130)
        return _fail(lang, text(TEXT, "interrupted_none", "ja"), text(TEXT, "interrupted_none", "en"), 130)
    except ComponentFailure as exc:
        code = _fail(lang, exc.ja, exc.en, 1)
        if trainer.history:
            kw = {"epoch": trainer.epoch, "path": run_dir}
            _fail(lang, text(TEXT, "failed_saved", "ja", **kw), text(TEXT, "failed_saved", "en", **kw), 1)
        return code
    return None


class _Progress:
    """A rich progress display (whole run and current epoch: loss, accuracy, images/s, time left), and for the
    learner's components the estimate after the first batches, naming the components that make it slow."""

    def __init__(self, trainer, out, enabled, explain, lang):
        self.trainer, self.out, self.enabled, self.explain, self.lang = trainer, out, enabled, explain, lang
        self.n_batches = trainer.batches_per_epoch()
        self.batch_seconds = []
        self.estimated = False
        self.bar = None

    def __enter__(self):
        if self.enabled:
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                                       TimeRemainingColumn)

            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("{task.fields[info]}"), TimeElapsedColumn(), TimeRemainingColumn(),
                                console=self.out, transient=True)
            self.bar.__enter__()
            t = self.trainer
            total = (t.settings.epochs - t.epoch) * self.n_batches
            self.run_task = self.bar.add_task("run" if self.lang == "en" else "全体", total=total, info="")
            self._new_epoch_task()
        return self

    def _new_epoch_task(self):
        label = f"epoch {self.trainer.epoch + 1}" if self.lang == "en" else f"エポック {self.trainer.epoch + 1}"
        self.epoch_task = self.bar.add_task(label, total=self.n_batches, info="")
        self.loss_sum = self.correct = self.seen = 0
        self.seconds = 0.0

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.__exit__(*exc)
        return False

    def on_batch(self, i, n_batches, loss, correct, n, seconds):
        self.batch_seconds.append(seconds)
        if not self.estimated and (len(self.batch_seconds) >= TIMING_BATCHES or sum(self.batch_seconds) > 5):
            self.estimated = True
            self._estimate()
        if self.bar is None:
            return
        self.loss_sum += loss * n
        self.correct += correct
        self.seen += n
        self.seconds += seconds
        info = (f"loss {self.loss_sum / self.seen:.4f}  acc {self.correct / self.seen:.1%}  "
                f"{self.seen / max(self.seconds, 1e-9):.0f} img/s")
        self.bar.update(self.epoch_task, advance=1, info=info)
        self.bar.update(self.run_task, advance=1)

    def epoch_done(self):
        if self.bar is not None:
            self.bar.remove_task(self.epoch_task)
            if self.trainer.epoch < self.trainer.settings.epochs:
                self._new_epoch_task()

    def _estimate(self):
        """With the learner's components: measured throughput, time for the whole run against the reference's fast
        forms (timed on a throwaway network), where the time goes per component, float64 results that were cast
        back, and when the run is long a hint naming the components that make it slow."""
        t = self.trainer
        if t.net.source.get("conv") == "reference" or not self.explain:
            return
        per_batch = sorted(self.batch_seconds)[len(self.batch_seconds) // 2]
        epochs_left = t.settings.epochs - t.epoch
        # Evaluation (validation every epoch, the test set once) runs forward only: about a third of a training step.
        eval_batches = (epochs_left * len(t.val_idx) + len(t.dataset.t_test)) / t.settings.batch_size / 3
        remaining = (epochs_left * self.n_batches + eval_batches) * per_batch
        ref = reference_timings(t)
        ref_total = (epochs_left * self.n_batches + eval_batches) * ref["total"]
        ips = t.settings.batch_size / per_batch
        self.out.print(text(TEXT, "estimate", self.lang, ips=ips, total=duration(remaining, self.lang),
                          ref_total=duration(ref_total, self.lang), ratio=per_batch / max(ref["total"], 1e-9)))
        mine = {role: sec / len(self.batch_seconds) for role, sec in t.net.timings.items()}
        ranked = sorted(((mine[r] / max(ref.get(r, 0.0), 1e-6), r) for r in mine if r in ref), reverse=True)
        lines = [text(TEXT, "where", self.lang)]
        for ratio, role in ranked[:4]:
            lines.append(f"  {role}: {mine[role] * 1000:.1f} ms / {ref[role] * 1000:.1f} ms (x{ratio:.1f})")
        self.out.print("\n".join(lines))
        if t.net.upcasts:
            self.out.print(text(TEXT, "upcast", self.lang, names=", ".join(sorted(t.net.upcasts))))
        if remaining < SLOW_SECONDS:
            return
        slow = [f"  {role}: x{ratio:.0f}" for ratio, role in ranked[:3] if ratio >= 2]
        if slow:
            self.out.print("\n".join([text(TEXT, "slow", self.lang)] + slow))
            self.out.print(text(TEXT, "slow_hint", self.lang))


def reference_timings(trainer, steps=2):
    """Seconds per training step of a network of the reference's fast forms with the same shape and batch size, per
    role and "total". Leaves the global np.random state (Dropout) and numpy's BLAS threads (the fast forms limit
    them to one per part) as they were."""
    import numpy as np

    from examprep.capstone.components import reference_parts
    from examprep.capstone.network import ConvNet
    from reference.fast import parallel

    net = trainer.net
    state = np.random.get_state()
    blas_threads = parallel.blas_info().get("threads")
    try:
        parts = reference_parts()
        ref = ConvNet(parts, input_shape=net.input_shape, n_classes=net.n_classes,
                      channels=net.channels, hidden=net.hidden, norm=net.norm, dtype=net.dtype, rng=0)
        opt = parts.Adam()
        rows = trainer.train_idx[:trainer.settings.batch_size]
        x, y = trainer.dataset.x_train[rows], trainer.dataset.t_train[rows]
        ref.loss(x, y)  # warm-up
        ref.backward()
        ref.timings.clear()
        t0 = time.perf_counter()
        update = 0.0
        for _ in range(steps):
            ref.loss(x, y)
            ref.backward()
            t1 = time.perf_counter()
            opt.update(ref.params, ref.grads)
            update += time.perf_counter() - t1
        total = (time.perf_counter() - t0) / steps
    finally:
        np.random.set_state(state)
        if blas_threads:
            parallel.unlimit_blas(blas_threads)
    out = {role: sec / steps for role, sec in ref.timings.items()}
    out["optimizer"] = update / steps
    out["total"] = total
    return out


def _finite(value):
    """NaN (an empty validation set) as null: JSON has no NaN."""
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


def _finish(trainer, dataset, data_info, components, run_dir, resumed_from, start, out, args, lang):
    import resource

    from examprep.capstone import display
    from examprep.capstone.train import test_report

    if args.json:
        report = test_report(trainer.net, dataset)
    else:
        with out.status(text(TEXT, "testing", lang, n=len(dataset.t_test))):
            report = test_report(trainer.net, dataset)
    png = None
    if trainer.history:
        png = display.save_png(trainer.history, str(run_dir / "curves.png"),
                               f"{Path(dataset.name).name} ({components}) test {report['accuracy']:.2%}")
    seconds = time.perf_counter() - start
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if args.json:
        n_val = int(len(trainer.val_idx))
        doc = {"schema": SCHEMA, "components": components, "source": trainer.net.source,
               "data": dict(data_info, n_train=trainer.n_train, n_val=n_val),
               "settings": trainer.settings.to_json(), "architecture": trainer.net.architecture(),
               "n_params": trainer.net.n_params(), "run_dir": str(run_dir),
               "checkpoint": str(run_dir / "checkpoint.npz") if trainer.history else None, "plot": png,
               "epochs_completed": trainer.epoch, "resumed_from_epoch": resumed_from, "history": trainer.history,
               "test": report, "passed_98": report["accuracy"] >= 0.98,
               "timings": {k: round(v, 4) for k, v in trainer.net.timings.items()},
               "seconds": round(seconds, 3), "peak_rss_mb": round(rss_mb, 1),
               "notes": [dict(n) for n in getattr(dataset, "notes", [])]}
        print(json.dumps(_finite(doc), ensure_ascii=False, indent=2))
        return 0
    out.print()
    out.print(display.t("test", lang, acc=report["accuracy"], n=report["n"]))
    out.print(display.t("bar_ok" if report["accuracy"] >= 0.98 else "bar_no", lang))
    for line in display.confused_lines(report, lang):
        out.print(line)
    if trainer.history:
        out.print()
        for line in display.curves(trainer.history, lang):
            out.print(line)
    if png:
        out.print(display.t("png", lang, path=png))
    elif trainer.history:
        out.print(display.t("no_matplotlib", lang))
    out.print(text(TEXT, "seconds", lang, s=seconds, rss=rss_mb))
    return 0
