"""HTML for notebook outputs: a verdict (per blank, with the diagnosis), a drill's hole, hints, what to do next.

Self-contained fragments: one <div class="examprep"> with a <style> scoped to it, so nothing in the notebook around
it is restyled, and no scripts or external resources (they render in JupyterLab, Colab and nbconvert's HTML alike).
Alignment is marked !important: JupyterLab's own style right-aligns table cells in outputs.
"""
import html

from examprep.common.i18n import pick
from examprep.common.labels import localized

CSS = """
.examprep{font-family:system-ui,-apple-system,"Segoe UI","Hiragino Sans","Noto Sans JP",sans-serif;line-height:1.5;
color:#1f2937;max-width:60rem}
.examprep .head{padding:.5rem .8rem;border-radius:.4rem;font-weight:bold;margin-bottom:.4rem}
.examprep .pass{background:#dcfce7;border:1px solid #16a34a;color:#14532d}
.examprep .fail{background:#fee2e2;border:1px solid #dc2626;color:#7f1d1d}
.examprep .head .title{font-weight:normal;color:#374151;margin-left:.6rem}
.examprep .diag{white-space:pre-wrap;margin:.3rem 0 .6rem 0;padding:.5rem .8rem;background:#fff7ed;
border-left:3px solid #f97316;font-family:inherit}
.examprep table{border-collapse:collapse;margin:.4rem 0;font-size:.92rem}
.examprep th,.examprep td{padding:.3rem .6rem;border-bottom:1px solid #e5e7eb;text-align:left !important;
vertical-align:top !important}
.examprep td.answer code{white-space:pre}
.examprep th{background:#f9fafb;white-space:nowrap}
.examprep td.mark{font-weight:bold;text-align:center;white-space:nowrap}
.examprep .ok{color:#15803d}.examprep .ng{color:#b91c1c}.examprep .unknown{color:#a16207}
.examprep code,.examprep pre{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"Noto Sans Mono CJK JP",monospace}
.examprep code{background:#f3f4f6;padding:.05rem .3rem;border-radius:.2rem;white-space:pre-wrap}
.examprep pre.code{background:#f8fafc;border:1px solid #e5e7eb;padding:.6rem .8rem;border-radius:.3rem;overflow-x:auto}
.examprep .note{color:#92400e}.examprep .meta{color:#6b7280;font-size:.88rem}
.examprep ol.hints li{margin:.2rem 0}
"""

WORDS = {
    "passed": {"ja": "✓ 正解です", "en": "✓ Passed"},
    "failed": {"ja": "✗ 不正解です", "en": "✗ Not yet right"},
    "blank": {"ja": "空欄", "en": "Blank"},
    "result": {"ja": "結果", "en": "Result"},
    "yours": {"ja": "あなたの答え", "en": "Your answer"},
    "diagnosis": {"ja": "診断", "en": "Diagnosis"},
    "right": {"ja": "正解", "en": "right"},
    "alone": {"ja": "単独では判定できませんでした", "en": "could not be judged alone"},
    "empty": {"ja": "(未記入)", "en": "(not filled in)"},
    "printed": {"ja": "あなたのコードの出力", "en": "Your code printed"},
    "checks": {"ja": "ケース {cases} 件 / チェック {records} 項目, {secs:.2f} 秒",
               "en": "{cases} cases, {records} checks, {secs:.2f} s"},
    "recorded": {"ja": "記録しました (%examprep report で成績表)。", "en": "Recorded (see %examprep report)."},
    "not_recorded": {"ja": "まだ空欄が埋まっていないため記録しません。", "en": "No blank is filled in yet: not recorded."},
    "drill_head": {"ja": "{title}: 空欄 {labels} を次のセルに入れました。", "en": "{title}: blanks {labels} are in the next cell."},
    "drill_how": {"ja": "▼ と ▲ の行の間に書いて、そのセルを実行すると採点します (先頭の %%examprep check は消さないでください)。"
                        " ヒント: %examprep hint {id} {first}",
                  "en": "Write between the ▼ and ▲ lines and run that cell to grade it (keep the %%examprep check line "
                        "at its top). A hint: %examprep hint {id} {first}"},
    "drill_code": {"ja": "セルが作られない環境では、このコードを新しいセルに貼り付けてください",
                   "en": "If no cell appeared, paste this into a new cell"},
    "hints_head": {"ja": "{id} の空欄 {label} のヒント ({k}/{n})", "en": "Hints for {id}, blank {label} ({k} of {n})"},
}


