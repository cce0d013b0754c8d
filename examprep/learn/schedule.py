"""Review scheduling with FSRS (the `fsrs` package) and `examprep next`.

Each problem is a card. Each *attempt run* is one review:

- a run is the rounds of one drill or practice of a problem (rows with the same
  session_id and problem), or a single `examprep check` row;
- its rating: Again when it never passed, a blank was revealed or time ran out;
  Hard when it passed after a retry or with hints; Good when its first round
  passed without hints; Easy when, in addition, it took under EASY_SECONDS_PER_BLANK
  seconds per blank.

The runs of every problem are replayed in time order through fsrs.Scheduler
(default parameters, no fuzzing, so the same history always gives the same
schedule). Nothing about a card is stored: it is derived from the history each
time, so export / import can never leave it out of step.

For other commands: runs(attempts), cards(runs, now), plan(...), queue(store,
problems, now=None, area=None) -> problem ids to serve (due first, then new),
prerequisite_order(problems).
"""
import json
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from examprep.common.i18n import pick

SCHEMA = "examprep.next/1"
EASY_SECONDS_PER_BLANK = 30.0
RATING_NAMES = {1: "again", 2: "hard", 3: "good", 4: "easy"}
STATE_NAMES = {1: "learning", 2: "review", 3: "relearning"}

TEXT = {
    "title": {"ja": "次にやる問題", "en": "What to practise next"},
    "no_history": {"ja": "まだ解答の記録がありません。前提となる問題から順に始めましょう:",
                   "en": "No attempts recorded yet. Start with these, prerequisites first:"},
    "due": {"ja": "復習の期限が来た問題 ({n} 件)", "en": "Due for review ({n})"},
    "new": {"ja": "未着手の問題 ({n} 件)", "en": "New problems ({n})"},
    "later": {"ja": "期限前の問題", "en": "Not due yet"},
    "nothing_due": {"ja": "今は復習の期限が来た問題はありません。", "en": "Nothing is due for review right now."},
    "all_tried": {"ja": "すべての問題に一度は取り組みました。", "en": "You have tried every problem at least once."},
    "more": {"ja": "… ほか {n} 件 (--limit で表示数を変更)", "en": "… and {n} more (--limit shows more)"},
    "start": {"ja": "始めるには: {cmd}", "en": "To start: {cmd}"},
    "howto": {"ja": "examprep drill ID で 1 問、examprep practice で期限の来た問題から連続で練習します。",
              "en": "examprep drill ID drills one; examprep practice serves what is due, one after another."},
    "col_id": {"ja": "ID", "en": "ID"},
    "col_problem": {"ja": "問題", "en": "Problem"},
    "col_item": {"ja": "項目", "en": "Item"},
    "col_due": {"ja": "期限", "en": "Due"},
    "col_last": {"ja": "前回", "en": "Last result"},
    "col_lapses": {"ja": "失敗", "en": "Lapses"},
    "col_recall": {"ja": "想起率", "en": "Recall"},
    "col_requires": {"ja": "前提", "en": "Requires"},
    "rating_again": {"ja": "✗ 不正解", "en": "✗ again"},
    "rating_hard": {"ja": "△ 難しい", "en": "△ hard"},
    "rating_good": {"ja": "○ 正解", "en": "○ good"},
    "rating_easy": {"ja": "◎ 余裕", "en": "◎ easy"},
    "ago": {"ja": "{t}前", "en": "{t} ago"},
    "in": {"ja": "{t}後", "en": "in {t}"},
    "now": {"ja": "今", "en": "now"},
}


def t(key, lang, **kw):
    return pick(TEXT[key], lang).format(**kw)


# --- time ---------------------------------------------------------------------------------------------------


def parse_time(text):
    """An ISO 8601 timestamp from the store as an aware UTC datetime (naive ones are taken as UTC); None if bad."""
    try:
        value = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except (TypeError, ValueError):
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


def utc_now():
    return datetime.now(timezone.utc)


def iso(value):
    return value.astimezone(timezone.utc).isoformat(timespec="seconds") if value else None


def span(delta, lang):
    """A short duration: 5 min, 3 h, 2 d (4 分, 3 時間, 2 日)."""
    secs = abs(delta.total_seconds())
    if secs < 3600:
        n, unit = max(1, round(secs / 60)), ("分", "min")
    elif secs < 86400 * 1.5:
        n, unit = round(secs / 3600), ("時間", "h")
    else:
        n, unit = round(secs / 86400), ("日", "d")
    return f"{n} {unit[0]}" if lang == "ja" else f"{n} {unit[1]}"


