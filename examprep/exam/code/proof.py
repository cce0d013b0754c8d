"""The proof of a problem's exam distractors: the reference, which of its lines are load-bearing and the mutants
of those lines, graded in the sandbox.

A proof is {"problem", "ref", "reference_passed", "complete", "candidates", "tried", "load_bearing", "lines"}:
the reference is graded once; a candidate line replaced by `pass` is graded when the line is first asked about
("tried": the candidate lines settled: their removal graded, or none of their mutants to grade, so that they can
never be a question and are not load-bearing here; "load_bearing": the lines whose removal the grader rejects;
"complete": the reference graded without examprep's own error), and "lines" holds the graded mutants of the
load-bearing lines proven so far: all of them (a full proof: proven, prove_all) or only the lines a mock exam asks
about (prove(problem, lines), examprep.exam.code.lazy). A mutant is kept as a
distractor only if the grader rejects it with a fair verdict (see _judge); a mutant that no verdict could make an
option (a give-away on sight, or any mutant of a line that cannot have three fair distractors) is not graded: its
status is "skipped" (_mutants). Proofs are cached per problem under cache_dir()/exam/<id>-<key>.json, the key
hashing everything a proof depends on; a line whose mutants were not all graded (examprep's own error) is used but
not cached, a line whose removal was not graded is not tried, and nothing is cached when the reference failed.
Before proving, `cached` reads the full proof shipped in the package when it is current (examprep.exam.code.shipped):
a learner's first exam proves only the problems whose shipped proof is stale.
"""
import functools
import hashlib
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from examprep.problem import source
from examprep.hole import holes, mutants
from examprep.common import paths
from examprep.grade import sandbox
from examprep.grade.failure import Failure
from examprep.exam.code import curated

CACHE_RULES = 4          # bump when what is cached (or how it is judged) changes (2: lines proven one by one;
                         # 3: mutants never shown are skipped; 4: a line's removal graded when it is asked about)
GRADE_SEED = 0           # the grader's case seed the proofs are made with (sandbox default)
TIME_LIMIT = 5.0         # per variant
UNFAIR_CHECKS = {"internal", "timeout", "crash", "exit", "memory", "syntax", "import", "defined", "delegates",
                 "blank"}
NOT_GRADED = Failure("internal", "採点できませんでした。", "Not graded.")
OBVIOUS_ERRORS = {"NameError", "UnboundLocalError", "SyntaxError", "IndentationError", "TabError"}


def reference_fingerprint(problem):
    return hashlib.sha256(source.reference_answer(problem).encode()).hexdigest()[:16]


def _engine_fingerprint():
    """The source of everything a proof depends on besides the problem: candidates, mutants and the grader."""
    from examprep.hole.fingerprint import engine_fingerprint

    return engine_fingerprint()


