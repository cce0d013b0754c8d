"""How long generating a mock exam takes: cold (empty cache) and warm.

    python benchmarks/exam_generation.py [--questions 100] [--runs 3] [--seed 0]

Cold: EXAMPREP_HOME is a fresh temporary directory, so every problem's load-bearing
proof (holes.load_bearing) and distractor proof (examprep.exam.code.proof) is made
by running the grader (two problems at a time). Warm: the same home again, everything
read from the cache; the median of --runs runs with different seeds, each in a fresh
process (so imports, YAML parsing and reading the cache are counted). The target of
issue 6: a 100-question exam in under 10 s on this machine. Figures are printed, not
asserted; the exit status is 0 either way.

    python benchmarks/exam_generation.py --exports 11 12 13

Issue 16's figures instead: `examprep mock-exam --export F.json --seed S` for each seed (the
first one in a fresh home pays for the proofs; the time of each export is printed), and per
export the share of knowledge/formula questions, typed questions, distinct syllabus items (per
area), the largest number of questions from one source, repeats and the share in sets of 3+
(the same figures tests/test_exam_export.py asserts).
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


def export_figures(seeds):
    sys.path.insert(0, str(ROOT / "tests"))
    from test_exam_export import figures

    with tempfile.TemporaryDirectory(prefix="examprep-bench-") as home:
        env = dict(os.environ, EXAMPREP_HOME=home, PYTHONPATH=str(ROOT))
        for k, seed in enumerate(seeds):
            path = Path(home) / f"exam-{seed}.json"
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "examprep", "mock-exam", "--export", str(path), "--seed", str(seed)],
                           env=env, capture_output=True, text=True, check=True, cwd=home)
            wall = time.perf_counter() - started
            exam = json.loads(path.read_text())
            f = figures(exam)
            qs = exam["questions"]
            repeats = len(qs) - len({q["stem"]["en"] + (q["label"] or "") + ((q["code"] or "") if q["label"] else "")
                                     for q in qs})
            print(f"seed {seed}: export {wall:5.1f} s{' (cold: proofs made)' if k == 0 else ''}; "
                  f"knowledge/formula {f['knowledge_formula']:.0%}, typed {f['typed']}, items {f['items']} "
                  f"{f['items_per_area']}, max per source {f['max_per_source']}, repeats {repeats}, "
                  f"in sets of 3+ {f['in_sets_of_3']:.0%}, RNN/attention listing questions {f['rnn_attention_code']}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--exports", type=int, nargs="+", metavar="SEED",
                        help="issue 16's per-export figures for these seeds (e.g. 11 12 13)")
    args = parser.parse_args()
    if args.exports:
        return export_figures(args.exports)
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