def relative(when, now, lang):
    delta = when - now
    if -60 < delta.total_seconds() <= 0:
        return t("now", lang)  # due within the last minute; a time still ahead always reads "in 1 min" at least
    return t("in" if delta.total_seconds() > 0 else "ago", lang, t=span(delta, lang))


# --- runs and ratings ---------------------------------------------------------------------------------------


@dataclass
class Run:
    """One review: a drill / practice of a problem (all its rounds) or one check."""
    problem: str
    mode: str
    started: datetime            # the first round's time: the review's time
    ended: datetime
    rounds: int
    passed: bool                 # some round passed
    solved: bool                 # passed, no blank revealed, not unfinished
    first_try: bool              # the first round passed without a reveal
    retried: bool                # it passed only after a failed round
    hints: int
    reveals: int
    unfinished: bool
    seconds: float = None        # time on the question (the last round's cumulative seconds); None for checks
    blanks: int = None           # None: a whole file
    blank_refs: list = field(default_factory=list)   # reference text of every blank
    missed: list = field(default_factory=list)       # reference text of blanks failed in some round or revealed
    session_id: str = None
    ids: list = field(default_factory=list)

    @property
    def rating(self):
        return rating_of(self)


def rating_of(run):
    """The FSRS rating (1 Again, 2 Hard, 3 Good, 4 Easy) a run earns."""
    if not run.passed or run.reveals or run.unfinished:
        return 1
    if run.retried or run.hints:
        return 2
    if run.seconds is not None and run.blanks and run.seconds / run.blanks < EASY_SECONDS_PER_BLANK:
        return 4
    return 3


def runs(attempts):
    """Group attempts (oldest first) into runs, ordered by their start time."""
    groups = {}
    order = []
    last_check = {}
    for a in attempts:
        when = parse_time(a.created_at)
        if when is None:
            continue
        if a.unfinished and not a.blank_results:
            continue  # time ran out before anything was answered: no review, no attempt
        if a.mode == "check":
            # Checking the same file again is not another attempt: it joins the run of the first check.
            if last_check.get(a.problem, (None,))[0] == a.answer and a.answer is not None:
                groups[last_check[a.problem][1]].append((when, a))
                continue
        if a.session_id and a.mode != "check":
            key = ("session", a.session_id, a.problem)
        else:
            key = ("row", a.id or id(a))
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append((when, a))
        if a.mode == "check":
            last_check[a.problem] = (a.answer, key)
    out = []
    for k in order:
        out.extend(_run(rows) for rows in _split(sorted(groups[k], key=lambda pair: pair[0])))
    out.sort(key=lambda r: r.started)
    return out


RESTART_SLACK = 3.0   # seconds: created_at is whole seconds, so one drill's implied start wobbles by about 1 s


def _split(rows):
    """The rounds of one session and problem, cut where a new drill of it began: after a pass or an unfinished
    round, or where the drill's clock was restarted (each round records the seconds since its drill began, so
    the rounds of one drill imply the same start time: created_at - seconds)."""
    current = []
    for when, a in rows:
        if current:
            prev_when, prev = current[-1]
            restarted = False
            if a.seconds is not None and prev.seconds is not None:
                start = when - timedelta(seconds=a.seconds)
                prev_start = prev_when - timedelta(seconds=prev.seconds)
                restarted = a.seconds < prev.seconds or abs((start - prev_start).total_seconds()) > RESTART_SLACK
            recheck = a.mode == "check" and prev.mode == "check" and a.answer == prev.answer
            if (prev.passed or prev.unfinished or restarted) and not recheck:
                yield current
                current = []
        current.append((when, a))
    if current:
        yield current


