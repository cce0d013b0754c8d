"""What cached proofs depend on besides the problem: the source of the grading engine.

Load-bearing proofs (examprep.hole.holes) and exam distractor proofs (examprep.exam.code_questions)
are cached on disk; their keys include this fingerprint, so a change to the comparison, the
kinds, case generation, the sandbox or the candidate and mutant rules re-proves them (a version
number does not change with such edits).
"""
import functools
import hashlib
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent   # examprep/


def engine_files():
    """Every source file the grading of a problem depends on, in a fixed order."""
    files = sorted((PACKAGE / "grade").rglob("*.py")) + sorted((PACKAGE / "hole").rglob("*.py"))
    files += [PACKAGE / "problem" / "casegen.py", PACKAGE / "problem" / "source.py", PACKAGE / "blanks.py"]
    return files


@functools.lru_cache(maxsize=None)
def engine_fingerprint():
    digest = hashlib.sha256()
    for path in engine_files():
        digest.update(str(path.relative_to(PACKAGE)).encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"missing")
        digest.update(b"\0")
    return digest.hexdigest()[:16]
