"""The learner's own files in their data directory.

solutions/<problem id>.py holds the latest answer that passed, whole (later
features build on it: the capstone trains a network from these components).
Writes go to a temporary file first and are renamed into place, so a crash or
Ctrl-C never leaves half a file.
"""
from examprep.common import files, paths


def solutions_dir():
    return paths.data_dir() / "solutions"


def save_solution(problem_id, text):
    directory = solutions_dir()
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{problem_id}.py"
    files.write_atomically(path, text)
    return path


def latest_solution(problem_id):
    path = solutions_dir() / f"{problem_id}.py"
    return path.read_text(encoding="utf-8") if path.exists() else None
