"""The first page of a catalogue, read before the catalogue service has loaded.

Opening a :class:`~igftui.store.catalogue.Catalogue` loads SQLAlchemy, SQLModel and
the session model: more time than Textual needs to start and paint.  The first
screen needs only the newest sessions and how many there are, so they are read
here with Python's own ``sqlite3``, read-only, and the list shows them while the
catalogue opens.  Only a catalogue this igftui can read as it is gets a first page
here: a new file, one to migrate, or one that is not a catalogue waits for the
catalogue service, which creates, migrates or refuses it, and says why.

The order is the catalogue's default one (newest year first, see
``Catalogue.list``); a test keeps the two the same.

:class:`FirstPageReading` reads it in a thread of its own, started before Textual
is even imported: SQLite answers while Python loads the app, so the first screen
is painted with its rows, not painted empty and then again with them.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from igftui.store.checkfile import catalogue_version
from igftui.store.errors import BUSY_SECONDS, CatalogueError
from igftui.store.listing import SessionSummary
from igftui.store.schema import SCHEMA_VERSION

_FIRST_PAGE = (
    "SELECT id, code, year, session_type, title, format, status FROM session"
    " ORDER BY year DESC, session_type ASC, number ASC, title ASC, id ASC LIMIT ?"
)
_COUNT = "SELECT count(*) FROM session"


@dataclass(frozen=True)
class FirstPage:
    """The first sessions of the catalogue in its default order, and how many it holds."""

    sessions: list[SessionSummary]
    total: int


def read_first_page(path: Path, limit: int) -> FirstPage | None:
    """The first ``limit`` sessions of the catalogue at ``path`` and its count, or None.

    None when the catalogue service must see the file first (missing, empty, to be
    migrated, not a catalogue, unreadable): it says why, this never does.  Nothing
    is written to the catalogue.
    """
    try:
        if catalogue_version(path) != SCHEMA_VERSION:
            return None
    except CatalogueError:
        return None
    try:
        # mode=ro: this connection cannot write, whatever it is asked.
        connection = sqlite3.connect(
            f"file:{quote(str(path.resolve()))}?mode=ro", uri=True, timeout=BUSY_SECONDS, isolation_level=None
        )
    except sqlite3.Error:
        return None
    try:
        # One read transaction: the count and the rows see the same catalogue.
        connection.execute("BEGIN")
        rows = connection.execute(_FIRST_PAGE, (limit,)).fetchall()
        (total,) = connection.execute(_COUNT).fetchone()
        connection.execute("COMMIT")
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    return FirstPage([SessionSummary(*row) for row in rows], int(total))


class FirstPageReading:
    """The first page of the catalogue at ``path``, being read in a thread of its own.

    Started as early as the command line knows the path; the app takes the page
    when its first screen mounts, at once if it has come (:meth:`ready`), or waits
    for it in a worker.
    """

    def __init__(self, path: Path, limit: int) -> None:
        self._read = threading.Event()
        self._page: FirstPage | None = None
        # A daemon: a user who quits at once is not held up by a slow disk.
        threading.Thread(target=self._run, args=(path, limit), name="read the first page", daemon=True).start()

    def _run(self, path: Path, limit: int) -> None:
        try:
            self._page = read_first_page(path, limit)
        finally:
            # Whatever happened, None says "let the catalogue service see the file".
            self._read.set()

    def ready(self) -> bool:
        """Whether the page has been read (or found unreadable) already."""
        return self._read.is_set()

    def wait(self) -> FirstPage | None:
        """The first page, once read; None when the catalogue service must see the file first."""
        self._read.wait()
        return self._page
