"""`python -m examprep.dev.exam_proofs [--write] [--only ID ...]`: the mock exam's shipped proofs
(examprep/exam/code/proven/<id>.json, examprep.exam.code.shipped), one per problem, every mutant graded, and
which mutants the exam may show (examprep/exam/code/seen.json, shipped.seen: judged under the exam's own rules).

Without --write it lists the problems whose shipped proof is missing or stale (exit 1 if any) and the files of
problems that no longer exist; with --write it proves those problems (two at a time, a line of progress each)
and removes the files of problems that are gone. Run it after changing a reference, a problem's YAML, a classic
mistake (tests/components/<id>/wrong/, then line_mistakes --write first) or the grading engine
(examprep.hole.fingerprint), and after changing the exam's rules (examprep/exam/code/*.py: seen.json only, in
seconds); tests/test_shipped_proofs.py fails until it is run. A stale proof or judgement is never used (the exam
proves or judges the problem itself, slower), so a stale file costs time, not correctness.
"""
import argparse
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from examprep.common.files import write_atomically
from examprep.exam.code import proof, shipped
from examprep.grade import sandbox
from examprep.problem import catalog


def stale(problems):
    """The problems whose shipped proof is missing or not current (made with another NumPy counts as current:
    the learner's NumPy decides whether it is used)."""
    return [p for p in problems if not shipped.current(p) or "statements" not in shipped._file(p)]


def stale_seen(problems):
    """The problems whose entry in seen.json is missing or was judged under other rules (or another Python)."""
    return [p for p in problems if shipped.seen(p, proof._cache_key(p)) is None]


def write_seen(problems, todo):
    """Judge the problems of `todo` here and write seen.json with every problem of `problems` (others dropped)."""
    entries = dict(shipped._seen_file())
    for p in todo:
        entries[p.id] = dict(proof.judged(p), key=proof._cache_key(p), python=shipped.python_version())
    known = {p.id for p in problems}
    write_atomically(shipped.SEEN, shipped.render_seen({k: v for k, v in entries.items() if k in known}))
    shipped._seen_file.cache_clear()


def gone(problems):
    known = {p.id for p in problems}
    return sorted(path for path in shipped.FOLDER.glob("*.json") if path.stem not in known)


def write(problem):
    from examprep.hole import holes

    data = proof.prove(problem, every=True)
    if not data["complete"] or data.get("unsure"):
        raise RuntimeError(f"{problem.id}: some variants were not graded (examprep's own error); run again")
    shipped.FOLDER.mkdir(exist_ok=True)
    write_atomically(shipped.path_of(problem.id),
                     shipped.render(problem, data, shipped.statements(problem, holes.candidates(problem))))
    return problem.id


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="prove the stale problems and write their files")
    parser.add_argument("--only", nargs="+", metavar="ID", help="these problems only")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    problems = list(catalog.load_all().values())
    if args.only:
        unknown = sorted(set(args.only) - {p.id for p in problems})
        if unknown:
            parser.error(f"unknown problem ids: {', '.join(unknown)}")
        problems = [p for p in problems if p.id in args.only]
    todo, old = stale(problems), [] if args.only else gone(problems)
    if not args.write:
        for p in todo:
            print(f"stale: {p.id}")
        for path in old:
            print(f"gone: {path.name}")
        judged = stale_seen(problems)
        for p in judged:
            print(f"stale in seen.json: {p.id}")
        print(f"{len(todo)} of {len(problems)} shipped proofs stale, {len(old)} files of problems gone, "
              f"{len(judged)} entries of seen.json stale")
        return 1 if todo or old or judged else 0
    for path in old:
        path.unlink()
    started = time.perf_counter()
    # biggest first, so that the last one to finish is a small one (proof.prove_all)
    from examprep.hole import holes

    todo.sort(key=lambda p: -len(holes.candidates(p)))
    try:
        with ThreadPoolExecutor(max_workers=max(1, args.workers)) as pool:
            for n, pid in enumerate(pool.map(write, todo), 1):
                print(f"[{n}/{len(todo)}] {pid} ({time.perf_counter() - started:.0f} s)", flush=True)
    except KeyboardInterrupt:
        print("stopped: the files written so far are kept (each is written whole)", file=sys.stderr)
        return 130
    finally:
        sandbox.discard_parked()
    judged = stale_seen(problems)
    write_seen(problems if not args.only else list(catalog.load_all().values()), judged)
    print(f"{len(todo)} proofs written, {len(old)} removed, {len(judged)} entries of seen.json judged in "
          f"{time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
