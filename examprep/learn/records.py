"""The progress store's records: an Attempt (one graded round), exam answer rows, their conversion to and from
SQLite rows, and the checks an exported record passes before it is imported (ValueError naming the field)."""
import json
import re
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone

MODES = ("drill", "practice", "check", "exam")
EXAM_ANSWER_COLUMNS = ["id", "session_id", "question_id", "kind", "problem", "template", "area", "item", "answer",
                       "correct", "flagged", "seconds", "diagnosis", "created_at"]


@dataclass
class Attempt:
    problem: str
    mode: str
    passed: bool
    level: str = None
    blanks: int = None
    seed: int = None
    unfinished: bool = False
    blank_results: list = field(default_factory=list)
    failure_check: str = None
    answer: str = None
    hints: int = 0
    reveals: int = 0
    seconds: float = None
    session_id: str = None
    created_at: str = None
    id: str = None


COLUMNS = [f for f in Attempt.__dataclass_fields__]


def now_iso():
    return datetime.now(timezone.utc).isoformat(timespec="seconds")



def attempt_from_row(row):
    data = {k: row[k] for k in row.keys() if k in COLUMNS}  # columns a later schema added are not Attempt's
    data["blank_results"] = json.loads(data["blank_results"] or "[]")
    data["passed"] = bool(data["passed"])
    data["unfinished"] = bool(data["unfinished"])
    return Attempt(**data)


FIELD_TYPES = {
    "id": str, "problem": str, "mode": str, "passed": bool, "created_at": str, "level": (str, type(None)),
    "blanks": (int, type(None)), "seed": (int, type(None)), "unfinished": bool, "blank_results": list,
    "failure_check": (str, type(None)), "answer": (str, type(None)), "hints": int, "reveals": int,
    "seconds": (int, float, type(None)), "session_id": (str, type(None)),
}


def _valid_time(text):
    try:
        when = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return False
    return when.tzinfo is not None


def _typed(item, where, types, required):
    """An export's JSON object with its required keys present and every known field of its type (a bool is not
    taken for a number); ValueError naming the field otherwise. Fields a later version added are ignored."""
    if not isinstance(item, dict):
        raise ValueError(f"{where}: expected a JSON object")
    missing = [k for k in required if k not in item]
    if missing:
        raise ValueError(f"{where}: lacks {missing}")
    for key, value in item.items():
        if key not in types:
            continue
        allowed = types[key] if isinstance(types[key], tuple) else (types[key],)
        if not isinstance(value, allowed) or (isinstance(value, bool) and bool not in allowed):
            raise ValueError(f"{where}.{key}: wrong type {type(value).__name__}")
    if not _valid_time(item["created_at"]):
        raise ValueError(f"{where}.created_at: expected an ISO 8601 time with its offset")
    return item


def attempt_from_dict(item, where):
    """An Attempt from an export's JSON object, every field's type checked (ValueError naming it)."""
    _typed(item, where, FIELD_TYPES, ("id", "problem", "mode", "passed", "created_at"))
    if item["mode"] not in MODES:
        raise ValueError(f"{where}.mode: unknown mode {item['mode']!r}")
    if not item["id"] or not item["problem"] or not re.fullmatch(r"[a-z][a-z0-9_]*", item["problem"]):
        raise ValueError(f"{where}: id and problem must be non-empty (problem: a lower-case identifier)")
    if not all(isinstance(b, dict) for b in item.get("blank_results", [])):
        raise ValueError(f"{where}.blank_results: expected a list of objects")
    return Attempt(**{k: item.get(k) for k in COLUMNS if k in item})


def session_from_dict(item, where):
    if not isinstance(item, dict):
        raise ValueError(f"{where}: expected a JSON object")
    for key in ("id", "kind", "started_at"):
        if not isinstance(item.get(key), str) or not item[key]:
            raise ValueError(f"{where}.{key}: expected a non-empty string")
    if not _valid_time(item["started_at"]) or (item.get("ended_at") is not None and not _valid_time(item["ended_at"])):
        raise ValueError(f"{where}: times must be ISO 8601 with their offset")
    if not isinstance(item.get("planned_minutes"), (int, float, type(None))) or \
            not isinstance(item.get("summary", {}), dict):
        raise ValueError(f"{where}: planned_minutes must be a number and summary an object")
    return item


EXAM_ANSWER_TYPES = {
    "id": str, "session_id": str, "question_id": str, "kind": str, "problem": (str, type(None)),
    "template": (str, type(None)), "area": str, "item": (str, type(None)), "answer": (str, type(None)),
    "correct": bool, "flagged": bool, "seconds": (int, float, type(None)), "diagnosis": (dict, type(None)),
    "created_at": str,
}


def attempt_row(attempt):
    """An Attempt as an attempts row: blank_results as JSON, booleans as 0 / 1."""
    row = asdict(attempt)
    row["blank_results"] = json.dumps(row["blank_results"], ensure_ascii=False)
    row["passed"] = int(bool(row["passed"]))
    row["unfinished"] = int(bool(row["unfinished"]))
    return row


def exam_answer_row(answer):
    row = {c: answer.get(c) for c in EXAM_ANSWER_COLUMNS}
    row["correct"] = int(bool(row["correct"]))
    row["flagged"] = int(bool(row["flagged"]))
    row["diagnosis"] = json.dumps(row["diagnosis"], ensure_ascii=False) if row["diagnosis"] else None
    row["created_at"] = row["created_at"] or now_iso()
    return row


def exam_answer_from_dict(item, where):
    # Nullable fields may be absent; the others are required.
    return _typed(item, where, EXAM_ANSWER_TYPES,
                  ("id", "session_id", "question_id", "kind", "area", "correct", "flagged", "created_at"))

