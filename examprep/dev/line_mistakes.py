"""`python -m examprep.dev.line_mistakes [--write]`: the classic mistakes of tests/components/<id>/wrong/ that
change a line or two of the reference, as data the mock exam ships (examprep/exam/code/line_mistakes.json).

A wrong answer defines the problem's targets under their own names; aligned with the reference answer function
by function (examprep.exam.code.curated.aligned), each statement it writes differently at the same place is an
entry {"name": file stem, "where": the function (holes.Candidate.target), "original": the reference's
statement, "text": the wrong one} of its problem. Files
that rewrite more than curated.MAX_CHANGES statements, or whose bodies do not align, give nothing; a file whose
first line expects `convention` (another legitimate convention, not a mistake) is left out.

The tests folder is not in the package, hence the file; tests/test_exam_curated.py checks it is current (run
this with --write after adding or changing a wrong answer). Without --write it prints what would change.
"""
import argparse
import json
import sys
from pathlib import Path

from examprep.common import pyast
from examprep.dev.check import EXPECT_RE
from examprep.exam.code import curated
from examprep.problem import catalog, source

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(curated.__file__).with_name("line_mistakes.json")


def collect(components=ROOT / "tests" / "components"):
    """{problem id: [entry]} of every problem with wrong answers (sorted, for a stable file)."""
    out = {}
    known = set(catalog.load_all())
    for folder in sorted(components.glob("*/wrong")):
        pid = folder.parent.name
        if pid not in known:
            continue
        problem = catalog.get(pid)
        answer = source.reference_answer(problem)
        entries, seen = [], set()
        for path in sorted(folder.glob("*.py")):
            text = path.read_text(encoding="utf-8")
            first = text.splitlines()[0] if text else ""
            match = EXPECT_RE.match(first)
            if match and match.group(1) == "convention":
                continue
            try:
                pairs = curated.aligned(answer, pyast.parse(text), [t.name for t in problem.targets], text)
            except SyntaxError:
                continue
            for where, original, wrong in pairs:
                if (where, original, wrong) not in seen:
                    seen.add((where, original, wrong))
                    entries.append({"name": path.stem, "where": where, "original": original, "text": wrong})
        if entries:
            out[pid] = entries
    return out


def render(data):
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"write {DATA.name}")
    args = parser.parse_args(argv)
    new = render(collect())
    old = DATA.read_text(encoding="utf-8") if DATA.exists() else ""
    count = sum(len(v) for v in json.loads(new).values())
    if new == old:
        print(f"{DATA.name} is current ({count} mistakes).")
        return 0
    if args.write:
        DATA.write_text(new, encoding="utf-8")
        print(f"wrote {DATA} ({count} mistakes in {len(json.loads(new))} problems).")
        return 0
    print(f"{DATA.name} is out of date: run python -m examprep.dev.line_mistakes --write")
    return 1


if __name__ == "__main__":
    sys.exit(main())
