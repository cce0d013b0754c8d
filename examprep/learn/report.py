"""`examprep report`: the graded progress report, from the recorded attempts.

build() computes one dict, which is the JSON format (schema "examprep.learn.report/1",
described in ARCHITECTURE.md); text (rich), md and html are drawn from that dict.
Statistics count *runs* (see examprep.learn.schedule: one drill or practice of a problem
with all its rounds, or one check). --since restricts the statistics to runs that
started on or after that local date; the streak and what is due always reflect the
whole history. With no runs the report says so and suggests a first drill: it never
shows a grade or a rate without the runs behind it.
"""
import html
import io
import json
import statistics
import sys
from collections import Counter
from datetime import date, datetime, time, timedelta, timezone

from examprep.common import files, timefmt
from examprep.learn import schedule
from examprep.common.i18n import pick
from examprep.learn.schedule import iso

SCHEMA = "examprep.learn.report/1"
GRADE_WINDOW = 5          # a grade looks at this many most recent runs
GRADE_MIN_RUNS = 2        # fewer runs: no grade ("—", not enough data)
NO_GRADE = "—"
GRADE_ORDER = {"D": 0, "C": 1, "B": 2, "A": 3, "S": 4}
# (grade, minimum solve rate, minimum first-try rate), best first
THRESHOLDS = [("S", 0.9, 0.8), ("A", 0.8, 0.6), ("B", 0.6, 0.0), ("C", 0.4, 0.0), ("D", 0.0, 0.0)]
WEAKEST = 5
MISSED_SHOWN = 3
DUE_SHOWN = 10

GRADE_RULE = {
    "ja": "習熟度は部品ごとに、期間内の直近 5 回の取り組みから判定します (取り組み = 1 問のドリル・練習の全ラウンド、"
          "または check 1 回。解決 = 答えを見ずに正解。初回正解 = 最初のラウンドで正解)。"
          "S: 解決率 90% 以上かつ初回正解率 80% 以上で、復習期限が来ていない / A: 解決率 80% 以上かつ初回正解率 60% 以上 / "
          "B: 解決率 60% 以上 / C: 解決率 40% 以上 / D: それ未満 / —: 取り組みが 2 回未満 (データ不足)。"
          "分野は各部品の直近 5 回をまとめて同じ基準で判定します。期限の来た部品があれば S にはならず、"
          "問題の半分未満しか取り組んでいない分野は最高 B です。",
    "en": "Mastery grade of a component, from its last 5 runs in the period (a run = one drill or practice of a "
          "problem with all its rounds, or one check; solved = passed without revealing a blank; first try = the "
          "first round passed): S solved ≥ 90% and first try ≥ 80% and not due for review / A solved ≥ 80% and "
          "first try ≥ 60% / B solved ≥ 60% / C solved ≥ 40% / D below that / — fewer than 2 runs (not enough "
          "data). An area pools the last 5 runs of each of its components under the same rule; it is not S while "
          "any of them is due, and at most B while fewer than half of its problems have been tried.",
}

