"""Read files to import: which files a list of paths names, and the sessions each one holds.

Text in, model out: nothing here touches the catalogue.  ``services.importing``
stores what these read, each file in its own transaction, and reports on every one.
"""

from __future__ import annotations

import errno
import io
import json
import os
import stat
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from igftui.formats.files import (
    DEFAULT_MAX_BYTES,
    open_text_stream,
    read_text_file,
    starts_like_json,
)
from igftui.formats.jsonio import iter_sessions_json, looks_like_igftui_json
from igftui.formats.pages import PageReading, read_page
from igftui.model.form import field_words
from igftui.model.session import ForumSession, Source

#: Files in a folder that are never sessions, so they are passed over without a word.
_IGNORED_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}


@dataclass(frozen=True)
class SkippedFile:
    """A file or folder named for import that was not imported, and why."""

    path: str
    reason: str

    def to_json(self) -> dict[str, str]:
        return {"path": self.path, "reason": self.reason}


def files_to_import(paths: Iterable[Path]) -> tuple[list[Path], list[SkippedFile]]:
    """The files named, and the files inside the folders named (not hidden ones), in order.

    Nothing is opened here.  A pipe, a device or a socket is named in the report and
    never read (reading a pipe waits for a writer that may never come); so are a link
    that loops or leads nowhere and a folder that cannot be opened.  Links to folders
    are followed, each folder once, so a link back up the tree cannot make the walk endless.
    """
    files: list[Path] = []
    problems: list[SkippedFile] = []
    for path in paths:
        path = Path(path)
        info, problem = _look_at(path)
        if problem is not None:
            problems.append(SkippedFile(str(path), problem))
        elif info is not None and stat.S_ISDIR(info.st_mode):
            inside, trouble = _walk(path, info)
            if not inside and not trouble:
                problems.append(SkippedFile(str(path), "the folder holds no files"))
            files.extend(inside)
            problems.extend(trouble)
        else:
            files.append(path)
    return files, problems


def _walk(top: Path, info: os.stat_result) -> tuple[list[Path], list[SkippedFile]]:
    """The files under ``top`` and the entries that cannot be imported, each sorted by path."""
    found: list[Path] = []
    problems: list[SkippedFile] = []
    entered = {_identity(top, info)}
    folders = [top]  # a list, not recursion: a tree thousands of folders deep is still walked
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as entries:
                names = [entry.name for entry in entries]
        except OSError as exc:
            problems.append(SkippedFile(str(folder), "the folder cannot be opened: " + _os_problem(exc)))
            continue
        for name in names:
            if name.startswith("."):
                continue
            path = folder / name
            inner, problem = _look_at(path)
            if problem is not None:
                problems.append(SkippedFile(str(path), problem))
            elif inner is not None and stat.S_ISDIR(inner.st_mode):
                if _identity(path, inner) in entered:
                    problems.append(SkippedFile(str(path), "a link to a folder already imported: not followed again"))
                else:
                    entered.add(_identity(path, inner))
                    folders.append(path)
            elif name not in _IGNORED_NAMES:
                found.append(path)
    return sorted(found), sorted(problems, key=lambda problem: Path(problem.path))


def _identity(folder: Path, info: os.stat_result) -> object:
    """What tells a folder from every other, however it is reached (some file systems have no inode numbers)."""
    return (info.st_dev, info.st_ino) if info.st_ino else os.path.realpath(folder)


