"""A file that is not a catalogue this igftui can open is refused before a byte is written."""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path

import pytest

from igftui.model import ForumSession
from igftui.store import Catalogue, CatalogueError, NewerCatalogue, NotACatalogue
from igftui.store.backups import backup_folder
from igftui.store.errors import CatalogueMissing, DamagedCatalogue
from igftui.store.schema import SCHEMA_VERSION


@contextmanager
def untouched(path: Path):
    """The file keeps its bytes and time, and nothing appears beside it (no -wal, no -shm)."""
    data, mtime = path.read_bytes(), path.stat().st_mtime_ns
    beside = sorted(os.listdir(path.parent))
    yield
    assert path.read_bytes() == data
    assert path.stat().st_mtime_ns == mtime
    assert sorted(os.listdir(path.parent)) == beside


def filled_catalogue(path: Path, sessions: int = 60) -> Path:
    with Catalogue(path) as catalogue:
        for n in range(sessions):
            catalogue.add(ForumSession(title=f"session {n}", description="words " * 200))
    return path


def other_program(path: Path, *, wal: bool, application_id: int = 0) -> Path:
    connection = sqlite3.connect(path)
    if wal:
        connection.execute("PRAGMA journal_mode = WAL")
    if application_id:
        connection.execute(f"PRAGMA application_id = {application_id}")
    connection.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    connection.execute("INSERT INTO contacts VALUES ('someone', '+1 555')")
    connection.commit()
    connection.close()
    return path


def test_not_a_sqlite_file(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes\n" * 100)
    with untouched(path), pytest.raises(NotACatalogue, match=r"not an igftui catalogue .not a SQLite database"):
        Catalogue(path)


@pytest.mark.parametrize("wal", [False, True], ids=["rollback journal", "wal"])
def test_another_program_s_database(tmp_path, wal):
    path = other_program(tmp_path / "contacts.db", wal=wal)
    with untouched(path), pytest.raises(NotACatalogue, match="a SQLite database, but not an igftui catalogue"):
        Catalogue(path)


@pytest.mark.parametrize("wal", [False, True], ids=["rollback journal", "wal"])
def test_another_program_s_marked_database(tmp_path, wal):
    path = other_program(tmp_path / "contacts.db", wal=wal, application_id=0x12345678)
    with untouched(path), pytest.raises(NotACatalogue, match="database of another program"):
        Catalogue(path)


def test_a_catalogue_of_a_newer_igftui(tmp_path):
    path = filled_catalogue(tmp_path / "catalogue.db", 1)
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with untouched(path), pytest.raises(NewerCatalogue, match=f"catalogue version {SCHEMA_VERSION + 1}"):
        Catalogue(path)


def test_a_catalogue_cut_short(tmp_path):
    path = filled_catalogue(tmp_path / "catalogue.db")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with untouched(path), pytest.raises(DamagedCatalogue) as caught:
        Catalogue(path)
    message = str(caught.value)
    assert message.startswith(f"the catalogue {path} is damaged (cut short: ")
    assert f"there is no copy of it in {backup_folder(path)}" in message


def test_a_damaged_catalogue_names_its_newest_copy(tmp_path):
    path = filled_catalogue(tmp_path / "catalogue.db")
    folder = backup_folder(path)
    folder.mkdir()
    older, newer = folder / "catalogue-v2-20240101T000000Z.db", folder / "catalogue-replaced-20250101T000000Z.db"
    for age, copy in enumerate((newer, older)):
        copy.write_bytes(path.read_bytes())
        os.utime(copy, (1_700_000_000 - age * 1000, 1_700_000_000 - age * 1000))
    path.write_bytes(path.read_bytes()[:5000])
    with untouched(path), pytest.raises(DamagedCatalogue) as caught:
        Catalogue(path)
    assert str(caught.value).endswith(f"restore its newest copy with: igftui --db {path} restore {newer}")


def test_a_header_too_short_or_scribbled_over(tmp_path):
    path = tmp_path / "catalogue.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20)
    with untouched(path), pytest.raises(DamagedCatalogue, match="cut short: 36 bytes"):
        Catalogue(path)
    path = filled_catalogue(tmp_path / "other.db", 1)
    data = bytearray(path.read_bytes())
    data[16:18] = b"\x03\x07"  # not a page size
    path.write_bytes(bytes(data))
    with untouched(path), pytest.raises(DamagedCatalogue, match="its header is corrupted"):
        Catalogue(path)


def test_a_catalogue_corrupted_inside_is_refused_when_read_and_left_as_it_was(tmp_path):
    path = filled_catalogue(tmp_path / "catalogue.db", 200)
    scribble_over_the_sessions(path)
    with untouched(path):
        with (
            Catalogue(path) as catalogue,
            pytest.raises(DamagedCatalogue, match=r"is damaged .database disk image is malformed"),
        ):
            catalogue.all_sessions()


def scribble_over_the_sessions(path: Path) -> None:
    """Overwrite the pages of the session table (found with SQLite's dbstat) with garbage."""
    connection = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        pages = [row[0] for row in connection.execute("SELECT pageno FROM dbstat WHERE name = 'session'")]
    finally:
        connection.close()
    data = bytearray(path.read_bytes())
    for page in pages:
        start = (page - 1) * page_size
        data[start : start + page_size] = b"\x55" * page_size
    path.write_bytes(bytes(data))


def test_an_empty_file_is_a_catalogue_to_make(tmp_path):
    path = tmp_path / "catalogue.db"
    path.touch()
    with Catalogue(path) as catalogue:
        catalogue.add(ForumSession(title="first"))
        assert catalogue.count() == 1


def test_a_missing_catalogue_is_made_only_when_asked(tmp_path):
    path = tmp_path / "typo" / "catalgue.db"
    with pytest.raises(CatalogueMissing, match=f"no catalogue at {path}"):
        Catalogue(path, create=False)
    assert not path.parent.exists()
    Catalogue(path).close()
    assert path.exists()
    Catalogue(path, create=False).close()


as_root = hasattr(os, "geteuid") and os.geteuid() == 0
needs_permissions = pytest.mark.skipif(
    as_root,
    reason="root writes regardless of permissions (tests/cli/test_cli_backup.py runs them as root without that power)",
)


@needs_permissions
def test_a_read_only_catalogue(tmp_path):
    path = filled_catalogue(tmp_path / "catalogue.db", 1)
    path.chmod(0o400)
    with untouched(path), pytest.raises(CatalogueError, match=r"cannot be written .read-only file"):
        Catalogue(path)


@needs_permissions
def test_a_catalogue_in_a_read_only_folder(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    path = filled_catalogue(folder / "catalogue.db", 1)
    folder.chmod(0o500)
    try:
        with untouched(path), pytest.raises(CatalogueError, match=r"its folder .* is read-only"):
            Catalogue(path)
    finally:
        folder.chmod(0o700)
