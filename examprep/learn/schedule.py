"""Review scheduling with FSRS (the `fsrs` package): cards, the order of new problems, the plan and the queue.

Each problem is a card; each run (examprep.learn.reviews: a drill or practice of a problem with all its rounds, or a
check) is one review with the rating it earns. The runs of every problem are replayed in time order through
fsrs.Scheduler (default parameters, no fuzzing, so the same history always gives the same schedule). Nothing about a
card is stored: it is derived from the history each time, so export / import can never leave it out of step.

For other commands: cards(runs, now), plan(...), queue(store, problems, now=None, area=None) -> problem ids to serve
(due first, then new), prerequisite_order(problems). `examprep next` shows the plan (examprep.learn.whatnext).
"""
from dataclasses import dataclass
from datetime import datetime

from examprep.common.timefmt import iso, utc_now
from examprep.learn.reviews import runs, with_exam_answers

RATING_NAMES = {1: "again", 2: "hard", 3: "good", 4: "easy"}
STATE_NAMES = {1: "learning", 2: "review", 3: "relearning"}


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


def queue(store, problems, now=None, area=None):
    """Problem ids to serve next: due ones (weakest, most overdue first), then new ones (prerequisites first).

    store: a progress.Store; problems: catalog.load_all() (a dict) or a list of Problems; area: as
    `examprep list --area` (an area key '3', a section name or an item id), None for all. Problems that are
    not due yet are left out.
    """
    p = plan(with_exam_answers(store.attempts(), store.exam_answers()), problems, now=now, area=area)
    return [prob.id for prob, _ in p.due] + [prob.id for prob in p.new]


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

