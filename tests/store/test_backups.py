"""Backups taken while another process writes, and restoring one, on real files."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from igftui.model import ForumSession
from igftui.services.samples import load_samples
from igftui.store import Catalogue, CatalogueError, NotACatalogue
from igftui.store.backups import backup_folder, make_backup
from igftui.store.errors import CatalogueMissing, NewerCatalogue
from igftui.store.restoring import plan_restore, restore
from igftui.store.schema import SCHEMA_VERSION

SRC = Path(__file__).resolve().parents[2] / "src"
STORED = Path(__file__).parent / "catalogues"

#: Adds sessions one by one, each in its own transaction, for a bounded number of
#: iterations; says "ready" once the catalogue is open.
WRITER = """
import sys
from igftui.model import ForumSession
from igftui.store import Catalogue

with Catalogue(sys.argv[1]) as catalogue:
    print("ready", flush=True)
    for n in range(int(sys.argv[2])):
        catalogue.add(ForumSession(title=f"written during the backup {n}", description="words " * 400))
"""


def integrity(path: Path) -> str:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


def counts(path: Path) -> tuple[int, int]:
    """Sessions and revisions: equal in a catalogue where every session was added once."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return (
            connection.execute("SELECT count(*) FROM session").fetchone()[0],
            connection.execute("SELECT count(*) FROM revision").fetchone()[0],
        )
    finally:
        connection.close()


def titles(path: Path) -> set[str]:
    with Catalogue(path, create=False) as catalogue:
        return {s.title for s in catalogue.list(limit=None)}


def test_a_backup_taken_while_another_process_writes_is_whole(tmp_path, catalogue_path):
    with Catalogue(catalogue_path) as catalogue:
        load_samples(catalogue)
    first, _ = counts(catalogue_path)
    env = dict(os.environ, PYTHONPATH=str(SRC))
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(catalogue_path), "400"], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        assert writer.stdout.readline().strip() == "ready"
        backups = []
        while writer.poll() is None and len(backups) < 200:
            made = make_backup(catalogue_path, tmp_path / f"backup-{len(backups)}.db")
            backups.append(made)
    finally:
        writer.wait(timeout=120)
    assert writer.returncode == 0
    last, _ = counts(catalogue_path)
    assert last == first + 400
    seen = set()
    for made in backups:
        assert integrity(made.path) == "ok"
        sessions, revisions = counts(made.path)
        # One state of the catalogue: every session it holds has its revision.
        assert sessions == revisions == made.sessions
        assert first <= sessions <= last
        assert stat.S_IMODE(made.path.stat().st_mode) == 0o600
        assert not made.path.with_name(made.path.name + "-wal").exists()
        seen.add(sessions)
    # At least one copy was taken in the middle of the writing.
    assert seen - {first, last}, seen
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


def test_a_backup_opens_as_a_catalogue(tmp_path, catalogue):
    catalogue.add(ForumSession(title="kept in the copy"))
    made = make_backup(catalogue.path, tmp_path / "copy.db")
    assert made.sessions == 1
    assert titles(made.path) == {"kept in the copy"}


def test_a_backup_never_overwrites_without_being_asked(tmp_path, catalogue):
    catalogue.add(ForumSession(title="one"))
    target = tmp_path / "copy.db"
    target.write_text("the user's own file")
    with pytest.raises(CatalogueError, match="exists; use --force"):
        make_backup(catalogue.path, target)
    assert target.read_text() == "the user's own file"
    make_backup(catalogue.path, target, overwrite=True)
    assert titles(target) == {"one"}
    with pytest.raises(CatalogueError, match="is the catalogue itself"):
        make_backup(catalogue.path, catalogue.path, overwrite=True)


def test_a_backup_of_no_catalogue(tmp_path):
    with pytest.raises(CatalogueMissing, match="no catalogue at"):
        make_backup(tmp_path / "missing.db", tmp_path / "copy.db")
    assert list(tmp_path.iterdir()) == []


def test_a_backup_into_a_missing_folder(tmp_path, catalogue):
    with pytest.raises(CatalogueError, match="does not exist"):
        make_backup(catalogue.path, tmp_path / "no" / "copy.db")


# ----- restore -----


def filled(path: Path, *names: str) -> Path:
    with Catalogue(path) as catalogue:
        for name in names:
            catalogue.add(ForumSession(title=name))
    return path


