"""The report as HTML: a self-contained page (render_html), or a fragment for a notebook cell (fragment). Readiness,
what to do next, untried items and what is due come first; the details follow."""
from examprep.common import i18n
from examprep.common.i18n import pick
from examprep.common.timefmt import parse_time
from examprep.learn.report import tables as tb
from examprep.learn.report.stats import NO_GRADE
from examprep.learn.report.svg import CSS, PAGE_CSS, esc, readiness_svg, trend_svg
from examprep.learn.report.words import GRADE_RULE, TEXT, readiness_rule


def table(header, rows, numeric=(), grade_col=None, classes=None, wrap=()):
    """classes: a class name per row for its last cell (the readiness verdicts); wrap: columns whose text may wrap
    (every other cell stays on one line)."""
    out = ["<table><thead><tr>" + "".join(f"<th>{esc(h)}</th>" for h in header) + "</tr></thead><tbody>"]
    for r, row in enumerate(rows):
        cells = []
        for i, c in enumerate(row):
            if i == grade_col:
                cls = "g-none" if c == NO_GRADE else f"g-{c}"
                cells.append(f'<td><span class="grade {cls}">{esc(c)}</span></td>')
            elif classes and i == len(row) - 1:
                cells.append(f'<td class="{classes[r]}">{esc(c)}</td>')
            else:
                cls = "num" if i in numeric else "wrap" if i in wrap else ""
                cells.append(f'<td class="{cls}">{esc(c)}</td>' if cls else f"<td>{esc(c)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def _top(data, lang, now):
    body = []
    if data["has_data"] or data["exams"]:
        r = data["readiness"]
        body += [f"<h2>{esc(i18n.text(TEXT, 'readiness', lang))}</h2>",
                 f"<figure>{readiness_svg(r, lang)}<figcaption>"
                 f"{esc(i18n.text(TEXT, 'chart_ready', lang, line=tb.pct(r['pass_line'])))}</figcaption></figure>",
                 table(tb.readiness_header(lang), tb.readiness_rows(data, lang),
                       classes=[f"v-{a['verdict']}" for a in r["areas"]])]
    if data["next"]:
        body.append(f"<h2>{esc(i18n.text(TEXT, 'next_steps', lang))}</h2><ol class=\"next\">")
        body += [f"<li><code>{esc(s['command'])}</code><br><span class=\"why\">{esc(tb.step_text(s, lang))}</span></li>"
                 for s in data["next"]]
        body.append("</ol>")
    u = data["untried"]
    if u["count"]:
        title = i18n.text(TEXT, "untried", lang, k=u["count"], n=u["total"])
        body.append(f"<h2>{esc(title)}</h2><ul class=\"untried\">")
        body += [f"<li>{esc(tb.untried_text(item, lang))}</li>" for item in u["items"]]
        body.append("</ul>")
    else:
        body.append(f"<p>{esc(i18n.text(TEXT, 'untried_none', lang))}</p>")
    body.append(f"<h2>{esc(i18n.text(TEXT, 'due', lang))}</h2>")
    if data["due"]["count"]:
        body.append(f"<p>{esc(i18n.text(TEXT, 'due_count', lang, n=data['due']['count']))}</p><ul>")
        body += [f"<li><strong>{esc(r[0])}</strong> {esc(r[1])} ({esc(r[2])}, {esc(r[3])})</li>"
                 for r in tb.due_rows(data, lang, now)]
        body.append("</ul>")
    else:
        body.append(f"<p>{esc(i18n.text(TEXT, 'nothing_due', lang))}</p>")
    return body


def _weakest(data, lang):
    body = [f"<h2>{esc(i18n.text(TEXT, 'weakest', lang))}</h2><ul>"]
    for w in data["weakest"]:
        cls = "g-none" if w["grade"] == NO_GRADE else f"g-{w['grade']}"
        body.append(f"<li><strong>{esc(w['problem'])}</strong> {esc(w['title'][lang])} "
                    f'<span class="grade {cls}">{esc(w["grade"])}</span> {esc(i18n.text(TEXT, "solve_rate", lang))} '
                    f"{tb.pct(w['solve_rate'])}, {esc(i18n.text(TEXT, 'first_try_rate', lang))} "
                    f"{tb.pct(w['first_try_rate'])}<ul>")
        for b in w["missed_blanks"]:
            count = esc(i18n.text(TEXT, "missed_count", lang, k=b["missed"], n=b["seen"]))
            if b.get("yours"):
                mine = (f'<span class="yours">✗ {esc(i18n.text(TEXT, "yours", lang))}</span> '
                        f'<code>{esc(b["yours"])}</code>')
            else:
                mine = f'<span class="yours">✗</span> {esc(i18n.text(TEXT, "revealed_only", lang))}'
            body.append(f"<li>{mine} ({count})<br>"
                        f"<span class=\"ref\">{esc(i18n.text(TEXT, 'correct_line', lang))}</span> "
                        f"<code>{esc(b['reference'])}</code></li>")
        if not w["missed_blanks"]:
            body.append(f"<li>{esc(i18n.text(TEXT, 'no_missed', lang))}</li>")
        body.append("</ul></li>")
    body.append("</ul>")
    return body


def _details(data, lang, now):
    body = [f"<h2>{esc(i18n.text(TEXT, 'summary', lang))}</h2>", table(["", ""], tb.summary_rows(data, lang)),
            f"<h2>{esc(i18n.text(TEXT, 'areas', lang))}</h2>",
            table(tb.area_header(lang), tb.area_rows(data, lang), numeric=(1, 2, 3, 4, 5), grade_col=7),
            f"<h2>{esc(i18n.text(TEXT, 'components', lang))}</h2>",
            table(tb.component_header(lang), tb.component_rows(data, lang, now), numeric=(2, 3, 4, 5, 6),
                  grade_col=8, wrap=(1,))]
    if data["trend"]:
        body += [f"<h2>{esc(i18n.text(TEXT, 'trend', lang))}</h2>",
                 f"<figure>{trend_svg(data['trend'], lang)}<figcaption>{esc(i18n.text(TEXT, 'chart_trend', lang))}"
                 f"</figcaption></figure>",
                 table(tb.trend_header(lang), tb.trend_rows(data, lang), numeric=(1, 2, 3))]
    if data["weakest"]:
        body += _weakest(data, lang)
    rows = tb.session_rows(data, lang, "practice")
    if rows:
        body += [f"<h2>{esc(i18n.text(TEXT, 'sessions', lang))}</h2>",
                 table(tb.session_header(lang), rows, numeric=(1, 2, 3))]
    return body


def fragment(data, lang):
    """The report as one <div class="examprep-report"> with its scoped <style> (for a notebook's output)."""
    now = parse_time(data["generated_at"])
    generated = i18n.text(TEXT, "generated", lang, d=tb.day(data["generated_at"]))
    body = [f"<h1>{esc(i18n.text(TEXT, 'title', lang))}</h1>",
            f'<p class="meta">{esc(tb.period_text(data, lang))} · {esc(generated)}</p>']
    if data["message"]:
        body.append(f'<div class="notice"><p>{esc(pick(data["message"], lang))}</p></div>')
    body += _top(data, lang, now)
    if data["has_data"]:
        body += _details(data, lang, now)
    if data["exams"]:
        header = tb.exam_header(lang)
        body += [f"<h2>{esc(i18n.text(TEXT, 'exams', lang))}</h2>",
                 table(header, tb.exam_rows(data, lang), numeric=tuple(i for i in range(len(header)) if i not in (0, 3)))]
    if data["has_data"] or data["exams"]:
        body += [f"<h2>{esc(i18n.text(TEXT, 'ready_rule', lang))}</h2>",
                 f'<p class="rule">{esc(readiness_rule(data, lang))}</p>']
    if data["has_data"]:
        body += [f"<h2>{esc(i18n.text(TEXT, 'rule', lang))}</h2>", f'<p class="rule">{esc(GRADE_RULE[lang])}</p>']
    if data["since"]:
        body.append(f'<p class="rule">{esc(i18n.text(TEXT, "scope_note", lang))}</p>')
    return f'<style>{CSS}</style>\n<div class="examprep-report" lang="{lang}">\n' + "\n".join(body) + "\n</div>"


def render_html(data, lang):
    return ("<!DOCTYPE html>\n"
            f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(i18n.text(TEXT, 'title', lang))} · examprep</title>\n"
            f"<style>{PAGE_CSS}</style>\n</head>\n<body>\n"
            + fragment(data, lang) + "\n</body>\n</html>\n")
