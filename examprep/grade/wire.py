"""Plain data across the sandbox boundary: what the learner's process may send to the grader.

NOTE FOR kinds/ AUTHORS (what a Record must contain to be sent). The learner's worker runs
kinds.<kind>.run(..., learner=True) in the learner's own process and sends the Records with
encode_records(); the grader's process rebuilds them with decode_records() and compares them
there. So a Record sent from the learner's side must hold only:
    stage, case, dtype, what   str (stage one of kinds.STAGES)
    extreme, compared          bool
    error, mode, context       None or a dict of plain values (error: type, message, line, code, ...)
    check                      None, the name of a property check judged in the grader's process on
                               `observed`, or (the old form) a dict with a bool `ok`. A check decided
                               in the learner's process is a claim the learner can forge: judge
                               properties in the grader from raw observations, with what was
                               handed over taken from the reference's record (ARCHITECTURE.md,
                               "Containment")
    value, observed            the value model below
    any other dataclass field  the value model below (fields are sent by name, generically)
Value model: None, bool, int, float, str, NumPy arrays (numeric or bool dtype: sent as raw
bytes + dtype + shape; other dtypes arrive as an empty object array of the same shape, so the
comparison reports them as non-numeric), NumPy scalars, tuple, list, dict with str keys, nested
(depth <= 32). Anything else arrives as an instance of a stand-in class that has the original
type's name and nothing else (so "expected a NumPy array, got Foo" still reads right). No
pickle, no object the learner made crosses: the grader's side builds base-class np.ndarray and
plain Python values from bytes.

decode_* raise WireError on anything malformed (wrong tags, sizes, dtypes, depth, too much
data): the grader turns that into a failing verdict ("the answer interfered with the grader").
"""
import base64
import json

import numpy as np

MAX_DEPTH = 32
MAX_ITEMS = 200_000          # elements of lists, tuples and dicts in one message
MAX_ARRAY_BYTES = 256 << 20  # all array data in one message
MAX_SHAPE_ELEMENTS = 50_000_000
MAX_STRING = 1 << 20
NUMERIC_KINDS = "biufc"
RECORD_FIELDS = ("stage", "case", "dtype", "what")


class WireError(ValueError):
    """The message does not follow the wire format."""


# --- encoding (runs in the learner's process) ---------------------------------------------

def encode_value(value, depth=0):
    """A JSON-able tagged form of value; never raises for odd objects (they become opaque)."""
    if depth > MAX_DEPTH:
        return ["o", "deeply nested value"]
    if value is None:
        return ["n"]
    if isinstance(value, bool):
        return ["b", bool.__bool__(value) if type(value) is bool else bool(int.__int__(value))]
    if isinstance(value, np.ndarray):
        base = np.asarray(value).view(np.ndarray)
        if base.dtype.kind in NUMERIC_KINDS:
            dtype = base.dtype.newbyteorder("<") if base.dtype.byteorder == ">" else base.dtype
            data = base.astype(dtype, copy=False).tobytes()
            return ["a", dtype.str, list(base.shape), base64.b64encode(data).decode("ascii")]
        return ["A", str(base.dtype)[:40], list(base.shape)]
    if isinstance(value, np.generic):
        array = np.asarray(value).view(np.ndarray)
        if array.dtype.kind in NUMERIC_KINDS:
            dtype = array.dtype.newbyteorder("<") if array.dtype.byteorder == ">" else array.dtype
            return ["g", dtype.str, base64.b64encode(array.astype(dtype).tobytes()).decode("ascii")]
        return ["o", type(value).__name__]
    if isinstance(value, int):
        return ["i", int.__int__(value)]
    if isinstance(value, float):
        return ["f", float.__repr__(float.__float__(value))]
    if isinstance(value, str):
        return ["s", str.__str__(value)[:MAX_STRING]]
    if isinstance(value, tuple):
        return ["t", [encode_value(v, depth + 1) for v in tuple.__iter__(value)]]
    if isinstance(value, list):
        return ["l", [encode_value(v, depth + 1) for v in list.__iter__(value)]]
    if isinstance(value, dict):
        items = []
        for k, v in dict.items(value):
            if not isinstance(k, str):
                return ["o", "dict with non-str keys"]
            items.append([str.__str__(k), encode_value(v, depth + 1)])
        return ["d", items]
    if _is_opaque(value):
        return ["o", value.type_name[:80]]
    try:
        name = type(value).__name__
    except Exception:  # noqa: BLE001 - a metaclass may make even this raise
        name = "object"
    return ["o", str(name)[:80] if isinstance(name, str) else "object"]


def _is_opaque(value):
    """kinds' Opaque(type_name): a value the kinds already reduced to its type's name."""
    opaque = _opaque_class()
    return opaque is not None and type(value) is opaque and type(value.type_name) is str


def encode_record(record):
    import dataclasses

    return {f.name: (getattr(record, f.name) if f.name in RECORD_FIELDS else encode_value(getattr(record, f.name)))
            for f in dataclasses.fields(record)}