def _run(upto):
    first_when, first = upto[0]
    pass_index = next((i for i, (_, a) in enumerate(upto) if a.passed), None)
    reveals = max((a.reveals or 0) for _, a in upto)
    reveals = max(reveals, max(sum(1 for b in a.blank_results or [] if isinstance(b, dict) and b.get("revealed"))
                               for _, a in upto))
    hints = max((a.hints or 0) for _, a in upto)
    unfinished = any(a.unfinished for _, a in upto) and pass_index is None
    seconds = [a.seconds for _, a in upto if a.seconds is not None]
    refs, missed = [], []
    for _, a in upto:
        for b in a.blank_results or []:
            if not isinstance(b, dict):
                continue
            ref = b.get("reference") or b.get("label") or "?"
            if ref not in refs:
                refs.append(ref)
            if (b.get("passed") is False or b.get("revealed")) and ref not in missed:
                missed.append(ref)
    first_revealed = (first.reveals or 0) > 0 or any(isinstance(b, dict) and b.get("revealed")
                                                     for b in first.blank_results or [])
    passed = pass_index is not None
    return Run(problem=first.problem, mode=first.mode, started=first_when, ended=upto[-1][0], rounds=len(upto),
               passed=passed, solved=passed and reveals == 0 and not unfinished,
               first_try=bool(first.passed) and not first_revealed, retried=bool(pass_index),
               hints=hints, reveals=reveals, unfinished=unfinished, seconds=max(seconds) if seconds else None,
               blanks=first.blanks, blank_refs=refs, missed=missed, session_id=first.session_id,
               ids=[a.id for _, a in upto])


# --- cards ----------------------------------------------------------------------------------------------------


@dataclass
class CardInfo:
    problem: str
    card: object                 # fsrs.Card after the last review
    reviews: int
    lapses: int                  # reviews rated Again
    last_rating: int
    last_seen: datetime
    retrievability: float

    @property
    def due(self):
        return self.card.due

    @property
    def state(self):
        return STATE_NAMES.get(int(self.card.state), str(self.card.state))

    def is_due(self, now):
        return self.card.due <= now


_SCHEDULER = []


def scheduler():
    """The FSRS scheduler: default parameters and steps, no fuzzing (the same history gives the same dates)."""
    if not _SCHEDULER:
        import fsrs

        _SCHEDULER.append(fsrs.Scheduler(enable_fuzzing=False))
    return _SCHEDULER[0]


def cards(all_runs, now=None):
    """problem id -> CardInfo, replaying each problem's runs in time order."""
    import fsrs

    now = now or utc_now()
    sched = scheduler()
    by_problem = {}
    for r in all_runs:
        by_problem.setdefault(r.problem, []).append(r)
    out = {}
    for problem, rs in by_problem.items():
        card = fsrs.Card(card_id=1, due=rs[0].started)
        lapses = 0
        for r in rs:
            duration = int(r.seconds * 1000) if r.seconds is not None else None
            card, _ = sched.review_card(card, fsrs.Rating(r.rating), review_datetime=r.started,
                                        review_duration=duration)
            lapses += r.rating == 1
        out[problem] = CardInfo(problem=problem, card=card, reviews=len(rs), lapses=lapses,
                                last_rating=rs[-1].rating, last_seen=rs[-1].ended,
                                retrievability=float(sched.get_card_retrievability(card, current_datetime=now)))
    return out


# --- ordering -------------------------------------------------------------------------------------------------


def _item_rank(problem):
    from examprep.problem.syllabus import ITEMS

    items = list(ITEMS)
    return (items.index(problem.item) if problem.item in items else len(items), problem.item, problem.id)


def prerequisite_order(problems):
    """Problems so that each one's `requires` (among those given) come before it; otherwise by syllabus item."""
    import heapq

    problems = list(problems.values()) if isinstance(problems, dict) else list(problems)
    by_id = {p.id: p for p in problems}
    waiting = {p.id: {r for r in p.requires if r in by_id and r != p.id} for p in problems}
    users = {}
    for pid, reqs in waiting.items():
        for r in reqs:
            users.setdefault(r, []).append(pid)
    heap = [(_item_rank(by_id[pid]), pid) for pid, reqs in waiting.items() if not reqs]
    heapq.heapify(heap)
    out = []
    while heap:
        _, pid = heapq.heappop(heap)
        out.append(by_id[pid])
        for u in users.get(pid, []):
            waiting[u].discard(pid)
            if not waiting[u]:
                heapq.heappush(heap, (_item_rank(by_id[u]), u))
    if len(out) < len(problems):      # a cycle in `requires`: the rest by item, so nothing is lost
        done = {p.id for p in out}
        out.extend(sorted((p for p in problems if p.id not in done), key=_item_rank))
    return out


@dataclass
class Plan:
    due: list        # [(Problem, CardInfo)]: last run failed first, then lowest retrievability, most lapses, most
                     # overdue
    new: list        # [Problem], prerequisites first
    later: list      # [(Problem, CardInfo)], soonest first
    has_history: bool
    now: datetime


def due_key(entry):
    _, info = entry
    return (0 if info.last_rating == 1 else 1, round(info.retrievability, 4), -info.lapses, info.due)


