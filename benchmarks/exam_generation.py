"""How long generating a mock exam takes: cold (empty cache) and warm.

    python benchmarks/exam_generation.py [--questions 100] [--runs 3] [--seed 0]

Cold: EXAMPREP_HOME is a fresh temporary directory, so every problem's load-bearing
proof (holes.load_bearing) and distractor proof (examprep.exam.code_questions) is made
by running the grader (two problems at a time). Warm: the same home again, everything
read from the cache; the median of --runs runs with different seeds, each in a fresh
process (so imports, YAML parsing and reading the cache are counted). The target of
issue 6: a 100-question exam in under 10 s on this machine. Figures are printed, not
asserted; the exit status is 0 either way.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 10.0

CHILD = """
import collections, json, sys, time
started = time.perf_counter()
from examprep.exam.compose import compose
questions = compose(int(sys.argv[1]), seed=int(sys.argv[2]))
elapsed = time.perf_counter() - started
print(json.dumps({"seconds": elapsed, "count": len(questions),
                  "kinds": collections.Counter(q.kind for q in questions),
                  "sets": len({q.set_id for q in questions}),
                  "problems": len({q.problem for q in questions if q.problem})}))
"""


def run(home, count, seed):
    env = dict(os.environ, EXAMPREP_HOME=str(home), PYTHONPATH=str(ROOT))
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", CHILD, str(count), str(seed)], env=env, capture_output=True,
                         text=True, check=True, cwd=ROOT)
    data = json.loads(out.stdout.strip().splitlines()[-1])
    data["wall"] = time.perf_counter() - started
    return data


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    try:
        load = os.getloadavg()[0]
    except OSError:
        load = float("nan")
    print(f"{args.questions}-question exam, {os.cpu_count()} CPUs, load average {load:.2f}")
    with tempfile.TemporaryDirectory(prefix="examprep-bench-") as home:
        cold = run(home, args.questions, args.seed)
        print(f"cold  {cold['wall']:6.2f} s wall ({cold['seconds']:.2f} s in generate)  "
              f"{cold['count']} questions {dict(cold['kinds'])}, {cold['sets']} sets, {cold['problems']} problems")
        warm = []
        for i in range(args.runs):
            data = run(home, args.questions, args.seed + 1 + i)
            warm.append(data)
            print(f"warm  {data['wall']:6.2f} s wall ({data['seconds']:.2f} s in generate)  seed {args.seed + 1 + i}")
        cache = Path(home) / "cache" / "exam"
        size = sum(f.stat().st_size for f in cache.glob("*.json"))
        print(f"distractor cache: {len(list(cache.glob('*.json')))} files, {size / 1024:.0f} KiB")
    median = statistics.median(d["wall"] for d in warm)
    print(f"warm median {median:.2f} s, cold {cold['wall']:.2f} s; target under {TARGET:g} s: "
          f"warm {'met' if median < TARGET else 'NOT met'}, cold {'met' if cold['wall'] < TARGET else 'NOT met'}")


if __name__ == "__main__":
    main()