@functools.lru_cache(maxsize=None)
def _exam_rules_fingerprint():
    """The source of the exam's own proof rules, outside the engine's: which mutants are skipped
    (distractors.give_away_whatever_verdict and cannot_fill), how classic mistakes become mutants (curated)."""
    digest = hashlib.sha256()
    # problem_rules reads the listing's statements with line_forms.one_statement
    for path in sorted(Path(__file__).parent.glob("*.py")) + [Path(__file__).parent.parent / "line_forms.py"]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _cache_key(problem):
    from examprep import __version__

    # The classic mistakes' text (reference/mistakes/, line_mistakes.json) is in neither source fingerprint.
    mistakes = curated.entries(problem)
    payload = json.dumps({"answer": source.reference_answer(problem), "problem": problem.raw, "mistakes": mistakes,
                          "version": __version__, "rules": CACHE_RULES, "seed": GRADE_SEED,
                          "engine": _engine_fingerprint(), "exam_rules": _exam_rules_fingerprint()},
                         sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def cache_file(problem):
    return paths.cache_dir() / "exam" / f"{problem.id}-{_cache_key(problem)}.json"


def _round_floats(value):
    if isinstance(value, float):
        return float(f"{value:.6g}")
    if isinstance(value, dict):
        return {k: _round_floats(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_round_floats(v) for v in value]
    return value


def failure_signature(failure):
    """What identifies a failure's behaviour, without the mutated line's own text or line number."""
    details = failure.to_json()["details"]
    if isinstance(details.get("error"), dict):
        details["error"] = {k: v for k, v in details["error"].items() if k in ("type", "message")}
    key = {k: getattr(failure, k) for k in ("check", "stage", "case", "dtype", "what")}
    key["details"] = _round_floats(details)
    return hashlib.sha256(json.dumps(key, sort_keys=True, default=str).encode()).hexdigest()[:16]


def _judge(failure):
    """'passes', 'unfair' (not to be shown) or 'wrong' (a fair distractor)."""
    if failure is None:
        return "passes"
    if failure.check in UNFAIR_CHECKS:
        return "unfair"
    error = (failure.details or {}).get("error")
    if failure.check == "exception" and isinstance(error, dict) and error.get("type") in OBVIOUS_ERRORS:
        return "unfair"
    return "wrong"


def _verdict(failure):
    return {k: getattr(failure, k) for k in ("check", "stage", "case", "what", "ja", "en")}


def _entry(mutant, failure):
    return {"text": mutant.text, "operator": mutant.operator, "status": _judge(failure),
            "verdict": _verdict(failure) if failure else None,
            "signature": failure_signature(failure) if failure else None}


def _skipped(mutant):
    return {"text": mutant.text, "operator": mutant.operator, "status": "skipped", "verdict": None, "signature": None}


_MUTANTS = {}   # (problem id, reference fingerprint, YAML) -> (candidates, mutants, never shown): once a process
_BASE = {}      # the same key -> (candidates, mutants): once a process
_RULED = {}     # the same key -> (candidates, mutants, ruled out for the problem, each line's): once a process
_LINE = {}      # (the same key, candidate index) -> the line's mutants never shown: once a process


def _key(problem):
    return problem.id, reference_fingerprint(problem), json.dumps(problem.raw, sort_keys=True, default=str)


def _base(problem, key):
    """(candidates, mutants) of a problem; the caller holds holes.AST_LOCK."""
    from examprep.exam.code import shipped

    if key not in _BASE:
        cands = holes.candidates(problem)
        made = shipped.mutants(problem, cands) or mutants.mutants_for(problem, cands)   # the same list either way
        _BASE[key] = (cands, curated.with_mistakes(problem, cands, made))
    return _BASE[key]


def _judging(problem, key):
    """(candidates, mutants, indices code.problem_rules rules out, {candidate index: the indices of its other
    mutants}) of a problem, what judging its mutants here reads (not needed when shipped.seen has them); the
    caller holds holes.AST_LOCK."""
    from examprep.exam.code import problem_rules

    if key not in _RULED:
        cands, muts = _base(problem, key)
        ruled = frozenset(problem_rules.not_offered(problem, muts))   # what the listing cannot show, a convention
        by_line = {}
        for i, m in enumerate(muts):
            if i not in ruled:
                by_line.setdefault(m.candidate, []).append(i)
        _RULED[key] = (cands, muts, ruled, by_line)
    return _RULED[key]


def _line_unseen(key, base, cand):
    """The indices of a candidate line's mutants never shown: all of them when they cannot give three fair
    distractors whatever the grader says (distractors.cannot_fill), else the give-aways on sight. Judged once a
    line, so that a problem the walk only asks about (has_live_lines) costs the lines it reads."""
    from examprep.exam.code.distractors import cannot_fill, give_away_whatever_verdict

    if (key, cand.index) not in _LINE:
        muts, by_line = base[1], base[3]
        numbered = [(i, {"text": muts[i].text, "operator": muts[i].operator}) for i in by_line.get(cand.index, ())]
        if cannot_fill([e for _, e in numbered], cand.text):
            _LINE[key, cand.index] = frozenset(i for i, _ in numbered)
        else:
            _LINE[key, cand.index] = frozenset(i for i, e in numbered if give_away_whatever_verdict(e, cand.text))
    return _LINE[key, cand.index]


def _line_live(key, base, cand):
    """Whether a candidate line has a mutant worth grading (one _line_unseen leaves)."""
    return bool(set(base[3].get(cand.index, ())) - _line_unseen(key, base, cand))


def _mutants(problem):
    """(candidates, mutants, indices of the mutants never shown) of a problem. Never shown, so not graded: a
    give-away whatever the grader says (distractors.give_away_whatever_verdict), and every mutant of a line whose
    mutants cannot give three fair distractors whatever it says (distractors.cannot_fill), and the mutants that
    code.problem_rules rules out for the problem. Read from the package (shipped.seen) when it was judged under
    the rules of now, else judged here."""
    from examprep.exam.code import shipped

    key = _key(problem)
    with holes.AST_LOCK:
        if key not in _MUTANTS:
            cands, muts = _base(problem, key)
            judged = shipped.seen(problem, _cache_key(problem))
            if judged is not None and judged["mutants"] == len(muts):
                unseen = set(range(len(muts))) - set(judged["shown"])
            else:
                unseen = _judged_unseen(key, _judging(problem, key))
            _MUTANTS[key] = (cands, muts, unseen)
        return _MUTANTS[key]


def live_candidates(muts, unseen):
    """The candidate lines with a mutant outside `unseen` (one worth grading), as a set."""
    return {m.candidate for i, m in enumerate(muts) if i not in unseen}


def _judged_unseen(key, base):
    cands, _, ruled, _ = base
    unseen = set(ruled)
    for cand in cands:
        unseen |= _line_unseen(key, base, cand)
    return unseen


def judged(problem):
    """{"mutants": how many, "shown": the indices of those the exam may show, "live": the candidate lines with one},
    judged here whatever the package ships (examprep.dev.exam_proofs writes it to shipped.SEEN)."""
    key = _key(problem)
    with holes.AST_LOCK:
        base = _judging(problem, key)
        unseen = _judged_unseen(key, base)
    muts = base[1]
    return {"mutants": len(muts), "shown": [i for i in range(len(muts)) if i not in unseen],
            "live": sorted(live_candidates(muts, unseen))}


def lines_with_options(problem, lines, count):
    """The first lines of `lines` up to the `count`-th that can have options (a mutant to grade): the others are
    proven without running anything, so the mock exam proves ahead `count` lines that cost something."""
    _, muts, unseen = _mutants(problem)
    live = live_candidates(muts, unseen)
    out, found = [], 0
    for line in lines:
        if found == count:
            break
        out.append(line)
        found += line in live
    return out


_LIVE = {}   # (problem id, cache key) -> live_lines: once a process


def _live_file(problem, key):
    return paths.cache_dir() / "exam-options" / f"{problem.id}-{key}.json"


def _stored_live_lines(problem, key):
    """live_lines from this process, the package (shipped.seen) or the cache folder, or None."""
    from examprep.exam.code import shipped

    if (problem.id, key) not in _LIVE and (judged := shipped.seen(problem, key)) is not None:
        _LIVE[problem.id, key] = tuple(judged["live"])
    if (problem.id, key) not in _LIVE:
        try:
            lines = json.loads(_live_file(problem, key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(lines, list):
            return None
        _LIVE[problem.id, key] = tuple(lines)
    return _LIVE[problem.id, key]


def has_live_lines(problem, excluded, least=1):
    """Whether at least `least` candidate lines outside `excluded` have a mutant worth grading (live_lines),
    judged line by line until found when live_lines is not known yet: the code walk asks it of every problem it
    passes, and most of them are never proven (a cold exam judged every mutant of ~80 problems for ~27 proofs)."""
    stored = _stored_live_lines(problem, _cache_key(problem))
    if stored is not None:
        return len(set(stored) - set(excluded)) >= least
    key, found = _key(problem), 0
    with holes.AST_LOCK:
        base = _judging(problem, key)
        for cand in base[0]:
            if cand.index not in excluded and _line_live(key, base, cand):
                found += 1
                if found >= least:
                    return True
    return False


def live_lines(problem):
    """The candidate lines with a mutant worth grading (sorted). Working them out enumerates the mutants (~30 ms
    a problem), so they are cached beside the proofs, under the same key."""
    key = _cache_key(problem)
    if _stored_live_lines(problem, key) is None:
        from examprep.common.files import write_atomically

        _, muts, unseen = _mutants(problem)
        lines = sorted(live_candidates(muts, unseen))
        path = _live_file(problem, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, json.dumps(lines))
        except OSError:
            pass  # a read-only cache only costs time
        _LIVE[problem.id, key] = tuple(lines)
    return _LIVE[problem.id, key]


def prove(problem, lines=None, known=None, on_progress=None, every=False):
    """A proof of the problem with the lines among `lines` proven (None: all of them), in one sandbox run: the
    reference unless `known` (an earlier proof of it) has it, each line's removal (is it load-bearing?) unless
    tried, and the mutants of the lines that are or may be load-bearing and not proven yet. A line's mutants are
    graded in the same run as its removal, before it is known whether the line is load-bearing (the mutants of a
    line that is not are dropped), which saves a second run. every: the mutants never shown graded too (a
    shipped proof, examprep.exam.code.shipped)."""
    if known is not None and not known["reference_passed"]:
        return known
    with holes.AST_LOCK:   # proofs of two problems are made at a time
        answer = source.reference_answer(problem)
        cands, muts, unseen = _mutants(problem)
        unseen = set() if every else unseen
        asked = [c.index for c in cands] if lines is None else sorted(set(lines))
        tried = set(known["tried"]) if known is not None else set()
        # A line none of whose mutants is graded can never be a question: it is settled without a run.
        live = live_candidates(muts, unseen)
        settled = [i for i in asked if i not in tried and i not in live]
        removals = [i for i in asked if i not in tried and i in live]
        asked = [i for i in asked if i in removals
                 or (known is not None and i in known["load_bearing"] and str(i) not in known["lines"])]
        if known is not None and not asked and not settled:
            return known
        by_index = {c.index: c for c in cands}
        variants = [] if known is not None else [("reference", answer)]
        variants += [(f"r{i}", holes.removal_variant(problem, by_index[i])) for i in removals]
        variants += [(f"m{i}", m.source) for i, m in enumerate(muts) if m.candidate in asked and i not in unseen]
    # keep_worker: the next proof (another line, another problem) reuses the worker rather than starting one
    # (~0.25 s of CPU each); the callers stop the kept ones when done (lazy.Proofs.close, prove_all).
    result = sandbox.grade_variants(problem.source, variants, seed=GRADE_SEED, time_limit=TIME_LIMIT,
                                    on_progress=on_progress, keep_worker=True)

    def graded(names):   # every variant graded, none of them stopped by examprep's own error
        return all(n in result.failures and (result.failures[n] is None or result.failures[n].check != "internal")
                   for n in names)

    if known is None:
        data = {"problem": problem.id, "ref": reference_fingerprint(problem),
                "reference_passed": result.failures.get("reference", "missing") is None,
                "complete": graded(["reference"]), "candidates": [c.index for c in cands],
                "tried": [], "load_bearing": [], "lines": {}, "unsure": []}
        if not data["reference_passed"]:
            return data
    else:
        data = dict(known, tried=list(known["tried"]), load_bearing=list(known["load_bearing"]),
                    lines=dict(known["lines"]), unsure=list(known.get("unsure", [])))
    data["tried"] += settled
    for line in removals:
        if graded([f"r{line}"]):   # a removal not graded is tried again when the line is asked about again
            data["tried"].append(line)
            if result.failures[f"r{line}"] is not None:
                data["load_bearing"].append(line)
    data["tried"].sort()
    data["load_bearing"].sort()
    for line in asked:
        if line not in data["load_bearing"] or str(line) in data["lines"]:
            continue
        numbered = [(i, m) for i, m in enumerate(muts) if m.candidate == line]
        data["lines"][str(line)] = [_skipped(m) if i in unseen else _entry(m, result.failures.get(f"m{i}", NOT_GRADED))
                                    for i, m in numbered]
        if not graded([f"m{i}" for i, _ in numbered if i not in unseen]):
            data["unsure"].append(str(line))
    return data


def is_full(data):
    """Whether every line of a proof is proven: its removal tried, its mutants graded if it is load-bearing."""
    return not data["reference_passed"] or (
        set(data["tried"]) == set(data["candidates"]) and all(str(i) in data["lines"] for i in data["load_bearing"]))


def unproven(data, line):
    """Whether a line of a proof still needs a run: its removal not tried, or load-bearing with its mutants not
    graded yet."""
    state = status(data, line)
    return state is None or (state and str(line) not in data["lines"])


def status(data, line):
    """Whether a line of a proof is known to be load-bearing (True), known not to be (False), or not tried
    yet (None)."""
    if line not in data["tried"]:
        return None
    return line in data["load_bearing"]


def cached(problem):
    """The cached proof of a problem if full, else the one shipped with examprep if current
    (examprep.exam.code.shipped), else the cached proof of some lines, or None."""
    from examprep.exam.code import shipped

    try:
        data = json.loads(cache_file(problem).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = None
    if not (isinstance(data, dict) and "tried" in data and "load_bearing" in data):
        data = None
    if data is not None and is_full(data):
        return data
    return shipped.load(problem) or data


def store(problem, data):
    """Cache what a proof has proven for sure (atomically replaced, so a reader or Ctrl-C never leaves half a
    file); nothing when the reference failed or was not graded."""
    if not (data["reference_passed"] and data["complete"]):
        return
    from examprep.common.files import write_atomically

    unsure = set(data.get("unsure", []))
    keep = dict(data, lines={k: v for k, v in data["lines"].items() if k not in unsure}, unsure=[])
    path = cache_file(problem)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, json.dumps(keep, ensure_ascii=False))
    except OSError:
        pass  # a read-only cache only costs time


def proven(problem, on_progress=None):
    """The full proof of a problem's distractors (every load-bearing line), from the cache, completing a cached
    proof of some lines, or made now; cached. A proof that stops midway (an exception from on_progress,
    Ctrl-C) caches nothing."""
    data = cached(problem)
    if data is not None and is_full(data):
        return data
    data = prove(problem, None, data, on_progress)
    store(problem, data)
    return data


def prove_all(problems, workers=2):
    """{problem id: full proof} for many problems, the uncached ones graded `workers` at a time."""
    problems = list(problems)
    # Uncached problems, biggest first, so that the last one to finish is a small one.
    order = sorted(problems, key=lambda p: -len(holes.candidates(p)) if not cache_file(p).exists() else 0)
    try:
        with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
            done = dict(zip([p.id for p in order], pool.map(proven, order)))
    finally:
        sandbox.discard_parked()
    return {p.id: done[p.id] for p in problems}


_COMBINED = {}   # (problem id, cache key) -> {"<candidate>:<statement>": entry}: once a process, then the cache
_COMBINED_KEYS = {}   # (problem id, reference fingerprint) -> cache key


def _combined_file(problem, key):
    return paths.cache_dir() / "exam-combined" / f"{problem.id}-{key}.json"


def grade_combined(problem, items):
    """{(candidate index, text): entry} for [(candidate, text)]: statements that replace a candidate line, each
    with two of its proven mutants' changes at once (a 2x2 option set, examprep.exam.code.square), graded as a
    line's mutants are (_entry: "passes", "unfair" or "wrong" with its verdict and signature), those not graded
    before in one sandbox run; cached per problem under the proof's key (cache_dir()/exam-combined/). A text not
    graded (examprep's own error) is "unfair" and not cached."""
    from examprep.hole.mutants import Mutant

    fingerprint = (problem.id, reference_fingerprint(problem))
    if fingerprint not in _COMBINED_KEYS:   # the key costs milliseconds; a problem's YAML is read once a process
        _COMBINED_KEYS[fingerprint] = _cache_key(problem)
    key = _COMBINED_KEYS[fingerprint]
    if (problem.id, key) not in _COMBINED:
        try:
            known = json.loads(_combined_file(problem, key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            known = {}
        _COMBINED[problem.id, key] = known if isinstance(known, dict) else {}
    known = _COMBINED[problem.id, key]
    name = {(cand.index, text): f"{cand.index}:{text}" for cand, text in items}
    todo = list({name[cand.index, text]: (cand, text) for cand, text in items
                 if name[cand.index, text] not in known}.values())
    if todo:
        answer = source.reference_answer(problem)
        variants = [(f"x{i}", holes.replace_lines(answer, [(cand.start, cand.end, [
            cand.indent + line if line.strip() else "" for line in text.splitlines()])]))
            for i, (cand, text) in enumerate(todo)]
        result = sandbox.grade_variants(problem.source, variants, seed=GRADE_SEED, time_limit=TIME_LIMIT,
                                        keep_worker=True)
        fresh = False
        for (variant, _), (cand, text) in zip(variants, todo):
            failure = result.failures.get(variant, NOT_GRADED)
            entry = _entry(Mutant(cand.index, cand.start, cand.target, "combined", cand.text, text, ""), failure)
            if failure is not None and failure.check == "internal":   # "unfair" now, graded again next process
                known[name[cand.index, text]] = dict(entry, transient=True)
            else:
                known[name[cand.index, text]] = entry
                fresh = True
        if fresh:
            from examprep.common.files import write_atomically

            try:
                path = _combined_file(problem, key)
                path.parent.mkdir(parents=True, exist_ok=True)
                write_atomically(path, json.dumps({k: v for k, v in known.items() if not v.get("transient")},
                                                  ensure_ascii=False))
            except OSError:
                pass  # a read-only cache only costs time
    return {pair: known[n] for pair, n in name.items()}
