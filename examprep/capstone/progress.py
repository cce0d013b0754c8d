"""The capstone's progress while training: a rich progress bar (loss, accuracy, images/s, time left) and, with the
learner's components, the estimate after the first batches against the reference's fast forms (timed here), naming
the components that make the run slow."""
import time

from examprep.common.i18n import text
from examprep.common.timefmt import duration

SLOW_SECONDS = 300          # an estimated run longer than this with --components mine gets an explanation
TIMING_BATCHES = 3          # batches timed before the first estimate

TEXT = {
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
}


class RunProgress:
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
