"""Which questions an exam holds: per-area quotas from AREA_WEIGHTS, sets kept together, the syllabus covered.

The JDLA does not publish how many questions each syllabus area gets. AREA_WEIGHTS is
examprep's assumption, from learners' reports of recent sittings: deep-learning
foundations are about half the exam, applications about a fifth, and the mathematical
foundations, machine learning and deployment share the rest. It is stated in the
exam's header and in ARCHITECTURE.md. With --area the weights of the chosen areas are
scaled to sum to one.

Quotas are whole numbers from the weights by the largest-remainder method, so every
area is within one question of weight × count. Each area's quota is filled in this order
(issue 16: an exam that looks like the E資格):

1. scenario sets of the area (an LSTM and an attention listing in area 3, a detection
   scenario in area 4; examprep.exam.scenarios), when the quota has room for them;
2. code sets (CODE_SHARE of the quota where the area has problems): blanks of the NumPy problems in sets of 3–4
   sharing one listing; a set whose listing would show an earlier question's answer, or a
   blank's symmetric partner (`x_max` beside `y_max`), is not used (examprep.exam.giveaways);
3. knowledge sets (KNOWLEDGE_SHARE of the quota): bank items and formula-choice questions
   in sets of 3–4 on one topic group (examprep.exam.knowledge.GROUPS), one sub-item per
   question where the group has enough, sub-items the exam has not asked yet first;
4. calculation questions for the rest, templates of sub-items not yet asked first, no
   template behind more than MAX_PER_SOURCE questions.

No question repeats another: not the same stem, not the same options, not the same code answer
(nor the same assigned or returned value: `db = ...` and `self.db = ...`) (examprep.exam.seen); a code set is taken whole
(one cut would leave a blank no question asks), made again without the lines that repeat. Typed (code_free) questions only with typed=True (one code blank in FREE_EVERY). A set that
would overflow its area's quota is cut (its first questions kept). Sets are shuffled within their
area and areas come in syllabus order, as in the real exam.
"""
import functools
import random

from examprep.common.errors import BilingualError
from examprep.exam.code_walk import SET_SIZES, code_sets
from examprep.exam.seen import Seen
from examprep.problem.syllabus import AREAS, area_of

AREA_WEIGHTS = {"1": 0.10, "2": 0.10, "3": 0.55, "4": 0.20, "5": 0.05}
CODE_SHARE = {"3": 0.45, "4": 0.15}   # of an area's quota, where it has NumPy problems (others: DEFAULT_CODE_SHARE)
DEFAULT_CODE_SHARE = 0.2
KNOWLEDGE_SHARE = {"1": 0.6, "2": 0.6, "3": 0.35, "4": 0.7, "5": 0.6}
FREE_EVERY = 8
SCENARIO_MIN_QUOTA = 8           # an area's quota must leave room besides a scenario set
SET_OF_THREE = 3                 # the calc templates whose sets hold this many questions are drawn first
class CompositionError(BilingualError):
    """An exam that cannot be composed as asked (an area without questions, say)."""


def resolve_area(text):
    """'3', '深層学習の基礎' or 'Deep learning foundations' -> '3'; None when unknown."""
    text = str(text).strip()
    for key, names in AREAS.items():
        if text == key or text in (names["ja"], names["en"]) or text.lower() == names["en"].lower():
            return key
    return None


def quotas(count, areas=None):
    """{area: number of questions}, summing to count, each within one of weight × count (largest remainder)."""
    keys = sorted(areas or AREA_WEIGHTS)
    total = sum(AREA_WEIGHTS[k] for k in keys)
    exact = {k: count * AREA_WEIGHTS[k] / total for k in keys}
    out = {k: int(exact[k]) for k in keys}
    for k in sorted(keys, key=lambda k: (-(exact[k] - out[k]), k))[:count - sum(out.values())]:
        out[k] += 1
    return out


def _split(n):
    """Set sizes of 3 and 4 that add up to n (n < 3 and n = 5 cannot: [n] and [3, 2])."""
    if n <= 4:
        return [n]
    if n == 5:
        return [3, 2]
    k, r = divmod(n, 3)
    return [3] * (k - r) + [4] * r