def test_restore_replaces_the_catalogue_and_keeps_what_it_replaced(tmp_path):
    live = filled(tmp_path / "catalogue.db", "now 1", "now 2", "now 3")
    copy = filled(tmp_path / "elsewhere" / "copy.db", "backed up")
    plan = plan_restore(live, copy)
    assert plan.question() == (f"Replace the catalogue at {live} (3 sessions) with {copy} (1 session)? [y/N]")
    done = restore(plan, datetime(2025, 5, 1, 8, 30, tzinfo=timezone.utc))
    assert titles(live) == {"backed up"}
    assert done.sessions == 1
    assert done.kept == backup_folder(live) / "catalogue-replaced-20250501T083000Z.db"
    assert titles(done.kept) == {"now 1", "now 2", "now 3"}
    assert stat.S_IMODE(done.kept.stat().st_mode) == 0o600
    assert stat.S_IMODE(done.kept.parent.stat().st_mode) == 0o700
    assert titles(copy) == {"backed up"}  # the backup itself is left as it was
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_another_igftui_with_the_catalogue_open_reads_the_restored_one(tmp_path):
    live = filled(tmp_path / "catalogue.db", "before")
    copy = filled(tmp_path / "copy.db", "restored", "too")
    with Catalogue(live) as running:
        assert [s.title for s in running.list()] == ["before"]
        restore(plan_restore(live, copy))
        assert {s.title for s in running.list()} == {"restored", "too"}
        # And it keeps writing to the restored catalogue.
        running.add(ForumSession(title="after"))
    assert titles(live) == {"restored", "too", "after"}
    assert integrity(live) == "ok"


def test_restoring_an_older_version_migrates_it(tmp_path):
    live = filled(tmp_path / "catalogue.db", "now")
    old = tmp_path / "v2.db"
    old.write_bytes((STORED / "v2.db").read_bytes())
    before = old.read_bytes()
    plan = plan_restore(live, old)
    assert (plan.version, plan.sessions_in_backup) == (2, 31)
    restore(plan)
    connection = sqlite3.connect(live)
    try:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        connection.close()
    with Catalogue(live) as catalogue:
        assert catalogue.count() == 31
        assert catalogue.migration_backup is None  # migrated on the way in
    assert old.read_bytes() == before
    assert not old.with_name("v2.db-wal").exists() and not old.with_name("v2.db-shm").exists()


def test_restore_over_a_damaged_catalogue(tmp_path):
    live = filled(tmp_path / "catalogue.db", *[f"s{n}" for n in range(50)])
    copy = tmp_path / "copy.db"
    make_backup(live, copy)
    damaged = live.read_bytes()[: len(live.read_bytes()) // 2]
    live.write_bytes(damaged)
    plan = plan_restore(live, copy)
    assert plan.damaged_now and plan.sessions_now is None
    assert "(damaged)" in plan.question()
    done = restore(plan)
    assert done.sessions == 50
    assert integrity(live) == "ok"
    # The damaged file is kept as it was, byte for byte, for whoever may rescue it.
    assert done.kept.read_bytes() == damaged


def test_restore_into_a_place_with_no_catalogue_yet(tmp_path):
    copy = filled(tmp_path / "copy.db", "one")
    live = tmp_path / "new" / "catalogue.db"
    plan = plan_restore(live, copy)
    assert "(none there yet)" in plan.question()
    done = restore(plan)
    assert done.kept is None
    assert titles(live) == {"one"}
    assert stat.S_IMODE(live.stat().st_mode) == 0o600
    assert stat.S_IMODE(live.parent.stat().st_mode) == 0o700


def test_what_restore_refuses(tmp_path):
    live = filled(tmp_path / "catalogue.db", "now")
    before = live.read_bytes()
    with pytest.raises(CatalogueError, match="no backup at"):
        plan_restore(live, tmp_path / "missing.db")
    text = tmp_path / "notes.db"
    text.write_text("not a database at all" * 20)
    with pytest.raises(NotACatalogue, match="not an igftui catalogue"):
        plan_restore(live, text)
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE mine (x)")
    with pytest.raises(NotACatalogue, match="not an igftui catalogue"):
        plan_restore(live, other)
    newer = tmp_path / "newer.db"
    make_backup(live, newer)
    with sqlite3.connect(newer) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(NewerCatalogue, match="newer igftui"):
        plan_restore(live, newer)
    with pytest.raises(CatalogueError, match="is the catalogue itself"):
        plan_restore(live, live)
    assert live.read_bytes() == before
    assert not backup_folder(live).exists()


def test_a_backup_that_fails_its_integrity_check_is_not_restored(tmp_path):
    live = filled(tmp_path / "catalogue.db", "now")
    copy = filled(tmp_path / "copy.db", *[f"s{n}" for n in range(200)])
    data = bytearray(copy.read_bytes())
    page = 4096
    # Scribble over one page of the session table, past the first pages (the schema).
    for offset in range(page * 6 + 100, page * 6 + 3000):
        data[offset] = 0x55
    copy.write_bytes(bytes(data))
    with pytest.raises(NotACatalogue, match="cannot be restored"):
        plan_restore(live, copy)
    assert titles(live) == {"now"}
