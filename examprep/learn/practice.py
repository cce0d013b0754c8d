"""`examprep practice`: a timed session of drills, one after another.

Selection: the problems named (all checked first: an unknown id is an error, exit 2),
or those of --area, or with neither what examprep.learn.schedule.queue serves (due first,
then new, prerequisites first). With --area the area's due and new problems come
first, then the rest of the area. The selection is served in turn until the time runs
out; a problem passed in this session is not served again, one missed or skipped (n)
comes back when its turn comes round, and when every problem has passed the session
ends early.

Each problem is a fresh hole (random seed) drilled by examprep.learn.drill.drill_one with the
session's Countdown: the prompt shows the time left ("[12:04] (あ) col = "), verdicts
come at once, and the time taken and time left follow each verdict. The clock stops
while examprep prepares a hole. Every graded round is recorded at once (mode
"practice", session_id of the session's row in the progress store). When the time runs
out mid-question the answer in progress is graded if every unsolved blank has an answer,
and recorded as unfinished otherwise (examprep.learn.drill._time_up).

The session ends when the time is up, every problem has passed, or on q: exit 0. Ctrl-C
or Ctrl-D end it too, with exit 130. Each way shows the summary (each item's result and
time, totals, what to review), which is also saved with the session (end_session).
"""
import random
import time
from contextlib import closing

from examprep.common import errors, i18n
from examprep.common.table import print_table
from examprep.common.timefmt import clock
from examprep.common.i18n import pick

TEXT = {
    "intro": {"ja": "練習セッション: {n} 問から出題、制限時間 {time}。各空欄の行を入力してください。"
                    "? ヒント / ! 答えを見る / c コード全体 / n 次の問題へ / q 練習を終える。複数行は空行で終わります。",
              "en": "Practice session: {n} problem(s), {time} on the clock. Type the line for each blank. "
                    "? hint / ! reveal / c whole code / n next problem / q end the session. End a multi-line answer "
                    "with an empty line."},
    "question": {"ja": "第 {k} 問 ・ 残り {left}", "en": "Question {k} · {left} left"},
    "ended_time": {"ja": "⏰ 時間切れで練習を終了しました。", "en": "⏰ Time is up: the session is over."},
    "ended_all": {"ja": "🎉 すべての問題を正解しました。", "en": "🎉 Every problem is passed: the session is over."},
    "ended_quit": {"ja": "練習を終了しました。", "en": "Session ended."},
    "ended_interrupt": {"ja": "中断しました。", "en": "Interrupted."},
    "summary": {"ja": "練習の結果", "en": "Session summary"},
    "totals": {"ja": "{items} 問中 正解 {solved} ・ 答えを見て正解 {revealed} ・ 不正解 {missed} ・ 未完 {unfinished}"
                     " ・ スキップ {skipped} ・ 中断 {stopped}。合計 {total} (1 問平均 {avg})。",
               "en": "{solved} solved · {revealed} revealed · {missed} missed · {unfinished} unfinished · "
                     "{skipped} skipped · {stopped} stopped, of {items} item(s). Total {total} ({avg} per item)."},
    "review": {"ja": "復習すること", "en": "What to review"},
    "review_none": {"ja": "復習が必要な問題はありません。", "en": "Nothing to review."},
    "review_blank": {"ja": "    {label} {how}: {code}", "en": "    {label} {how}: {code}"},
    "how_missed": {"ja": "間違えた", "en": "missed"},
    "how_revealed": {"ja": "答えを見た", "en": "revealed"},
    "review_more": {"ja": "解説と模範解答: examprep show ID ・ もう一度: examprep drill ID",
                    "en": "Explanation and reference: examprep show ID · again: examprep drill ID"},
    "nothing_due": {"ja": "今は出題する問題がありません (復習の期限が来た問題も未着手の問題もありません)。"
                          "問題 ID (examprep practice softmax relu) か --area で選んでください。",
                    "en": "Nothing to serve: nothing is due for review and no problem is new. Name problems "
                          "(examprep practice softmax relu) or pick an area with --area."},
    "ids_and_area": {"ja": "問題 ID と --area は同時に指定できません。", "en": "give problem ids or --area, not both."},
    "no_area": {"ja": "分野 '{area}' の問題はありません。", "en": "no problems in area '{area}'."},
    "col_n": {"ja": "#", "en": "#"},
    "col_problem": {"ja": "問題", "en": "Problem"},
    "col_result": {"ja": "結果", "en": "Result"},
    "col_time": {"ja": "時間", "en": "Time"},
    "col_solved": {"ja": "自力で正解した空欄", "en": "Blanks solved"},
    "col_hints": {"ja": "ヒント", "en": "Hints"},
    "col_revealed": {"ja": "答えを見た", "en": "Revealed"},
}
RESULTS = {
    "solved": {"ja": "✓ 正解", "en": "✓ solved"},
    "revealed": {"ja": "👁 答えを見て正解", "en": "👁 revealed"},
    "missed": {"ja": "✗ 不正解", "en": "✗ missed"},
    "unfinished": {"ja": "⏰ 未完", "en": "⏰ unfinished"},
    "skipped": {"ja": "→ スキップ", "en": "→ skipped"},
    "stopped": {"ja": "■ 中断", "en": "■ stopped"},
}
REVIEW_RESULTS = ("missed", "unfinished", "revealed", "skipped")


