"""Mock-exam questions: code blanks with proven distractors, and calculations (see ARCHITECTURE.md).

    model.py           Question / Option and their JSON form (schema examprep.question/1)
    code_questions.py  code_choice / code_free questions from the reference, distractors proven by the grader
    calc_questions.py  calc questions from templates, keys computed by the reference

generate() assembles a mixed list of questions (whole sets kept together). Its composition
(a share of code questions spread over the problems, calc templates by weight) is a simple
default for the benchmark and the tests; the mock-exam command decides the real one.
"""
import random

from examprep.exam.model import SCHEMA, Option, Question, marker  # noqa: F401


def generate(count=100, seed=0, code_share=0.6, problems=None, workers=2, set_sizes=(2, 3, 3, 4)):
    """About `count` questions: code sets spread over the problems, then calc sets; sets in a seeded order.

    Distractor proofs missing from the cache are made first, `workers` problems at a time.
    """
    from examprep import catalog
    from examprep.exam import calc_questions, code_questions

    problems = list(problems or catalog.load_all().values())
    proofs = code_questions.prove_all(problems, workers)
    rng = random.Random(f"exam:{seed}")
    want_code = round(count * code_share)
    sets, used, code_total = [], {}, 0
    usable = [p for p in problems if proofs[p.id].get("reference_passed")]
    rounds = 0
    while code_total < want_code and usable and rounds < 4:
        rng.shuffle(usable)
        progressed = False
        for problem in usable:
            if code_total >= want_code:
                break
            size = min(rng.choice(set_sizes), want_code - code_total)
            qs = code_questions.code_set(problem, seed * 100 + rounds, size, proofs[problem.id],
                                         exclude=used.setdefault(problem.id, set()))
            if qs:
                used[problem.id].update(q.blank["candidate"] for q in qs)
                sets.append(qs)
                code_total += len(qs)
                progressed = True
        rounds += 1
        if not progressed:
            break
    calc = calc_questions.calc_questions(count - code_total, seed)
    by_set = {}
    for q in calc[:count - code_total]:
        by_set.setdefault(q.set_id, []).append(q)
    sets += list(by_set.values())
    rng.shuffle(sets)
    return [q for s in sets for q in s]