TEXT = {
    "title": {"ja": "学習の成績表", "en": "Progress report"},
    "period_all": {"ja": "全期間", "en": "all time"},
    "period_since": {"ja": "{d} 以降", "en": "since {d}"},
    "generated": {"ja": "作成 {d}", "en": "generated {d}"},
    "no_history": {"ja": "まだ解答の記録がないため、成績はありません。最初のドリルから始めましょう。",
                   "en": "No attempts are recorded yet, so there is nothing to grade. Start with a first drill."},
    "no_runs_since": {"ja": "{d} 以降の解答記録はありません (それ以前に {n} 回)。成績は表示しません。",
                      "en": "No attempts since {d} ({n} before that), so there is nothing to grade."},
    "suggest": {"ja": "おすすめ: {cmd} — {title}", "en": "Suggested: {cmd} — {title}"},
    "summary": {"ja": "概要", "en": "Summary"},
    "attempts": {"ja": "取り組み", "en": "Attempts"},
    "rounds": {"ja": "ラウンド", "en": "Rounds"},
    "solve_rate": {"ja": "解決率", "en": "Solved"},
    "first_try_rate": {"ja": "初回正解率", "en": "First try"},
    "median_time": {"ja": "所要時間 (中央値)", "en": "Median time"},
    "median_short": {"ja": "時間中央値", "en": "Median"},
    "study_time": {"ja": "学習時間 (合計)", "en": "Study time"},
    "streak": {"ja": "連続学習", "en": "Streak"},
    "streak_value": {"ja": "{n} 日 (最長 {m} 日)", "en": "{n} day(s) (longest {m})"},
    "problems_tried": {"ja": "取り組んだ問題", "en": "Problems tried"},
    "active_days": {"ja": "学習した日", "en": "Days studied"},
    "by_mode": {"ja": "種類別", "en": "By mode"},
    "mode_drill": {"ja": "ドリル", "en": "drill"},
    "mode_practice": {"ja": "練習", "en": "practice"},
    "mode_check": {"ja": "check", "en": "check"},
    "mode_exam": {"ja": "模試", "en": "exam"},
    "untimed": {"ja": "check は時間を計らないため含みません", "en": "checks of files are not timed"},
    "areas": {"ja": "分野別", "en": "By syllabus area"},
    "components": {"ja": "部品別", "en": "By component"},
    "area": {"ja": "分野", "en": "Area"},
    "problem": {"ja": "問題", "en": "Problem"},
    "tried": {"ja": "着手", "en": "Tried"},
    "last_seen": {"ja": "最終", "en": "Last seen"},
    "grade": {"ja": "習熟度", "en": "Grade"},
    "next_review": {"ja": "次の復習", "en": "Next review"},
    "due_now": {"ja": "期限到来", "en": "due now"},
    "trend": {"ja": "推移 (週ごと)", "en": "Trend (per week)"},
    "week": {"ja": "週 (月曜)", "en": "Week of"},
    "weakest": {"ja": "弱点", "en": "Weakest components"},
    "missed": {"ja": "よく間違える空欄", "en": "Blanks most often missed"},
    "missed_count": {"ja": "{k}/{n} 回", "en": "{k} of {n} runs"},
    "no_missed": {"ja": "空欄の記録なし (ファイル全体の採点)", "en": "no blank records (whole-file checks)"},
    "due": {"ja": "復習予定", "en": "What is due"},
    "due_count": {"ja": "期限の来た問題: {n} 件", "en": "Due now: {n}"},
    "nothing_due": {"ja": "今は期限の来た問題はありません。", "en": "Nothing is due right now."},
    "upcoming": {"ja": "次の予定", "en": "Coming up"},
    "sessions": {"ja": "練習セッション", "en": "Practice sessions"},
    "exams": {"ja": "模試 (分1〜分5: 分野 1〜5 ごとの正答率の推移)", "en": "Mock exams (rate in areas A1–A5 over time)"},
    "score": {"ja": "得点", "en": "Score"},
    "result": {"ja": "合否", "en": "Result"},
    "exam_rate": {"ja": "正答率", "en": "Rate"},
    "started": {"ja": "開始", "en": "Started"},
    "planned": {"ja": "予定 (分)", "en": "Planned (min)"},
    "rule": {"ja": "習熟度の基準", "en": "How grades are given"},
    "chart_trend": {"ja": "週ごとの解決率と初回正解率 (灰色の棒: 取り組み数)",
                    "en": "Solved and first-try rate per week (grey bars: attempts)"},
    "chart_mastery": {"ja": "分野ごとの直近の解決率と習熟度", "en": "Recent solve rate and grade per area"},
    "no_data": {"ja": "データなし", "en": "no data"},
    "of_problems": {"ja": "{k}/{n} 問", "en": "{k}/{n} problems"},
    "scope_note": {"ja": "連続学習日数と復習予定は全期間の記録から計算しています。",
                   "en": "The streak and what is due are computed from the whole history."},
    "wrote": {"ja": "{path} に書き出しました。", "en": "Wrote {path}."},
    "bad_since": {"ja": "--since には日付を YYYY-MM-DD で指定してください ('{v}' は日付ではありません)。",
                  "en": "--since expects a date as YYYY-MM-DD ('{v}' is not a date)."},
    "cannot_write": {"ja": "{path} に書き込めません: {err}", "en": "cannot write {path}: {err}"},
}


def t(key, lang, **kw):
    return pick(TEXT[key], lang).format(**kw)


# --- computing --------------------------------------------------------------------------------------------------


def parse_since(text):
    """A local date YYYY-MM-DD (a full ISO timestamp is accepted too). ValueError when it is not one."""
    text = (text or "").strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    value = datetime.fromisoformat(text)   # raises ValueError
    return value.date()


def local_midnight_utc(day):
    return datetime.combine(day, time.min).astimezone().astimezone(timezone.utc)


def local_day(when):
    return when.astimezone().date()


def _rate(k, n):
    return round(k / n, 4) if n else None


def stats(rs):
    """Counts and rates of a list of runs (rates None without runs)."""
    n = len(rs)
    solved = sum(1 for r in rs if r.solved)
    first = sum(1 for r in rs if r.first_try)
    secs = [r.seconds for r in rs if r.seconds is not None]
    return {"attempts": n, "rounds": sum(r.rounds for r in rs), "solved": solved, "solve_rate": _rate(solved, n),
            "first_try": first, "first_try_rate": _rate(first, n),
            "median_seconds": round(statistics.median(secs), 1) if secs else None,
            "study_seconds": round(sum(secs), 1),
            "last_seen": iso(max(r.ended for r in rs)) if rs else None,
            "by_mode": dict(sorted(Counter(r.mode for r in rs).items()))}


def grade(recent, due=False, capped=False):
    """The mastery grade of some recent runs (GRADE_RULE)."""
    n = len(recent)
    if n < GRADE_MIN_RUNS:
        return NO_GRADE
    solve = sum(1 for r in recent if r.solved) / n
    first = sum(1 for r in recent if r.first_try) / n
    g = next(g for g, s_min, f_min in THRESHOLDS if solve >= s_min - 1e-9 and first >= f_min - 1e-9)
    if g == "S" and due:
        g = "A"
    if capped and g in ("S", "A"):
        g = "B"
    return g


def _recent(rs):
    return rs[-GRADE_WINDOW:]


def _recent_json(recent):
    n = len(recent)
    return {"runs": n, "solve_rate": _rate(sum(1 for r in recent if r.solved), n),
            "first_try_rate": _rate(sum(1 for r in recent if r.first_try), n)}


