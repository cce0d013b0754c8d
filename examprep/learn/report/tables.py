"""The report's cells: numbers and dates as shown, and the rows and headers of each table, shared by the text,
Markdown and HTML renderers (each draws the same rows its own way)."""
from examprep.common import i18n
from examprep.common import timefmt
from examprep.common.i18n import pick
from examprep.common.timefmt import parse_time, relative
from examprep.learn import whatnext
from examprep.learn.report.stats import local_day
from examprep.learn.report.words import TEXT


def pct(rate):
    return "—" if rate is None else f"{rate * 100:.0f}%"


def secs(value, lang):
    return "—" if value is None else timefmt.duration(value, lang)


def secs_short(value, lang):
    """A time for a table cell: seconds up to 10 minutes, else one rounded unit (min, h)."""
    return "—" if value is None else timefmt.approx(value, lang, seconds_below=600)


def day(value):
    when = parse_time(value) if value else None
    return local_day(when).isoformat() if when else "—"


def when_due(c, now, lang):
    if c.get("is_due"):
        return i18n.text(TEXT, "due_now", lang)
    when = parse_time(c.get("due")) if c.get("due") else None
    return relative(when, now, lang) if when else "—"


def period_text(data, lang):
    if data["since"]:
        return i18n.text(TEXT, "period_since", lang, d=data["since"])
    return i18n.text(TEXT, "period_all", lang)


def modes_text(by_mode, lang):
    return ", ".join(f"{i18n.text(TEXT, 'mode_' + m, lang) if 'mode_' + m in TEXT else m} {n}"
                     for m, n in by_mode.items())


def summary_rows(data, lang):
    tot = data["totals"]
    st = data["streak"]
    return [
        (i18n.text(TEXT, "attempts", lang),
         f"{tot['attempts']} ({i18n.text(TEXT, 'rounds', lang)} {tot['rounds']}; {modes_text(tot['by_mode'], lang)})"),
        (i18n.text(TEXT, "solve_rate", lang), f"{pct(tot['solve_rate'])} ({tot['solved']}/{tot['attempts']})"),
        (i18n.text(TEXT, "first_try_rate", lang),
         f"{pct(tot['first_try_rate'])} ({tot['first_try']}/{tot['attempts']})"),
        (i18n.text(TEXT, "median_time", lang), secs(tot["median_seconds"], lang)),
        (i18n.text(TEXT, "study_time", lang),
         f"{secs(tot['study_seconds'], lang)} ({i18n.text(TEXT, 'untimed', lang)})"),
        (i18n.text(TEXT, "streak", lang),
         i18n.text(TEXT, "streak_value", lang, n=st["current_days"], m=st["longest_days"])),
        (i18n.text(TEXT, "active_days", lang), str(tot["active_days"])),
        (i18n.text(TEXT, "problems_tried", lang), f"{tot['problems_tried']}/{tot['problems_total']}"),
    ]


def area_rows(data, lang):
    out = []
    for a in data["areas"]:
        if not a["attempts"] and not a["problems_total"]:
            continue
        out.append([f"{a['area']}. {a['title'][lang]}", f"{a['problems_tried']}/{a['problems_total']}",
                    str(a["attempts"]), pct(a["solve_rate"]), pct(a["first_try_rate"]),
                    secs_short(a["median_seconds"], lang), day(a["last_seen"]), a["grade"]])
    return out


def area_header(lang):
    return [i18n.text(TEXT, k, lang) for k in ("area", "tried", "attempts", "solve_rate", "first_try_rate",
                                                "median_short", "last_seen", "grade")]


def component_rows(data, lang, now):
    return [[c["problem"], c["title"][lang], str(c["attempts"]), str(c["rounds"]), pct(c["solve_rate"]),
             pct(c["first_try_rate"]), secs_short(c["median_seconds"], lang), day(c["last_seen"]), c["grade"],
             when_due(c, now, lang)] for c in data["components"]]


def component_header(lang):
    return ["ID"] + [i18n.text(TEXT, k, lang) for k in ("problem", "attempts", "rounds", "solve_rate", "first_try_rate",
                                                        "median_short", "last_seen", "grade", "next_review")]


def trend_rows(data, lang):
    return [[w["week_start"], str(w["attempts"]), pct(w["solve_rate"]), pct(w["first_try_rate"])]
            for w in data["trend"]]


def trend_header(lang):
    return [i18n.text(TEXT, k, lang) for k in ("week", "attempts", "solve_rate", "first_try_rate")]


def due_rows(data, lang, now):
    out = []
    for d in data["due"]["items"]:
        out.append([d["problem"], d["title"][lang],
                    relative(parse_time(d["due"]), now, lang),
                    i18n.text(whatnext.TEXT, "rating_" + d["last_rating"], lang)])
    return out


def session_rows(data, lang, kind):
    return [[day(s["started_at"]), str(s["planned_minutes"] or "—"), str(s["attempts"]),
             f"{s['solved']}/{s['attempts']}"] for s in data["sessions"] if s["kind"] == kind]


def exam_rows(data, lang):
    rows = []
    for e in data.get("exams", []):
        verdict = ("合格" if lang == "ja" else "pass") if e["passed"] else ("不合格" if lang == "ja" else "fail")
        if not e.get("judged", True):   # too few questions for a pass/fail (examprep.exam.scoring.MIN_FOR_VERDICT)
            verdict = "—"
        if e["reason"] == "timeout":
            verdict += " ⏰"
        when = parse_time(e["started_at"]).astimezone().strftime("%Y-%m-%d %H:%M")
        rows.append([when, f"{e['correct']}/{e['graded']}", pct(e["rate"]), verdict]
                    + [pct(e["per_area"][a]) if e["per_area"].get(a) is not None else "—" for a in "12345"])
    return rows


def exam_header(lang):
    return [i18n.text(TEXT, k, lang) for k in ("started", "score", "exam_rate", "result")] + \
        [("分野" if lang == "ja" else "Area ") + a for a in "12345"]


def session_header(lang):
    return [i18n.text(TEXT, k, lang) for k in ("started", "planned", "attempts", "solve_rate")]


def readiness_cells(a, lang):
    """Area, drills right/runs, exam answers right/total, rate with its interval, verdict: one readiness row."""
    def share(part):
        return f"{part['correct']}/{part['n']}" if part["n"] else "—"

    if a["n"] == 0:
        rate = "—"
    elif a["verdict"] == "not_enough":
        rate = f"{a['correct']}/{a['n']}"          # no percentage from a handful of answers
    else:
        rate = f"{pct(a['rate'])} ({pct(a['low'])}–{pct(a['high'])})"
    return [f"{a['area']}. {a['title'][lang]}", share(a["drill"]), share(a["exam"]), rate, verdict_text(a, lang)]


def verdict_text(a, lang):
    return i18n.text(TEXT, "v_none" if a["n"] == 0 else "v_" + a["verdict"], lang, n=a["n"])


def readiness_rows(data, lang):
    return [readiness_cells(a, lang) for a in data["readiness"]["areas"]]


def readiness_header(lang):
    return [i18n.text(TEXT, k, lang)
            for k in ("ready_area", "ready_drills", "ready_exams", "ready_rate", "ready_verdict")]


def untried_text(item, lang):
    """'1-1-1 線形代数 / 行列演習 (ドリルなし ...)' for one untried syllabus item."""
    way = (i18n.text(TEXT, "untried_drills", lang, ids=", ".join(item["problems"])) if item["problems"]
           else i18n.text(TEXT, "untried_nodrill", lang))
    return f"{item['item']} {item['title'][lang]} — {way}"


def step_text(step, lang):
    return pick(step["why"], lang)
