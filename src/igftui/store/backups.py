"""Backups of a catalogue: the copy a user asks for, and the copies igftui keeps by itself.

igftui keeps copies of its own in a ``backups/`` folder beside the catalogue
(for the default catalogue, the data folder's ``backups/``): before a
migration to a new catalogue version (the last three), and of a catalogue that
``igftui restore`` replaces (see ``igftui.store.restoring``).  Beside the
catalogue rather than always in the data folder, so that a catalogue kept on an
encrypted disk keeps its copies there too.  How a copy is made is in
``igftui.store.copying``.
"""

from __future__ import annotations

import os
import re
import shlex
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from igftui.store.checkfile import catalogue_version
from igftui.store.copying import (
    copy_catalogue,
    copy_to_free_name,
    open_live,
    private_folder,
    same_file,
    sessions_in,
    sessions_phrase,
    stamp,
)
from igftui.store.errors import CatalogueError, CatalogueMissing, explain_database_error

#: Copies kept from before migrations, per catalogue; older ones are deleted.
MIGRATION_BACKUPS_KEPT = 3


def backup_folder(catalogue: Path) -> Path:
    """Where igftui keeps its own copies of ``catalogue``."""
    return catalogue.parent / "backups"


@dataclass(frozen=True)
class BackupMade:
    path: Path
    sessions: int

    def describe(self) -> str:
        return f"backed up {sessions_phrase(self.sessions)} to {self.path}"


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
        if same_file(target, catalogue):
            raise CatalogueError(f"{target} is the catalogue itself; give another file name")
        if not overwrite:
            raise CatalogueError(f"{target} exists; use --force to overwrite")
    try:
        source = open_live(catalogue)
    except sqlite3.Error as exc:
        raise explain_database_error(exc, catalogue) from exc
    try:
        if sessions_in(source, catalogue) is None:
            raise CatalogueMissing(catalogue)  # an empty file: a catalogue never made
        sessions = copy_catalogue(source, target, overwrite=overwrite)
    except sqlite3.Error as exc:
        raise explain_database_error(exc, catalogue) from exc
    finally:
        source.close()
    return BackupMade(target, sessions)


# ----- copies igftui keeps by itself -----


def keep_before_migration(catalogue: Path, version: int, now: datetime) -> Path:
    """Copy ``catalogue`` (of ``version``) to ``backups/`` before it is migrated; keep the last three."""
    folder = private_folder(backup_folder(catalogue))
    source = open_live(catalogue)
    try:
        kept = copy_to_free_name(source, folder, f"{catalogue.stem}-v{version}-{stamp(now)}")
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
        candidates = [
            folder / name
            for name in os.listdir(folder)
            if name.startswith(f"{catalogue.stem}-") and name.endswith(".db")
        ]
        return max(candidates, key=lambda path: path.stat().st_mtime, default=None)
    except OSError:
        return None


def restore_hint(catalogue: Path) -> str:
    """What to do about a damaged catalogue: the command that restores its newest copy."""
    newest = newest_backup(catalogue)
    if newest is None:
        return (
            f"there is no copy of it in {backup_folder(catalogue)}; "
            "restore one of your backups with 'igftui restore FILE'"
        )
    return f"restore its newest copy with: {_restore_command(catalogue, newest)}"


def _restore_command(catalogue: Path, backup: Path) -> str:
    from igftui.config import SettingsError, catalogue_path
    from igftui.store.errors import CatalogueError

    try:
        default = catalogue_path()
    except (CatalogueError, SettingsError):
        default = None  # IGFTUI_DB or config.toml names no file: the command names this one
    db = "" if catalogue == default else f" --db {shlex.quote(str(catalogue))}"
    return f"igftui{db} restore {shlex.quote(str(backup))}"
