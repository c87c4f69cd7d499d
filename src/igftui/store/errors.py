"""What can go wrong with a catalogue, in words a user can act on."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from igftui.model.session import ForumSession

#: How long a write waits for another igftui's write to end before saying the catalogue is
#: busy.  Long enough for several copies started together on a busy machine (each loading
#: the samples in one transaction) to take their turns; a user would rather wait than retry.
BUSY_SECONDS = 15.0

#: Below this much free space, a disk I/O error is taken to mean the disk is full.
_NEARLY_FULL = 1024 * 1024


class CatalogueError(Exception):
    """A catalogue problem whose message is fit to show a user as it is."""


class SessionNotFound(CatalogueError):
    def __init__(self, session_id: int) -> None:
        super().__init__(f"no session with id {session_id} in the catalogue")
        self.session_id = session_id


class VersionConflict(CatalogueError):
    """A save made from an older version of a session than the one stored.

    Another copy of igftui (or an import) saved the session in between; ``stored``
    is the session as it is now, so the two can be merged instead of one lost.
    """

    def __init__(self, stored: ForumSession, expected: int | None) -> None:
        super().__init__(
            f"session #{stored.id} was changed elsewhere (version {stored.version}, "
            f"this copy was made from version {expected}): nothing was overwritten"
        )
        self.stored = stored
        self.expected = expected


class RevisionNotFound(CatalogueError):
    def __init__(self, session_id: int, number: int) -> None:
        super().__init__(f"session #{session_id} has no revision {number} ('igftui history {session_id}' lists them)")


class NotACatalogue(CatalogueError):
    """The file exists but is not a SQLite database (or not one of ours)."""


class NewerCatalogue(CatalogueError):
    """The catalogue was written by a later igftui than this one."""


class DamagedCatalogue(NotACatalogue):
    """The catalogue's file is cut short or corrupted; the message names a backup to restore."""


class CatalogueMissing(CatalogueError):
    """There is no catalogue at the path given, and the command only reads one.

    A mistyped ``--db`` must not leave an empty catalogue (and its folders) behind.
    """

    def __init__(self, path: object) -> None:
        super().__init__(f"no catalogue at {path} ('igftui samples' or 'igftui import' starts one there)")
        self.path = path


def damaged(path: object, what: str) -> DamagedCatalogue:
    """The error for a damaged catalogue: what is wrong, and the newest backup to restore."""
    from igftui.store.backups import restore_hint

    return DamagedCatalogue(f"the catalogue {path} is damaged ({what}); {restore_hint(Path(str(path)))}")


def explain_database_error(exc: BaseException, path: object) -> CatalogueError:
    """Turn a driver error into one clear sentence; keeps the original for debugging."""
    text = str(getattr(exc, "orig", exc) or exc).lower()
    if "malformed" in text or "corrupt" in text:
        error: CatalogueError = damaged(path, text)
    elif "not a database" in text or "file is encrypted" in text:
        error = NotACatalogue(f"{path} is not an igftui catalogue (not a readable SQLite database)")
    elif "locked" in text or "busy" in text:
        error = CatalogueError(f"the catalogue {path} is busy: another igftui is writing to it; try again in a moment")
    elif "disk is full" in text or "no space" in text or ("disk i/o" in text and _disk_full(path)):
        error = CatalogueError(f"the disk holding {path} is full: nothing was changed; free some space and try again")
    elif "readonly" in text or "read-only" in text or "permission" in text:
        error = CatalogueError(f"the catalogue {path} cannot be written (read-only file or folder)")
    elif "unable to open" in text:
        error = CatalogueError(f"the catalogue {path} cannot be opened (missing folder or no permission)")
    else:
        error = CatalogueError(f"the catalogue {path} could not be used: {text}")
    error.__cause__ = exc
    return error


def _disk_full(path: object) -> bool:
    # SQLite reports a full disk as a plain I/O error when its WAL index cannot grow,
    # which happens even before a read: look at the disk itself.
    try:
        return shutil.disk_usage(Path(str(path)).parent).free < _NEARLY_FULL
    except OSError:
        return False