def encode_message(message):
    """One result message as bytes: {"failure": ..., "records": [...], "output": str}."""
    return json.dumps({"failure": encode_value(message.get("failure")),
                       "records": None if message.get("records") is None
                       else [encode_record(r) for r in message["records"]],
                       "output": str(message.get("output", ""))}).encode("utf-8")


# --- decoding (runs in the grader's process) ------------------------------------------------

class _Budget:
    def __init__(self):
        self.items = 0
        self.array_bytes = 0

    def take(self, items=0, array_bytes=0):
        self.items += items
        self.array_bytes += array_bytes
        if self.items > MAX_ITEMS:
            raise WireError("too many items")
        if self.array_bytes > MAX_ARRAY_BYTES:
            raise WireError("too much array data")


_FOREIGN = {}


def _opaque_class():
    try:
        from examprep.grade.kinds.record import Opaque
    except ImportError:
        return None
    return Opaque


def opaque(name):
    """What stands for a learner's value that is not plain data: kinds' Opaque, or an empty
    instance of a class with that type's name."""
    cls = _opaque_class()
    return cls(name) if cls is not None else foreign(name)()


def foreign(name):
    """A stand-in class named like a type the learner's code returned (it carries nothing)."""
    if name not in _FOREIGN and len(_FOREIGN) < 1000:
        _FOREIGN[name] = type(name, (), {"__repr__": lambda self: f"<{type(self).__name__}>"})
    return _FOREIGN.get(name) or type(name, (), {})


def _dtype(text):
    if not isinstance(text, str) or len(text) > 8:
        raise WireError("bad dtype")
    try:
        dtype = np.dtype(text)
    except (TypeError, ValueError) as exc:   # np.dtype("0!f8") raises ValueError
        raise WireError("bad dtype") from exc
    if dtype.kind not in NUMERIC_KINDS or dtype.hasobject or dtype.fields is not None or dtype.subdtype:
        raise WireError("bad dtype")
    return dtype


def _shape(shape):
    if not (isinstance(shape, list) and len(shape) <= 32
            and all(type(d) is int and 0 <= d <= MAX_SHAPE_ELEMENTS for d in shape)):
        raise WireError("bad shape")
    size = 1
    for d in shape:
        size *= d
    if size > MAX_SHAPE_ELEMENTS:
        raise WireError("array too large")
    return tuple(shape), size


def _bytes(text, budget):
    if not isinstance(text, str):
        raise WireError("bad data")
    budget.take(array_bytes=len(text) * 3 // 4)
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError) as exc:
        raise WireError("bad data") from exc


def decode_value(tagged, depth=0, budget=None):
    budget = budget or _Budget()
    if depth > MAX_DEPTH + 1:
        raise WireError("too deeply nested")
    if not (isinstance(tagged, list) and tagged and isinstance(tagged[0], str)):
        raise WireError("bad value")
    tag, rest = tagged[0], tagged[1:]
    budget.take(items=1)
    if tag == "n" and not rest:
        return None
    if tag == "b" and len(rest) == 1 and type(rest[0]) is bool:
        return rest[0]
    if tag == "i" and len(rest) == 1 and type(rest[0]) is int:
        return rest[0]
    if tag == "f" and len(rest) == 1 and isinstance(rest[0], str) and len(rest[0]) <= 40:
        try:
            return float(rest[0])
        except ValueError as exc:
            raise WireError("bad float") from exc
    if tag == "s" and len(rest) == 1 and isinstance(rest[0], str) and len(rest[0]) <= MAX_STRING:
        return rest[0]
    if tag == "a" and len(rest) == 3:
        dtype = _dtype(rest[0])
        shape, size = _shape(rest[1])
        data = _bytes(rest[2], budget)
        if len(data) != size * dtype.itemsize:
            raise WireError("array data does not match its shape")
        return np.frombuffer(bytearray(data), dtype=dtype).reshape(shape).view(np.ndarray)
    if tag == "A" and len(rest) == 2 and isinstance(rest[0], str):
        shape, size = _shape(rest[1])
        budget.take(array_bytes=size * 8)
        return np.empty(shape, dtype=object)
    if tag == "g" and len(rest) == 2:
        dtype = _dtype(rest[0])
        data = _bytes(rest[1], budget)
        if len(data) != dtype.itemsize:
            raise WireError("scalar data does not match its dtype")
        return np.frombuffer(bytearray(data), dtype=dtype)[0]
    if tag in ("t", "l") and len(rest) == 1 and isinstance(rest[0], list):
        budget.take(items=len(rest[0]))
        items = [decode_value(v, depth + 1, budget) for v in rest[0]]
        return tuple(items) if tag == "t" else items
    if tag == "d" and len(rest) == 1 and isinstance(rest[0], list):
        budget.take(items=len(rest[0]))
        out = {}
        for pair in rest[0]:
            if not (isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], str)):
                raise WireError("bad dict item")
            out[pair[0]] = decode_value(pair[1], depth + 1, budget)
        return out
    if tag == "o" and len(rest) == 1 and isinstance(rest[0], str) and len(rest[0]) <= 80:
        name = rest[0] if rest[0].isidentifier() else "object"
        return opaque(name)
    raise WireError(f"bad value tag {tag!r}")


