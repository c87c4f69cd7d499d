"""Whether anyone has changed the catalogue since the last look: SQLite's ``PRAGMA data_version``.

Two copies of igftui (or the app and an ``igftui import`` in another terminal)
may have one catalogue open.  SQLite counts, per connection, the commits made
by *other* connections; the count means something only when it is read again
on the same connection.  So one connection is kept for this alone, never
writing (its own writes would not count) and never handed to the pool, where
any connection could answer.  Reading it is a pragma on an idle connection:
cheap enough to ask twice a second.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from igftui.store.errors import CatalogueError, explain_database_error


class ChangeCounter:
    """A number that changes whenever another connection commits to the catalogue at ``path``.

    Every connection but this one's counts: other processes, and this process's
    own writes too (they go through the engine's pool).  The connection is
    opened on the first :meth:`read`, so a command that never asks costs nothing.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connection: sqlite3.Connection | None = None
        self._closed = False
        # The UI asks from worker threads, several screens at once: one question at a time
        # on the one connection (sqlite3 connections are not safe to share unguarded).
        self._lock = threading.Lock()

    def read(self) -> int:
        """The current count; compare it with an earlier one read here, nothing else."""
        with self._lock:
            if self._closed:
                # A look still on its way as the app closes must not open the file again.
                raise CatalogueError(f"the catalogue {self.path} is closed")
            try:
                if self._connection is None:
                    # Autocommit (isolation_level None): no transaction stays open to pin
                    # an old snapshot, so each read sees the newest commit.
                    self._connection = sqlite3.connect(
                        self.path, timeout=5, isolation_level=None, check_same_thread=False
                    )
                return int(self._connection.execute("PRAGMA data_version").fetchone()[0])
            except sqlite3.Error as exc:
                raise explain_database_error(exc, self.path) from exc

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._connection is not None:
                self._connection.close()
                self._connection = None