# --- what to serve ------------------------------------------------------------------------------------------

def _queue(store, problems, area=None):
    """examprep.learn.schedule.queue's ids (due first, then new), or None when the scheduler is not available."""
    try:
        from examprep.learn import schedule
    except ImportError:
        return None
    queue = getattr(schedule, "queue", None)
    if queue is None:
        return None
    return list(queue(store, problems, area=area))


def _never_passed(store, problems):
    passed = {a.problem for a in store.attempts() if a.passed}
    return [p.id for p in problems if p.id not in passed]


def select(args):
    """The problem ids to serve, in order; an int (exit code) when the selection is bad.

    Raises catalog.UnknownProblem for an unknown id (the CLI suggests close ones).
    """
    from examprep.problem import catalog
    from examprep.learn import progress

    if args.problems and args.area:
        return errors.fail(args.lang, TEXT["ids_and_area"])
    if args.problems:
        ids = []
        for pid in args.problems:
            problem = catalog.get(pid)  # every id is checked before the session starts
            if problem.id not in ids:
                ids.append(problem.id)
        return ids
    problems = list(catalog.load_all().values())
    if args.area:
        in_area = [p for p in problems if p.in_area(args.area)]
        if not in_area:
            return errors.fail(args.lang, TEXT["no_area"], area=args.area)
        with closing(progress.Store()) as store:
            queued = _queue(store, in_area, area=args.area) or []
        area_ids = [p.id for p in in_area]
        first = [pid for pid in queued if pid in area_ids]
        return first + [pid for pid in area_ids if pid not in first]
    with closing(progress.Store()) as store:
        queued = _queue(store, problems)
        if queued is None:  # no scheduler: the problems never passed, in catalog order
            queued = _never_passed(store, problems)
    return queued


# --- the session --------------------------------------------------------------------------------------------

class _Turns:
    """The selection served in turn, skipping what has passed, starting again from the top at the end."""

    def __init__(self, ids):
        self.ids = list(ids)
        self.done = set()
        self.position = 0

    def next(self):
        if len(self.done) >= len(self.ids):
            return None
        while self.ids[self.position % len(self.ids)] in self.done:
            self.position += 1
        pid = self.ids[self.position % len(self.ids)]
        self.position += 1
        return pid


def main(args):
    from examprep.problem import catalog
    from examprep.learn import drill, progress
    from examprep.hole import holes
    from examprep.common import render

    lang = args.lang
    ids = select(args)
    if isinstance(ids, int):
        return ids
    con = render.console()
    if not ids:
        con.print(i18n.text(TEXT, "nothing_due", lang))
        return 0
    level = args.level or ("normal" if args.blanks is None else None)
    minutes = args.minutes
    with closing(progress.Store()) as store:
        session_id = store.start_session("practice", planned_minutes=minutes)
    countdown = drill.Countdown(minutes * 60)
    started = time.monotonic()
    con.print(f"[bold]{i18n.text(TEXT, 'intro', lang, n=len(ids), time=clock(minutes * 60))}[/bold]")
    turns = _Turns(ids)
    outcomes = []
    ended_by = "quit"
    try:
        while True:
            pid = turns.next()
            if pid is None:
                ended_by = "all_passed"
                break
            if countdown.remaining() <= 0:
                ended_by = "time"
                break
            problem = catalog.get(pid)
            with countdown.paused(), render.status(con, lang, "prepare"):
                hole = holes.make(problem, level=level or "normal", blanks=args.blanks, seed=random.randrange(1000),
                                  lang=lang)
            con.print()
            left = clock(countdown.remaining())
            con.print(f"[bold cyan]{i18n.text(TEXT, 'question', lang, k=len(outcomes) + 1, left=left)}[/bold cyan]")
            drill.show(con, problem, hole, lang, intro=False)
            outcome = drill.drill_one(con, problem, hole, lang, mode="practice", session_id=session_id,
                                      countdown=countdown, allow_skip=True)
            outcomes.append(outcome)
            if outcome.passed:
                turns.done.add(pid)
            if outcome.interrupted:
                ended_by = "interrupt"
                break
            if outcome.quit:
                ended_by = "quit"
                break
            if outcome.time_up:
                ended_by = "time"
                break
    except (KeyboardInterrupt, EOFError):  # while a hole was being prepared
        con.print()
        ended_by = "interrupt"
    elapsed = time.monotonic() - started
    summary = summarize(outcomes, ended_by, minutes, elapsed)
    show_summary(con, summary, lang)
    try:
        with closing(progress.Store()) as store:
            store.end_session(session_id, summary)
    except progress.StoreError as exc:
        con.print(f"[red]{exc.message(lang)}[/red]")
    return 130 if ended_by == "interrupt" else 0