def decode_record(data, budget):
    """A kinds Record from its sent form: every field the Record class has, each checked."""
    import dataclasses

    from examprep.grade.kinds import STAGES, Record

    names = [f.name for f in dataclasses.fields(Record)]
    if not (isinstance(data, dict) and set(data) == set(names)):
        raise WireError("bad record fields")
    fields = {}
    for name in names:
        raw = data[name]
        if name in RECORD_FIELDS:
            if not isinstance(raw, str) or len(raw) > 1000:
                raise WireError(f"bad record {name}")
            fields[name] = raw
            continue
        value = decode_value(raw, 1, budget)
        if name in ("extreme", "compared") and type(value) is not bool:
            raise WireError(f"bad record {name}")
        if name in ("error", "mode", "context") and value is not None and not isinstance(value, dict):
            raise WireError(f"bad record {name}")
        if name == "check" and value is not None and not isinstance(value, (str, dict)):
            raise WireError("bad record check")
        fields[name] = value
    if fields["stage"] not in STAGES:
        raise WireError("bad record stage")
    if fields.get("context") is None:
        fields["context"] = {}
    error, check = fields.get("error"), fields.get("check")
    if error is not None and not (isinstance(error.get("type"), str) and isinstance(error.get("message", ""), str)):
        raise WireError("bad record error")
    if isinstance(check, dict):
        if type(check.get("ok")) is not bool:
            raise WireError("bad record check")
        for key in ("ja", "en", "code"):
            if key in check and not isinstance(check[key], str):
                raise WireError(f"bad record check {key}")
    return Record(**fields)


def decode_failure(value):
    """The Failure of a failure dict sent by the learner's process, checked to be shaped like one."""
    if value is None:
        return None
    if not isinstance(value, dict) or value.get("ok") is not False:
        raise WireError("bad failure")
    for key in ("check", "ja", "en"):
        if not isinstance(value.get(key), str):
            raise WireError(f"bad failure {key}")
    for key in ("details", "context"):
        if not isinstance(value.get(key, {}), dict):
            raise WireError(f"bad failure {key}")
    from examprep.grade.failure import Failure

    return Failure.from_json(value)


def decode_message(payload, max_bytes=MAX_ARRAY_BYTES * 2):
    """(failure, records, output) from encode_message's bytes; raises WireError."""
    if len(payload) > max_bytes:
        raise WireError("message too large")
    try:
        data = json.loads(payload.decode("utf-8"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise WireError(f"not a message: {type(exc).__name__}") from exc
    if not (isinstance(data, dict) and set(data) == {"failure", "records", "output"}):
        raise WireError("bad message")
    budget = _Budget()
    failure = decode_failure(decode_value(data["failure"], 0, budget))
    records = data["records"]
    if records is not None:
        if not isinstance(records, list) or len(records) > 100_000:
            raise WireError("bad records")
        records = [decode_record(r, budget) for r in records]
    if (failure is None) == (records is None):
        raise WireError("a message holds either a failure or records")
    output = data["output"]
    if not isinstance(output, str):
        raise WireError("bad output")
    return failure, records, output


def _reject_constant(name):
    raise ValueError(f"{name} is not allowed")



# --- control messages between the grader and the worker's zygote ------------------------------
# A stream socket pair (SOCK_SEQPACKET is Linux-only): each message is a 4-byte big-endian length and
# that many bytes of JSON, sent in one sendmsg together with any file descriptors it hands over.

MAX_CONTROL = 1 << 24


def send_control(sock, obj, fds=()):
    import socket

    data = json.dumps(obj).encode("utf-8")
    message = len(data).to_bytes(4, "big") + data
    sent = socket.send_fds(sock, [message], list(fds)) if fds else sock.send(message)
    if sent < len(message):
        sock.sendall(message[sent:])


def recv_control(sock, max_fds=0):
    """The next message as (dict, [fds]), or (None, []) at end of stream."""
    import socket

    head, fds = b"", []
    while len(head) < 4:
        if max_fds and not fds:
            chunk, got, _, _ = socket.recv_fds(sock, 4 - len(head), max_fds)
            fds.extend(got)
        else:
            chunk = sock.recv(4 - len(head))
        if not chunk:
            return None, fds
        head += chunk
    size = int.from_bytes(head, "big")
    if size > MAX_CONTROL:
        raise WireError("control message too large")
    body = b""
    while len(body) < size:
        chunk = sock.recv(min(size - len(body), 1 << 20))
        if not chunk:
            return None, fds
        body += chunk
    return json.loads(body), fds
