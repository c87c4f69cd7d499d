"""A JSON text read one top-level entry at a time, so a file of any size fits in memory.

``igftui list --json`` of a large catalogue is hundreds of megabytes: reading it
whole, then parsing it whole, would hold it twice over.  Here the text is read in
chunks and each entry of the top-level list is decoded by the standard library's
own decoder (``JSONDecoder.raw_decode``) as soon as it is complete, then dropped.
The same decoder reads a small file, so a file says the same thing, and is refused
with the same message ("not valid JSON (line 4, column 1: Expecting value)"),
whatever its size.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, Protocol

from igftui.formats.errors import FormatError

#: Characters read at a time.  An entry larger than this is read in larger pieces.
CHUNK = 1 << 20

#: No session comes near this; a larger entry is a broken file, not read to its end.
MAX_ENTRY = 64 << 20

_SPACE = re.compile(r"[ \t\n\r]*")


class TextSource(Protocol):
    def read(self, size: int, /) -> str: ...


def json_entries(stream: TextSource, source: str, *, chunk: int = CHUNK) -> Iterator[tuple[int | None, Any]]:
    """The values of a JSON text, one at a time, as ``(number, value)``.

    A top-level list gives each entry with its number counted from 1, as a user
    counts; any other top-level value is given once, numbered ``None``.  Each
    entry is given as soon as it has been read, before the rest of the text is.
    ``source`` names the text in messages.  Raises :class:`FormatError` for text
    that is not JSON, at the first place it stops being JSON.
    """
    text = _Text(stream, chunk, source)
    first = text.next_character()
    if first == "\ufeff":
        # A byte-order mark left in the text by a reader that did not drop it.
        text.pos += 1
        first = text.next_character()
    if first is None:
        raise text.error("Expecting value", text.pos)
    if first != "[":
        yield None, text.value()
    else:
        text.pos += 1
        number = 0
        while True:
            following = text.next_character()
            if following == "]" and number == 0:
                text.pos += 1
                break
            if number > 0:
                if following == "]":
                    text.pos += 1
                    break
                if following != ",":
                    raise text.error("Expecting ',' delimiter", text.pos)
                text.pos += 1
                text.next_character()
            number += 1
            yield number, text.value()
    if text.next_character() is not None:
        raise text.error("Extra data", text.pos)


class _Text:
    """The text read so far that is not yet decoded, and where it stands in the whole."""

    def __init__(self, stream: TextSource, chunk: int, source: str) -> None:
        self.stream = stream
        self.chunk = chunk
        self.source = source
        self.buffer = ""
        self.pos = 0
        self.ended = False
        # Lines and columns of the text already dropped, so messages count from the start.
        self.lines_before = 0
        self.column_before = 0
        self.decoder = json.JSONDecoder(parse_constant=_refuse_constant)

    def more(self) -> bool:
        """Read the next piece; False at the end of the text."""
        if self.ended:
            return False
        if len(self.buffer) - self.pos > MAX_ENTRY:
            raise self.error(f"one entry is larger than {MAX_ENTRY // (1 << 20)} MB", self.pos)
        # At least as much as is waiting to be decoded: one very large entry is then
        # read in doubling pieces and decoded a few times, not once per chunk.
        data = self.stream.read(max(self.chunk, len(self.buffer) - self.pos))
        if not data:
            self.ended = True
            return False
        self._drop_decoded()
        self.buffer += data
        return True

    def _drop_decoded(self) -> None:
        gone = self.buffer[: self.pos]
        newlines = gone.count("\n")
        if newlines:
            self.lines_before += newlines
            self.column_before = len(gone) - gone.rfind("\n") - 1
        else:
            self.column_before += len(gone)
        self.buffer = self.buffer[self.pos :]
        self.pos = 0

    def next_character(self) -> str | None:
        """The next character that is not white space (left unread), or None at the end."""
        while True:
            self.pos = _SPACE.match(self.buffer, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.buffer):
                return self.buffer[self.pos]
            if not self.more():
                return None

    def value(self) -> Any:
        """Decode the value that starts here."""
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buffer, self.pos)
            except json.JSONDecodeError as exc:
                if _may_go_on(exc, self.buffer) and self.more():
                    continue
                raise self.error(exc.msg, exc.pos) from None
            except _ConstantRefused as exc:
                raise FormatError(f"{self.source}: not valid JSON ({exc} is not a JSON value)") from None
            except RecursionError:
                raise FormatError(f"{self.source}: not valid JSON (nested too deeply)") from None
            except ValueError:
                # Python refuses to read an integer of thousands of digits (it would take too long).
                raise FormatError(f"{self.source}: not valid JSON (a number too long to read)") from None
            if _is_number(value) and len(self.buffer) - end <= 16 and self.more():
                continue  # a number cut at the end of a piece ("0." of "0.5") goes on in the next
            self.pos = end
            return value

    def error(self, message: str, pos: int) -> FormatError:
        before = self.buffer[:pos]
        newlines = before.count("\n")
        if newlines:
            line, column = self.lines_before + newlines + 1, pos - before.rfind("\n")
        else:
            line, column = self.lines_before + 1, self.column_before + pos + 1
        return FormatError(f"{self.source}: not valid JSON (line {line}, column {column}: {message})")


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _may_go_on(exc: json.JSONDecodeError, buffer: str) -> bool:
    """Whether the error may only be the end of the piece read so far.

    A value cut at the end of a piece fails right there ("tru", "12.", "\\u00"), or
    as a string not yet closed; an error anywhere else is a fault in the text, said
    at once instead of after reading the rest of a large file.
    """
    return len(buffer) - exc.pos <= 16 or exc.msg.startswith("Unterminated string")


class _ConstantRefused(ValueError):
    pass


def _refuse_constant(name: str) -> Any:
    # Python's json accepts NaN and Infinity; JSON does not, and no field of the
    # contract can hold them.
    raise _ConstantRefused(name)
