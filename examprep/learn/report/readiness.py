"""Am I ready? Readiness per syllabus area, the items never tried, and what to do next (with the reason).

Readiness of an area is a proportion with an honest uncertainty: the successes among the latest evidence (the last
GRADE_WINDOW runs of each drill in the area, each solved or not, and the area's answers in the last EXAM_WINDOW mock
exams, each right or wrong) with a 95 % Wilson score interval. Below MIN_ANSWERS answers there is no verdict. With
enough answers the verdict compares the interval with the exam's assumed pass line: "ready" when the whole interval
is above it, "not ready" when the whole interval is below it, otherwise "too close to call".
"""
import math

from examprep.learn.report.stats import recent

EXAM_WINDOW = 3       # mock exams whose answers count towards readiness (the latest ones)
MIN_ANSWERS = 10      # fewer answers in an area: no verdict
Z95 = 1.959964        # the normal quantile of a two-sided 95 % interval
NEXT_SHOWN = 4


def pass_line():
    from examprep.exam.scoring import PASS_LINE

    return PASS_LINE


def wilson(k, n, z=Z95):
    """The Wilson score interval (low, high) of k successes in n trials; (None, None) without trials."""
    if not n:
        return None, None
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return round(max(0.0, centre - half), 4), round(min(1.0, centre + half), 4)


def verdict(k, n, line):
    if n < MIN_ANSWERS:
        return "not_enough"
    low, high = wilson(k, n)
    if low >= line:
        return "ready"
    if high < line:
        return "not_ready"
    return "uncertain"


def area_readiness(areas, problems, runs_by_problem, exams):
    """One row per syllabus area: drill and exam evidence, pooled rate, interval, verdict, items tried."""
    from examprep.problem.syllabus import ITEMS, area_of

    line = pass_line()
    latest = exams[-EXAM_WINDOW:]
    out = []
    for key, title in areas.items():
        members = [pid for pid, prob in problems.items() if prob.area_key() == key]
        drill_runs = [r for pid in members for r in recent(runs_by_problem.get(pid, []))]
        dk, dn = sum(1 for r in drill_runs if r.solved), len(drill_runs)
        ek = en = 0
        for e in latest:
            counts = e.get("per_area_counts", {}).get(key)
            if counts:
                ek += counts["correct"]
                en += counts["total"]
        k, n = dk + ek, dn + en
        low, high = wilson(k, n)
        out.append({"area": key, "title": dict(title), "drill": {"correct": dk, "n": dn},
                    "exam": {"correct": ek, "n": en, "exams": sum(1 for e in latest if key in e.get("per_area_counts", {}))},
                    "correct": k, "n": n, "rate": round(k / n, 4) if n else None, "low": low, "high": high,
                    "verdict": verdict(k, n, line),
                    "items_total": sum(1 for item in ITEMS if area_of(item) == key)})
    return out


def untried_items(problems, tried_problems, exam_items):
    """The syllabus items (examprep.problem.syllabus.ITEMS) with no drill run and no mock-exam answer, each with the
    drills that cover it: those with a drill first, each group in syllabus order."""
    from examprep.problem.syllabus import ITEMS, area_of

    tried_items = {problems[pid].item for pid in tried_problems if pid in problems} | set(exam_items)
    out = []
    for item, (ja, en) in ITEMS.items():
        if item in tried_items:
            continue
        drills = sorted(pid for pid, prob in problems.items() if prob.item == item)
        out.append({"item": item, "area": area_of(item), "title": {"ja": ja, "en": en}, "problems": drills})
    out.sort(key=lambda item: not item["problems"])     # those a drill covers first: a way in (stable sort)
    return {"count": len(out), "total": len(ITEMS), "items": out}


def next_steps(plan, components, readiness, untried, exams):
    """Up to NEXT_SHOWN things to do, most useful first, each with a command and the reason in both languages."""
    steps = []
    seen = set()

    def add(kind, command, ja, en, problem=None):
        if command in seen:
            return
        seen.add(command)
        steps.append({"kind": kind, "command": command, "problem": problem, "why": {"ja": ja, "en": en}})

    by_id = {c["problem"]: c for c in components}
    for prob, info in plan.due[:2]:
        c = by_id.get(prob.id)
        if info.last_rating == 1:
            ja, en = "前回は解けませんでした。忘れないうちに復習します。", "the last run failed: review it before it fades."
        else:
            ja = f"復習の期限です (想起率の推定 {info.retrievability:.0%})。"
            en = f"it is due for review (estimated recall {info.retrievability:.0%})."
        if c and c["missed_blanks"]:
            ja += f" よく間違える行: {c['missed_blanks'][0]['reference']}"
            en += f" The line you miss most: {c['missed_blanks'][0]['reference']}"
        add("due", f"examprep drill {prob.id}", ja, en, prob.id)
    weak = [c for c in components if c["solve_rate"] is not None and c["solve_rate"] < 0.6 and c["problem"] not in
            {p.id for p, _ in plan.due}]
    weak.sort(key=lambda c: (c["solve_rate"], -c["attempts"], c["problem"]))
    for c in weak[:1]:
        add("weak", f"examprep drill {c['problem']} --level easy",
            f"{c['attempts']} 回のうち解けたのは {c['solved']} 回です。空欄を減らして形を覚え直します。",
            f"you solved it in {c['solved']} of {c['attempts']} runs: fewer blanks to relearn its shape.", c["problem"])
    line = pass_line()
    measured = [a for a in readiness if a["verdict"] in ("not_ready", "uncertain") and a["exam"]["n"]]
    measured.sort(key=lambda a: (a["rate"], a["area"]))
    for a in measured[:1]:
        add("area", f"examprep mock-exam --area {a['area']} --questions 20 --minutes 25",
            f"分野{a['area']} ({a['title']['ja']}) の正解率は {a['correct']}/{a['n']} で、合格ライン {line:.0%} "
            f"(仮定) に届いていない可能性があります。",
            f"area {a['area']} ({a['title']['en']}): {a['correct']}/{a['n']} right, possibly below the assumed "
            f"{line:.0%} pass line.")
    if plan.new:
        prob = plan.new[0]
        left = len(plan.new)
        add("new", f"examprep drill {prob.id}",
            f"未着手の問題が {left} 問あります。前提の順でこれが最初です ({prob.title['ja']})。",
            f"{left} problem(s) never tried; this one comes first in prerequisite order ({prob.title['en']}).",
            prob.id)
    if not exams:
        add("exam", "examprep mock-exam --questions 20 --minutes 25",
            "模試をまだ受けていません。ドリルだけでは分野 1・2・4・5 と本番形式の力は測れません。",
            "no mock exam yet: drills alone do not measure areas 1, 2, 4 and 5 or exam conditions.")
    elif untried["count"] and len(steps) < NEXT_SHOWN:
        add("exam", "examprep mock-exam --questions 20 --minutes 25",
            f"一度も解いていないシラバス項目が {untried['count']} 個あります。短い模試で触れておきます。",
            f"{untried['count']} syllabus items never tried: a short mock exam touches them.")
    return steps[:NEXT_SHOWN]
