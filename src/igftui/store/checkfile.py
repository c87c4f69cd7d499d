"""Looking at a catalogue file before opening it, without writing a byte to it.

Opening a file with the catalogue's engine already writes to it: the engine
switches every file it opens to WAL.  A ``--db`` pointing at another program's
database, at a catalogue of a newer igftui, or at a damaged catalogue must be
refused before that, so the first 100 bytes (SQLite's file header) are read
first, and the file is refused with one sentence when they say it is not a
catalogue this igftui can open.

Only when the header cannot tell (an SQLite file without igftui's mark: a new
catalogue, or another program's database) is the file opened, read-only and
``immutable``, so that SQLite creates no journal beside it either.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from igftui.store.errors import CatalogueError, NotACatalogue, damaged
from igftui.store.schema import APPLICATION_ID, SCHEMA_VERSION, newer_catalogue

HEADER_SIZE = 100
MAGIC = b"SQLite format 3\x00"


def catalogue_version(path: Path) -> int | None:
    """The catalogue version of the file at ``path``: 0 for an empty file, None for no file.

    Raises :class:`NotACatalogue` (not SQLite, or another program's database),
    :class:`NewerCatalogue` (written by a newer igftui), a ``DamagedCatalogue``
    (cut short; the message names the newest backup) or :class:`CatalogueError`
    (a folder, or a file that cannot be read).  Never writes to ``path`` or
    beside it.
    """
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise CatalogueError(f"{path} is a folder, not a catalogue file")
        with open(path, "rb") as handle:
            header = handle.read(HEADER_SIZE)
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise CatalogueError(f"{path} is a folder, not a catalogue file") from None
    except PermissionError:
        raise CatalogueError(f"the catalogue {path} cannot be read (no permission)") from None
    except OSError as exc:
        raise CatalogueError(f"the catalogue {path} cannot be read: {exc.strerror or exc}") from None
    if size == 0:
        return 0  # a catalogue about to be made (igftui creates the file, then SQLite fills it)
    if not header.startswith(MAGIC):
        if len(header) < len(MAGIC) and MAGIC.startswith(header):
            raise damaged(path, f"cut short: {size} bytes")
        raise NotACatalogue(f"{path} is not an igftui catalogue (not a SQLite database)")
    if len(header) < HEADER_SIZE:
        raise damaged(path, f"cut short: {size} bytes")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise damaged(path, "its header is corrupted")
    application_id = int.from_bytes(header[68:72], "big", signed=True)
    version = int.from_bytes(header[60:64], "big", signed=True)
    if application_id not in (0, APPLICATION_ID):
        raise NotACatalogue(f"{path} is a SQLite database of another program, not an igftui catalogue")
    if application_id == APPLICATION_ID:
        if version > SCHEMA_VERSION:
            raise newer_catalogue(path, version)
        _check_length(path, header, size, page_size)
        return max(version, 0)
    return _version_without_mark(path)


def _check_length(path: Path, header: bytes, size: int, page_size: int) -> None:
    """Refuse a catalogue shorter than its header says (a copy cut short, a full disk)."""
    # The page count is trustworthy only when written by the same change as the
    # counter beside it (SQLite's "version-valid-for" number).
    pages = int.from_bytes(header[28:32], "big")
    counted_at = int.from_bytes(header[24:28], "big")
    valid_for = int.from_bytes(header[92:96], "big")
    if pages == 0 or counted_at != valid_for:
        return
    if _journal_has_pages(path):
        # The catalogue is the file and its WAL together: while the WAL holds pages, a
        # checkpoint may be writing the file (the header first), so its length tells
        # nothing; SQLite finds real damage when it reads the pages.
        return
    if size < pages * page_size:
        raise damaged(path, f"cut short: {size} bytes of {pages * page_size}")


def _journal_has_pages(path: Path) -> bool:
    try:
        return path.with_name(path.name + "-wal").stat().st_size > 0
    except OSError:
        return False


def _version_without_mark(path: Path) -> int:
    """An SQLite file without igftui's mark: a catalogue being made, or another program's.

    Read ``immutable``: no lock, no journal, nothing created beside the file.  A
    catalogue another igftui is making right now has its tables in its WAL only,
    so it looks empty here, and is checked again under the write lock when opened.
    """
    uri = f"file:{quote(str(path.resolve()))}?mode=ro&immutable=1"
    try:
        connection = sqlite3.connect(uri, uri=True)
    except sqlite3.Error:
        raise NotACatalogue(f"{path} is not an igftui catalogue (not a readable SQLite database)") from None
    try:
        tables = connection.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
        # Read again with the tables: another igftui making the catalogue may have written
        # its first page (the mark and the tables together) since the header was read.
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        version = connection.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        text = str(exc).lower()
        if "malformed" in text or "corrupt" in text:
            raise damaged(path, text) from None
        raise NotACatalogue(f"{path} is not an igftui catalogue (not a readable SQLite database)") from None
    finally:
        connection.close()
    if application_id == APPLICATION_ID:
        if version > SCHEMA_VERSION:
            raise newer_catalogue(path, version)
        return max(version, 0)
    if tables:
        raise NotACatalogue(f"{path} is a SQLite database, but not an igftui catalogue")
    return 0
