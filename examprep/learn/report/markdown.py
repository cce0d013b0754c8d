"""The report as Markdown: readiness, what to do next, untried items and what is due first, then the details."""
from examprep.common.i18n import pick
from examprep.common.timefmt import parse_time
from examprep.learn.report import tables as tb
from examprep.learn.report.words import GRADE_RULE, readiness_rule, t


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


def top(data, lang, now):
    """Readiness, next steps, untried items, what is due (the part every format shows first)."""
    out = []
    if data["has_data"] or data["exams"]:
        out += [f"## {t('readiness', lang)}", "", md_table(tb.readiness_header(lang), tb.readiness_rows(data, lang)), ""]
    if data["next"]:
        out += [f"## {t('next_steps', lang)}", ""]
        out += [f"{i}. `{s['command']}` — {tb.step_text(s, lang)}" for i, s in enumerate(data["next"], 1)]
        out.append("")
    u = data["untried"]
    if u["count"]:
        out += [f"## {t('untried', lang, k=u['count'], n=u['total'])}", ""]
        out += [f"- {tb.untried_text(item, lang)}" for item in u["items"]]
    else:
        out.append(t("untried_none", lang))
    out += ["", f"## {t('due', lang)}", ""]
    if data["due"]["count"]:
        out += [t("due_count", lang, n=data["due"]["count"]), ""]
        out += [f"- **{r[0]}** {r[1]} ({r[2]}, {r[3]})" for r in tb.due_rows(data, lang, now)]
    else:
        out.append(t("nothing_due", lang))
    out.append("")
    return out


def weakest(data, lang):
    out = [f"## {t('weakest', lang)}", ""]
    for w in data["weakest"]:
        out.append(f"- **{w['problem']}** {w['title'][lang]}: {t('grade', lang)} {w['grade']}, "
                   f"{t('solve_rate', lang)} {tb.pct(w['solve_rate'])}, {t('first_try_rate', lang)} "
                   f"{tb.pct(w['first_try_rate'])}")
        for b in w["missed_blanks"]:
            count = t("missed_count", lang, k=b["missed"], n=b["seen"])
            mine = f"{t('yours', lang)} {_code(b['yours'])}" if b.get("yours") else t("revealed_only", lang)
            out.append(f"  - ✗ {mine} → {t('correct_line', lang)} {_code(b['reference'])} ({count})")
        if not w["missed_blanks"]:
            out.append(f"  - {t('no_missed', lang)}")
    out.append("")
    return out


def render_md(data, lang):
    now = parse_time(data["generated_at"])
    generated = t("generated", lang, d=tb.day(data["generated_at"]))
    out = [f"# {t('title', lang)}", "", f"*{tb.period_text(data, lang)} · {generated}*", ""]
    if data["message"]:
        out += [pick(data["message"], lang), ""]
    out += top(data, lang, now)
    if data["has_data"]:
        out += [f"## {t('summary', lang)}", "", md_table(["", ""], tb.summary_rows(data, lang)), ""]
        out += [f"## {t('areas', lang)}", "", md_table(tb.area_header(lang), tb.area_rows(data, lang)), ""]
        out += [f"## {t('components', lang)}", "",
                md_table(tb.component_header(lang), tb.component_rows(data, lang, now)), ""]
        if data["trend"]:
            out += [f"## {t('trend', lang)}", "", md_table(tb.trend_header(lang), tb.trend_rows(data, lang)), ""]
        if data["weakest"]:
            out += weakest(data, lang)
        rows = tb.session_rows(data, lang, "practice")
        if rows:
            out += [f"## {t('sessions', lang)}", "", md_table(tb.session_header(lang), rows), ""]
    if data["exams"]:
        out += [f"## {t('exams', lang)}", "", md_table(tb.exam_header(lang), tb.exam_rows(data, lang)), ""]
    if data["has_data"] or data["exams"]:
        out += [f"## {t('ready_rule', lang)}", "", readiness_rule(data, lang), ""]
    if data["has_data"]:
        out += [f"## {t('rule', lang)}", "", GRADE_RULE[lang], ""]
    if data["since"]:
        out += [t("scope_note", lang), ""]
    return "\n".join(out)