def missed_blanks(rs, limit=None):
    """The blanks (by reference text) most often missed in these runs: failed in some round or revealed."""
    missed = Counter()
    seen = Counter()
    for r in rs:
        for ref in r.blank_refs:
            seen[ref] += 1
        for ref in r.missed:
            missed[ref] += 1
    rows = [{"reference": ref, "missed": k, "seen": seen[ref]} for ref, k in missed.items()]
    rows.sort(key=lambda b: (-b["missed"], -b["missed"] / max(1, b["seen"]), b["reference"]))
    return rows[:limit] if limit else rows


def streak(all_runs, today):
    days = sorted({local_day(r.started) for r in all_runs} | {local_day(r.ended) for r in all_runs})
    if not days:
        return {"current_days": 0, "longest_days": 0, "last_active_day": None}
    longest = run = 1
    for a, b in zip(days, days[1:]):
        run = run + 1 if (b - a).days == 1 else 1
        longest = max(longest, run)
    active = set(days)
    end = today if today in active else today - timedelta(days=1)   # today's study may still be to come
    current = 0
    while end in active:
        current += 1
        end -= timedelta(days=1)
    return {"current_days": current, "longest_days": longest, "last_active_day": days[-1].isoformat()}


def trend(rs):
    """Per week (starting Monday, local time) from the first run's week to the last one's."""
    if not rs:
        return []
    weeks = {}
    for r in rs:
        d = local_day(r.started)
        weeks.setdefault(d - timedelta(days=d.weekday()), []).append(r)
    first, last = min(weeks), max(weeks)
    out = []
    week = first
    while week <= last:
        w = weeks.get(week, [])
        out.append({"week_start": week.isoformat(), "attempts": len(w), "solved": sum(1 for r in w if r.solved),
                    "solve_rate": _rate(sum(1 for r in w if r.solved), len(w)),
                    "first_try_rate": _rate(sum(1 for r in w if r.first_try), len(w))})
        week += timedelta(days=7)
    return out


def _title(problem, pid):
    return dict(problem.title) if problem else {"ja": pid, "en": pid}


def build(attempts, problems, sessions=(), since=None, now=None):
    """The report as a dict (the JSON format). attempts: every attempt, oldest first; problems: catalog.load_all();
    sessions: Store.sessions(); since: a local date or None."""
    from examprep.problem.syllabus import AREAS

    now = now or schedule.utc_now()
    problems = dict(problems) if isinstance(problems, dict) else {p.id: p for p in problems}
    all_runs = schedule.runs(attempts)
    start = local_midnight_utc(since) if since else None
    rs = [r for r in all_runs if start is None or r.started >= start]
    p = schedule.plan(attempts, problems, now=now)
    infos = {prob.id: info for prob, info in p.due + p.later}
    due_ids = {prob.id for prob, _ in p.due}
    suggestion = None
    if p.due or p.new:
        prob = p.due[0][0] if p.due else p.new[0]
        suggestion = {"problem": prob.id, "title": dict(prob.title), "command": f"examprep drill {prob.id}",
                      "reason": "due" if p.due else "new"}

    data = {"schema": SCHEMA, "generated_at": iso(now), "since": since.isoformat() if since else None,
            "has_data": bool(rs), "message": None, "suggestion": suggestion,
            "grade_rule": {"ja": GRADE_RULE["ja"], "en": GRADE_RULE["en"], "window": GRADE_WINDOW,
                           "min_runs": GRADE_MIN_RUNS,
                           "thresholds": [{"grade": g, "solve_rate": s, "first_try_rate": f}
                                          for g, s, f in THRESHOLDS]}}
    if not rs:
        if all_runs:
            n = len(all_runs)
            data["message"] = {"ja": TEXT["no_runs_since"]["ja"].format(d=since.isoformat(), n=n),
                               "en": TEXT["no_runs_since"]["en"].format(d=since.isoformat(), n=n)}
        else:
            data["message"] = dict(TEXT["no_history"])

    # components
    by_problem = {}
    for r in rs:
        by_problem.setdefault(r.problem, []).append(r)
    components = []
    for pid, prs in by_problem.items():
        prob = problems.get(pid)
        info = infos.get(pid)
        is_due = pid in due_ids
        recent = _recent(prs)
        components.append({
            "problem": pid, "title": _title(prob, pid), "area": prob.area_key() if prob else None,
            "item": prob.item if prob else None, **stats(prs),
            "recent": _recent_json(recent), "grade": grade(recent, due=is_due),
            "due": iso(info.due) if info else None, "is_due": is_due,
            "missed_blanks": missed_blanks(prs, limit=MISSED_SHOWN)})
    rank = {prob.id: i for i, prob in enumerate(schedule.prerequisite_order(problems))}
    components.sort(key=lambda c: (rank.get(c["problem"], len(rank)), c["problem"]))

    # areas: every area with problems or runs
    area_keys = sorted({prob.area_key() for prob in problems.values()} | {c["area"] for c in components if c["area"]})
    areas = []
    for key in area_keys:
        members = [pid for pid, prob in problems.items() if prob.area_key() == key]
        ars = [r for r in rs if r.problem in members]
        tried = sorted({r.problem for r in ars})
        pooled = [r for pid in tried for r in _recent(by_problem[pid])]
        any_due = any(pid in due_ids for pid in tried)
        areas.append({"area": key, "title": dict(AREAS.get(key, {"ja": key, "en": key})),
                      "problems_total": len(members), "problems_tried": len(tried), **stats(ars),
                      "recent": _recent_json(pooled),
                      "grade": grade(pooled, due=any_due, capped=len(tried) * 2 < len(members)),
                      "due_count": sum(1 for pid in members if pid in due_ids)})

    weak = [c for c in components if (c["solve_rate"] or 0) < 1 or (c["first_try_rate"] or 0) < 1]
    weak.sort(key=lambda c: (c["solve_rate"], c["first_try_rate"], -c["attempts"], c["problem"]))
    weakest = [{"problem": c["problem"], "title": c["title"], "grade": c["grade"], "attempts": c["attempts"],
                "solve_rate": c["solve_rate"], "first_try_rate": c["first_try_rate"],
                "missed_blanks": c["missed_blanks"]} for c in weak[:WEAKEST]]

    totals = stats(rs)
    totals.update({"problems_tried": len(by_problem), "problems_total": len(problems),
                   "active_days": len({local_day(r.started) for r in rs}),
                   "first_seen": iso(min(r.started for r in rs)) if rs else None})

    session_rows = []
    for s in sessions:
        started = schedule.parse_time(s.get("started_at"))
        if started is None or (start and started < start):
            continue
        srs = [r for r in rs if r.session_id == s["id"]]
        session_rows.append({"id": s["id"], "kind": s["kind"], "started_at": iso(started),
                             "ended_at": s.get("ended_at"), "planned_minutes": s.get("planned_minutes"),
                             "attempts": len(srs), "solved": sum(1 for r in srs if r.solved),
                             "summary": s.get("summary") or {}})

    data.update({
        "totals": totals,
        "streak": streak(all_runs, local_day(now)),
        "areas": areas,
        "components": components,
        "trend": trend(rs),
        "weakest": weakest,
        "due": {"count": len(p.due), "items": [schedule.card_json(prob, info, now) for prob, info in p.due[:DUE_SHOWN]],
                "upcoming": [schedule.card_json(prob, info, now) for prob, info in p.later[:5]]},
        "sessions": session_rows,
    })
    data["exams"] = exam_history(sessions, start)
    return data