def summarize(outcomes, ended_by, planned_minutes, elapsed):
    """The session's summary as saved with it (JSON)."""
    items = []
    for o in outcomes:
        items.append({
            "problem": o.problem, "result": o.result, "seconds": round(o.seconds, 2),
            "level": o.hole.level, "seed": o.hole.seed, "blanks": len(o.states), "solved_blanks": o.solved_blanks,
            "hints": o.hints, "reveals": o.reveals, "rounds": o.rounds,
            "review": [{"label": s.label, "reference": s.candidate.text, "revealed": s.revealed, "misses": s.misses}
                       for s in o.review_blanks()],
        })
    counts = {r: sum(1 for i in items if i["result"] == r) for r in RESULTS}
    return {"ended_by": ended_by, "planned_minutes": planned_minutes, "elapsed_seconds": round(elapsed, 2),
            "items": items, "totals": dict(counts, items=len(items),
                                           seconds=round(sum(i["seconds"] for i in items), 2))}


def show_summary(con, summary, lang):
    from examprep.problem import catalog

    ended = {"time": "ended_time", "all_passed": "ended_all", "quit": "ended_quit",
             "interrupt": "ended_interrupt"}[summary["ended_by"]]
    con.print()
    con.print(f"[bold]{i18n.text(TEXT, ended, lang)}[/bold]")
    header = [i18n.text(TEXT, k, lang) for k in ("col_n", "col_problem", "col_result", "col_time", "col_solved",
                                                 "col_hints", "col_revealed")]
    rows = []
    titles = {}
    for k, item in enumerate(summary["items"], 1):
        try:
            titles[item["problem"]] = catalog.get(item["problem"]).title[lang]
        except Exception:  # noqa: BLE001 - a title is only decoration
            titles[item["problem"]] = ""
        rows.append([str(k), item["problem"], pick(RESULTS[item["result"]], lang), clock(item["seconds"], up=False),
                     f"{item['solved_blanks']}/{item['blanks']}", str(item["hints"]), str(item["reveals"])])
    print_table(con, i18n.text(TEXT, "summary", lang), header, rows, right=(0, 3, 4, 5, 6), optional=(6, 5))
    totals = summary["totals"]
    n = totals["items"]
    con.print(i18n.text(TEXT, "totals", lang, items=n, solved=totals["solved"], revealed=totals["revealed"],
                        missed=totals["missed"], unfinished=totals["unfinished"], skipped=totals["skipped"],
                        stopped=totals.get("stopped", 0), total=clock(totals["seconds"], up=False),
                        avg=clock(totals["seconds"] / n if n else 0, up=False)))
    con.print()
    con.print(f"[bold]{i18n.text(TEXT, 'review', lang)}[/bold]")
    listed = False
    for item in summary["items"]:
        if item["result"] not in REVIEW_RESULTS and not item["review"]:
            continue
        listed = True
        con.print(f"  [bold]{item['problem']}[/bold] {titles.get(item['problem'], '')} "
                  f"({pick(RESULTS[item['result']], lang)})", highlight=False)
        for b in item["review"]:
            how = i18n.text(TEXT, "how_revealed" if b["revealed"] else "how_missed", lang)
            con.print(i18n.text(TEXT, "review_blank", lang, label=b["label"], how=how, code=b["reference"]),
                      markup=False, highlight=False)
    if listed:
        con.print(f"[dim]{i18n.text(TEXT, 'review_more', lang)}[/dim]")
    else:
        con.print(i18n.text(TEXT, "review_none", lang))
