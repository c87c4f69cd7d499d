"""What can go wrong with a catalogue, in words a user can act on."""

from __future__ import annotations


class CatalogueError(Exception):
    """A catalogue problem whose message is fit to show a user as it is."""


class SessionNotFound(CatalogueError):
    def __init__(self, session_id: int) -> None:
        super().__init__(f"no session with id {session_id} in the catalogue")
        self.session_id = session_id


class NotACatalogue(CatalogueError):
    """The file exists but is not a SQLite database (or not one of ours)."""


class NewerCatalogue(CatalogueError):
    """The catalogue was written by a later igftui than this one."""


def explain_database_error(exc: BaseException, path: object) -> CatalogueError:
    """Turn a driver error into one clear sentence; keeps the original for debugging."""
    text = str(getattr(exc, "orig", exc) or exc).lower()
    if "not a database" in text or "file is encrypted" in text or "malformed" in text:
        error: CatalogueError = NotACatalogue(f"{path} is not an igftui catalogue (not a readable SQLite database)")
    elif "locked" in text or "busy" in text:
        error = CatalogueError(
            f"the catalogue {path} is busy: another igftui is writing to it; try again in a moment"
        )
    elif "disk is full" in text or "no space" in text:
        error = CatalogueError(f"the disk holding {path} is full: nothing was changed")
    elif "readonly" in text or "read-only" in text or "permission" in text:
        error = CatalogueError(f"the catalogue {path} cannot be written (read-only file or folder)")
    elif "unable to open" in text:
        error = CatalogueError(f"the catalogue {path} cannot be opened (missing folder or no permission)")
    else:
        error = CatalogueError(f"the catalogue {path} could not be used: {text}")
    error.__cause__ = exc
    return error
