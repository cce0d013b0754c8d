"""Which questions an exam holds: per-area quotas from AREA_WEIGHTS, sets kept together.

The JDLA does not publish how many questions each syllabus area gets. AREA_WEIGHTS is
examprep's assumption, from learners' reports of recent sittings: deep-learning
foundations are about half the exam, applications about a fifth, and the mathematical
foundations, machine learning and deployment share the rest. It is stated in the
exam's header and in ARCHITECTURE.md. With --area the weights of the chosen areas are
scaled to sum to one.

Quotas are whole numbers from the weights by the largest-remainder method, so every
area is within one question of weight × count. Within area 3 (the NumPy code area)
CODE_SHARE of the questions are code blanks, spread over the problems in sets of 2–4
sharing one listing, and one code question in FREE_EVERY is asked free-form (typed,
graded by running it). A set whose listing would show an earlier question's answer, or whose
answers an earlier listing showed, is not used (`leaks`); so a problem rarely gets two sets. The rest of each area's quota is calculation questions from
the templates of that area, drawn by weight. A set that would overflow its area's quota
is cut (its first questions kept), so the quotas are met exactly. Sets are shuffled
within their area and areas come in syllabus order, as in the real exam.
"""
import random

from examprep.problem.syllabus import AREAS, area_of

AREA_WEIGHTS = {"1": 0.10, "2": 0.10, "3": 0.55, "4": 0.20, "5": 0.05}
CODE_SHARE = 0.7
FREE_EVERY = 8
SET_SIZES = (2, 3, 3, 4)
LEAK_MIN = 8


class CompositionError(Exception):
    def __init__(self, ja, en):
        super().__init__(en)
        self.ja, self.en = ja, en


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


def _squeeze(text):
    return "".join(text.split())


def leaks(earlier, questions):
    """Whether a set would give away an answer: a listing that shows an earlier question's answer, or an answer
    that an earlier listing showed (listings print every line but their own blanks). Answers shorter than
    LEAK_MIN characters (a name, `dout`) are common words, not give-aways."""
    answers = {_squeeze(q.answer) for q in questions if len(_squeeze(q.answer)) >= LEAK_MIN}
    listing = _squeeze(questions[0].code or "")
    for q in earlier:
        if (len(_squeeze(q.answer)) >= LEAK_MIN and _squeeze(q.answer) in listing) or \
                any(a in _squeeze(q.code or "") for a in answers):
            return True
    return False


def _code_sets(problems, proofs, want, seed, rng):
    """Code sets from these problems, `want` questions if they have enough, none giving away another's answer."""
    from examprep.exam import code_questions

    sets, used, total, asked = [], {}, 0, []
    usable = [p for p in problems if proofs[p.id].get("reference_passed")]
    for rounds in range(4):
        rng.shuffle(usable)
        progressed = False
        for k, problem in enumerate(usable):
            if total >= want:
                return sets
            # Bigger sets when few problems are left for what is still wanted.
            needed = -(-(want - total) // max(1, len(usable) - k)) if rounds == 0 else 1
            size = min(max(rng.choice(SET_SIZES), needed), max(SET_SIZES), want - total)
            qs = code_questions.code_set(problem, seed * 100 + rounds, size, proofs[problem.id],
                                         exclude=used.setdefault(problem.id, set()))
            if qs and not leaks(asked, qs):
                used[problem.id].update(q.blank["candidate"] for q in qs)
                sets.append(qs)
                asked += qs
                total += len(qs)
                progressed = True
        if not progressed:
            break
    return sets


def _calc_sets(area, want, seed, rng):
    from examprep.exam import calc_questions

    ids = [t for t in calc_questions.TEMPLATES if area_of(_template_item(t)) == area]
    if not ids or want <= 0:
        return []
    weights = [calc_questions.TEMPLATES[t][1] for t in ids]
    sets, total, n = [], 0, 0
    while total < want:
        template = rng.choices(ids, weights)[0]
        qs = calc_questions.calc_set(template, seed * 1000 + n)[:want - total]
        n += 1
        sets.append(qs)
        total += len(qs)
    return sets


_ITEMS = {}


def _template_item(template_id):
    """The syllabus item a calc template's questions carry (drawn once with seed 0)."""
    from examprep.exam import calc_questions

    if template_id not in _ITEMS:
        _ITEMS[template_id] = calc_questions.calc_set(template_id, 0)[0].item
    return _ITEMS[template_id]


def compose(count=100, seed=0, areas=None, problems=None, workers=2):
    """The questions of one exam, in order: `count` questions, per-area quotas met exactly, sets together.

    areas: area keys to draw from (default all five); problems: the code problems (default every problem).
    Distractor proofs missing from the cache are made first, `workers` problems at a time.
    """
    from examprep.problem import catalog
    from examprep.exam import code_questions

    problems = list(problems or catalog.load_all().values())
    wanted = quotas(count, areas)
    by_area = {k: [p for p in problems if p.area_key() == k] for k in wanted}
    proofs = code_questions.prove_all([p for k in wanted for p in by_area[k]], workers) if any(by_area.values()) else {}
    rng = random.Random(f"exam:{seed}:{','.join(sorted(wanted))}")
    out = []
    for area in sorted(wanted):
        n = wanted[area]
        code = _code_sets(by_area[area], proofs, round(n * CODE_SHARE), seed, rng) if by_area[area] else []
        code = [[_maybe_free(q, rng) for q in qs] for qs in code]
        sets = code + _calc_sets(area, n - sum(len(s) for s in code), seed, rng)
        rng.shuffle(sets)
        questions = [q for s in sets for q in s]
        if len(questions) < n:   # the area has no calc template to fill up with
            raise CompositionError(
                f"分野 {area} ({AREAS[area]['ja']}) の問題が {n} 問に足りません ({len(questions)} 問)。",
                f"area {area} ({AREAS[area]['en']}) has only {len(questions)} of the {n} questions wanted.")
        out += questions
    return out


def _maybe_free(question, rng):
    from examprep.exam import code_questions

    return code_questions.free_form(question) if rng.randrange(FREE_EVERY) == 0 else question


def composition(questions):
    """{area: count} of a list of questions."""
    out = {}
    for q in questions:
        out[q.area] = out.get(q.area, 0) + 1
    return dict(sorted(out.items()))
