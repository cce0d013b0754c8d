"""How long the default mock-exam export takes, cold (a learner's first exam) and warm, for seeds 11-13.

    python benchmarks/exam_export.py [--seeds 11 12 13] [--warm-runs 3] [--keep DIR] [--against DIR] [--root DIR]

For each seed: `examprep mock-exam --export F.json --seed S` in a fresh EXAMPREP_HOME (cold: no proof cached, a
learner's first exam: the proofs shipped in the package are read, examprep.exam.code.shipped, and a problem whose
shipped proof is stale is proven then; "proofs made here" counts those), then --warm-runs more exports of the same
seed in that home (warm: the proofs are read from the cache), each in a fresh process, as a learner runs it.
Printed per run: wall time, CPU time (the command and the sandbox workers it waited for) and the load average
before it; then the cold and warm medians. Issue 16 asks for an export in under 15 s on this 2-core machine; the
figures are printed, never asserted (the exit status is 0 unless an export fails or differs).

--keep DIR writes every export to DIR/<seed>-cold.json, DIR/<seed>-warm.json; --against DIR compares each export
with DIR/<seed>-cold.json byte for byte after blanking "generated_at" (the one field that is the clock) and exits
1 if one differs: the check that a change to how the exam is made did not change what it asks. --root DIR runs
the examprep of another checkout (e.g. a worktree of the commit before), to measure "before" the same way.
"""
import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 15.0


def comparable(text):
    """The export's text with its clock field blanked (everything else is a function of the seed)."""
    return re.sub(r'"generated_at": "[^"]*"', '"generated_at": ""', text, count=1)


def export(root, home, seed, path):
    env = dict(os.environ, EXAMPREP_HOME=str(home), PYTHONPATH=str(root))
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "examprep", "mock-exam", "--export", str(path), "--seed", str(seed),
                           "--force"], env=env, capture_output=True, text=True, cwd=home)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"export of seed {seed} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    proofs = len(list((Path(home) / "cache" / "exam").glob("*.json")))
    return {"wall": wall, "cpu": cpu, "load": load, "proofs": proofs}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[11, 12, 13])
    parser.add_argument("--warm-runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, metavar="DIR", help="write the exports to DIR")
    parser.add_argument("--against", type=Path, metavar="DIR", help="compare the exports with DIR/<seed>-cold.json")
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout whose examprep runs (default: this one)")
    args = parser.parse_args()
    print(f"default export (100 questions), {os.cpu_count()} CPUs, examprep from {args.root}")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    cold, warm, differ = [], [], []
    for seed in args.seeds:
        home = Path(tempfile.mkdtemp(prefix="examprep-export-bench-"))
        try:
            runs = []
            for k in range(1 + args.warm_runs):
                path = home / f"exam-{seed}-{k}.json"
                runs.append(export(args.root, home, seed, path))
                kind = "cold" if k == 0 else "warm"
                r = runs[-1]
                print(f"seed {seed} {kind}: {r['wall']:6.2f} s wall, {r['cpu']:6.2f} s CPU, load before "
                      f"{r['load']:.2f}, {r['proofs']} proofs made here", flush=True)
                text = path.read_text(encoding="utf-8")
                if args.keep:
                    shutil.copy(path, args.keep / f"{seed}-{kind}.json")
                if args.against:
                    if comparable(text) != comparable((args.against / f"{seed}-cold.json").read_text(encoding="utf-8")):
                        differ.append(f"{seed} {kind}")
                        print(f"seed {seed} {kind}: DIFFERS from {args.against / f'{seed}-cold.json'}")
            cold.append(runs[0]["wall"])
            warm += [r["wall"] for r in runs[1:]]
        finally:
            shutil.rmtree(home, ignore_errors=True)
    line = f"cold median {statistics.median(cold):.2f} s (slowest {max(cold):.2f} s)"
    if warm:
        line += f", warm median {statistics.median(warm):.2f} s (slowest {max(warm):.2f} s)"
    print(f"{line}; target under {TARGET:g} s: cold {'met' if max(cold) < TARGET else 'NOT met'}")
    if args.against:
        print("identical to", args.against, "(generated_at aside)" if not differ else f"DIFFERENT: {differ}")
        return 1 if differ else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
