"""The HTML report's style sheet and its two inline SVG charts: readiness per area and the weekly trend."""
import html

from examprep.common import i18n
from examprep.learn.report.tables import pct, verdict_text
from examprep.learn.report.words import TEXT

PAGE_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI","Hiragino Sans","Noto Sans JP",sans-serif;margin:2rem auto;
max-width:64rem;padding:0 1rem;color:#1f2937;line-height:1.5}
"""
# Scoped to .examprep-report, so the same fragment can sit inside a notebook without restyling the notebook.
CSS = """
.examprep-report{color:#1f2937;line-height:1.5}
.examprep-report h1{margin-bottom:.2rem}
.examprep-report h2{margin-top:2rem;border-bottom:1px solid #e5e7eb;padding-bottom:.2rem}
.examprep-report .meta{color:#6b7280}
.examprep-report table{border-collapse:collapse;margin:.5rem 0;font-size:.92rem}
.examprep-report th,.examprep-report td{padding:.3rem .6rem;border-bottom:1px solid #e5e7eb;text-align:left}
.examprep-report th{background:#f9fafb}
.examprep-report th,.examprep-report td{white-space:nowrap}.examprep-report td.wrap{white-space:normal}
.examprep-report td.num{text-align:right;font-variant-numeric:tabular-nums}
.examprep-report .grade{font-weight:bold;padding:0 .4rem;border-radius:.3rem}
.examprep-report .g-S{background:#bbf7d0}.examprep-report .g-A{background:#dcfce7}
.examprep-report .g-B{background:#fef9c3}.examprep-report .g-C{background:#fee2e2}
.examprep-report .g-D{background:#fecaca}.examprep-report .g-none{color:#9ca3af}
.examprep-report code{background:#f3f4f6;padding:.05rem .3rem;border-radius:.2rem}
.examprep-report .notice{border:1px solid #f59e0b;background:#fffbeb;padding:1rem;border-radius:.4rem}
.examprep-report .rule{color:#4b5563;font-size:.9rem}
.examprep-report figure{margin:1rem 0}.examprep-report figcaption{color:#6b7280;font-size:.9rem}
.examprep-report svg{max-width:100%;height:auto}
.examprep-report svg text{font-family:inherit;font-size:11px;fill:#374151}
.examprep-report .v-ready{color:#15803d;font-weight:bold}.examprep-report .v-uncertain{color:#a16207;font-weight:bold}
.examprep-report .v-not_ready{color:#b91c1c;font-weight:bold}.examprep-report .v-not_enough{color:#6b7280}
.examprep-report ol.next li{margin:.3rem 0}.examprep-report ul.untried{columns:2;column-gap:2rem}.examprep-report .why{color:#4b5563}
.examprep-report .yours{color:#b91c1c}.examprep-report .ref{color:#15803d}
"""


def esc(text):
    return html.escape(str(text), quote=True)


def trend_svg(points, lang):
    """A line chart of the weekly solve and first-try rates over grey bars of the attempts, as inline SVG."""
    w, h, left, right, top, bottom = 640, 240, 44, 16, 28, 40
    pw, ph = w - left - right, h - top - bottom
    n = len(points)

    inset = 24   # keeps the first and last weeks' bars clear of the axis labels and the edge

    def x(i):
        return left + inset + ((pw - 2 * inset) / 2 if n == 1 else (pw - 2 * inset) * i / (n - 1))

    def y(rate):
        return top + ph * (1 - rate)

    parts = [f'<svg viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
             f'aria-label="{esc(i18n.text(TEXT, "chart_trend", lang))}">']
    for k in range(5):
        yy = y(k / 4)
        parts.append(f'<line x1="{left}" y1="{yy:.1f}" x2="{w - right}" y2="{yy:.1f}" stroke="#e5e7eb"/>')
        parts.append(f'<text x="{left - 6}" y="{yy + 4:.1f}" text-anchor="end">{k * 25}%</text>')
    most = max((p["attempts"] for p in points), default=0) or 1
    bar = max(2.0, min(24.0, pw / max(1, n) * 0.5))
    for i, p in enumerate(points):
        if p["attempts"]:
            bh = ph * 0.35 * p["attempts"] / most
            parts.append(f'<rect x="{x(i) - bar / 2:.1f}" y="{top + ph - bh:.1f}" width="{bar:.1f}" '
                         f'height="{bh:.1f}" fill="#e5e7eb"><title>{esc(p["week_start"])}: {p["attempts"]}'
                         f'</title></rect>')
    step = max(1, -(-n // 8))
    for i, p in enumerate(points):
        if i % step == 0 or i == n - 1:
            parts.append(f'<text x="{x(i):.1f}" y="{h - bottom + 16}" text-anchor="middle">'
                         f'{esc(p["week_start"][5:])}</text>')
    for key, color, dash, label in (("solve_rate", "#2563eb", "", i18n.text(TEXT, "solve_rate", lang)),
                                    ("first_try_rate", "#d97706", ' stroke-dasharray="6 4"',
                                     i18n.text(TEXT, "first_try_rate", lang))):
        segment = []
        segments = [segment]
        for i, p in enumerate(points):
            if p[key] is None:
                segment = []
                segments.append(segment)
            else:
                segment.append(f"{x(i):.1f},{y(p[key]):.1f}")
        for s in segments:
            if len(s) > 1:
                parts.append(f'<polyline points="{" ".join(s)}" fill="none" stroke="{color}" stroke-width="2"{dash}/>')
        for i, p in enumerate(points):
            if p[key] is not None:
                parts.append(f'<circle cx="{x(i):.1f}" cy="{y(p[key]):.1f}" r="3.5" fill="{color}"><title>'
                             f'{esc(p["week_start"])} {esc(label)} {pct(p[key])}</title></circle>')
    legend = (("#2563eb", i18n.text(TEXT, "solve_rate", lang)), ("#d97706", i18n.text(TEXT, "first_try_rate", lang)))
    for j, (color, label) in enumerate(legend):
        lx = left + j * 150
        parts.append(f'<rect x="{lx}" y="8" width="12" height="4" fill="{color}"/>'
                     f'<text x="{lx + 18}" y="14">{esc(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


VERDICT_COLOR = {"ready": "#16a34a", "uncertain": "#eab308", "not_ready": "#dc2626", "not_enough": "#9ca3af"}


def readiness_svg(readiness, lang):
    """Per area: the share of right answers as a bar, its 95% interval as a whisker, the pass line as a dashed
    vertical line; areas without a verdict show their count only (no bar from a handful of answers)."""
    rows = readiness["areas"]
    w, label_w, row_h, top, right_w = 640, 220, 30, 10, 150
    bar_w = w - label_w - right_w
    h = top * 2 + row_h * max(1, len(rows)) + 14
    parts = [f'<svg viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
             f'aria-label="{esc(i18n.text(TEXT, "chart_ready", lang, line=pct(readiness["pass_line"])))}">']
    for i, a in enumerate(rows):
        yy = top + i * row_h
        parts.append(f'<text x="{label_w - 8}" y="{yy + 19}" text-anchor="end">{esc(a["area"])}. '
                     f'{esc(a["title"][lang])}</text>')
        parts.append(f'<rect x="{label_w}" y="{yy + 6}" width="{bar_w}" height="18" fill="#f3f4f6"/>')
        verdict = verdict_text(a, lang)
        if a["verdict"] == "not_enough":
            parts.append(f'<text x="{label_w + 6}" y="{yy + 19}" fill="#6b7280">{esc(verdict)}</text>')
            continue
        color = VERDICT_COLOR[a["verdict"]]
        parts.append(f'<rect x="{label_w}" y="{yy + 6}" width="{bar_w * a["rate"]:.1f}" height="18" fill="{color}" '
                     f'fill-opacity="0.55"><title>{esc(pct(a["rate"]))}</title></rect>')
        x0, x1 = label_w + bar_w * a["low"], label_w + bar_w * a["high"]
        mid = yy + 15
        parts.append(f'<line x1="{x0:.1f}" y1="{mid}" x2="{x1:.1f}" y2="{mid}" stroke="#111827" stroke-width="1.5"/>'
                     f'<line x1="{x0:.1f}" y1="{mid - 5}" x2="{x0:.1f}" y2="{mid + 5}" stroke="#111827"/>'
                     f'<line x1="{x1:.1f}" y1="{mid - 5}" x2="{x1:.1f}" y2="{mid + 5}" stroke="#111827"/>')
        parts.append(f'<text x="{label_w + bar_w + 8}" y="{yy + 19}">{esc(verdict)}</text>')
    px = label_w + bar_w * readiness["pass_line"]
    bottom = top + row_h * max(1, len(rows))
    parts.append(f'<line x1="{px:.1f}" y1="{top}" x2="{px:.1f}" y2="{bottom}" stroke="#2563eb" '
                 f'stroke-dasharray="4 3"/>'
                 f'<text x="{px:.1f}" y="{bottom + 12}" text-anchor="middle" fill="#2563eb">'
                 f'{esc(pct(readiness["pass_line"]))}</text>')
    parts.append("</svg>")
    return "".join(parts)
