"""igftui's own JSON files: one session, or a list of them (what ``list --json`` prints).

Writing and reading are exact inverses: a session written here and read back
writes out the same text again, private fields included when they were written.
Reading refuses a whole file at its first bad entry, naming the file and the
entry (counted from 1, as a user counts), so nothing of a broken file is half
imported.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from igftui.formats.errors import FormatError
from igftui.formats.files import read_text_file
from igftui.model.session import SCHEMA, ContractError, ForumSession


def sessions_to_json(
    sessions: ForumSession | Iterable[ForumSession], *, include_private: bool = False
) -> str:
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
    data = _load(text, source)
    if isinstance(data, dict):
        entries, numbered = [data], False
    elif isinstance(data, list):
        entries, numbered = data, True
    else:
        raise FormatError(
            f"{source}: expected a session (a JSON object) or a list of sessions, found {_json_kind(data)}"
        )
    # A JSON file with no igftui schema anywhere is some other program's file:
    # say so, rather than importing its objects as empty sessions.
    if entries and not any(isinstance(entry, dict) and entry.get("schema") == SCHEMA for entry in entries):
        if not any(isinstance(entry, dict) and "schema" in entry for entry in entries):
            raise FormatError(f'{source}: not an igftui session file (no "schema": "{SCHEMA}")')
    sessions: list[ForumSession] = []
    for number, entry in enumerate(entries, start=1):
        where = f"{source}: session {number}" if numbered else source
        try:
            broken = _broken_text(entry)
            if broken is not None:
                raise FormatError(f"{where}: {broken} holds a broken character (an unpaired surrogate escape)")
            sessions.append(ForumSession.from_json(entry))
        except ContractError as exc:
            raise FormatError(f"{where}: {exc}") from None
        except RecursionError:
            # json.loads stops just short of the limit; walking what it built may not.
            raise FormatError(f"{where}: nested too deeply") from None
    return sessions


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


def _load(text: str, source: str) -> Any:
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise FormatError(
            f"{source}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except _ConstantRefused as exc:
        raise FormatError(f"{source}: not valid JSON ({exc} is not a JSON value)") from None
    except RecursionError:
        raise FormatError(f"{source}: not valid JSON (nested too deeply)") from None
    except ValueError:
        # Python refuses to read an integer of thousands of digits (it would take too long).
        raise FormatError(f"{source}: not valid JSON (a number too long to read)") from None


class _ConstantRefused(ValueError):
    pass


def _refuse_constant(name: str) -> Any:
    # Python's json accepts NaN and Infinity; JSON does not, and no field of the
    # contract can hold them.
    raise _ConstantRefused(name)


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
