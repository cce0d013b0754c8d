"""The wire format: what the learner's process sends is rebuilt as plain data, and nothing else gets through."""
import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from examprep.grade import wire
from examprep.grade.failure import Failure
from examprep.grade.kinds import Record


def roundtrip(value):
    return wire.decode_value(json.loads(json.dumps(wire.encode_value(value))))


@pytest.mark.parametrize("value", [None, True, False, 0, -7, 2 ** 80, 1.5, -0.0, "text", "日本語", (), [],
                                   {"a": 1, "b": [1, (2.5, None)]}, (1, [2, {"c": "d"}])])
def test_plain_values_round_trip(value):
    assert roundtrip(value) == value
    assert type(roundtrip(value)) is type(value)


def test_special_floats_round_trip():
    assert np.isnan(roundtrip(float("nan")))
    assert roundtrip(float("inf")) == float("inf") and roundtrip(float("-inf")) == float("-inf")


@pytest.mark.parametrize("dtype", ["float64", "float32", "float16", "int8", "int64", "uint16", "bool", "complex128"])
def test_arrays_round_trip_as_base_class_writable_arrays(dtype):
    original = (np.arange(24).reshape(2, 3, 4) % 5).astype(dtype)
    back = roundtrip(original)
    assert type(back) is np.ndarray and back.dtype == original.dtype and back.shape == original.shape
    assert np.array_equal(back, original)
    back[0, 0, 0] = 1  # writable: the grader may use it like any array


def test_odd_arrays_round_trip():
    big_endian = np.arange(6, dtype=">f8").reshape(2, 3)
    assert np.array_equal(roundtrip(big_endian), big_endian)
    strided = np.arange(20.0).reshape(4, 5)[::2, ::-2]
    assert np.array_equal(roundtrip(strided), strided)
    assert roundtrip(np.zeros((0, 3))).shape == (0, 3)
    scalar_array = roundtrip(np.array(2.5, dtype=np.float32))
    assert scalar_array.shape == () and scalar_array.dtype == np.float32


def test_numpy_scalars_keep_their_type():
    for value in (np.float32(1.25), np.float64(-3.0), np.int64(7), np.bool_(True)):
        back = roundtrip(value)
        assert type(back) is type(value) and back == value


def test_subclasses_arrive_as_their_plain_data():
    class Lying(np.ndarray):
        def __sub__(self, other):
            return np.zeros(self.shape)

        def astype(self, *args, **kwargs):
            return self

    class LyingFloat(float):
        def __float__(self):
            return 0.0

        def __repr__(self):
            return "0.0"

    back = roundtrip(np.arange(3.0).view(Lying))
    assert type(back) is np.ndarray and list(back) == [0.0, 1.0, 2.0]
    assert roundtrip(LyingFloat(2.5)) == 2.5 and type(roundtrip(LyingFloat(2.5))) is float

    class MyInt(int):
        pass

    assert type(roundtrip(MyInt(4))) is int


def test_anything_else_arrives_as_an_opaque_stand_in_named_like_its_type():
    class Widget:
        pass

    for value in (Widget(), np.array([object()]), {1: 2}, lambda x: x):
        back = roundtrip(value)
        assert not isinstance(back, (Widget, dict)) or isinstance(back, np.ndarray)
    back = roundtrip(Widget())
    assert getattr(back, "type_name", type(back).__name__) == "Widget"
    strings = roundtrip(np.array(["a", "b"]))
    assert type(strings) is np.ndarray and strings.dtype == object and strings.shape == (2,)


def test_records_and_failures_round_trip():
    record = Record("output", "case 1", "float32", "softmax(...)", value=np.ones((2, 2), np.float32),
                    error=None, context={"args": ["array(2, 2) float32"]})
    payload = wire.encode_message({"failure": None, "records": [record], "output": "hi"})
    failure, records, output = wire.decode_message(payload)
    assert failure is None and output == "hi"
    (back,) = records
    assert back.key == record.key and np.array_equal(back.value, record.value)
    bad = Failure("syntax", "文法", "syntax", stage="defined", details={"line": 3}).to_json()
    failure, records, _ = wire.decode_message(wire.encode_message({"failure": bad, "records": None, "output": ""}))
    assert isinstance(failure, Failure) and failure.to_json() == bad and records is None


MALFORMED = [
    b"", b"not json", b"[]", b"{}", b'{"failure": null, "records": [], "output": ""}',          # untagged failure
    b'{"failure": ["n"], "records": null, "output": ""}',                                       # neither
    b'{"failure": ["d", [["ok", ["b", true]]]], "records": null, "output": ""}',               # a "passing" failure
    b'{"failure": ["n"], "records": [], "output": "", "extra": 1}',
    b'{"failure": ["n"], "records": [], "output": 5}',
    b'{"failure": ["n"], "records": [{"stage": "output"}], "output": ""}',
    b'{"failure": ["n"], "records": [], "output": ""}{"failure": ["n"], "records": [], "output": ""}',
    b'{"failure": ["f", NaN], "records": [], "output": ""}',
    b'\xff\xfe',
]


@pytest.mark.parametrize("payload", MALFORMED)
def test_malformed_messages_are_refused(payload):
    with pytest.raises(wire.WireError):
        wire.decode_message(payload)


@pytest.mark.parametrize("tagged", [
    ["a", "|O", [1], ""], ["a", "V8", [1], "AAAAAAAAAAA="], ["a", "<f8", [2], "AAAAAAAAAAA="],  # object, void, size
    ["a", "<f8", [-1], ""], ["a", "<f8", [10 ** 9, 10 ** 9], ""], ["a", "<f8", [1], "***"],
    ["a", "[('a', '<f8')]", [1], ""], ["g", "<f8", "AAAA"], ["A", "object", [10 ** 12]],
    ["x"], ["i", 1.5], ["i", True], ["b", 1], ["f", 1.0], ["s", 5], ["t", {}], ["d", [[1, ["n"]]]],
    ["d", [["a"]]], "n", None, [], [1], ["o", 5],
])
def test_malformed_values_are_refused(tagged):
    with pytest.raises(wire.WireError):
        wire.decode_value(tagged)


def test_deep_nesting_is_refused():
    value = ["n"]
    for _ in range(100):
        value = ["l", [value]]
    with pytest.raises(wire.WireError):
        wire.decode_value(value)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400), st.integers(min_value=0, max_value=10_000))
def test_damaged_messages_never_crash_the_decoder(noise, position):
    record = Record("backward", "c", "float64", "dW", value={"W": np.arange(4.0), "n": (1, "x")})
    payload = bytearray(wire.encode_message({"failure": None, "records": [record], "output": "out"}))
    position %= len(payload) + 1
    damaged = bytes(payload[:position]) + noise + bytes(payload[position + len(noise) // 2:])
    try:
        failure, records, output = wire.decode_message(damaged)
    except wire.WireError:
        return
    assert isinstance(output, str) and (records is None or all(isinstance(r, Record) for r in records))
