"""The report's statistics: counts and rates of runs, mastery grades, missed blanks, streak, weekly trend, exams.

A *run* is examprep.learn.reviews' unit: one drill or practice of a problem with all its rounds, or one check.
"""
import statistics
from collections import Counter
from datetime import datetime, time, timedelta, timezone

from examprep.common.timefmt import iso, parse_time
from examprep.exam.scoring import MIN_FOR_VERDICT

GRADE_WINDOW = 5          # a grade looks at this many most recent runs
GRADE_MIN_RUNS = 2        # fewer runs: no grade ("—", not enough data)
NO_GRADE = "—"
# (grade, minimum solve rate, minimum first-try rate), best first
THRESHOLDS = [("S", 0.9, 0.8), ("A", 0.8, 0.6), ("B", 0.6, 0.0), ("C", 0.4, 0.0), ("D", 0.0, 0.0)]


def local_midnight_utc(day):
    return datetime.combine(day, time.min).astimezone().astimezone(timezone.utc)


def local_day(when):
    return when.astimezone().date()


def rate(k, n):
    return round(k / n, 4) if n else None


def stats(rs):
    """Counts and rates of a list of runs (rates None without runs)."""
    n = len(rs)
    solved = sum(1 for r in rs if r.solved)
    first = sum(1 for r in rs if r.first_try)
    secs = [r.seconds for r in rs if r.seconds is not None]
    return {"attempts": n, "rounds": sum(r.rounds for r in rs), "solved": solved, "solve_rate": rate(solved, n),
            "first_try": first, "first_try_rate": rate(first, n),
            "median_seconds": round(statistics.median(secs), 1) if secs else None,
            "study_seconds": round(sum(secs), 1),
            "last_seen": iso(max(r.ended for r in rs)) if rs else None,
            "by_mode": dict(sorted(Counter(r.mode for r in rs).items()))}


def grade(recent, due=False, capped=False):
    """The mastery grade of some recent runs (see words.GRADE_RULE)."""
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


def recent(rs):
    return rs[-GRADE_WINDOW:]


def recent_json(rs):
    n = len(rs)
    return {"runs": n, "solve_rate": rate(sum(1 for r in rs if r.solved), n),
            "first_try_rate": rate(sum(1 for r in rs if r.first_try), n)}


def wrong_answers(run, attempts_by_id):
    """{reference line: the learner's last wrong text for it} in one run, read from the answers it graded."""
    from examprep.hole import holes

    out = {}
    for attempt_id in run.ids:
        a = attempts_by_id.get(attempt_id)
        if a is None or not a.answer:
            continue
        wrong = [b for b in a.blank_results or [] if isinstance(b, dict) and b.get("passed") is False and b.get("label")]
        if not wrong:
            continue
        filled = holes.read_filled(a.answer, [b["label"] for b in wrong])
        for b in wrong:
            text = (filled.get(b["label"]) or "").strip()
            if text and not holes.is_placeholder(text):
                out[b.get("reference") or b["label"]] = text
    return out


def missed_blanks(rs, attempts_by_id=None, limit=None):
    """The blanks most often missed in these runs (failed in some round or revealed): the reference line, how often,
    and the learner's latest wrong text for it (None when it was only revealed, or the answer is not on record)."""
    missed = Counter()
    seen = Counter()
    yours = {}
    for r in rs:
        for ref in r.blank_refs:
            seen[ref] += 1
        for ref in r.missed:
            missed[ref] += 1
        if attempts_by_id:
            yours.update(wrong_answers(r, attempts_by_id))
    rows = [{"reference": ref, "missed": k, "seen": seen[ref], "yours": yours.get(ref)} for ref, k in missed.items()]
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
                    "solve_rate": rate(sum(1 for r in w if r.solved), len(w)),
                    "first_try_rate": rate(sum(1 for r in w if r.first_try), len(w))})
        week += timedelta(days=7)
    return out


def exam_history(sessions, start=None):
    """The submitted mock exams, oldest first: score, pass/fail and the rate of each area (the per-area trend)."""
    out = []
    for s in sessions:
        summary = s.get("summary") or {}
        started = parse_time(s.get("started_at"))
        if s.get("kind") != "exam" or "rate" not in summary or started is None or (start and started < start):
            continue
        per_area = {a: (v["correct"] / v["total"] if v.get("total") else None)
                    for a, v in sorted((summary.get("per_area") or {}).items())}
        out.append({"id": s["id"], "started_at": iso(started), "questions": summary.get("questions"),
                    "graded": summary.get("graded"), "correct": summary.get("correct"), "rate": summary["rate"],
                    "passed": bool(summary.get("passed")), "pass_line": summary.get("pass_line"),
                    # pass/fail is a verdict only from MIN_FOR_VERDICT graded questions up (a short daily set has none)
                    "judged": bool(summary.get("judged", (summary.get("graded") or 0) >= MIN_FOR_VERDICT)),
                    "reason": summary.get("reason"), "per_area": per_area,
                    "per_area_counts": {a: {"correct": v.get("correct", 0), "total": v.get("total", 0)}
                                        for a, v in sorted((summary.get("per_area") or {}).items())}})
    return out
