"""build(): the whole report as one dict, which is its JSON format (schema "examprep.learn.report/1")."""
from examprep.learn import reviews, schedule
from examprep.learn.report import readiness as ready
from examprep.learn.report.stats import (GRADE_MIN_RUNS, GRADE_WINDOW, THRESHOLDS, exam_history, grade, local_day,
                                         local_midnight_utc, missed_blanks, recent, recent_json, stats, streak, trend)
from examprep.learn.report.words import GRADE_RULE, TEXT
from examprep.common.timefmt import iso, parse_time, utc_now

SCHEMA = "examprep.learn.report/1"
WEAKEST = 5
MISSED_SHOWN = 3
DUE_SHOWN = 10


def _title(problem, pid):
    return dict(problem.title) if problem else {"ja": pid, "en": pid}


def _message(rs, all_runs, exams, since):
    if rs:
        return None
    if all_runs and since:
        return {lang: TEXT["no_runs_since"][lang].format(d=since.isoformat(), n=len(all_runs)) for lang in ("ja", "en")}
    if exams:
        return {lang: TEXT["no_drills"][lang].format(n=len(exams)) for lang in ("ja", "en")}
    return dict(TEXT["no_history"])


def build(attempts, problems, sessions=(), since=None, now=None, exam_answers=()):
    """The report as a dict (the JSON format). attempts: every attempt, oldest first; problems: catalog.load_all();
    sessions: Store.sessions(); since: a local date or None; exam_answers: Store.exam_answers() (their syllabus
    items count as tried)."""
    from examprep.problem.syllabus import AREAS

    now = now or utc_now()
    problems = dict(problems) if isinstance(problems, dict) else {p.id: p for p in problems}
    all_runs = reviews.runs(attempts)
    attempts_by_id = {a.id: a for a in attempts if a.id}
    start = local_midnight_utc(since) if since else None
    rs = [r for r in all_runs if start is None or r.started >= start]
    p = schedule.plan(attempts, problems, now=now)
    infos = {prob.id: info for prob, info in p.due + p.later}
    due_ids = {prob.id for prob, _ in p.due}
    exams = exam_history(sessions, start)
    suggestion = None
    if p.due or p.new:
        prob = p.due[0][0] if p.due else p.new[0]
        suggestion = {"problem": prob.id, "title": dict(prob.title), "command": f"examprep drill {prob.id}",
                      "reason": "due" if p.due else "new"}

    data = {"schema": SCHEMA, "generated_at": iso(now), "since": since.isoformat() if since else None,
            "has_data": bool(rs), "message": _message(rs, all_runs, exams, since), "suggestion": suggestion,
            "grade_rule": {"ja": GRADE_RULE["ja"], "en": GRADE_RULE["en"], "window": GRADE_WINDOW,
                           "min_runs": GRADE_MIN_RUNS,
                           "thresholds": [{"grade": g, "solve_rate": s, "first_try_rate": f}
                                          for g, s, f in THRESHOLDS]}}

    by_problem = {}
    for r in rs:
        by_problem.setdefault(r.problem, []).append(r)
    components = []
    for pid, prs in by_problem.items():
        prob = problems.get(pid)
        info = infos.get(pid)
        is_due = pid in due_ids
        last = recent(prs)
        components.append({
            "problem": pid, "title": _title(prob, pid), "area": prob.area_key() if prob else None,
            "item": prob.item if prob else None, **stats(prs),
            "recent": recent_json(last), "grade": grade(last, due=is_due),
            "due": iso(info.due) if info else None, "is_due": is_due,
            "missed_blanks": missed_blanks(prs, attempts_by_id, limit=MISSED_SHOWN)})
    rank = {prob.id: i for i, prob in enumerate(schedule.prerequisite_order(problems))}
    components.sort(key=lambda c: (rank.get(c["problem"], len(rank)), c["problem"]))

    # areas: every area with problems or runs
    area_keys = sorted({prob.area_key() for prob in problems.values()} | {c["area"] for c in components if c["area"]})
    areas = []
    for key in area_keys:
        members = [pid for pid, prob in problems.items() if prob.area_key() == key]
        ars = [r for r in rs if r.problem in members]
        tried = sorted({r.problem for r in ars})
        pooled = [r for pid in tried for r in recent(by_problem[pid])]
        any_due = any(pid in due_ids for pid in tried)
        areas.append({"area": key, "title": dict(AREAS.get(key, {"ja": key, "en": key})),
                      "problems_total": len(members), "problems_tried": len(tried), **stats(ars),
                      "recent": recent_json(pooled),
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
        started = parse_time(s.get("started_at"))
        if started is None or (start and started < start):
            continue
        srs = [r for r in rs if r.session_id == s["id"]]
        session_rows.append({"id": s["id"], "kind": s["kind"], "started_at": iso(started),
                             "ended_at": s.get("ended_at"), "planned_minutes": s.get("planned_minutes"),
                             "attempts": len(srs), "solved": sum(1 for r in srs if r.solved),
                             "summary": s.get("summary") or {}})

    exam_ids = {e["id"] for e in exams}
    exam_items = {a["item"] for a in exam_answers if a.get("item") and a.get("session_id") in exam_ids}
    per_area = ready.area_readiness(AREAS, problems, by_problem, exams)
    untried = ready.untried_items(problems, by_problem, exam_items)
    data.update({
        "readiness": {"pass_line": ready.pass_line(), "min_answers": ready.MIN_ANSWERS, "confidence": 0.95,
                      "exam_window": ready.EXAM_WINDOW, "areas": per_area},
        "next": ready.next_steps(p, components, per_area, untried, exams),
        "untried": untried,
        "totals": totals,
        "streak": streak(all_runs, local_day(now)),
        "areas": areas,
        "components": components,
        "trend": trend(rs),
        "weakest": weakest,
        "due": {"count": len(p.due), "items": [schedule.card_json(prob, info, now) for prob, info in p.due[:DUE_SHOWN]],
                "upcoming": [schedule.card_json(prob, info, now) for prob, info in p.later[:5]]},
        "sessions": session_rows,
        "exams": exams,
    })
    return data