def _knowledge_pool(area):
    """{group: [(item, maker)]}: bank items and formula families of the area; maker(seed, set_id) -> Question."""
    from examprep.exam import knowledge
    from examprep.exam.formula import questions as formulas

    pool = {}
    for item, entries in knowledge.by_area()[area]["items"].items():
        for entry in entries:
            pool.setdefault(knowledge.group_of(item), []).append(
                (item, f"bank:{entry['id']}", lambda seed, set_id, e=entry: knowledge.question(e, seed, set_id)))
    for fid, family in formulas.FAMILIES.items():
        if area_of(family["item"]) == area:
            pool.setdefault(knowledge.group_of(family["item"]), []).append(
                (family["item"], f"formula:{fid}", lambda seed, set_id, f=fid: formulas.formula_question(f, seed, set_id)))
    return pool


def _knowledge_sets(area, want, seed, rng, seen):
    """Knowledge sets of 3–4 on one topic group, `want` questions in all, sub-items not yet asked first."""
    pool = _knowledge_pool(area)
    for entries in pool.values():
        rng.shuffle(entries)
    used, sets, total, n = set(), [], 0, 0
    while total < want:
        def fresh(group):   # an item whose concept another source asks or shows would be left out of its set
            return [e for e in pool[group] if e[1] not in used and not seen.concept_taken(e[1])]

        groups = [g for g in pool if fresh(g)]
        if not groups:
            break
        rng.shuffle(groups)
        groups.sort(key=lambda g: -len({e[0] for e in fresh(g) if e[0] not in seen.items}))
        group = groups[0]
        left = want - total
        new_items = len({e[0] for e in fresh(group) if e[0] not in seen.items})
        # A set of 4 where the group has 4 sub-items not asked yet and what is left still splits into 3s and 4s.
        size = 4 if new_items >= 4 and left - 4 in (0, 3, 4) or new_items >= 4 and left - 4 >= 6 else _split(left)[0]
        chosen, items = [], set()
        # New sub-items of the exam first, then sub-items new to the set, then any.
        for allowed in (lambda e: e[0] not in items and e[0] not in seen.items, lambda e: e[0] not in items,
                        lambda e: True):
            for entry in fresh(group):
                if len(chosen) < size and entry not in chosen and allowed(entry):
                    chosen.append(entry)
                    items.add(entry[0])
        set_id = f"knowledge:{area}:{group}:s{seed}:{n}"
        n += 1
        qs = []
        for item, source, make in chosen:
            used.add(source)
            q = make(seed, set_id)
            if seen.fits(q):
                seen.add(q)
                qs.append(q)
        if qs:
            sets.append(qs)
            total += len(qs)
    return sets


def _calc_sets(area, want, seed, rng, seen, exclude=()):
    """Calculation questions of the area's templates, `want` in all: templates of sub-items not yet asked and
    templates used least first, each template's set taken once (the same calculation with other numbers is a
    repeat: the eleventh examination's two conv-layer sets in one exam); fewer when the templates run out (the
    composer fills up with knowledge questions)."""
    from examprep.exam.calc import templates as calc_templates

    ids = [t for t in calc_templates.TEMPLATES if area_of(_template_item(t)) == area and t not in exclude]
    if not ids or want <= 0:
        return []
    sets, total, n, uses = [], 0, 0, {t: 0 for t in ids}
    while total < want and n < 40 * want:
        ids = [t for t in ids if not any(q.template in _template_names(t) for qs in sets for q in qs)]
        if not ids:
            break
        fresh = [t for t in ids if _template_item(t) not in seen.items]
        pool = fresh or ids
        least = min(uses[t] for t in pool)
        candidates = [t for t in pool if uses[t] == least]
        if want - total >= SET_OF_THREE:   # a scenario of three (a confusion matrix, a conv layer) before singles
            candidates = [t for t in candidates if _template_size(t) >= SET_OF_THREE] or candidates
        weights = [calc_templates.TEMPLATES[t][1] for t in candidates]
        template = rng.choices(candidates, weights)[0]
        # a question that does not fit leaves its place to the template's next one (metrics' spare measure)
        qs = seen.take(calc_templates.calc_set(template, seed * 1000 + n), most=want - total)
        n += 1
        uses[template] += 1
        if qs:
            sets.append(qs)
            total += len(qs)
    return sets


def _scenario_sets(area, quota, seed, seen):
    from examprep.exam import scenarios

    out = []
    for name, (_, where) in scenarios.SCENARIOS.items():
        if where == area and quota - sum(map(len, out)) >= SCENARIO_MIN_QUOTA:
            qs = seen.take(scenarios.scenario_set(name, seed))
            if qs:
                out.append(qs)
    return out


