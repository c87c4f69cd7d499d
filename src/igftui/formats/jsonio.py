"""igftui's own JSON files: one session, or a list of them (what ``list --json`` prints).

Writing and reading are exact inverses: a session written here and read back
writes out the same text again, private fields included when they were written.
Reading refuses a whole file at its first bad entry, naming the file and the
entry (counted from 1, as a user counts), so nothing of a broken file is half
imported.  It reads one entry at a time (see ``jsonstream``), so a catalogue of
any size can be read back.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from igftui.formats.errors import FormatError
from igftui.formats.files import read_text_file
from igftui.formats.jsonstream import TextSource, json_entries
from igftui.model.session import SCHEMA, ContractError, ForumSession


def sessions_to_json(sessions: ForumSession | Iterable[ForumSession], *, include_private: bool = False) -> str:
    """The sessions as igftui JSON text: an object for one session, a list for a list.

    Private fields (gender, e-mail, private notes) are left out unless
    ``include_private`` is set.  The text ends with a newline.
    """
    if isinstance(sessions, ForumSession):
        data: Any = sessions.to_json(include_private)
    else:
        data = [session.to_json(include_private) for session in sessions]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def parse_sessions_json(text: str, source: str) -> list[ForumSession]:
    """Read igftui JSON text: one session object or a list of them.

    ``source`` names the text in messages (usually the file name).  Raises
    :class:`FormatError` for text that is not JSON, not igftui's, or has an entry
    that breaks the contract: "catalogue.json: session 3: sdgs: 18 is not a goal
    number from 1 to 17".
    """
    return list(iter_sessions_json(io.StringIO(text), source))


def iter_sessions_json(stream: TextSource, source: str) -> Iterator[ForumSession]:
    """The sessions of igftui JSON read from ``stream``, each checked as soon as it is read.

    What :func:`parse_sessions_json` reads, one session at a time, so a file of any
    size is read without being held in memory.  A bad entry raises
    :class:`FormatError` when it is met: a caller storing the sessions as they come
    does so in one transaction, so that nothing of a bad file is kept.
    """
    # A JSON file with no igftui schema anywhere is some other program's file: say
    # so, rather than importing its objects as empty sessions.  Entries may leave the
    # schema out (hand-edited files drop keys) as long as one of them says it.
    schema_seen = False
    count = 0
    for number, entry in json_entries(stream, source):
        if number is None and not isinstance(entry, dict):
            raise FormatError(
                f"{source}: expected a session (a JSON object) or a list of sessions, found {_json_kind(entry)}"
            )
        where = f"{source}: session {number}" if number is not None else source
        schema_seen = schema_seen or (isinstance(entry, dict) and "schema" in entry)
        try:
            broken = None if _whole_text(entry) else _broken_text(entry)
            if broken is not None:
                raise FormatError(f"{where}: {broken} holds a broken character (an unpaired surrogate escape)")
            session = ForumSession.from_json(entry)
        except ContractError as exc:
            if not schema_seen:
                raise _not_igftui(source) from None
            raise FormatError(f"{where}: {exc}") from None
        except RecursionError:
            # The decoder stops just short of the limit; walking what it built may not.
            raise FormatError(f"{where}: nested too deeply") from None
        count += 1
        yield session
    if count and not schema_seen:
        raise _not_igftui(source)


def _not_igftui(source: str) -> FormatError:
    return FormatError(f'{source}: not an igftui session file (no "schema": "{SCHEMA}")')


def read_sessions_file(path: Path) -> list[ForumSession]:
    """The sessions in an igftui JSON file; :class:`FormatError` says why it cannot be read."""
    path = Path(path)
    return parse_sessions_json(read_text_file(path), path.name or str(path))


def looks_like_igftui_json(text: str) -> bool:
    """Whether ``text`` is igftui JSON rather than, say, a page copied from the IGF site.

    True when it parses as JSON and is a session object, or a list holding one,
    with ``"schema": "igftui.session/1"``.  The importer uses this to choose a reader.
    """
    stripped = text.lstrip("\ufeff \t\r\n")
    if not stripped.startswith(("{", "[")):
        return False
    try:
        data = json.loads(stripped)
    except (ValueError, RecursionError):
        return False
    if isinstance(data, dict):
        return data.get("schema") == SCHEMA
    if isinstance(data, list):
        return any(isinstance(entry, dict) and entry.get("schema") == SCHEMA for entry in data)
    return False


def _json_kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return type(value).__name__


def _whole_text(value: Any) -> bool:
    """Whether no string in ``value`` holds a lone surrogate: one pass of the C encoder over
    the whole entry, where walking it in Python took longer than reading the session.
    Only an entry that fails is walked by :func:`_broken_text`, to say where."""
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except (UnicodeEncodeError, ValueError, TypeError, RecursionError):
        return False
    return True


def _broken_text(value: Any, where: str = "") -> str | None:
    """The path of the first string holding a lone surrogate, which no file can store.

    JSON lets ``"\\ud800"`` through; such a string would break every later export
    and the database, so it is refused here with a pointer to it.
    """
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return where or "a text"
        return None
    if isinstance(value, dict):
        items: Iterable[tuple[Any, Any]] = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return None
    for key, item in items:
        if isinstance(key, str) and _broken_text(key) is not None:
            return where or "a key"
        path = f"{where}[{key}]" if isinstance(key, int) else (f"{where}.{key}" if where else str(key))
        found = _broken_text(item, path)
        if found is not None:
            return found
    return None
