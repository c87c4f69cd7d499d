"""Stopping a read of the catalogue that is no longer wanted, from another thread.

A search is read while the user types: each key starts a new read, and the read
for the previous key is of no use any more.  Cancelling the worker that runs it
only marks it; SQLite would still finish the statement (a slow one holds the
database and a CPU the next key's read needs).  An :class:`Interruption` is
given to the read; :meth:`Interruption.interrupt` stops its statement at once
(``sqlite3.Connection.interrupt``), and the read raises :class:`ReadInterrupted`.

Plain Python with no database behind it, so that the UI can make one before the
storage layer is loaded.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class ReadInterrupted(Exception):
    """The read was stopped by :meth:`Interruption.interrupt`: its answer is not wanted."""


class _Interruptible(Protocol):
    def interrupt(self) -> None: ...


class Interruption:
    """Lets one thread stop the catalogue reads another runs with it (see the module)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._connections: list[_Interruptible] = []
        self._interrupted = False

    @property
    def interrupted(self) -> bool:
        """Whether :meth:`interrupt` has been called."""
        return self._interrupted

    def interrupt(self) -> None:
        """Stop the statement running now, and every later read given this interruption."""
        with self._lock:
            self._interrupted = True
            for connection in self._connections:
                connection.interrupt()

    def check(self) -> None:
        """Raise :class:`ReadInterrupted` if :meth:`interrupt` has been called (between two
        statements of a read, where SQLite has nothing to stop)."""
        if self._interrupted:
            raise ReadInterrupted

    @contextmanager
    def reading(self, connection: _Interruptible) -> Iterator[None]:
        """Around statements run on ``connection`` (an sqlite3 connection): :meth:`interrupt`
        stops them, and they are not started once it has been called."""
        with self._lock:
            if self._interrupted:
                raise ReadInterrupted
            self._connections.append(connection)
        try:
            yield
        except Exception as exc:
            # SQLite says only "interrupted", and whatever failed meanwhile is not wanted either.
            if self._interrupted:
                raise ReadInterrupted from exc
            raise
        finally:
            with self._lock:
                self._connections.remove(connection)