@functools.lru_cache(maxsize=None)
def _template_sample(template_id):
    """A calc template's set drawn once with seed 0: the item its questions carry and how many it holds."""
    from examprep.exam.calc import templates as calc_templates

    return calc_templates.calc_set(template_id, 0)


def _template_names(template_id):
    """The template names a calc template's questions carry (a set's questions may name their own parts)."""
    return {q.template for q in _template_sample(template_id)}


def _template_size(template_id):
    return len(_template_sample(template_id))


def _template_item(template_id):
    return _template_sample(template_id)[0].item


def compose(count=100, seed=0, areas=None, problems=None, workers=2, typed=False, framework="numpy",
            on_progress=None):
    """The questions of one exam, in order: `count` questions, per-area quotas met exactly, sets together.

    areas: area keys to draw from (default all five); problems: the code problems (default every problem);
    typed: ask one code blank in FREE_EVERY as a typed (code_free) question; framework "pytorch": a share of each
    area's code questions are PyTorch listings (examprep.exam.framework.share). A code problem's distractors are
    proven when the composer reaches it, unless cached, `workers` problems at a time (code_walk.code_sets);
    on_progress(problem, proven_before) is called when a proof starts running the grader.
    """
    from examprep.problem import catalog

    problems = list(problems or catalog.load_all().values())
    wanted = quotas(count, areas)
    by_area = {k: [p for p in problems if p.area_key() == k] for k in wanted}
    code_want = {k: round(n * CODE_SHARE.get(k, DEFAULT_CODE_SHARE)) if by_area[k] else 0 for k, n in wanted.items()}
    framework_want = _framework_share(framework, code_want, seed)
    code_want = {k: n - framework_want.get(k, 0) for k, n in code_want.items()}
    rng = random.Random(f"exam:{seed}:{','.join(sorted(wanted))}")
    seen, asked, out = Seen(), [], []
    for area in sorted(wanted):
        n = wanted[area]
        sets = _scenario_sets(area, n, seed, seen)
        scenario_templates = {q.template for s in sets for q in s}
        asked += [q for s in sets for q in s]   # a code listing must not show a scenario's answer, nor the reverse
        if code_want[area] >= min(SET_SIZES):
            code = code_sets(by_area[area], code_want[area], seed, rng, seen, asked, workers, on_progress)
            sets += [[_maybe_free(q, rng) for q in qs] for qs in code] if typed else code
        if framework_want.get(area):
            from examprep.exam import framework as torch_track

            sets += torch_track.sets(area, framework_want[area], seed, seen.take, _split, seen.fits)
        have = sum(map(len, sets))
        knowledge_want = max(0, min(n - have, round(n * KNOWLEDGE_SHARE[area])
                                    - sum(q.kind in ("knowledge", "formula") for s in sets for q in s)))
        sets += _knowledge_sets(area, knowledge_want, seed, rng, seen)
        sets += _calc_sets(area, n - sum(map(len, sets)), seed, rng, seen, exclude=scenario_templates)
        if sum(map(len, sets)) < n:   # too few calc templates: more knowledge questions
            sets += _knowledge_sets(area, n - sum(map(len, sets)), seed + 1, rng, seen)
        rng.shuffle(sets)
        questions = [q for s in sets for q in s][:n]
        if len(questions) < n:
            raise CompositionError(
                f"分野 {area} ({AREAS[area]['ja']}) の問題が {n} 問に足りません ({len(questions)} 問)。",
                f"area {area} ({AREAS[area]['en']}) has only {len(questions)} of the {n} questions wanted.")
        out += questions
    return out


def framework_applies(count, areas=None):
    """Whether an exam of this size and these areas has code questions the PyTorch track would change."""
    from examprep.exam import framework as torch_track

    return any(torch_track.share(k, round(n * CODE_SHARE.get(k, DEFAULT_CODE_SHARE)), seed=None, expected=True)
               for k, n in quotas(count, areas).items())


def _framework_share(framework, code_want, seed):
    """{area: framework questions} of the PyTorch track (none for numpy: today's exam, unchanged)."""
    if framework == "numpy":
        return {}
    from examprep.exam import framework as torch_track

    return {k: torch_track.share(k, n, seed) for k, n in code_want.items()}


def _maybe_free(question, rng):
    from examprep.exam.code.questions import free_form

    return free_form(question) if rng.randrange(FREE_EVERY) == 0 else question


def composition(questions):
    """{area: count} of a list of questions."""
    out = {}
    for q in questions:
        out[q.area] = out.get(q.area, 0) + 1
    return dict(sorted(out.items()))
