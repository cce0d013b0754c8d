"""The report as Markdown: readiness, what to do next, untried items and what is due first, then the details."""
from examprep.common import i18n
from examprep.common.i18n import pick
from examprep.common.timefmt import parse_time
from examprep.learn.report import tables as tb
from examprep.learn.report.words import GRADE_RULE, TEXT, readiness_rule


def _cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def md_table(header, rows):
    out = ["| " + " | ".join(_cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(out)


def _code(text):
    text = str(text).replace("\n", " ")
    fence = "``" if "`" in text else "`"
    return f"{fence}{text}{fence}"


def _heading(key, lang):
    return [f"## {i18n.text(TEXT, key, lang)}", ""]


def top(data, lang, now):
    """Readiness, next steps, untried items, what is due (the part every format shows first)."""
    out = []
    if data["has_data"] or data["exams"]:
        out += [*_heading("readiness", lang), md_table(tb.readiness_header(lang), tb.readiness_rows(data, lang)), ""]
    if data["next"]:
        out += _heading("next_steps", lang)
        out += [f"{i}. `{s['command']}` — {tb.step_text(s, lang)}" for i, s in enumerate(data["next"], 1)]
        out.append("")
    u = data["untried"]
    if u["count"]:
        out += [f"## {i18n.text(TEXT, 'untried', lang, k=u['count'], n=u['total'])}", ""]
        out += [f"- {tb.untried_text(item, lang)}" for item in u["items"]]
    else:
        out.append(i18n.text(TEXT, "untried_none", lang))
    out += ["", *_heading("due", lang)]
    if data["due"]["count"]:
        out += [i18n.text(TEXT, "due_count", lang, n=data["due"]["count"]), ""]
        out += [f"- **{r[0]}** {r[1]} ({r[2]}, {r[3]})" for r in tb.due_rows(data, lang, now)]
    else:
        out.append(i18n.text(TEXT, "nothing_due", lang))
    out.append("")
    return out


def weakest(data, lang):
    out = _heading("weakest", lang)
    for w in data["weakest"]:
        out.append(f"- **{w['problem']}** {w['title'][lang]}: {i18n.text(TEXT, 'grade', lang)} {w['grade']}, "
                   f"{i18n.text(TEXT, 'solve_rate', lang)} {tb.pct(w['solve_rate'])}, "
                   f"{i18n.text(TEXT, 'first_try_rate', lang)} {tb.pct(w['first_try_rate'])}")
        for b in w["missed_blanks"]:
            count = i18n.text(TEXT, "missed_count", lang, k=b["missed"], n=b["seen"])
            mine = (f"{i18n.text(TEXT, 'yours', lang)} {_code(b['yours'])}" if b.get("yours")
                    else i18n.text(TEXT, "revealed_only", lang))
            out.append(f"  - ✗ {mine} → {i18n.text(TEXT, 'correct_line', lang)} {_code(b['reference'])} ({count})")
        if not w["missed_blanks"]:
            out.append(f"  - {i18n.text(TEXT, 'no_missed', lang)}")
    out.append("")
    return out


def render_md(data, lang):
    now = parse_time(data["generated_at"])
    generated = i18n.text(TEXT, "generated", lang, d=tb.day(data["generated_at"]))
    out = [f"# {i18n.text(TEXT, 'title', lang)}", "", f"*{tb.period_text(data, lang)} · {generated}*", ""]
    if data["message"]:
        out += [pick(data["message"], lang), ""]
    out += top(data, lang, now)
    if data["has_data"]:
        out += [*_heading("summary", lang), md_table(["", ""], tb.summary_rows(data, lang)), ""]
        out += [*_heading("areas", lang), md_table(tb.area_header(lang), tb.area_rows(data, lang)), ""]
        out += [*_heading("components", lang),
                md_table(tb.component_header(lang), tb.component_rows(data, lang, now)), ""]
        if data["trend"]:
            out += [*_heading("trend", lang), md_table(tb.trend_header(lang), tb.trend_rows(data, lang)), ""]
        if data["weakest"]:
            out += weakest(data, lang)
        rows = tb.session_rows(data, lang, "practice")
        if rows:
            out += [*_heading("sessions", lang), md_table(tb.session_header(lang), rows), ""]
    if data["exams"]:
        out += [*_heading("exams", lang), md_table(tb.exam_header(lang), tb.exam_rows(data, lang)), ""]
    if data["has_data"] or data["exams"]:
        out += [*_heading("ready_rule", lang), readiness_rule(data, lang), ""]
    if data["has_data"]:
        out += [*_heading("rule", lang), GRADE_RULE[lang], ""]
    if data["since"]:
        out += [i18n.text(TEXT, "scope_note", lang), ""]
    return "\n".join(out)
