"""Reading JSON one top-level entry at a time: the same answers as json.loads, without the whole text."""

import io
import json

import pytest

from igftui.formats.errors import FormatError
from igftui.formats.jsonstream import json_entries


class RecordingText(io.StringIO):
    """A text file that remembers how much of it has been read."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.read_so_far = 0

    def read(self, size: int = -1) -> str:
        piece = super().read(size)
        self.read_so_far += len(piece)
        return piece


def entries(text: str, chunk: int = 7):
    return list(json_entries(io.StringIO(text), "x.json", chunk=chunk))


def as_json_loads_says(text: str):
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return f"x.json: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
    return [(n, v) for n, v in enumerate(data, start=1)] if isinstance(data, list) else [(None, data)]


def test_entries_come_before_the_file_is_read_to_its_end():
    text = json.dumps([{"n": n, "title": "x" * 200} for n in range(5000)], indent=2)
    stream = RecordingText(text)
    reader = json_entries(stream, "big.json", chunk=4096)
    number, first = next(reader)
    assert (number, first["n"]) == (1, 0)
    assert stream.read_so_far <= 4096 < len(text) // 100
    for number, entry in reader:
        assert entry["n"] == number - 1
        # Never much more read than the entries given so far need.
        assert stream.read_so_far <= (number + 20) * 250 + 4096
    assert number == 5000 and stream.read_so_far == len(text)


@pytest.mark.parametrize(
    "text",
    [
        "[]",
        " [ ] ",
        "[1]",
        '[{"a": 1}, {"b": [1, 2, {"c": null}]}]',
        '{"a": "é\\n\\"q\\""}',
        "42",
        '"hello"',
        "null",
        "[true, false, -0.5e-3, 12345678901234567890]",
        "[1 2]",
        "[1,]",
        "[1",
        "[",
        "",
        "  \n",
        '{"a": 1} x',
        "[1]]",
        "[tru]",
        '[{"a": "unterminated}]',
        '[{"a": "line\nbreak"}]',
        '[\n  {"a": 1},\n  {"a": \n}\n]',
        '{\n  "schema": "igftui.session/1",\n  "title": \n',
    ],
)
@pytest.mark.parametrize("chunk", [1, 2, 5, 1 << 20])
def test_the_same_values_and_messages_as_json_loads(text, chunk):
    try:
        got = entries(text, chunk)
    except FormatError as exc:
        got = str(exc)
    assert got == as_json_loads_says(text)


def test_an_entry_larger_than_a_chunk():
    big = {"description": "word " * 50_000}
    assert entries(json.dumps([1, big, 2]), chunk=1000) == [(1, 1), (2, big), (3, 2)]


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_numbers_json_does_not_have_are_refused(constant):
    with pytest.raises(FormatError, match=rf"^x\.json: not valid JSON \({constant} is not a JSON value\)$"):
        entries(f"[1, {constant}]", chunk=3)


def test_a_fault_early_in_a_large_text_is_said_without_reading_the_rest():
    text = '[{"a": 1}, {"a": 2,, }, ' + ", ".join(['{"b": 0}'] * 100_000) + "]"
    stream = RecordingText(text)
    with pytest.raises(FormatError, match=r"line 1, column 20: Expecting property name"):
        list(json_entries(stream, "x.json", chunk=1024))
    assert stream.read_so_far <= 1024