def _look_at(path: Path) -> tuple[os.stat_result | None, str | None]:
    """What ``path`` is (following links), or why it cannot be imported; never opens it."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            return None, "a link to something that does not exist"
        return None, "no such file or folder"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return None, "a link that loops back on itself"
        return None, "cannot be opened: " + _os_problem(exc)
    except ValueError:  # a NUL in the name
        return None, "not a usable file name"
    mode = info.st_mode
    if stat.S_ISDIR(mode) or stat.S_ISREG(mode):
        return info, None
    kind = "a named pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
    return None, f"{kind}, not a file: skipped without opening it"


def _os_problem(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    reason = exc.strerror or exc.__class__.__name__
    return reason[:1].lower() + reason[1:]


def read_sessions(path: Path, *, year: int | None = None) -> list[ForumSession]:
    """The sessions one file holds; raises :class:`FormatError` saying why it cannot be read."""
    with ExitStack() as stack:
        return list(open_sessions(path, year, stack)[0])


def open_sessions(path: Path, year: int | None, stack: ExitStack) -> tuple[Iterator[ForumSession], str | None]:
    """The sessions of one file, as they are read, and a note on the fields a page did not yield.

    Raises :class:`FormatError` saying why the file cannot be read.

    Pages are small and read whole (up to 5 MB); an igftui JSON file may be a whole
    catalogue, so a large one is read piece by piece (``stack`` closes it).
    """
    note = None
    sessions: Iterator[ForumSession]
    if _is_large(path) and (path.suffix.lower() == ".json" or starts_like_json(path)):
        stream = stack.enter_context(open_text_stream(path))
        sessions = _from_json_file(iter_sessions_json(stream, path.name), path)
    else:
        text = read_text_file(path)
        if looks_like_igftui_json(text) or _meant_as_json(text, path):
            # JSON that is not igftui's is still read as JSON, to say what is wrong with it.
            sessions = _from_json_file(iter_sessions_json(io.StringIO(text), path.name), path)
        else:
            readings = read_page(text, source_path=str(path), year=year)
            sessions = iter([reading.session for reading in readings])
            note = _missing_note(readings, year)
    if year is not None:
        sessions = (s if s.year is not None else s.model_copy(update={"year": year}) for s in sessions)
    return sessions, note


def _is_large(path: Path) -> bool:
    try:
        return path.stat().st_size > DEFAULT_MAX_BYTES
    except OSError:
        return False  # read_text_file says what is wrong with it


def _from_json_file(sessions: Iterator[ForumSession], path: Path) -> Iterator[ForumSession]:
    """Sessions that do not say where they came from remember the file they were read from.

    A draft sent by a co-organiser, new to this catalogue, then says it was imported
    from their file; a copy of a session the catalogue knows keeps its own origin.
    """
    when = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    for session in sessions:
        if session.source is None:
            session = session.model_copy(update={"source": Source(kind="json", path=str(path), imported_at=when)})
        yield session


def _meant_as_json(text: str, path: Path) -> bool:
    """A .json file, or text that parses as JSON; a Markdown page may start with "[" too."""
    if path.suffix.lower() == ".json":
        return True
    stripped = text.lstrip("\ufeff \t\r\n")
    if not stripped.startswith(("{", "[")):
        return False
    try:
        json.loads(stripped)
    except (ValueError, RecursionError):
        return False
    return True


#: What names a session: a page that does not give one of these is imported with a
#: warning that says so first, for each session it concerns.
_IDENTITY = ("title", "year", "session_type")
#: Sessions of a listing named one by one in a warning; the rest are counted.
_NAMED_SESSIONS = 5


def _missing_note(readings: list[PageReading], year: int | None = None) -> str | None:
    """What the page did not give, as the import summary says it: the identity first, by session.

    "imported without its title and year, which the page does not give; these fields were
    not found either: format" for one page; for a listing, each session without a title,
    year or type is named ("session 2 (untitled) has no title"), then what most of them lack.
    A year given on the command line fills the year, so it is not said missing.
    """

    def missing(reading: PageReading) -> list[str]:
        return [name for name in reading.missing if not (name == "year" and year is not None)]

    if len(readings) == 1:
        lacking = missing(readings[0])
        identity = [name for name in lacking if name in _IDENTITY]
        rest = [name for name in lacking if name not in _IDENTITY]
        if identity:
            note = f"imported without its {_and(identity)}, which the page does not give"
            return note + ("; these fields were not found either: " + ", ".join(rest) if rest else "")
        return "imported, but these fields were not found: " + ", ".join(rest) if rest else None
    said: list[str] = []
    unnamed = [
        (position, reading) for position, reading in enumerate(readings, start=1) if _no_identity(missing(reading))
    ]
    for position, reading in unnamed[:_NAMED_SESSIONS]:
        title = reading.session.title
        which = f"\u201c{title}\u201d" if title else "untitled"
        said.append(f"session {position} ({which}) has no {_and(_no_identity(missing(reading)), 'or')}")
    if len(unnamed) > _NAMED_SESSIONS:
        said.append(f"{len(unnamed) - _NAMED_SESSIONS} more have no title, year or session type")
    # A listing gives little about each session; say what most of them lack, once.
    counts: dict[str, int] = {}
    for reading in readings:
        for name in missing(reading):
            if name not in _IDENTITY:
                counts[name] = counts.get(name, 0) + 1
    lacking = [name for name, count in counts.items() if count * 2 > len(readings)]
    if lacking:
        said.append("most lack these fields: " + ", ".join(lacking))
    return f"imported {len(readings)} sessions, but " + "; ".join(said) if said else None


def _no_identity(missing: list[str]) -> list[str]:
    return [name for name in missing if name in _IDENTITY]


def _and(names: list[str], last: str = "and") -> str:
    """ "title, year and session type": the fields in the words of the form."""
    words = [field_words(name) for name in names]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" {last} " + words[-1]