def plan(attempts, problems, now=None, area=None):
    """What is due, what is new and what comes later, from the attempts (oldest first) and the problems."""
    now = now or utc_now()
    problems = list(problems.values()) if isinstance(problems, dict) else list(problems)
    problems = [p for p in problems if p.in_area(area)]
    infos = cards(runs(attempts), now)
    due, later, new = [], [], []
    for p in problems:
        info = infos.get(p.id)
        if info is None:
            continue
        (due if info.is_due(now) else later).append((p, info))
    due.sort(key=due_key)
    later.sort(key=lambda e: (e[1].due, e[0].id))
    tried = set(infos)
    new = [p for p in prerequisite_order(problems) if p.id not in tried]
    return Plan(due=due, new=new, later=later, has_history=bool(infos), now=now)


def exam_attempts(answers):
    """Exam answers on code questions as attempts of their problem (issue 16): the code questions of one sitting
    on one problem make one attempt (one review), passed when every one was right, with one blank result per
    question; unanswered questions count as wrong, as in the exam's score. A right sitting rates Good, never
    Easy (no seconds are given): choosing among four options is easier than writing the line. Other questions
    (knowledge, calc) have no problem and are not reviews of a drill."""
    from examprep.learn.progress import Attempt

    grouped = {}
    for row in answers:
        if row.get("problem") and str(row.get("kind", "")).startswith("code"):
            grouped.setdefault((row["session_id"], row["problem"]), []).append(row)
    out = []
    for (session_id, problem), rows in grouped.items():
        out.append(Attempt(problem=problem, mode="exam", passed=all(r["correct"] for r in rows), blanks=len(rows),
                           blank_results=[{"reference": r["question_id"], "passed": bool(r["correct"])} for r in rows],
                           answer=None, seconds=None, session_id=session_id,
                           created_at=min(r["created_at"] for r in rows), id=f"exam:{session_id}:{problem}"))
    return out


def with_exam_answers(attempts, answers):
    """Attempts and exam attempts together, oldest first (what the schedule is derived from)."""
    return sorted(list(attempts) + exam_attempts(answers), key=lambda a: a.created_at or "")


def queue(store, problems, now=None, area=None):
    """Problem ids to serve next: due ones (weakest, most overdue first), then new ones (prerequisites first).

    store: a progress.Store; problems: catalog.load_all() (a dict) or a list of Problems; area: as
    `examprep list --area` (an area key '3', a section name or an item id), None for all. Problems that are
    not due yet are left out.
    """
    p = plan(with_exam_answers(store.attempts(), store.exam_answers()), problems, now=now, area=area)
    return [prob.id for prob, _ in p.due] + [prob.id for prob in p.new]


# --- `examprep next` ------------------------------------------------------------------------------------------


def load_attempts():
    """Every attempt, without creating a database when there is none yet."""
    from examprep.learn import progress

    if not progress.db_path().exists():
        return []
    with progress.Store() as store:
        return with_exam_answers(store.attempts(), store.exam_answers())


def card_json(problem, info, now):
    return {"problem": problem.id, "title": problem.title, "area": problem.area_key(), "item": problem.item,
            "due": iso(info.due), "overdue_days": round((now - info.due).total_seconds() / 86400, 3),
            "state": info.state, "retrievability": round(info.retrievability, 4), "reviews": info.reviews,
            "lapses": info.lapses, "last_rating": RATING_NAMES[info.last_rating], "last_seen": iso(info.last_seen)}


def new_json(problem):
    return {"problem": problem.id, "title": problem.title, "area": problem.area_key(), "item": problem.item,
            "requires": list(problem.requires)}


def to_json(p, limit):
    todo = limit
    due = p.due[:todo]
    new = p.new[:max(0, todo - len(due))]
    return {"schema": SCHEMA, "generated_at": iso(p.now), "has_history": p.has_history, "limit": limit,
            "counts": {"due": len(p.due), "new": len(p.new), "later": len(p.later)},
            "due": [card_json(prob, info, p.now) for prob, info in due],
            "new": [new_json(prob) for prob in new],
            "later": [card_json(prob, info, p.now) for prob, info in p.later[:limit]]}


def main(args):
    from examprep.problem import catalog

    lang = args.lang
    limit = getattr(args, "limit", 10) or 10
    p = plan(load_attempts(), catalog.load_all(), area=getattr(args, "area", None))
    if getattr(args, "json", False):
        sys.stdout.write(json.dumps(to_json(p, limit), ensure_ascii=False, indent=2) + "\n")
        return 0
    from examprep.common import render

    show(render.console(), p, lang, limit)
    return 0


