"""The proof of a problem's exam distractors: every mutant of every load-bearing line graded in one sandbox run.

A mutant is kept as a distractor only if the grader rejects it with a fair verdict (see _judge); the proof is
cached per problem under cache_dir()/exam/<id>-<key>.json, the key hashing everything the proof depends on.
"""
import hashlib
import json
import os
from concurrent.futures import ThreadPoolExecutor

from examprep.problem import source
from examprep.hole import holes, mutants
from examprep.common import paths
from examprep.grade import sandbox
from examprep.grade.failure import Failure

CACHE_RULES = 1          # bump when what is cached (or how it is judged) changes
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


def _cache_key(problem):
    from examprep import __version__

    payload = json.dumps({"answer": source.reference_answer(problem), "problem": problem.raw,
                          "version": __version__, "rules": CACHE_RULES, "seed": GRADE_SEED,
                          "engine": _engine_fingerprint()}, sort_keys=True, default=str)
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


def _prove(problem, on_progress=None):
    """Grade, in one sandbox run, the reference, each candidate line replaced by `pass` (the load-bearing
    proof of holes.load_bearing, made here in the same run) and every mutant of every candidate line."""
    with holes.AST_LOCK:   # prove_all runs two problems at a time
        answer = source.reference_answer(problem)
        cands = holes.candidates(problem)
        muts = mutants.mutants_for(problem, cands)
        variants = ([("reference", answer)] + [(f"r{c.index}", holes.removal_variant(problem, c)) for c in cands]
                    + [(f"m{i}", m.source) for i, m in enumerate(muts)])
    result = sandbox.grade_variants(problem.source, variants, seed=GRADE_SEED, time_limit=TIME_LIMIT,
                                    on_progress=on_progress)
    internal = [n for n, f in result.failures.items() if f is not None and f.check == "internal"]
    load_bearing = [c.index for c in cands if result.failures.get(f"r{c.index}") is not None]
    data = {"problem": problem.id, "ref": reference_fingerprint(problem),
            "reference_passed": result.failures.get("reference", "missing") is None,
            # Every variant graded, none of them stopped by examprep's own error: only then is it cached.
            "complete": len(result.failures) == len(variants) and not internal,
            "lines": {str(i): [] for i in load_bearing}}
    for i, m in enumerate(muts):
        if str(m.candidate) not in data["lines"]:
            continue
        failure = result.failures.get(f"m{i}", NOT_GRADED)
        status = _judge(failure)
        data["lines"][str(m.candidate)].append({
            "text": m.text, "operator": m.operator, "status": status,
            "verdict": _verdict(failure) if failure else None,
            "signature": failure_signature(failure) if failure else None})
    return data


def proven(problem, on_progress=None):
    """The cached proof of a problem's distractors, made (and cached) when missing."""
    path = cache_file(problem)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    data = _prove(problem, on_progress)
    if data["reference_passed"] and data["complete"]:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            tmp.replace(path)
        except OSError:
            pass  # a read-only cache only costs time
    return data


def prove_all(problems, workers=2):
    """{problem id: proof} for many problems, the uncached ones graded `workers` at a time."""
    problems = list(problems)
    # Uncached problems, biggest first, so that the last one to finish is a small one.
    order = sorted(problems, key=lambda p: -len(holes.candidates(p)) if not cache_file(p).exists() else 0)
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        done = dict(zip([p.id for p in order], pool.map(proven, order)))
    return {p.id: done[p.id] for p in problems}
