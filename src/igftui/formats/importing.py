"""Bring files into the catalogue: each file its own transaction, a report of every one.

The command line and the UI both import through :func:`import_paths`, so a
folder, a bad file or a second import of the same page behave the same way
wherever the user starts from.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from igftui.formats.errors import FormatError
from igftui.formats.files import DEFAULT_MAX_BYTES, open_text_stream, read_text_file, starts_like_json
from igftui.formats.jsonio import iter_sessions_json, looks_like_igftui_json
from igftui.formats.pages import PageReading, read_page
from igftui.formats.import_report import ImportedSession
from igftui.model.session import ForumSession, Source
from igftui.store.catalogue import Catalogue, ImportOutcome
from igftui.store.errors import CatalogueError

#: Files in a folder that are never sessions, so they are passed over without a word.
_IGNORED_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}


@dataclass(frozen=True)
class SkippedFile:
    path: str
    reason: str

    def to_json(self) -> dict[str, str]:
        return {"path": self.path, "reason": self.reason}


@dataclass(frozen=True)
class FileWarning:
    """A file that was imported, with something the user should know about it."""

    path: str
    message: str


@dataclass
class ImportReport:
    """What an import did, file by file and session by session."""

    #: The new sessions and the ones already there, whole: only when the caller asked
    #: to keep them (the app shows them); ``sessions`` always says what happened.
    imported: list[ForumSession] = field(default_factory=list)
    updated: list[ForumSession] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    #: Pages imported with expected fields not found ("imported, but ... were not found").
    warnings: list[FileWarning] = field(default_factory=list)
    #: Every session of the files imported, in the order met, with what became of it.
    sessions: list[ImportedSession] = field(default_factory=list)

    @property
    def stored(self) -> list[ForumSession]:
        """Every session the import wrote, new or updated, in the order met."""
        return self.imported + self.updated

    def count(self, *actions: str) -> int:
        return sum(1 for session in self.sessions if session.action in actions)

    def summary(self) -> str:
        return (
            f"imported {self.count('created', 'beside')}, updated {self.count('merged', 'unchanged', 'kept')}, "
            f"skipped {len(self.skipped)}"
        )

    def totals(self) -> str:
        """"imported 2 (1 beside a draft of yours), merged 1, unchanged 3, skipped 0"."""
        beside = self.count("beside")
        new = f"imported {self.count('created', 'beside')}"
        if beside:
            new += f" ({beside} beside {'a draft' if beside == 1 else 'drafts'} of yours)"
        return (f"{new}, merged {self.count('merged')}, unchanged {self.count('unchanged', 'kept')}, "
                f"skipped {len(self.skipped)}")


#: Called after each file with (files done, files in all, path of the file just done).
Progress = Callable[[int, int, Path], None]

#: Called as the sessions of one file are stored, with (its path, sessions stored so far).
SessionProgress = Callable[[Path, int], None]


def files_to_import(paths: Iterable[Path]) -> tuple[list[Path], list[SkippedFile]]:
    """The files named, and the files inside the folders named (not hidden ones), in order."""
    files: list[Path] = []
    problems: list[SkippedFile] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(
                p for p in path.rglob("*")
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and p.name not in _IGNORED_NAMES
            )
            if not inside:
                problems.append(SkippedFile(str(path), "the folder holds no files"))
            files.extend(inside)
        elif path.exists():
            files.append(path)
        else:
            problems.append(SkippedFile(str(path), "no such file or folder"))
    return files, problems


def read_sessions(path: Path, *, year: int | None = None) -> list[ForumSession]:
    """The sessions one file holds; raises :class:`FormatError` saying why it cannot be read."""
    with ExitStack() as stack:
        return list(_open_file(path, year, stack)[0])


def _open_file(path: Path, year: int | None, stack: ExitStack) -> tuple[Iterator[ForumSession], str | None]:
    """The sessions of one file, as they are read, and a note on the fields a page did not yield.

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
            note = _missing_note(readings)
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


def _missing_note(readings: list[PageReading]) -> str | None:
    """"imported, but these fields were not found: format, duration_minutes", for one page."""
    if len(readings) == 1:
        missing = readings[0].missing
        return "imported, but these fields were not found: " + ", ".join(missing) if missing else None
    # A listing gives little about each session; say what most of them lack, once.
    counts: dict[str, int] = {}
    for reading in readings:
        for name in reading.missing:
            counts[name] = counts.get(name, 0) + 1
    lacking = [name for name, count in counts.items() if count * 2 > len(readings)]
    if not lacking:
        return None
    return f"imported {len(readings)} sessions, but most lack these fields: " + ", ".join(lacking)


def import_paths(
    catalogue: Catalogue,
    paths: Iterable[Path],
    *,
    year: int | None = None,
    progress: Progress | None = None,
    session_progress: SessionProgress | None = None,
    keep_sessions: bool = True,
) -> ImportReport:
    """Import every file named or inside a folder named; one transaction per file.

    A file that cannot be read, or whose sessions cannot be stored, is skipped
    with its reason and leaves nothing behind; the others are imported.  Sessions
    are stored as they are read, so a file of any size is imported without being
    held in memory; ``session_progress`` hears how far into a file the import is.
    With ``keep_sessions`` false the report keeps a line per session
    (``report.sessions``) but not the sessions themselves.
    """
    report = ImportReport()
    files, report.skipped = files_to_import(paths)
    for done, path in enumerate(files, start=1):
        try:
            _import_file(catalogue, path, year, report, session_progress, keep_sessions)
        except (FormatError, CatalogueError) as exc:
            report.skipped.append(SkippedFile(str(path), _reason(exc, path)))
        if progress is not None:
            progress(done, len(files), path)
    return report


def _import_file(catalogue: Catalogue, path: Path, year: int | None, report: ImportReport,
                 session_progress: SessionProgress | None, keep_sessions: bool) -> None:
    """Import one file in one transaction; its lines join the report only once it is kept."""
    lines: list[ImportedSession] = []
    new: list[ForumSession] = []
    already: list[ForumSession] = []

    def stored(outcome: ImportOutcome) -> None:
        lines.append(ImportedSession.of(outcome))
        if keep_sessions:
            (new if outcome.created else already).append(outcome.session)
        if session_progress is not None:
            session_progress(path, len(lines))

    with ExitStack() as stack:
        sessions, note = _open_file(path, year, stack)
        catalogue.import_sessions(sessions, each=stored)
    if not lines:
        raise FormatError("the file holds no sessions")
    report.sessions.extend(lines)
    report.imported.extend(new)
    report.updated.extend(already)
    if note:
        report.warnings.append(FileWarning(str(path), note))


def _reason(exc: Exception, path: Path) -> str:
    """Why a file was skipped, without the leading file name the report already gives."""
    reason = str(exc)
    for name in (str(path), path.name):
        if reason.startswith(name + ": "):
            return reason[len(name) + 2:]
    return reason