def exam_history(sessions, start=None):
    """The submitted mock exams, oldest first: score, pass/fail and the rate of each area (the per-area trend)."""
    out = []
    for s in sessions:
        summary = s.get("summary") or {}
        started = schedule.parse_time(s.get("started_at"))
        if s.get("kind") != "exam" or "rate" not in summary or started is None or (start and started < start):
            continue
        per_area = {a: (v["correct"] / v["total"] if v.get("total") else None)
                    for a, v in sorted((summary.get("per_area") or {}).items())}
        out.append({"id": s["id"], "started_at": iso(started), "questions": summary.get("questions"),
                    "graded": summary.get("graded"), "correct": summary.get("correct"), "rate": summary["rate"],
                    "passed": bool(summary.get("passed")), "pass_line": summary.get("pass_line"),
                    "reason": summary.get("reason"), "per_area": per_area})
    return out


# --- formatting helpers ---------------------------------------------------------------------------------------


def pct(rate):
    return "—" if rate is None else f"{rate * 100:.0f}%"


def secs(value, lang):
    return "—" if value is None else timefmt.duration(value, lang)


def secs_short(value, lang):
    """A time for a table cell: seconds up to 10 minutes, else minutes."""
    if value is None:
        return "—"
    value = float(value)
    if value < 600:
        return f"{value:.0f} 秒" if lang == "ja" else f"{value:.0f} s"
    return f"{value / 60:.0f} 分" if lang == "ja" else f"{value / 60:.0f} min"


def day(value):
    when = schedule.parse_time(value) if value else None
    return local_day(when).isoformat() if when else "—"


def when_due(c, now, lang):
    if c.get("is_due"):
        return t("due_now", lang)
    when = schedule.parse_time(c.get("due")) if c.get("due") else None
    return schedule.relative(when, now, lang) if when else "—"


def period_text(data, lang):
    return t("period_since", lang, d=data["since"]) if data["since"] else t("period_all", lang)


def modes_text(by_mode, lang):
    return ", ".join(f"{t('mode_' + m, lang) if 'mode_' + m in TEXT else m} {n}" for m, n in by_mode.items())


