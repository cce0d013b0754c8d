"""The proof of a problem's exam distractors: every mutant of every load-bearing line graded in one sandbox run.

A mutant is kept as a distractor only if the grader rejects it with a fair verdict (see _judge); the proof is
cached per problem under cache_dir()/exam/<id>-<key>.json, the key hashing everything the proof depends on.
A mock exam proves only the problems it reaches, when it reaches them (Proofs); prove_all proves a list at once.
"""
import hashlib
import json
import threading
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


def cached(problem):
    """The cached proof of a problem, or None."""
    try:
        return json.loads(cache_file(problem).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def proven(problem, on_progress=None):
    """The cached proof of a problem's distractors, made (and cached) when missing. A proof that stops midway
    (an exception from on_progress, Ctrl-C) is not cached; the cache file is replaced atomically, so a reader
    never sees half of one."""
    data = cached(problem)
    if data is not None:
        return data
    data = _prove(problem, on_progress)
    if data["reference_passed"] and data["complete"]:
        from examprep.common.files import write_atomically

        path = cache_file(problem)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, json.dumps(data, ensure_ascii=False))
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


class Cancelled(Exception):
    """A proof stopped before its next variant because it is no longer wanted (nothing of it is cached)."""


class Proofs:
    """Proofs made when they are needed (issue 16: a first, cold export must not prove every problem).

    get(problem) returns a problem's proof: from the cache, from a proof already under way, or proven now.
    ahead(problems) starts the proofs of the problems about to be asked for, in that order, `workers` at a
    time (threads around the sandbox's worker processes), so that they are ready or under way when get() asks.
    drop() stops every proof not asked for yet: a queued one never starts, a running one stops before its
    next variant; neither is cached. close() (or leaving the `with` block, Ctrl-C included) drops them all
    and waits for the threads. on_progress(problem, proven) is called when a proof starts running the grader
    (not for cache reads), proven being the number of problems proven so far.
    """

    def __init__(self, workers=2, on_progress=None):
        self._pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="proof")
        self._jobs = {}        # problem id -> (future, stop event)
        self._asked = set()
        self._lock = threading.Lock()
        self._closed = False
        self._on_progress = on_progress
        self.started = 0       # problems whose proof ran the grader (cache misses)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _work(self, problem, stop):
        if stop.is_set():
            raise Cancelled(problem.id)
        data = cached(problem)
        if data is not None:
            return data
        with self._lock:
            self.started += 1
            count = self.started
        if self._on_progress:
            self._on_progress(problem, count - 1)

        def tick(_variant):
            if stop.is_set():
                raise Cancelled(problem.id)

        return proven(problem, on_progress=tick)

    def ahead(self, problems):
        """Start the proofs of these problems (in this order) unless under way or done."""
        with self._lock:
            if self._closed:
                return
            for problem in problems:
                if problem.id not in self._jobs:
                    stop = threading.Event()
                    self._jobs[problem.id] = (self._pool.submit(self._work, problem, stop), stop)

    def get(self, problem):
        """The proof of a problem (waiting for it when it is under way)."""
        self.ahead([problem])
        with self._lock:
            if problem.id not in self._jobs:
                raise Cancelled(problem.id)   # closed
            self._asked.add(problem.id)
            future = self._jobs[problem.id][0]
        return future.result()

    def _stop(self, ids):
        for pid in ids:
            future, stop = self._jobs.pop(pid)
            stop.set()
            future.cancel()

    def drop(self):
        """Stop every proof that get() has not asked for (queued ones never start, running ones stop)."""
        with self._lock:
            self._stop([pid for pid in self._jobs if pid not in self._asked])

    def close(self):
        with self._lock:
            self._closed = True
            self._stop(list(self._jobs))
        self._pool.shutdown(wait=True)
