"""How often a code question's key is the option closest to the other three (the "pick the centre" guess).

    python benchmarks/option_centrality.py [--seeds 11 12 13] [--exports F.json ...] [--kinds code_choice]

Where every distractor is one change of the key, the key shares the most text with the others: a test-wise
examinee who picks the option with the smallest summed edit distance to the other three scores without reading
the code (the final re-grade of issue 16: 80-88 % of NumPy code questions). For each export (made now for
--seeds, in one fresh EXAMPREP_HOME, or read from --exports) and each question of --kinds, every option is scored
by its summed edit distance to the other options, as the examiners did: over Python tokens (Levenshtein on
`tokenize` tokens) and over characters. Printed per export and in all: the share of questions whose key is the
unique option with the smallest sum ("unique medoid"), the share where it ties for it, and the expected score of
the guess (1 for a unique medoid key, 1/k for a k-way tie that holds the key). Chance is 25 %. Figures only,
never asserted.
"""
import argparse
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def tokens(text):
    """Python tokens of an option's text (a regex split when it does not tokenize, e.g. a bare slice)."""
    try:
        out = [t.string for t in tokenize.generate_tokens(io.StringIO(text).readline)
               if t.type not in (tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER, tokenize.INDENT,
                                 tokenize.DEDENT, tokenize.COMMENT)]
        return [t for t in out if t]
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return re.findall(r"\w+|\S", text)


def levenshtein(a, b):
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def centre(texts, split):
    """Indices of the options with the smallest summed distance to the others."""
    parts = [split(t) for t in texts]
    sums = [sum(levenshtein(p, q) for j, q in enumerate(parts) if j != i) for i, p in enumerate(parts)]
    best = min(sums)
    return [i for i, s in enumerate(sums) if s == best]


def score(questions, split):
    """(unique medoid = key, key in a tie, expected score of the guess) over questions."""
    unique = tied = 0
    expected = 0.0
    for q in questions:
        best = centre([o["text"] for o in q["options"]], split)
        if q["key"] in best:
            expected += 1 / len(best)
            if len(best) == 1:
                unique += 1
            else:
                tied += 1
    return unique, tied, expected


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
    total = {name: [0, 0, 0.0] for name in splits}
    count = 0
    for path in files:
        questions = [q for q in json.loads(Path(path).read_text(encoding="utf-8"))["questions"]
                     if q["kind"] in args.kinds and len(q.get("options") or []) > 1]
        count += len(questions)
        row = []
        for name, split in splits.items():
            unique, tied, expected = score(questions, split)
            for k, v in enumerate((unique, tied, expected)):
                total[name][k] += v
            n = max(1, len(questions))
            row.append(f"{name}: key unique medoid {unique}/{len(questions)} ({100 * unique / n:.0f} %), "
                       f"tied {tied}, guess scores {100 * expected / n:.0f} %")
        print(f"{Path(path).name}: " + "; ".join(row))
    n = max(1, count)
    for name in splits:
        unique, tied, expected = total[name]
        print(f"all ({count} questions of {', '.join(args.kinds)}), {name}: key unique medoid {unique} "
              f"({100 * unique / n:.1f} %), tied {tied}, guess scores {100 * expected / n:.1f} % (chance 25 %)")


if __name__ == "__main__":
    main()
