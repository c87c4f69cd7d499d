"""Import files into the catalogue: each file its own transaction, a report of every one.

The command line and the app both import through :func:`import_paths`, so a
folder, a bad file or a second import of the same page behave the same way
wherever the user starts from.  Reading the files is ``formats.importing``'s
work; storing what they hold is the catalogue's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from igftui.formats.errors import FormatError
from igftui.formats.importing import SkippedFile, files_to_import, open_sessions
from igftui.services.import_report import ImportedSession
from igftui.store.errors import CatalogueError

if TYPE_CHECKING:
    from igftui.model.session import ForumSession
    from igftui.store.catalogue import Catalogue, ImportOutcome


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
        """ "imported 2 (1 beside a draft of yours), merged 1, unchanged 3, skipped 0"."""
        beside = self.count("beside")
        new = f"imported {self.count('created', 'beside')}"
        if beside:
            new += f" ({beside} beside {'a draft' if beside == 1 else 'drafts'} of yours)"
        return (
            f"{new}, merged {self.count('merged')}, unchanged {self.count('unchanged', 'kept')}, "
            f"skipped {len(self.skipped)}"
        )


#: Called after each file with (files done, files in all, path of the file just done).
Progress = Callable[[int, int, Path], None]

#: Called as the sessions of one file are stored, with (its path, sessions stored so far).
SessionProgress = Callable[[Path, int], None]


def import_paths(
    catalogue: Catalogue,
    paths: Iterable[Path],
    *,
    year: int | None = None,
    progress: Progress | None = None,
    session_progress: SessionProgress | None = None,
    keep_sessions: bool = True,
    merge_into_drafts: bool = False,
) -> ImportReport:
    """Import every file named or inside a folder named; one transaction per file.

    A file that cannot be read, or whose sessions cannot be stored, is skipped
    with its reason and leaves nothing behind; the others are imported.  Sessions
    are stored as they are read, so a file of any size is imported without being
    held in memory; ``session_progress`` hears how far into a file the import is.
    With ``keep_sessions`` false the report keeps a line per session
    (``report.sessions``) but not the sessions themselves.  ``merge_into_drafts``: a
    session with the identity of one of the user's drafts is merged into it (see
    ``Catalogue.import_sessions``) instead of being stored beside it.
    """
    report = ImportReport()
    files, report.skipped = files_to_import(paths)
    for done, path in enumerate(files, start=1):
        try:
            _import_file(catalogue, path, year, report, session_progress, keep_sessions, merge_into_drafts)
        except (FormatError, CatalogueError) as exc:
            # A catalogue failure (locked, disk full) keeps its own words: it is not the file's fault.
            report.skipped.append(SkippedFile(str(path), _reason(exc, path)))
        except Exception as exc:
            report.skipped.append(SkippedFile(str(path), _unexpected(exc)))
        if progress is not None:
            progress(done, len(files), path)
    return report


def _import_file(
    catalogue: Catalogue,
    path: Path,
    year: int | None,
    report: ImportReport,
    session_progress: SessionProgress | None,
    keep_sessions: bool,
    merge_into_drafts: bool = False,
) -> None:
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
        sessions, note = open_sessions(path, year, stack)
        catalogue.import_sessions(sessions, each=stored, merge_into_drafts=merge_into_drafts)
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
            return reason[len(name) + 2 :]
    return reason


def _unexpected(exc: Exception) -> str:
    """A reason for a failure nobody foresaw: one line, short, with the error's kind for a bug report."""
    detail = " ".join(str(exc).split())
    if len(detail) > 200:
        detail = detail[:199] + "…"
    return f"could not be imported (unexpected {exc.__class__.__name__}" + (f": {detail})" if detail else ")")
