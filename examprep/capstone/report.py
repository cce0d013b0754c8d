"""The capstone's final report: the test evaluation, then the summary and curves on the terminal or one JSON document
(schema examprep.capstone/1, described in examprep/capstone/command.py)."""
import json
import time
from pathlib import Path

from examprep.common.i18n import text
from examprep.common.timefmt import duration

SCHEMA = "examprep.capstone/1"

TEXT = {
    "testing": {"ja": "テスト画像 {n} 枚で評価しています…", "en": "Evaluating on the {n} test images…"},
    "seconds": {"ja": "全体 {total}、最大メモリ {rss:.0f} MB", "en": "Total {total}, peak memory {rss:.0f} MB"},
}


def _finite(value):
    """NaN (an empty validation set) as null: JSON has no NaN."""
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


def finish(trainer, dataset, data_info, components, run_dir, resumed_from, start, out, args, lang):
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
    # with replica processes, their own peaks too (without the pages they share with this process)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 + trainer.net.replicas_peak_mb()
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
    out.print(text(display.TEXT, "test", lang, acc=report["accuracy"], n=report["n"]))
    out.print(text(display.TEXT, "bar_ok" if report["accuracy"] >= 0.98 else "bar_no", lang))
    for line in display.confused_lines(report, lang):
        out.print(line)
    if trainer.history:
        out.print()
        for line in display.curves(trainer.history, lang):
            out.print(line)
    if png:
        out.print(text(display.TEXT, "png", lang, path=png))
    elif trainer.history:
        out.print(text(display.TEXT, "no_matplotlib", lang))
    out.print(text(TEXT, "seconds", lang, total=duration(seconds, lang), rss=rss_mb))
    return 0