def summary_rows(data, lang):
    tot = data["totals"]
    st = data["streak"]
    return [
        (t("attempts", lang),
         f"{tot['attempts']} ({t('rounds', lang)} {tot['rounds']}; {modes_text(tot['by_mode'], lang)})"),
        (t("solve_rate", lang), f"{pct(tot['solve_rate'])} ({tot['solved']}/{tot['attempts']})"),
        (t("first_try_rate", lang), f"{pct(tot['first_try_rate'])} ({tot['first_try']}/{tot['attempts']})"),
        (t("median_time", lang), secs(tot["median_seconds"], lang)),
        (t("study_time", lang), f"{secs(tot['study_seconds'], lang)} ({t('untimed', lang)})"),
        (t("streak", lang), t("streak_value", lang, n=st["current_days"], m=st["longest_days"])),
        (t("active_days", lang), str(tot["active_days"])),
        (t("problems_tried", lang), f"{tot['problems_tried']}/{tot['problems_total']}"),
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
    return [t("area", lang), t("tried", lang), t("attempts", lang), t("solve_rate", lang), t("first_try_rate", lang),
            t("median_short", lang), t("last_seen", lang), t("grade", lang)]


def component_rows(data, lang, now):
    return [[c["problem"], c["title"][lang], str(c["attempts"]), str(c["rounds"]), pct(c["solve_rate"]),
             pct(c["first_try_rate"]), secs_short(c["median_seconds"], lang), day(c["last_seen"]), c["grade"],
             when_due(c, now, lang)] for c in data["components"]]


def component_header(lang):
    return ["ID", t("problem", lang), t("attempts", lang), t("rounds", lang), t("solve_rate", lang),
            t("first_try_rate", lang), t("median_short", lang), t("last_seen", lang), t("grade", lang),
            t("next_review", lang)]


def trend_rows(data, lang):
    return [[w["week_start"], str(w["attempts"]), pct(w["solve_rate"]), pct(w["first_try_rate"])]
            for w in data["trend"]]


def trend_header(lang):
    return [t("week", lang), t("attempts", lang), t("solve_rate", lang), t("first_try_rate", lang)]


def due_rows(data, lang, now):
    out = []
    for d in data["due"]["items"]:
        out.append([d["problem"], d["title"][lang],
                    schedule.relative(schedule.parse_time(d["due"]), now, lang),
                    schedule.t("rating_" + d["last_rating"], lang)])
    return out


def session_rows(data, lang, kind):
    return [[day(s["started_at"]), str(s["planned_minutes"] or "—"), str(s["attempts"]),
             f"{s['solved']}/{s['attempts']}"] for s in data["sessions"] if s["kind"] == kind]


def exam_rows(data, lang):
    rows = []
    for e in data.get("exams", []):
        verdict = ("合格" if lang == "ja" else "pass") if e["passed"] else ("不合格" if lang == "ja" else "fail")
        if e["reason"] == "timeout":
            verdict += " ⏰"
        when = schedule.parse_time(e["started_at"]).astimezone().strftime("%Y-%m-%d %H:%M")
        rows.append([when, f"{e['correct']}/{e['graded']}", pct(e["rate"]), verdict]
                    + [pct(e["per_area"][a]) if e["per_area"].get(a) is not None else "—" for a in "12345"])
    return rows


def exam_header(lang):
    return [t("started", lang), t("score", lang), t("exam_rate", lang), t("result", lang)] + \
        [("分" if lang == "ja" else "A") + a for a in "12345"]


def session_header(lang):
    return [t("started", lang), t("planned", lang), t("attempts", lang), t("solve_rate", lang)]


# --- text (rich) ------------------------------------------------------------------------------------------------


def render_text(con, data, lang):
    from rich.panel import Panel
    from rich.table import Table

    now = schedule.parse_time(data["generated_at"])
    con.rule(f"[bold]{t('title', lang)}[/bold] [dim]· {period_text(data, lang)}[/dim]")
    if not data["has_data"]:
        lines = [pick(data["message"], lang)]
        if data["suggestion"]:
            s = data["suggestion"]
            lines.append(t("suggest", lang, cmd=f"[bold cyan]{s['command']}[/bold cyan]", title=s["title"][lang]))
        con.print(Panel("\n".join(lines), border_style="yellow"))
        if data.get("exams"):
            _exam_table_text(con, data, lang)
        return

    def table(title, header, rows, right=(), optional=(), flex=()):
        schedule.print_table(con, title, header, rows, right=right, optional=optional, flex=flex)

    summary = Table.grid(padding=(0, 2))
    summary.add_column(style="dim")
    summary.add_column()
    for k, v in summary_rows(data, lang):
        summary.add_row(k, v)
    con.print(Panel(summary, title=t("summary", lang), title_align="left", expand=False))
    con.print()
    table(t("areas", lang), area_header(lang), [_graded(r) for r in area_rows(data, lang)], right=(1, 2, 3, 4, 5),
          optional=(6, 5))
    table(t("components", lang), component_header(lang),
          [r[:8] + [_grade_markup(r[8])] + r[9:] for r in component_rows(data, lang, now)], right=(2, 3, 4, 5, 6),
          optional=(1, 3, 7), flex=(1,))      # on a narrow terminal: without the titles, rounds and last seen
    if data["trend"]:
        rows = []
        for w, row in zip(data["trend"], trend_rows(data, lang)):
            bar = "█" * round((w["solve_rate"] or 0) * 20)
            rows.append(row + [f"[green]{bar}[/green]"])
        table(t("trend", lang), trend_header(lang) + [""], rows, right=(1, 2, 3))
    if data["weakest"]:
        con.print(f"[bold]{t('weakest', lang)}[/bold]")
        for w in data["weakest"]:
            con.print(f"  [bold cyan]{w['problem']}[/bold cyan] {w['title'][lang]}  {_grade_markup(w['grade'])}  "
                      f"{t('solve_rate', lang)} {pct(w['solve_rate'])} · {t('first_try_rate', lang)} "
                      f"{pct(w['first_try_rate'])}")
            if w["missed_blanks"]:
                for b in w["missed_blanks"]:
                    con.print(f"      [red]✗[/red] [yellow]{_esc(b['reference'])}[/yellow]  "
                              f"[dim]{t('missed_count', lang, k=b['missed'], n=b['seen'])}[/dim]", highlight=False)
            else:
                con.print(f"      [dim]{t('no_missed', lang)}[/dim]")
        con.print()
    con.print(f"[bold]{t('due', lang)}[/bold]")
    if data["due"]["count"]:
        con.print(t("due_count", lang, n=data["due"]["count"]))
        for row in due_rows(data, lang, now):
            con.print(f"  [bold cyan]{row[0]}[/bold cyan] {row[1]}  [dim]{row[2]} · {row[3]}[/dim]")
    else:
        con.print(f"[green]{t('nothing_due', lang)}[/green]")
        for d in data["due"]["upcoming"][:3]:
            con.print(f"  [dim]{t('upcoming', lang)}: {d['problem']} "
                      f"{schedule.relative(schedule.parse_time(d['due']), now, lang)}[/dim]")
    con.print()
    rows = session_rows(data, lang, "practice")
    if rows:
        table(t("sessions", lang), session_header(lang), rows, right=(1, 2, 3))
    if data.get("exams"):
        _exam_table_text(con, data, lang)
    if data["since"]:
        con.print(f"[dim]{t('scope_note', lang)}[/dim]")
    con.print(f"[dim]{t('rule', lang)}: {GRADE_RULE[lang]}[/dim]")


def _exam_table_text(con, data, lang):
    from rich.table import Table

    table = Table(title=t("exams", lang), title_justify="left", show_edge=False, pad_edge=False)
    for i, h in enumerate(exam_header(lang)):
        table.add_column(h, justify="left" if i in (0, 3) else "right", no_wrap=i in (0, 3))
    for row in exam_rows(data, lang):
        table.add_row(*row)
    con.print(table)


def _esc(text):
    from rich.markup import escape

    return escape(text)


GRADE_STYLE = {"S": "bold green", "A": "green", "B": "yellow", "C": "red", "D": "bold red", NO_GRADE: "dim"}


def _grade_markup(g):
    return f"[{GRADE_STYLE.get(g, '')}]{g}[/]"


def _graded(row):
    return row[:-1] + [_grade_markup(row[-1])]


# --- markdown ---------------------------------------------------------------------------------------------------


def _md_cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def _md_table(header, rows):
    out = ["| " + " | ".join(_md_cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(out)


def render_md(data, lang):
    now = schedule.parse_time(data["generated_at"])
    generated = t("generated", lang, d=day(data["generated_at"]))
    out = [f"# {t('title', lang)}", "", f"*{period_text(data, lang)} · {generated}*", ""]
    if not data["has_data"]:
        out.append(pick(data["message"], lang))
        if data["suggestion"]:
            s = data["suggestion"]
            out += ["", t("suggest", lang, cmd=f"`{s['command']}`", title=s["title"][lang])]
        if data.get("exams"):
            out += ["", f"## {t('exams', lang)}", "", _md_table(exam_header(lang), exam_rows(data, lang))]
        return "\n".join(out) + "\n"
    out += [f"## {t('summary', lang)}", "", _md_table(["", ""], summary_rows(data, lang)), ""]
    out += [f"## {t('areas', lang)}", "", _md_table(area_header(lang), area_rows(data, lang)), ""]
    out += [f"## {t('components', lang)}", "", _md_table(component_header(lang), component_rows(data, lang, now)), ""]
    if data["trend"]:
        out += [f"## {t('trend', lang)}", "", _md_table(trend_header(lang), trend_rows(data, lang)), ""]
    if data["weakest"]:
        out += [f"## {t('weakest', lang)}", ""]
        for w in data["weakest"]:
            out.append(f"- **{w['problem']}** {w['title'][lang]}: {t('grade', lang)} {w['grade']}, "
                       f"{t('solve_rate', lang)} {pct(w['solve_rate'])}, {t('first_try_rate', lang)} "
                       f"{pct(w['first_try_rate'])}")
            for b in w["missed_blanks"]:
                out.append(f"  - `{b['reference']}` ({t('missed_count', lang, k=b['missed'], n=b['seen'])})")
            if not w["missed_blanks"]:
                out.append(f"  - {t('no_missed', lang)}")
        out.append("")
    out += [f"## {t('due', lang)}", ""]
    if data["due"]["count"]:
        out += [t("due_count", lang, n=data["due"]["count"]), ""]
        out += [f"- **{r[0]}** {r[1]} ({r[2]}, {r[3]})" for r in due_rows(data, lang, now)]
    else:
        out.append(t("nothing_due", lang))
    out.append("")
    rows = session_rows(data, lang, "practice")
    if rows:
        out += [f"## {t('sessions', lang)}", "", _md_table(session_header(lang), rows), ""]
    if data.get("exams"):
        out += [f"## {t('exams', lang)}", "", _md_table(exam_header(lang), exam_rows(data, lang)), ""]
    out += [f"## {t('rule', lang)}", "", GRADE_RULE[lang], ""]
    if data["since"]:
        out += [t("scope_note", lang), ""]
    return "\n".join(out)


# --- html -------------------------------------------------------------------------------------------------------

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI","Hiragino Sans","Noto Sans JP",sans-serif;margin:2rem auto;
max-width:64rem;padding:0 1rem;color:#1f2937;line-height:1.5}
h1{margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:1px solid #e5e7eb;padding-bottom:.2rem}
.meta{color:#6b7280}table{border-collapse:collapse;margin:.5rem 0;font-size:.92rem}
th,td{padding:.3rem .6rem;border-bottom:1px solid #e5e7eb;text-align:left}th{background:#f9fafb}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.grade{font-weight:bold;padding:0 .4rem;border-radius:.3rem}
.g-S{background:#bbf7d0}.g-A{background:#dcfce7}.g-B{background:#fef9c3}.g-C{background:#fee2e2}
.g-D{background:#fecaca}.g-none{color:#9ca3af}
code{background:#f3f4f6;padding:.05rem .3rem;border-radius:.2rem}
.notice{border:1px solid #f59e0b;background:#fffbeb;padding:1rem;border-radius:.4rem}
.rule{color:#4b5563;font-size:.9rem}figure{margin:1rem 0}figcaption{color:#6b7280;font-size:.9rem}
svg{max-width:100%;height:auto}svg text{font-family:inherit;font-size:11px;fill:#374151}
"""


def _h(text):
    return html.escape(str(text), quote=True)


def _html_table(header, rows, numeric=(), grade_col=None):
    out = ["<table><thead><tr>" + "".join(f"<th>{_h(h)}</th>" for h in header) + "</tr></thead><tbody>"]
    for row in rows:
        cells = []
        for i, c in enumerate(row):
            if i == grade_col:
                cls = "g-none" if c == NO_GRADE else f"g-{c}"
                cells.append(f'<td><span class="grade {cls}">{_h(c)}</span></td>')
            else:
                cells.append(f'<td class="num">{_h(c)}</td>' if i in numeric else f"<td>{_h(c)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


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
             f'aria-label="{_h(t("chart_trend", lang))}">']
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
                         f'height="{bh:.1f}" fill="#e5e7eb"><title>{_h(p["week_start"])}: {p["attempts"]}'
                         f'</title></rect>')
    step = max(1, -(-n // 8))
    for i, p in enumerate(points):
        if i % step == 0 or i == n - 1:
            parts.append(f'<text x="{x(i):.1f}" y="{h - bottom + 16}" text-anchor="middle">'
                         f'{_h(p["week_start"][5:])}</text>')
    for key, color, dash, label in (("solve_rate", "#2563eb", "", t("solve_rate", lang)),
                                    ("first_try_rate", "#d97706", ' stroke-dasharray="6 4"',
                                     t("first_try_rate", lang))):
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
                             f'{_h(p["week_start"])} {_h(label)} {pct(p[key])}</title></circle>')
    for j, (color, label) in enumerate((("#2563eb", t("solve_rate", lang)), ("#d97706", t("first_try_rate", lang)))):
        lx = left + j * 150
        parts.append(f'<rect x="{lx}" y="8" width="12" height="4" fill="{color}"/>'
                     f'<text x="{lx + 18}" y="14">{_h(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def mastery_svg(areas, lang):
    """Horizontal bars: each area's recent solve rate, labelled with its grade and coverage, as inline SVG."""
    rows = [a for a in areas if a["problems_total"] or a["attempts"]]
    w, label_w, row_h, top = 640, 230, 30, 10
    bar_w = w - label_w - 150
    h = top * 2 + row_h * max(1, len(rows))
    parts = [f'<svg viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
             f'aria-label="{_h(t("chart_mastery", lang))}">']
    colors = {"S": "#16a34a", "A": "#22c55e", "B": "#eab308", "C": "#f97316", "D": "#dc2626", NO_GRADE: "#9ca3af"}
    for i, a in enumerate(rows):
        yy = top + i * row_h
        parts.append(f'<text x="{label_w - 8}" y="{yy + 19}" text-anchor="end">{_h(a["area"])}. '
                     f'{_h(a["title"][lang])}</text>')
        parts.append(f'<rect x="{label_w}" y="{yy + 6}" width="{bar_w}" height="18" fill="#f3f4f6"/>')
        rate = a["recent"]["solve_rate"]
        coverage = t("of_problems", lang, k=a["problems_tried"], n=a["problems_total"])
        if rate is None:
            parts.append(f'<text x="{label_w + 6}" y="{yy + 19}" fill="#6b7280">{_h(t("no_data", lang))}</text>')
            parts.append(f'<text x="{label_w + bar_w + 8}" y="{yy + 19}">{_h(coverage)}</text>')
            continue
        parts.append(f'<rect x="{label_w}" y="{yy + 6}" width="{bar_w * rate:.1f}" height="18" '
                     f'fill="{colors.get(a["grade"], "#9ca3af")}"><title>{_h(pct(rate))}</title></rect>')
        parts.append(f'<text x="{label_w + bar_w + 8}" y="{yy + 19}">{_h(a["grade"])} · {pct(rate)} · '
                     f'{_h(coverage)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def render_html(data, lang):
    now = schedule.parse_time(data["generated_at"])
    title = t("title", lang)
    generated = t("generated", lang, d=day(data["generated_at"]))
    body = [f"<h1>{_h(title)}</h1>", f'<p class="meta">{_h(period_text(data, lang))} · {_h(generated)}</p>']
    if not data["has_data"]:
        notice = [f"<p>{_h(pick(data['message'], lang))}</p>"]
        if data["suggestion"]:
            s = data["suggestion"]
            line = _h(t("suggest", lang, cmd="\0", title=s["title"][lang]))
            notice.append("<p>" + line.replace("\0", f"<code>{_h(s['command'])}</code>") + "</p>")
        body.append(f'<div class="notice">{"".join(notice)}</div>')
    if data.get("exams"):
        body += [f"<h2>{_h(t('exams', lang))}</h2>",
                 _html_table(exam_header(lang), exam_rows(data, lang), numeric=(1, 2, 4, 5, 6, 7, 8))]
    if data["has_data"]:
        body += [f"<h2>{_h(t('summary', lang))}</h2>", _html_table(["", ""], summary_rows(data, lang))]
        body += [f"<h2>{_h(t('areas', lang))}</h2>",
                 f"<figure>{mastery_svg(data['areas'], lang)}<figcaption>{_h(t('chart_mastery', lang))}</figcaption>"
                 f"</figure>",
                 _html_table(area_header(lang), area_rows(data, lang), numeric=(1, 2, 3, 4, 5), grade_col=7)]
        body += [f"<h2>{_h(t('components', lang))}</h2>",
                 _html_table(component_header(lang), component_rows(data, lang, now), numeric=(2, 3, 4, 5, 6),
                             grade_col=8)]
        if data["trend"]:
            body += [f"<h2>{_h(t('trend', lang))}</h2>",
                     f"<figure>{trend_svg(data['trend'], lang)}<figcaption>{_h(t('chart_trend', lang))}"
                     f"</figcaption></figure>",
                     _html_table(trend_header(lang), trend_rows(data, lang), numeric=(1, 2, 3))]
        if data["weakest"]:
            body.append(f"<h2>{_h(t('weakest', lang))}</h2><ul>")
            for w in data["weakest"]:
                cls = "g-none" if w["grade"] == NO_GRADE else f"g-{w['grade']}"
                body.append(f"<li><strong>{_h(w['problem'])}</strong> {_h(w['title'][lang])} "
                            f'<span class="grade {cls}">{_h(w["grade"])}</span> {_h(t("solve_rate", lang))} '
                            f"{pct(w['solve_rate'])}, {_h(t('first_try_rate', lang))} {pct(w['first_try_rate'])}<ul>")
                for b in w["missed_blanks"]:
                    body.append(f"<li><code>{_h(b['reference'])}</code> "
                                f"({_h(t('missed_count', lang, k=b['missed'], n=b['seen']))})</li>")
                if not w["missed_blanks"]:
                    body.append(f"<li>{_h(t('no_missed', lang))}</li>")
                body.append("</ul></li>")
            body.append("</ul>")
        body.append(f"<h2>{_h(t('due', lang))}</h2>")
        if data["due"]["count"]:
            body.append(f"<p>{_h(t('due_count', lang, n=data['due']['count']))}</p><ul>")
            body += [f"<li><strong>{_h(r[0])}</strong> {_h(r[1])} ({_h(r[2])}, {_h(r[3])})</li>"
                     for r in due_rows(data, lang, now)]
            body.append("</ul>")
        else:
            body.append(f"<p>{_h(t('nothing_due', lang))}</p>")
        rows = session_rows(data, lang, "practice")
        if rows:
            body += [f"<h2>{_h(t('sessions', lang))}</h2>", _html_table(session_header(lang), rows, numeric=(1, 2, 3))]
        body += [f"<h2>{_h(t('rule', lang))}</h2>", f'<p class="rule">{_h(GRADE_RULE[lang])}</p>']
        if data["since"]:
            body.append(f'<p class="rule">{_h(t("scope_note", lang))}</p>')
    return ("<!DOCTYPE html>\n"
            f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_h(title)} · examprep</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")


# --- command --------------------------------------------------------------------------------------------------


def _error(lang, key, **kw):
    sys.stderr.write(f"examprep: {t(key, lang, **kw)}\n")


def main(args):
    from examprep.problem import catalog
    from examprep.learn import progress

    lang = args.lang
    fmt = getattr(args, "format", "text") or "text"
    since = None
    if getattr(args, "since", None):
        try:
            since = parse_since(args.since)
        except ValueError:
            _error(lang, "bad_since", v=args.since)
            return 2
    attempts, sessions = [], []
    if progress.db_path().exists():
        with progress.Store() as store:
            attempts, sessions = store.attempts(), store.sessions()
    data = build(attempts, catalog.load_all(), sessions=sessions, since=since)
    output = getattr(args, "output", None)
    if fmt == "json":
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    elif fmt == "md":
        text = render_md(data, lang)
    elif fmt == "html":
        text = render_html(data, lang)
    elif output:
        from rich.console import Console

        buf = io.StringIO()
        render_text(Console(file=buf, width=110, color_system=None, highlight=False, force_terminal=False),
                    data, lang)
        text = buf.getvalue()
    else:
        from examprep.common import render

        render_text(render.console(), data, lang)
        return 0
    if output:
        try:
            files.write_atomically(output, text)
        except OSError as exc:
            _error(lang, "cannot_write", path=output, err=exc.strerror or exc)
            return 2
        sys.stderr.write(t("wrote", lang, path=output) + "\n")
        return 0
    sys.stdout.write(text)
    return 0
