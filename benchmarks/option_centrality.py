"""How often a code question's key is the option closest to the other three (the "pick the centre" guess).

    python benchmarks/option_centrality.py [--seeds 11 12 13] [--exports F.json ...] [--kinds code_choice]

Where every distractor is one change of the key, the key shares the most text with the others: a test-wise
examinee who picks the option with the smallest summed edit distance to the other three scores without reading
the code (the final re-grade of issue 16: 80-88 % of NumPy code questions). For each export (made now for
--seeds, in one fresh EXAMPREP_HOME, or read from --exports) and each question of --kinds, every option is scored
by its summed edit distance to the other options, as the examiners did: over Python tokens (Levenshtein on
`tokenize` tokens) and over characters. Printed per export and in all: the share of questions whose key is the
unique option with the smallest sum ("unique medoid"), the share where it ties for it, and the expected score of
the guess (1 for a unique medoid key, 1/k for a k-way tie that holds the key; chance is 25 %), and how often the
key is the unique farthest option (the opposite cue, which distractors chosen against the first must not create).
Figures only, never asserted. Run with PYTHONPATH=. (the distances are examprep.exam.code.square's).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from examprep.exam.code.square import centre, farthest, tokens  # noqa: E402


def score(questions, split):
    """(unique medoid = key, key in a tie, expected score of the guess, unique farthest = key) over questions."""
    unique = tied = far = 0
    expected = 0.0
    for q in questions:
        best = centre([o["text"] for o in q["options"]], split)
        far += farthest([o["text"] for o in q["options"]], split) == [q["key"]]
        if q["key"] in best:
            expected += 1 / len(best)
            if len(best) == 1:
                unique += 1
            else:
                tied += 1
    return unique, tied, expected, far


def export(seed, home, path):
    env = dict(os.environ, EXAMPREP_HOME=str(home), PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "examprep", "mock-exam", "--export", str(path), "--seed", str(seed),
                           "--force"], env=env, capture_output=True, text=True, cwd=home)
    if done.returncode != 0:
        sys.exit(f"export of seed {seed} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[11, 12, 13])
    parser.add_argument("--exports", type=Path, nargs="+", help="read these exports instead of making them")
    parser.add_argument("--kinds", nargs="+", default=["code_choice"])
    args = parser.parse_args()
    if args.exports:
        files = args.exports
    else:
        home = Path(tempfile.mkdtemp(prefix="examprep-centrality-"))
        files = [export(seed, home, home / f"exam-{seed}.json") for seed in args.seeds]
    splits = {"tokens": tokens, "chars": list}
    total = {name: [0, 0, 0.0, 0] for name in splits}
    count = 0
    for path in files:
        questions = [q for q in json.loads(Path(path).read_text(encoding="utf-8"))["questions"]
                     if q["kind"] in args.kinds and len(q.get("options") or []) > 1]
        count += len(questions)
        row = []
        for name, split in splits.items():
            figures = score(questions, split)
            for k, v in enumerate(figures):
                total[name][k] += v
            unique, tied, expected, far = figures
            n = max(1, len(questions))
            row.append(f"{name}: key unique medoid {unique}/{len(questions)} ({100 * unique / n:.0f} %), "
                       f"tied {tied}, guess scores {100 * expected / n:.0f} %, key unique farthest {far}")
        print(f"{Path(path).name}: " + "; ".join(row))
    n = max(1, count)
    for name in splits:
        unique, tied, expected, far = total[name]
        print(f"all ({count} questions of {', '.join(args.kinds)}), {name}: key unique medoid {unique} "
              f"({100 * unique / n:.1f} %), tied {tied}, guess scores {100 * expected / n:.1f} % (chance 25 %); "
              f"key unique farthest {far} ({100 * far / n:.1f} %: the opposite cue)")


if __name__ == "__main__":
    main()