def w(key, lang, **kw):
    return pick(WORDS[key], lang).format(**kw)


def esc(text):
    return html.escape(str(text), quote=True)


def box(body):
    return f'<style>{CSS}</style><div class="examprep">{body}</div>'


def verdict_html(problem, v, lang, recorded=True):
    """The verdict as `examprep check` prints it, as HTML: the result, the diagnosis, a row per blank with the
    learner's answer and its own diagnosis, notes, the code's printed output, how much was checked."""
    title = esc(problem.title[lang])
    if v.passed:
        parts = [f'<div class="head pass">{w("passed", lang)}<span class="title">{title}</span></div>']
    else:
        parts = [f'<div class="head fail">{w("failed", lang)}<span class="title">{title}</span></div>']
        diagnosis = localized(v.failure, lang)
        if not any(b.passed is False and localized(b.failure, lang) == diagnosis for b in v.blanks):
            parts.append(f'<pre class="diag">{esc(diagnosis)}</pre>')     # else the blank's row says it
    if v.blanks:
        rows = []
        for b in v.blanks:
            if b.passed is None:
                mark, cls, msg = "?", "unknown", w("alone", lang)
            elif b.passed:
                mark, cls, msg = "✓", "ok", w("right", lang)
            else:
                mark, cls, msg = "✗", "ng", localized(b.failure, lang)
            answer = f"<code>{esc(b.answer)}</code>" if (b.answer or "").strip() else esc(w("empty", lang))
            rows.append(f'<tr><td>{esc(b.label)}</td><td class="mark {cls}">{mark}</td>'
                        f'<td class="answer">{answer}</td><td class="{cls}">{esc(msg)}</td></tr>')
        parts.append(f"<table><thead><tr><th>{w('blank', lang)}</th><th>{w('result', lang)}</th>"
                     f"<th>{w('yours', lang)}</th><th>{w('diagnosis', lang)}</th></tr></thead><tbody>"
                     + "".join(rows) + "</tbody></table>")
    for note in v.notes:
        parts.append(f'<p class="note">{esc(pick(note, lang))}</p>')
    if v.output.strip():
        parts.append(f'<p class="meta">{w("printed", lang)}:</p><pre class="code">{esc(v.output.rstrip())}</pre>')
    checks = v.checks or {}
    meta = []
    if checks:
        meta.append(w("checks", lang, cases=checks.get("cases"), records=checks.get("records"), secs=v.elapsed))
    meta.append(w("recorded" if recorded else "not_recorded", lang))
    parts.append(f'<p class="meta">{esc(" · ".join(meta))}</p>')
    return box("".join(parts))


def drill_html(problem, hole, text, lang):
    dash = "〜" if lang == "ja" else "–"
    labels = f"{hole.labels[0]}{dash}{hole.labels[-1]}" if len(hole.labels) > 1 else hole.labels[0]
    return box(f'<p><strong>{esc(w("drill_head", lang, title=problem.title[lang], labels=labels))}</strong></p>'
               f'<p class="meta">{esc(w("drill_how", lang, id=problem.id, first=hole.labels[0]))}</p>'
               f'<details><summary class="meta">{esc(w("drill_code", lang))}</summary>'
               f'<pre class="code">{esc(text)}</pre></details>')


def hints_html(problem_id, label, shown, total, lang):
    items = "".join(f"<li>{esc(h)}</li>" for h in shown)
    return box(f'<p><strong>{esc(w("hints_head", lang, id=problem_id, label=label, k=len(shown), n=total))}'
               f'</strong></p><ol class="hints">{items}</ol>')


def error_html(line):
    """A box around examprep's error line (examprep.common.errors.error_line, which `fail` prints at a terminal)."""
    return box(f'<div class="head fail">{esc(line)}</div>')


def table_html(title, header, rows):
    head = "".join(f"<th>{esc(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<h3>{esc(title)}</h3><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
