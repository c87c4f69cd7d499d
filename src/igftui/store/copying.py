"""Copying a catalogue file safely: the mechanics that backups and restore share.

Every copy is taken with SQLite's online backup API in one step: one read
transaction, so the copy is one state of the catalogue even while the app or
another igftui keeps writing (in WAL mode a reader never blocks a writer).  A
copy is written to a temporary file beside its target, checked, flushed, and
only then given its name, with mode 0600: a catalogue names people at risk.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

from igftui.model.wording import plural
from igftui.store.errors import BUSY_SECONDS, CatalogueError, NotACatalogue, explain_database_error
from igftui.store.schema import APPLICATION_ID

BACKUP_MODE = 0o600
FOLDER_MODE = 0o700


def copy_catalogue(source: sqlite3.Connection, target: Path, *, overwrite: bool, check: bool = True) -> int:
    """Copy the catalogue ``source`` reads into ``target``, whole or not at all; its sessions.

    With ``check``, a copy that fails SQLite's quick check is not kept (a backup the
    user makes must be one that can be restored).  The copies igftui keeps of what
    it is about to change are kept whatever state they are in: they are all there is.
    """
    folder = target.parent
    try:
        fd, name = tempfile.mkstemp(dir=folder, prefix=f".{target.name[:32]}.", suffix=".tmp")
    except OSError as exc:
        raise CatalogueError(_cannot_write(target, exc)) from exc
    os.close(fd)
    temp = Path(name)
    try:
        copy = sqlite3.connect(temp, isolation_level=None)
        try:
            # pages=-1: the whole catalogue in one step, so in one read transaction.
            source.backup(copy, pages=-1)
            # One self-contained file, with no journal to carry beside it.
            copy.execute("PRAGMA journal_mode = DELETE")
            if check:
                problem = copy.execute("PRAGMA quick_check").fetchone()[0]
                if problem != "ok":
                    raise CatalogueError(
                        f"the catalogue does not pass SQLite's check ({problem}): its copy was not kept at {target}"
                    )
                sessions = int(copy.execute("SELECT count(*) FROM session").fetchone()[0])
            else:
                sessions = 0
        finally:
            copy.close()
        _flush(temp)
        os.chmod(temp, BACKUP_MODE)
        _publish(temp, target, overwrite=overwrite)
    except sqlite3.Error as exc:
        remove_copy(temp)
        raise explain_database_error(exc, target) from exc
    except OSError as exc:
        remove_copy(temp)
        if isinstance(exc, FileExistsError):
            raise CatalogueError(f"{target} exists; use --force to overwrite") from None
        raise CatalogueError(_cannot_write(target, exc)) from exc
    except BaseException:
        remove_copy(temp)
        raise
    sync_folder(folder)
    return sessions


def copy_to_free_name(source: sqlite3.Connection, folder: Path, base: str) -> Path:
    for attempt in range(1, 100):
        target = folder / (f"{base}.db" if attempt == 1 else f"{base}-{attempt}.db")
        if target.exists():
            continue
        try:
            copy_catalogue(source, target, overwrite=False, check=False)
        except CatalogueError:
            if target.exists():
                continue  # another igftui took the name meanwhile
            raise
        return target
    raise CatalogueError(f"cannot find a free name for a backup in {folder}")


def copy_bytes_to_free_name(catalogue: Path, folder: Path, base: str) -> Path:
    for attempt in range(1, 100):
        target = folder / (f"{base}.db" if attempt == 1 else f"{base}-{attempt}.db")
        try:
            fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, BACKUP_MODE)
        except FileExistsError:
            continue
        os.close(fd)
        try:
            shutil.copyfile(catalogue, target)
            journal = catalogue.with_name(catalogue.name + "-wal")
            if journal.exists():
                shutil.copyfile(journal, target.with_name(target.name + "-wal"))
                os.chmod(target.with_name(target.name + "-wal"), BACKUP_MODE)
            os.chmod(target, BACKUP_MODE)
        except OSError as exc:
            remove_copy(target)
            raise CatalogueError(_cannot_write(target, exc)) from exc
        return target
    raise CatalogueError(f"cannot find a free name for a backup in {folder}")


def _publish(temp: Path, target: Path, *, overwrite: bool) -> None:
    """Give ``temp`` the name ``target``; without ``overwrite``, never over a file that is there.

    A hard link fails when the name exists, so a file created meanwhile is not
    overwritten; file systems without hard links fall back to check-then-rename.
    """
    if overwrite:
        os.replace(temp, target)
        return
    try:
        os.link(temp, target)
    except FileExistsError:
        raise
    except OSError:
        if target.exists():
            raise FileExistsError(str(target)) from None
        os.replace(temp, target)
    else:
        temp.unlink(missing_ok=True)


def sessions_in(connection: sqlite3.Connection, path: Path) -> int | None:
    """How many sessions the catalogue behind ``connection`` holds; None for an empty file.

    Read through SQLite, not from the file's header: while igftui has a catalogue
    open, its newest pages (a new catalogue's mark and version too) are in the WAL.
    """
    application_id = connection.execute("PRAGMA application_id").fetchone()[0]
    tables = connection.execute("SELECT count(*) FROM sqlite_master WHERE name = 'session'").fetchone()[0]
    if application_id != APPLICATION_ID:
        if not tables and not connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            return None
        raise NotACatalogue(f"{path} is not an igftui catalogue")
    return int(connection.execute("SELECT count(*) FROM session").fetchone()[0])


# ----- files -----


def open_live(catalogue: Path) -> sqlite3.Connection:
    """A connection that reads the catalogue as igftui uses it (WAL and locks), creating nothing.

    Read-write when it can be, so that the journal files it opens are tidied
    away when it closes.  A catalogue that cannot be written (a read-only file
    or folder) has no writer, hence no WAL to read: it is read ``immutable``,
    which needs no -shm file either.
    """
    modes = ["rw", "ro"]
    if not catalogue.with_name(catalogue.name + "-wal").exists():
        modes.append("ro&immutable=1")
    for mode in modes:
        connection = sqlite3.connect(uri(catalogue, mode), uri=True, timeout=BUSY_SECONDS, isolation_level=None)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return connection
        except sqlite3.OperationalError:
            connection.close()
            if mode == modes[-1]:
                raise
    raise AssertionError("unreachable")


def open_backup(backup: Path) -> sqlite3.Connection:
    """A read-only connection to a backup file that creates nothing beside it.

    A backup igftui wrote has no journal; a catalogue copied by hand may be in WAL
    mode.  Without a WAL file beside it nobody is writing it, and it is read as
    ``immutable`` (SQLite would otherwise create its -wal and -shm files next to
    the user's backup); with one, it is read with its WAL.
    """
    journal = backup.with_name(backup.name + "-wal")
    mode = "ro" if journal.exists() else "ro&immutable=1"
    return sqlite3.connect(uri(backup, mode), uri=True, timeout=BUSY_SECONDS, isolation_level=None)


def uri(path: Path, mode: str) -> str:
    return f"file:{quote(str(path.resolve()))}?mode={mode}"


def private_folder(folder: Path) -> Path:
    """``folder``, made if needed, readable by its owner alone."""
    try:
        folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        os.chmod(folder, FOLDER_MODE)
    except PermissionError as exc:
        if not folder.is_dir():
            raise CatalogueError(f"cannot make the backup folder {folder}: {exc.strerror}") from exc
    except OSError as exc:
        raise CatalogueError(f"cannot make the backup folder {folder}: {exc.strerror}") from exc
    return folder


def _flush(path: Path) -> None:
    # The rename must not publish a file whose bytes are still only in memory.
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_copy(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        try:
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        except OSError:
            pass


def same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _cannot_write(target: Path, exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"cannot write {target}: the disk is full (nothing was changed)"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"cannot write {target}: permission denied (read-only file or folder)"
    return f"cannot write {target}: {exc.strerror or exc}"


def stamp(now: datetime) -> str:
    moment = now if now.tzinfo is not None else now.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def sessions_phrase(count: int) -> str:
    return plural(count, "session")
