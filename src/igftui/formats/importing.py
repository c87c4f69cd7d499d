"""Bring files into the catalogue: each file its own transaction, a report of every one.

The command line and the UI both import through :func:`import_paths`, so a
folder, a bad file or a second import of the same page behave the same way
wherever the user starts from.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from igftui.formats.errors import FormatError
from igftui.formats.files import read_text_file
from igftui.formats.jsonio import looks_like_igftui_json, parse_sessions_json
from igftui.formats.pages import PageReading, read_page
from igftui.model.session import ForumSession
from igftui.store.catalogue import Catalogue
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
    """What an import did, file by file."""

    imported: list[ForumSession] = field(default_factory=list)
    updated: list[ForumSession] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    #: Pages imported with expected fields not found ("imported, but ... were not found").
    warnings: list[FileWarning] = field(default_factory=list)

    @property
    def stored(self) -> list[ForumSession]:
        """Every session the import wrote, new or updated, in the order met."""
        return self.imported + self.updated

    def summary(self) -> str:
        return (
            f"imported {len(self.imported)}, updated {len(self.updated)}, "
            f"skipped {len(self.skipped)}"
        )


#: Called after each file with (files done, files in all, path of the file just done).
Progress = Callable[[int, int, Path], None]


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
    return _read_file(path, year)[0]


def _read_file(path: Path, year: int | None) -> tuple[list[ForumSession], str | None]:
    """The sessions of one file, and a note on the fields a page did not yield (or None)."""
    text = read_text_file(path)
    note = None
    if looks_like_igftui_json(text) or _meant_as_json(text, path):
        # JSON that is not igftui's is still read as JSON, to say what is wrong with it.
        sessions = parse_sessions_json(text, path.name)
    else:
        readings = read_page(text, source_path=str(path), year=year)
        sessions = [reading.session for reading in readings]
        note = _missing_note(readings)
    if year is not None:
        sessions = [s if s.year is not None else s.model_copy(update={"year": year}) for s in sessions]
    return sessions, note


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
) -> ImportReport:
    """Import every file named or inside a folder named; one transaction per file.

    A file that cannot be read, or whose sessions cannot be stored, is skipped
    with its reason and leaves nothing behind; the others are imported.
    """
    report = ImportReport()
    files, report.skipped = files_to_import(paths)
    for done, path in enumerate(files, start=1):
        try:
            sessions, note = _read_file(path, year)
            if not sessions:
                raise FormatError("the file holds no sessions")
            for outcome in catalogue.import_sessions(sessions):
                (report.imported if outcome.created else report.updated).append(outcome.session)
            if note:
                report.warnings.append(FileWarning(str(path), note))
        except (FormatError, CatalogueError) as exc:
            report.skipped.append(SkippedFile(str(path), _reason(exc, path)))
        if progress is not None:
            progress(done, len(files), path)
    return report


def _reason(exc: Exception, path: Path) -> str:
    """Why a file was skipped, without the leading file name the report already gives."""
    reason = str(exc)
    for name in (str(path), path.name):
        if reason.startswith(name + ": "):
            return reason[len(name) + 2:]
    return reason
