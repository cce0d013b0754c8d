"""What the capstone shows: the per-epoch line, the final summary, terminal learning curves and the optional PNG."""
from examprep.common import i18n

SPARKS = "▁▂▃▄▅▆▇█"

TEXT = {
    "test": {"ja": "テスト正解率: {acc:.2%} ({n} 枚、学習には一度も使っていない画像)",
             "en": "Test accuracy: {acc:.2%} ({n} images never used in training)"},
    "bar_ok": {"ja": "講座の合格ライン 98% を超えました。", "en": "Above the course's 98% bar."},
    "bar_no": {"ja": "講座の合格ライン 98% には届きませんでした。", "en": "Below the course's 98% bar."},
    "confused": {"ja": "よく間違えた組 (正解 → 予測: 回数, その文字のテスト画像に対する割合):",
                 "en": "Most confused (true → predicted: count, share of that class's test images):"},
    "no_confusion": {"ja": "テスト画像の誤りはありません。", "en": "No test image was misclassified."},
    "curves": {"ja": "学習曲線 (エポック 1 → {n})", "en": "Learning curves (epoch 1 → {n})"},
    "png": {"ja": "学習曲線の画像: {path}", "en": "Learning curves image: {path}"},
    "no_matplotlib": {"ja": "matplotlib がないので学習曲線の PNG は作りません (pip install 'examprep[plot]' で作れます)。",
                      "en": "matplotlib is not installed, so no PNG of the curves (pip install 'examprep[plot]')."},
}


COLUMNS = [  # (key, ja, en, width in terminal cells, format)
    ("epoch", "エポック", "epoch", 8, "{}"), ("train_loss", "学習損失", "train loss", 10, "{:.4f}"),
    ("train_acc", "学習正解率", "train acc", 10, "{:.2%}"), ("val_loss", "検証損失", "val loss", 8, "{:.4f}"),
    ("val_acc", "検証正解率", "val acc", 10, "{:.2%}"), ("lr", "学習率", "lr", 7, "{:.5f}"),
    ("seconds", "秒", "sec", 5, "{:.1f}"), ("images_per_second", "画像/秒", "img/s", 7, "{:.0f}"),
]


def _right(text, width):
    from rich.cells import cell_len

    return " " * max(0, width - cell_len(text)) + text


def epoch_header(lang):
    return "  ".join(_right(ja if lang == "ja" else en, width) for _, ja, en, width, _ in COLUMNS)


def epoch_line(e, lang=None):
    return "  ".join(_right(fmt.format(e[key]), width) for key, _, _, width, fmt in COLUMNS)


def sparkline(values, lo=None, hi=None):
    """One character per value, ▁ (lowest) to █ (highest); NaN as a space."""
    finite = [v for v in values if v == v]
    if not finite:
        return " " * len(values)
    lo = min(finite) if lo is None else lo
    hi = max(finite) if hi is None else hi
    span = hi - lo
    out = []
    for v in values:
        if v != v:
            out.append(" ")
        elif span <= 0:
            out.append(SPARKS[-1])
        else:
            out.append(SPARKS[min(len(SPARKS) - 1, max(0, int((v - lo) / span * (len(SPARKS) - 1) + 0.5)))])
    return "".join(out)


def curves(history, lang):
    """Text lines: a sparkline per curve with its first and last value."""
    rows = [("train loss", "学習損失", "train_loss", "{:.3f}"), ("val loss", "検証損失", "val_loss", "{:.3f}"),
            ("train acc", "学習正解率", "train_acc", "{:.1%}"), ("val acc", "検証正解率", "val_acc", "{:.1%}")]
    from rich.cells import cell_len

    lines = [i18n.text(TEXT, "curves", lang, n=len(history))]
    for en, ja, key, fmt in rows:
        values = [e[key] for e in history]
        label = ja if lang == "ja" else en
        pad = " " * max(0, 11 - cell_len(label))  # terminal cells: a kanji is two
        lines.append(f"  {label}{pad}{sparkline(values)}  {fmt.format(values[0])} → {fmt.format(values[-1])}")
    return lines


def confused_lines(report, lang):
    if not report["most_confused"]:
        return [i18n.text(TEXT, "no_confusion", lang)]
    lines = [i18n.text(TEXT, "confused", lang)]
    for p in report["most_confused"]:
        lines.append(f"  {p['true']} → {p['predicted']}: {p['count']} ({p['rate']:.1%})")
    return lines


def save_png(history, path, title):
    """Write loss and accuracy curves to path with matplotlib (Agg). Returns the path, or None when matplotlib is
    not installed."""
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return None
    epochs = [e["epoch"] for e in history]
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(9, 3.5))
    ax1.plot(epochs, [e["train_loss"] for e in history], label="train")
    ax1.plot(epochs, [e["val_loss"] for e in history], label="validation")
    ax1.set_xlabel("epoch")
    ax1.set_ylabel("loss")
    ax1.legend()
    ax2.plot(epochs, [e["train_acc"] for e in history], label="train")
    ax2.plot(epochs, [e["val_acc"] for e in history], label="validation")
    ax2.set_xlabel("epoch")
    ax2.set_ylabel("accuracy")
    ax2.legend()
    from matplotlib.ticker import MaxNLocator

    for ax in (ax1, ax2):
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    fig.suptitle(title)
    fig.tight_layout()
    from examprep.common.files import replace_atomically

    try:
        replace_atomically(path, lambda f: fig.savefig(f, format="png", dpi=100))
    finally:
        plt.close(fig)
    return path
