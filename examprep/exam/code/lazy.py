"""Distractor proofs made when a mock exam needs them (issue 16: a learner's first exam, with nothing cached, must
not wait for every problem to be proven): a problem when the composer reaches it, and of it the lines the
composer will try, the next problems in the background.

Proofs.get(problem, plan) returns the problem's proof with its lines as Lines: every load-bearing line is a key,
and a line the background did not prove is proven when code_set reads it (with the next ones of the plan: one
sandbox run for a few lines rather than one for each). Each option shown is still a mutant
the grader rejected (examprep.exam.code.proof.prove), exactly as when everything is proven first; only what
is never shown is no longer graded.
"""
import threading
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor

from examprep.exam.code import proof


class Cancelled(Exception):
    """A proof stopped before its next variant because it is no longer wanted (nothing of it is cached)."""


class Lines(Mapping):
    """A proof's {line: [entry]} as code_set reads it: the keys are the load-bearing lines. A line not proven yet
    (its removal not tried, or its mutants not graded) is proven when asked about (`in`, [], get), with the lines
    after it in `order` (`batch` in all; one sandbox run in the calling thread), and cached with the rest.
    Iterating gives the load-bearing lines known so far (lines never asked about are not tried for it)."""

    def __init__(self, problem, holder, order=(), batch=1):
        self._problem, self._holder = problem, holder   # holder: [proof], shared by the views of one problem
        self._order, self._batch = list(order), batch

    def _proven(self, key):
        """The proof, with the line `key` (an int) proven."""
        data = self._holder[0]
        if not proof.unproven(data, key):
            return data
        after = self._order[self._order.index(key) + 1:] if key in self._order else []
        batch = [key] + proof.lines_with_options(self._problem, [i for i in after if proof.unproven(data, i)],
                                                 self._batch - 1)
        data = proof.prove(self._problem, batch, data)
        proof.store(self._problem, data)
        self._holder[0] = data
        return data

    def _line(self, key):
        try:
            line = int(key)
        except (TypeError, ValueError):
            return None
        data = self._holder[0]
        if not data["reference_passed"] or line not in data["candidates"]:
            return None
        return self._proven(line)["lines"].get(str(line))

    def __contains__(self, key):
        return self._line(key) is not None

    def __iter__(self):
        return (str(i) for i in self._holder[0]["load_bearing"])

    def __len__(self):
        return len(self._holder[0]["load_bearing"])

    def __getitem__(self, key):
        entries = self._line(key)
        if entries is None:
            raise KeyError(key)
        return entries


class Proofs:
    """Proofs made when they are needed.

    get(problem, plan) returns a problem's proof: from the cache, from a proof under way, or proven now.
    ahead(problems, plan) starts the proofs of the problems about to be asked for, in that order, `workers`
    at a time (threads around the sandbox's worker processes). plan(problem) gives the candidate lines
    (indices) in the order the composer will try them; the first `lines` (counting only lines with mutants to
    grade, proof.lines_with_options) are proven with the reference, the others when read (Lines, `lines` at a
    time). drop() stops every proof not asked for yet: a queued one never starts, a running one
    stops before its next variant; neither is cached. close() (leaving the `with` block, Ctrl-C included)
    stops them all and waits for the threads. on_progress(problem, before) is called when a problem's proof
    starts running the grader (not for what the cache has), `before` being the number started before it.
    """

    def __init__(self, workers=2, on_progress=None, lines=5):
        self._lines = max(1, lines)
        self._pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="proof")
        self._jobs = {}        # problem id -> (future, stop event)
        self._asked = set()
        self._holders = {}     # problem id -> [proof], the newest, shared by the Lines views
        self._lock = threading.Lock()
        self._closed = False
        self._on_progress = on_progress
        self.started = 0       # problems whose proof ran the grader

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _started(self, problem):
        with self._lock:
            self.started += 1
            before = self.started - 1
        if self._on_progress:
            self._on_progress(problem, before)

    def _first(self, problem, lines):
        """The lines to prove ahead: up to the `lines`-th that has mutants to grade (the others cost nothing)."""
        return proof.lines_with_options(problem, lines, self._lines)

    def _work(self, problem, stop, plan):
        def tick(_variant):
            if stop.is_set():
                raise Cancelled(problem.id)

        tick(None)
        data = proof.cached(problem)
        known = data
        wanted = self._first(problem, plan(problem)) if plan else None
        if data is None:
            self._started(problem)
            data = proof.prove(problem, wanted, None, tick)
        if data["reference_passed"]:
            todo = [i for i in (data["candidates"] if wanted is None else wanted) if proof.unproven(data, i)]
            if todo:
                if known is not None:
                    self._started(problem)
                data = proof.prove(problem, todo, data, tick)
        if data is not known:
            proof.store(problem, data)
        return data

    def ahead(self, problems, plan=None):
        """Start the proofs of these problems (in this order) unless under way or done."""
        with self._lock:
            if self._closed:
                return
            for problem in problems:
                if problem.id not in self._jobs:
                    stop = threading.Event()
                    self._jobs[problem.id] = (self._pool.submit(self._work, problem, stop, plan), stop)

    def get(self, problem, plan=None):
        """The proof of a problem (waiting for it when it is under way), its lines a Lines view."""
        self.ahead([problem], plan)
        with self._lock:
            if problem.id not in self._jobs:
                raise Cancelled(problem.id)   # closed
            self._asked.add(problem.id)
            future = self._jobs[problem.id][0]
        data = future.result()
        with self._lock:
            holder = self._holders.setdefault(problem.id, [data])
        order = plan(problem) if plan and data["reference_passed"] else ()
        return dict(holder[0], lines=Lines(problem, holder, order, self._lines))

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
        from examprep.grade import sandbox

        sandbox.discard_parked()   # the workers the proofs kept for one another
