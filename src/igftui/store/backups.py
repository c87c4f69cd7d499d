"""Copies of a catalogue: made while others write, kept before risky steps, brought back.

Every copy is taken with SQLite's online backup API in one step: one read
transaction, so the copy is one state of the catalogue even while the app or
another igftui keeps writing (in WAL mode a reader never blocks a writer).  A
copy is written to a temporary file beside its target, checked, flushed, and
only then given its name, with mode 0600: a catalogue names people at risk.

igftui keeps copies of its own in a ``backups/`` folder beside the catalogue
(for the default catalogue, the data folder's ``backups/``): before a
migration to a new catalogue version (the last three), and of a catalogue that
``igftui restore`` replaces.  Beside the catalogue rather than always in the
data folder, so that a catalogue kept on an encrypted disk keeps its copies there.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

from igftui.store.checkfile import catalogue_version
from igftui.store.errors import CatalogueError, CatalogueMissing, NotACatalogue, explain_database_error
from igftui.store.schema import APPLICATION_ID, SCHEMA_VERSION, newer_catalogue

BACKUP_MODE = 0o600
FOLDER_MODE = 0o700

#: Copies kept from before migrations, per catalogue; older ones are deleted.
MIGRATION_BACKUPS_KEPT = 3

#: How long to wait for another igftui's write to end before giving up.
BUSY_SECONDS = 5.0


def backup_folder(catalogue: Path) -> Path:
    """Where igftui keeps its own copies of ``catalogue``."""
    return catalogue.parent / "backups"


@dataclass(frozen=True)
class BackupMade:
    path: Path
    sessions: int

    def describe(self) -> str:
        return f"backed up {_sessions(self.sessions)} to {self.path}"


def make_backup(catalogue: Path, target: Path, *, overwrite: bool = False) -> BackupMade:
    """Copy the catalogue to ``target`` (mode 0600); refuse an existing ``target`` unless ``overwrite``."""
    if catalogue_version(catalogue) is None:
        raise CatalogueMissing(catalogue)
    target = target.expanduser()
    if target.is_dir():
        raise CatalogueError(f"{target} is a folder; give the name of the backup file to write")
    if not target.parent.is_dir():
        raise CatalogueError(f"cannot write {target}: the folder {target.parent} does not exist")
    if target.exists():
        if _same_file(target, catalogue):
            raise CatalogueError(f"{target} is the catalogue itself; give another file name")
        if not overwrite:
            raise CatalogueError(f"{target} exists; use --force to overwrite")
    try:
        source = _open_live(catalogue)
    except sqlite3.Error as exc:
        raise explain_database_error(exc, catalogue) from exc
    try:
        if _sessions_in(source, catalogue) is None:
            raise CatalogueMissing(catalogue)  # an empty file: a catalogue never made
        sessions = _copy(source, target, overwrite=overwrite)
    except sqlite3.Error as exc:
        raise explain_database_error(exc, catalogue) from exc
    finally:
        source.close()
    return BackupMade(target, sessions)


def _sessions_in(connection: sqlite3.Connection, path: Path) -> int | None:
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


# ----- copies igftui keeps by itself -----


def keep_before_migration(catalogue: Path, version: int, now: datetime) -> Path:
    """Copy ``catalogue`` (of ``version``) to ``backups/`` before it is migrated; keep the last three."""
    folder = _private_folder(backup_folder(catalogue))
    source = _open_live(catalogue)
    try:
        kept = _copy_to_free_name(source, folder, f"{catalogue.stem}-v{version}-{_stamp(now)}")
    finally:
        source.close()
    prune_migration_backups(catalogue)
    return kept


def migration_backups(catalogue: Path) -> list[Path]:
    """The copies kept before migrations of ``catalogue``, oldest first."""
    pattern = re.compile(rf"{re.escape(catalogue.stem)}-v\d+-(\d{{8}}T\d{{6}}Z)(?:-(\d+))?\.db")
    found = []
    try:
        names = os.listdir(backup_folder(catalogue))
    except OSError:
        return []
    for name in names:
        match = pattern.fullmatch(name)
        if match:
            found.append(((match.group(1), int(match.group(2) or 1)), backup_folder(catalogue) / name))
    return [path for _, path in sorted(found)]


def prune_migration_backups(catalogue: Path, keep: int = MIGRATION_BACKUPS_KEPT) -> None:
    for old in migration_backups(catalogue)[:-keep]:
        try:
            old.unlink()
        except OSError:
            pass  # an old copy that stays is no harm to the catalogue


def newest_backup(catalogue: Path) -> Path | None:
    """The newest copy of ``catalogue`` in its ``backups/`` folder, if any."""
    folder = backup_folder(catalogue)
    try:
        candidates = [folder / name for name in os.listdir(folder)
                      if name.startswith(f"{catalogue.stem}-") and name.endswith(".db")]
        return max(candidates, key=lambda path: path.stat().st_mtime, default=None)
    except OSError:
        return None


def restore_hint(catalogue: Path) -> str:
    """What to do about a damaged catalogue: the command that restores its newest copy."""
    newest = newest_backup(catalogue)
    if newest is None:
        return f"there is no copy of it in {backup_folder(catalogue)}; restore one of your backups with 'igftui restore FILE'"
    return f"restore its newest copy with: {_restore_command(catalogue, newest)}"


def _restore_command(catalogue: Path, backup: Path) -> str:
    from igftui.config import catalogue_path

    db = "" if catalogue == catalogue_path() else f" --db {shlex.quote(str(catalogue))}"
    return f"igftui{db} restore {shlex.quote(str(backup))}"


# ----- restore -----


@dataclass(frozen=True)
class RestorePlan:
    """A backup checked and ready to replace a catalogue, and what the user is asked."""

    catalogue: Path
    backup: Path
    #: None when there is no catalogue yet or it cannot be read.
    sessions_now: int | None
    damaged_now: bool
    sessions_in_backup: int
    version: int

    def question(self) -> str:
        if self.sessions_now is not None:
            now = _sessions(self.sessions_now)
        else:
            now = "damaged" if self.damaged_now else "none there yet"
        return (f"Replace the catalogue at {self.catalogue} ({now}) with {self.backup} "
                f"({_sessions(self.sessions_in_backup)})? [y/N]")


@dataclass(frozen=True)
class RestoreDone:
    sessions: int
    #: The copy of the catalogue that was replaced, if there was one.
    kept: Path | None

    def describe(self, plan: RestorePlan) -> list[str]:
        lines = [f"restored {_sessions(self.sessions)} from {plan.backup} into {plan.catalogue}"]
        if self.kept is not None:
            lines.append(f"the catalogue it replaced is kept in {self.kept}")
        return lines


def plan_restore(catalogue: Path, backup: Path) -> RestorePlan:
    """Check that ``backup`` can replace ``catalogue``; raise :class:`CatalogueError` saying why not.

    The backup must be an igftui catalogue (of this version or an older one) that
    passes SQLite's integrity check.  The catalogue it replaces may be missing or
    damaged (the reason to restore), but not another program's file.
    """
    backup = backup.expanduser()
    version = catalogue_version(backup)
    if version is None:
        raise CatalogueError(f"no backup at {backup}")
    if catalogue.exists() and _same_file(backup, catalogue):
        raise CatalogueError(f"{backup} is the catalogue itself")
    if version == 0:
        raise NotACatalogue(f"{backup} is not an igftui catalogue (it holds no sessions)")
    try:
        source = _open_backup(backup)
        try:
            problems = [row[0] for row in source.execute("PRAGMA integrity_check").fetchall()]
            if problems != ["ok"]:
                raise NotACatalogue(f"{backup} is damaged and cannot be restored (integrity check: {problems[0]})")
            application_id = source.execute("PRAGMA application_id").fetchone()[0]
            version = source.execute("PRAGMA user_version").fetchone()[0]
            if application_id != APPLICATION_ID or version < 1:
                raise NotACatalogue(f"{backup} is not an igftui catalogue")
            if version > SCHEMA_VERSION:
                raise newer_catalogue(backup, version)
            sessions = source.execute("SELECT count(*) FROM session").fetchone()[0]
        finally:
            source.close()
    except sqlite3.Error as exc:
        raise NotACatalogue(f"{backup} cannot be restored: {exc}") from exc
    sessions_now, damaged_now = _what_is_there(catalogue)
    return RestorePlan(catalogue, backup, sessions_now, damaged_now, int(sessions), int(version))


def restore(plan: RestorePlan, now: datetime | None = None) -> RestoreDone:
    """Replace the catalogue with the backup, keeping a copy of what it replaces.

    A readable catalogue is overwritten through the backup API, in one write
    transaction of its own: another igftui that has it open waits for it and
    then reads the restored catalogue, never half of each.  A damaged one (or
    none) is replaced by renaming a complete file over it.  A backup of an
    older version is migrated in its temporary copy first, so the catalogue is
    never, even for a moment, of a version the running igftuis do not expect.
    """
    now = now or datetime.now(timezone.utc)
    catalogue = plan.catalogue
    kept = None
    if catalogue.exists() and catalogue.stat().st_size > 0:
        kept = _keep_replaced(catalogue, now, damaged=plan.sessions_now is None)
    folder = _private_folder(catalogue.parent) if not catalogue.parent.exists() else catalogue.parent
    staged = _stage(plan.backup, folder, plan.version)
    try:
        if plan.sessions_now is not None:
            _copy_into(staged, catalogue)
        else:
            _replace(staged, catalogue)
    except sqlite3.Error as exc:
        raise explain_database_error(exc, catalogue) from exc
    finally:
        _remove(staged)
    sessions, _damaged = _what_is_there(catalogue)
    return RestoreDone(sessions or 0, kept)


def _what_is_there(catalogue: Path) -> tuple[int | None, bool]:
    """How many sessions the catalogue holds (None: none there, or damaged) and whether it is damaged."""
    from igftui.store.errors import DamagedCatalogue, NewerCatalogue

    try:
        version = catalogue_version(catalogue)
    except DamagedCatalogue:
        return None, True
    except NewerCatalogue as exc:
        raise CatalogueError(f"{exc}; restore will not replace it") from None
    except NotACatalogue as exc:
        raise CatalogueError(f"{exc}; restore will not replace it") from None
    if version is None or catalogue.stat().st_size == 0:
        return None, False
    try:
        source = _open_live(catalogue)
        try:
            return _sessions_in(source, catalogue), False
        finally:
            source.close()
    except NotACatalogue:
        raise CatalogueError(f"{catalogue} is not an igftui catalogue; restore will not replace it") from None
    except sqlite3.Error:
        return None, True


def _keep_replaced(catalogue: Path, now: datetime, *, damaged: bool) -> Path:
    folder = _private_folder(backup_folder(catalogue))
    name = f"{catalogue.stem}-replaced-{_stamp(now)}"
    if damaged:
        # The backup API cannot read a damaged file; its bytes are kept as they are,
        # with its journal, for whoever may rescue what is in it.
        return _copy_bytes_to_free_name(catalogue, folder, name)
    source = _open_live(catalogue)
    try:
        return _copy_to_free_name(source, folder, name)
    finally:
        source.close()


def _stage(backup: Path, folder: Path, version: int) -> Path:
    """A private temporary copy of ``backup`` beside the catalogue, migrated to this version."""
    fd, name = tempfile.mkstemp(dir=folder, prefix=".restore.", suffix=".tmp")
    os.close(fd)
    staged = Path(name)
    try:
        source = _open_backup(backup)
        try:
            copy = sqlite3.connect(staged, isolation_level=None)
            try:
                source.backup(copy)
            finally:
                copy.close()
        finally:
            source.close()
        if version < SCHEMA_VERSION:
            from igftui.store.catalogue import make_engine
            from igftui.store.schema import open_catalogue_schema

            engine = make_engine(staged)
            try:
                open_catalogue_schema(engine, staged)
            finally:
                engine.dispose()
    except BaseException:
        _remove(staged)
        raise
    return staged


def _copy_into(staged: Path, catalogue: Path) -> None:
    source = sqlite3.connect(_uri(staged, "ro"), uri=True)
    try:
        target = sqlite3.connect(_uri(catalogue, "rw"), uri=True, timeout=BUSY_SECONDS, isolation_level=None)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()


def _replace(staged: Path, catalogue: Path) -> None:
    # A journal left beside the old file would be replayed into the new one: gone
    # first (the kept copy has it).
    for suffix in ("-wal", "-shm", "-journal"):
        catalogue.with_name(catalogue.name + suffix).unlink(missing_ok=True)
    os.chmod(staged, BACKUP_MODE)
    os.replace(staged, catalogue)
    _sync_folder(catalogue.parent)


# ----- copying -----


def _copy(source: sqlite3.Connection, target: Path, *, overwrite: bool, check: bool = True) -> int:
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
                    raise CatalogueError(f"the catalogue does not pass SQLite's check ({problem}): "
                                         f"its copy was not kept at {target}")
                sessions = int(copy.execute("SELECT count(*) FROM session").fetchone()[0])
            else:
                sessions = 0
        finally:
            copy.close()
        _flush(temp)
        os.chmod(temp, BACKUP_MODE)
        _publish(temp, target, overwrite=overwrite)
    except sqlite3.Error as exc:
        _remove(temp)
        raise explain_database_error(exc, target) from exc
    except OSError as exc:
        _remove(temp)
        if isinstance(exc, FileExistsError):
            raise CatalogueError(f"{target} exists; use --force to overwrite") from None
        raise CatalogueError(_cannot_write(target, exc)) from exc
    except BaseException:
        _remove(temp)
        raise
    _sync_folder(folder)
    return sessions


def _copy_to_free_name(source: sqlite3.Connection, folder: Path, base: str) -> Path:
    for attempt in range(1, 100):
        target = folder / (f"{base}.db" if attempt == 1 else f"{base}-{attempt}.db")
        if target.exists():
            continue
        try:
            _copy(source, target, overwrite=False, check=False)
        except CatalogueError:
            if target.exists():
                continue  # another igftui took the name meanwhile
            raise
        return target
    raise CatalogueError(f"cannot find a free name for a backup in {folder}")


def _copy_bytes_to_free_name(catalogue: Path, folder: Path, base: str) -> Path:
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
            _remove(target)
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


# ----- files -----


def _open_live(catalogue: Path) -> sqlite3.Connection:
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
        connection = sqlite3.connect(_uri(catalogue, mode), uri=True, timeout=BUSY_SECONDS,
                                     isolation_level=None)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return connection
        except sqlite3.OperationalError:
            connection.close()
            if mode == modes[-1]:
                raise
    raise AssertionError("unreachable")


def _open_backup(backup: Path) -> sqlite3.Connection:
    """A read-only connection to a backup file that creates nothing beside it.

    A backup igftui wrote has no journal; a catalogue copied by hand may be in WAL
    mode.  Without a WAL file beside it nobody is writing it, and it is read as
    ``immutable`` (SQLite would otherwise create its -wal and -shm files next to
    the user's backup); with one, it is read with its WAL.
    """
    journal = backup.with_name(backup.name + "-wal")
    mode = "ro" if journal.exists() else "ro&immutable=1"
    return sqlite3.connect(_uri(backup, mode), uri=True, timeout=BUSY_SECONDS, isolation_level=None)


def _uri(path: Path, mode: str) -> str:
    return f"file:{quote(str(path.resolve()))}?mode={mode}"


def _private_folder(folder: Path) -> Path:
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


def _sync_folder(folder: Path) -> None:
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


def _remove(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        try:
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        except OSError:
            pass


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _cannot_write(target: Path, exc: OSError) -> str:
    import errno

    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"cannot write {target}: the disk is full (nothing was changed)"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"cannot write {target}: permission denied (read-only file or folder)"
    return f"cannot write {target}: {exc.strerror or exc}"


def _stamp(now: datetime) -> str:
    moment = now if now.tzinfo is not None else now.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def _sessions(count: int) -> str:
    return f"{count} session" + ("" if count == 1 else "s")
