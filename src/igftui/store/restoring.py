"""Bringing a backup back: checked first, asked, and what it replaces kept."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from igftui.store.backups import backup_folder
from igftui.store.checkfile import catalogue_version
from igftui.store.copying import (
    BACKUP_MODE,
    copy_bytes_to_free_name,
    copy_to_free_name,
    open_backup,
    open_live,
    private_folder,
    remove_copy,
    same_file,
    sessions_in,
    sessions_phrase,
    stamp,
    sync_folder,
    uri,
)
from igftui.store.errors import BUSY_SECONDS, CatalogueError, NotACatalogue, explain_database_error
from igftui.store.schema import APPLICATION_ID, SCHEMA_VERSION, newer_catalogue


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
            now = sessions_phrase(self.sessions_now)
        else:
            now = "damaged" if self.damaged_now else "none there yet"
        return (
            f"Replace the catalogue at {self.catalogue} ({now}) with {self.backup} "
            f"({sessions_phrase(self.sessions_in_backup)})? [y/N]"
        )


@dataclass(frozen=True)
class RestoreDone:
    sessions: int
    #: The copy of the catalogue that was replaced, if there was one.
    kept: Path | None

    def describe(self, plan: RestorePlan) -> list[str]:
        lines = [f"restored {sessions_phrase(self.sessions)} from {plan.backup} into {plan.catalogue}"]
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
    if catalogue.exists() and same_file(backup, catalogue):
        raise CatalogueError(f"{backup} is the catalogue itself")
    if version == 0:
        raise NotACatalogue(f"{backup} is not an igftui catalogue (it holds no sessions)")
    try:
        source = open_backup(backup)
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
    folder = private_folder(catalogue.parent) if not catalogue.parent.exists() else catalogue.parent
    staged = _stage(plan.backup, folder, plan.version)
    try:
        if plan.sessions_now is not None:
            _copy_into(staged, catalogue)
        else:
            _replace(staged, catalogue)
    except sqlite3.Error as exc:
        raise explain_database_error(exc, catalogue) from exc
    finally:
        remove_copy(staged)
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
        source = open_live(catalogue)
        try:
            return sessions_in(source, catalogue), False
        finally:
            source.close()
    except NotACatalogue:
        raise CatalogueError(f"{catalogue} is not an igftui catalogue; restore will not replace it") from None
    except sqlite3.Error:
        return None, True


def _keep_replaced(catalogue: Path, now: datetime, *, damaged: bool) -> Path:
    folder = private_folder(backup_folder(catalogue))
    name = f"{catalogue.stem}-replaced-{stamp(now)}"
    if damaged:
        # The backup API cannot read a damaged file; its bytes are kept as they are,
        # with its journal, for whoever may rescue what is in it.
        return copy_bytes_to_free_name(catalogue, folder, name)
    source = open_live(catalogue)
    try:
        return copy_to_free_name(source, folder, name)
    finally:
        source.close()


def _stage(backup: Path, folder: Path, version: int) -> Path:
    """A private temporary copy of ``backup`` beside the catalogue, migrated to this version."""
    fd, name = tempfile.mkstemp(dir=folder, prefix=".restore.", suffix=".tmp")
    os.close(fd)
    staged = Path(name)
    try:
        source = open_backup(backup)
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
        remove_copy(staged)
        raise
    return staged


def _copy_into(staged: Path, catalogue: Path) -> None:
    source = sqlite3.connect(uri(staged, "ro"), uri=True)
    try:
        target = sqlite3.connect(uri(catalogue, "rw"), uri=True, timeout=BUSY_SECONDS, isolation_level=None)
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
    sync_folder(catalogue.parent)