def show(con, p, lang, limit):
    con.rule(f"[bold]{t('title', lang)}[/bold]")
    if not p.has_history:
        con.print(t("no_history", lang))
        con.print()
        _new_table(con, p.new[:limit], lang, len(p.new))
        if p.new:
            con.print(t("start", lang, cmd=f"[bold cyan]examprep drill {p.new[0].id}[/bold cyan]"))
        return
    shown = 0
    if p.due:
        header = [t(k, lang) for k in ("col_id", "col_problem", "col_item", "col_due", "col_last", "col_lapses",
                                        "col_recall")]
        rows = [[prob.id, prob.title[lang], prob.item, relative(info.due, p.now, lang),
                 t("rating_" + RATING_NAMES[info.last_rating], lang), str(info.lapses),
                 f"{info.retrievability:.0%}"] for prob, info in p.due[:limit]]
        print_table(con, t("due", lang, n=len(p.due)), header, rows, right=(5, 6), optional=(2, 6, 5), flex=(1,))
        if len(p.due) > limit:
            con.print(f"[dim]{t('more', lang, n=len(p.due) - limit)}[/dim]")
            con.print()
        shown = min(limit, len(p.due))
    else:
        con.print(f"[green]{t('nothing_due', lang)}[/green]")
        con.print()
    if p.new and shown < limit:
        _new_table(con, p.new[:limit - shown], lang, len(p.new))
    elif not p.new:
        con.print(f"[dim]{t('all_tried', lang)}[/dim]")
        con.print()
    if p.later:
        header = [t(k, lang) for k in ("col_id", "col_problem", "col_due", "col_last")]
        rows = [[prob.id, prob.title[lang], relative(info.due, p.now, lang),
                 t("rating_" + RATING_NAMES[info.last_rating], lang)] for prob, info in p.later[:limit]]
        print_table(con, t("later", lang), header, rows, flex=(1,), style="dim")
    con.print(f"[dim]{t('howto', lang)}[/dim]")


def _new_table(con, problems, lang, total):
    if not problems:
        return
    header = [t(k, lang) for k in ("col_id", "col_problem", "col_item", "col_requires")]
    rows = [[prob.id, prob.title[lang], prob.item, ", ".join(prob.requires)] for prob in problems]
    print_table(con, t("new", lang, n=total), header, rows, optional=(2,), flex=(1, 3))
    if total > len(problems):
        con.print(f"[dim]{t('more', lang, n=total - len(problems))}[/dim]")
        con.print()


# --- tables (shared with examprep.learn.report) ---------------------------------------------------------------------

FLEX_WIDTH = 16   # a flexible column (a title) may wrap down to this width


def _plain_width(text):
    from rich.cells import cell_len
    from rich.text import Text

    return cell_len(Text.from_markup(str(text)).plain)


def _min_width(header, rows, i, flex=()):
    """Wide enough for every cell and the header of the column (a flexible one wraps: FLEX_WIDTH and the
    header's longest word)."""
    cells = max((_plain_width(r[i]) for r in rows), default=0)
    if i in flex:
        return max(max((_plain_width(w) for w in str(header[i]).split()), default=0), min(cells, FLEX_WIDTH))
    return max(_plain_width(header[i]), cells)


def fit_columns(header, rows, width, optional=(), flex=()):
    """The columns to show: all, less the optional ones (in that order) while they do not fit in width."""
    keep = list(range(len(header)))
    for drop in optional:
        need = sum(_min_width(header, rows, i, flex) for i in keep) + 2 * len(keep)
        if need <= width:
            break
        keep.remove(drop)
    return keep


def print_table(con, title, header, rows, right=(), optional=(), flex=(), style=None):
    """A rich table that fits the terminal: figures never wrap, optional columns go first when it is narrow."""
    from rich import box
    from rich.table import Table

    keep = fit_columns(header, rows, con.width, optional, flex)
    table = Table(title=f"[bold]{title}[/bold]", title_justify="left", box=box.SIMPLE_HEAD, show_edge=False,
                  pad_edge=False, padding=(0, 1, 0, 0), style=style)
    for i in keep:
        table.add_column(header[i], justify="right" if i in right else "left",
                         style="bold cyan" if i == 0 and header[i] == "ID" else style,
                         min_width=_min_width(header, rows, i, flex), no_wrap=i not in flex,
                         overflow="fold")     # too narrow still: fold onto the next line, never cut with "…"
    for row in rows:
        table.add_row(*[row[i] for i in keep])
    con.print(table)
    con.print()
