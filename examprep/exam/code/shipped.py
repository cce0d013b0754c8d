"""Proofs shipped with examprep (examprep/exam/code/proven/<id>.json): a learner's first mock exam reads them
rather than grading every distractor it shows (issue 16: an export in under 15 s on a 2-core machine; a cold one
proved ~35 problems in ~12 s of CPU).

A shipped proof is a full proof (proof.prove) made with every mutant graded, the ones the exam never shows
included, so that it does not depend on the exam's own rules (distractors, curated, problem_rules), which change
often: it is keyed (shipped_key) by what the grading depends on, the reference answer, the problem's YAML, its
classic mistakes, the grading engine's source and the grader's seed. load() turns it into exactly the proof the
learner's machine would make now (the mutants never shown marked skipped, a line without one to grade settled as
not load-bearing), or None when it is stale, made with another NumPy (major.minor), or does not line up with the
mutants made here (another Python's ast.unparse): then the exam proves the problem itself, as before.
`python -m examprep.dev.exam_proofs --write` makes them; tests/test_shipped_proofs.py checks they are current.
"""
import functools
import hashlib
import json
import sys
from pathlib import Path

import numpy

FORMAT = 1
FOLDER = Path(__file__).with_name("proven")
SEEN = Path(__file__).with_name("seen.json")   # per problem: the mutants the exam may show, under its rules of now


def numpy_version():
    return ".".join(numpy.__version__.split(".")[:2])


def python_version():
    return "%d.%d" % sys.version_info[:2]


def shipped_key(problem):
    """What a shipped proof of the problem depends on (proof._cache_key without the exam's own rules)."""
    from examprep import __version__
    from examprep.exam.code import curated, proof
    from examprep.problem import source

    payload = json.dumps({"answer": source.reference_answer(problem), "problem": problem.raw,
                          "mistakes": curated.entries(problem), "version": __version__, "format": FORMAT,
                          "seed": proof.GRADE_SEED, "engine": proof._engine_fingerprint()},
                         sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def path_of(problem_id):
    return FOLDER / f"{problem_id}.json"


def _file(problem):
    try:
        data = json.loads(path_of(problem.id).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def current(problem):
    """Whether the problem's shipped proof exists and was made from what it depends on now (its key)."""
    data = _file(problem)
    return data is not None and data.get("key") == shipped_key(problem)


def read(problem):
    """The shipped file's data if it is current and was made with this NumPy (major.minor), else None."""
    data = _file(problem)
    if data is None or data.get("key") != shipped_key(problem) or data.get("numpy") != numpy_version():
        return None
    return data


def render(problem, data, made):
    """The text of a shipped proof made by proof.prove(problem, every=True), with its statements' mutants."""
    return json.dumps(dict(data, key=shipped_key(problem), numpy=numpy_version(), statements=made),
                      ensure_ascii=False, indent=0) + "\n"


def statements(problem, cands):
    """{candidate index: {"text", "mutants": [[operator, text]]}}: hole.mutants.mutate_statement of each candidate
    line, which the shipped file keeps so that the exam's walk need not mutate every problem it passes."""
    from examprep.hole.mutants import mutate_statement

    partners = getattr(problem, "mutant_partners", ())
    return {str(c.index): {"text": c.text, "mutants": [list(m) for m in mutate_statement(c.text, partners)]}
            for c in cands}


def mutants(problem, cands):
    """hole.mutants.mutants_for(problem, cands), built from the shipped file's statement mutants (the same loop) when
    the file is current and its lines are these; else None. Its key covers the mutation engine (hole/), so the
    statements are the ones mutate_statement would make here."""
    from examprep.hole.mutants import mutants_for

    data = read(problem)
    made = data.get("statements") if data else None
    if not isinstance(made, dict) or set(made) != {str(c.index) for c in cands} or \
            any(made[str(c.index)].get("text") != c.text for c in cands):
        return None
    return mutants_for(problem, cands, statements=lambda cand: made[str(cand.index)]["mutants"])


def load(problem):
    """The proof the learner's machine would make of the problem now (proof.prove, a full proof), from the shipped
    one, or None (see the module's docstring)."""
    from examprep.exam.code import proof

    data = read(problem)
    if data is None or not data.get("reference_passed") or not data.get("complete") or data.get("unsure"):
        return None
    cands, muts, unseen = proof._mutants(problem)
    if data.get("candidates") != [c.index for c in cands] or set(data.get("tried", ())) != set(data["candidates"]):
        return None
    live = proof.live_candidates(muts, unseen)
    lines = {}
    for line in data["load_bearing"]:
        if line not in live:
            continue   # proof.prove settles it without a run: never load-bearing
        numbered = [(i, m) for i, m in enumerate(muts) if m.candidate == line]
        entries = data["lines"].get(str(line))
        if entries is None or [(e["text"], e["operator"]) for e in entries] != [(m.text, m.operator)
                                                                               for _, m in numbered]:
            return None
        lines[str(line)] = [proof._skipped(m) if i in unseen else e for (i, m), e in zip(numbered, entries)]
    out = {k: v for k, v in data.items() if k not in ("key", "numpy", "statements")}
    return dict(out, load_bearing=[i for i in data["load_bearing"] if i in live], lines=lines, unsure=[])


@functools.lru_cache(maxsize=1)
def _seen_file():
    try:
        data = json.loads(SEEN.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def seen(problem, cache_key):
    """{"key", "python", "mutants", "shown", "live"}: which of the problem's mutants the exam may show and the
    candidate lines with one (proof.judged), shipped in SEEN, if judged under `cache_key` (proof._cache_key: the
    exam's own rules included, which change often) and this Python's minor version (ast.unparse writes the
    mutants the rules read), else None. A cold exam's walk asks of ~100 problems whether they have lines to ask
    (proof.has_live_lines) and proves ~20: judging their mutants here took a fifth of a cold export."""
    entry = _seen_file().get(problem.id)
    if not isinstance(entry, dict) or entry.get("key") != cache_key or entry.get("python") != python_version():
        return None
    return entry


def render_seen(entries):
    """The text of SEEN: {problem id: entry}, one problem a line."""
    lines = [f"{json.dumps(pid)}: {json.dumps(entries[pid], separators=(',', ':'))}" for pid in sorted(entries)]
    return "{\n" + ",\n".join(lines) + "\n}\n"
