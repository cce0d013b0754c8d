"""Failure: why an answer was rejected, with a message in Japanese and one in English.

One type for every place that rejects an answer (the comparison, the grader's load and
definition checks, the sandbox's deaths and time-outs); SandboxResult.failures, Verdict.failure
and BlankVerdict.failure hold Failures, read by attribute. `to_json()` is the dict that
`examprep check --json` and the worker's result message carry (the learner's process sends
it; examprep.grade.wire reads it back with `from_json()`).
"""
import math
from dataclasses import dataclass, field

import numpy as np


def plain(value):
    """A JSON-friendly copy of details or context (numpy scalars and small arrays to Python)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, np.ndarray):
        return value.tolist() if value.size <= 16 else f"array{tuple(value.shape)}"
    if isinstance(value, np.generic):
        return plain(value.item())
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if callable(value):
        return getattr(value, "__name__", "function")
    return str(value)


@dataclass(frozen=True)
class Failure:
    check: str                 # what failed: 'values', 'shape', 'exception', 'blank', 'timeout', 'convention' ...
    ja: str
    en: str
    stage: str = None          # 'defined', 'run', or a record stage (output, state, backward, numgrad)
    case: str = None
    dtype: str = None
    what: str = None
    details: dict = field(default_factory=dict)
    context: dict = field(default_factory=dict)

    FIELDS = ("check", "stage", "case", "dtype", "what", "ja", "en", "details", "context")

    def to_json(self):
        out = {"ok": False}
        out.update({k: getattr(self, k) for k in self.FIELDS})
        out["details"] = plain(self.details or {})
        out["context"] = plain(self.context or {})
        return out

    @classmethod
    def from_json(cls, data):
        if isinstance(data, Failure):
            return data
        return cls(**{k: data.get(k) for k in cls.FIELDS if k in data})

    def with_text(self, ja, en, check=None, **details):
        """The same failure with other messages (and more details)."""
        return Failure(check or self.check, ja, en, self.stage, self.case, self.dtype, self.what,
                       {**(self.details or {}), **details}, self.context)


def about(record, check, ja, en, **details):
    """A Failure about one record (its stage, case, dtype, what and context)."""
    return Failure(check, ja, en, record.stage, record.case, record.dtype, record.what, details,
                   dict(record.context or {}))
