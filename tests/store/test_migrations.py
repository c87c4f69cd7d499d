"""Catalogues written by every earlier igftui open migrated, whole, with a copy kept first.

The catalogues in ``catalogues/`` were written by the igftui of each version (see
the README there).  Each test copies one to its own folder before opening it:
opening migrates, and the committed file must stay as the old igftui wrote it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import stat
from datetime import datetime, timezone
from pathlib import Path

import pytest

from igftui.model import ForumSession
from igftui.store import Catalogue, CatalogueError, SessionFilter
from igftui.store.backups import backup_folder, migration_backups
from igftui.store.schema import SCHEMA_VERSION

STORED = Path(__file__).parent / "catalogues"
EARLIER_VERSIONS = range(1, SCHEMA_VERSION)


def stored_catalogue(version: int) -> Path:
    return STORED / f"v{version}.db"


def copy_of(version: int, folder: Path, name: str = "catalogue.db") -> Path:
    path = folder / name
    shutil.copyfile(stored_catalogue(version), path)
    os.chmod(path, 0o600)
    return path


def read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)


def old_documents(path: Path) -> dict[int, dict]:
    with read_only(path) as connection:
        return {row[0]: json.loads(row[1]) for row in connection.execute("SELECT id, document FROM session")}


def user_version(path: Path) -> int:
    connection = read_only(path)
    try:
        return connection.execute("PRAGMA user_version").fetchone()[0]
    finally:
        connection.close()


def test_there_is_a_stored_catalogue_of_every_earlier_version():
    for version in EARLIER_VERSIONS:
        assert stored_catalogue(version).is_file(), f"add {stored_catalogue(version)} (see catalogues/README.md)"
        assert user_version(stored_catalogue(version)) == version


@pytest.mark.parametrize("version", EARLIER_VERSIONS)
def test_a_catalogue_of_an_earlier_version_opens_whole(tmp_path, version):
    committed = stored_catalogue(version).read_bytes()
    path = copy_of(version, tmp_path)
    before = old_documents(path)
    assert len(before) == 31
    with Catalogue(path) as catalogue:
        # Every session, as the old igftui stored it.
        assert {s.id for s in catalogue.list(limit=None)} == set(before)
        for session_id, document in before.items():
            stored = catalogue.get(session_id)
            expected = ForumSession.from_json(document).model_copy(update={"id": session_id})
            assert stored.to_document() == expected.to_document(), session_id
            assert stored.uid and stored.version == 1
            # One revision each: what was there before the migration.  Before version 3
            # there were none, and the migration made it; a version 3 catalogue kept the
            # one of the samples' import.
            (revision,) = catalogue.history(session_id)
            if version < 3:
                assert revision.origin == ("imported" if document["status"] == "catalogued" else "typed")
            else:
                assert revision.origin == "imported"
            assert catalogue.revision(session_id, 1).to_document() == stored.to_document()
        # Every person, with their sessions counted.
        named: dict[str, set[int]] = {}
        for session_id, document in before.items():
            for person in document["participants"]:
                if person["name"]:
                    named.setdefault(person["name"], set()).add(session_id)
        people = {p.name: p.sessions for p in catalogue.people(limit=10_000)}
        assert people == {name: len(ids) for name, ids in named.items()}
        for name, ids in named.items():
            assert {s.id for s in catalogue.sessions_of_person(name)} == ids
        # Search finds each session by a word of its title, and by its people.
        for session_id, document in before.items():
            word = max(re.findall(r"\w+", document["title"]), key=len)
            assert session_id in {s.id for s in catalogue.list(SessionFilter(query=word), limit=None)}, word
        for name, ids in named.items():
            assert ids <= {s.id for s in catalogue.list(SessionFilter(query=name), limit=None)}, name
        kept = catalogue.migration_backup
    assert user_version(path) == SCHEMA_VERSION
    # The copy kept before the migration is the old catalogue, private.
    assert kept is not None and kept.parent == backup_folder(path) == tmp_path / "backups"
    assert re.fullmatch(rf"catalogue-v{version}-\d{{8}}T\d{{6}}Z\.db", kept.name)
    assert user_version(kept) == version
    assert old_documents(kept) == before
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert stat.S_IMODE(kept.parent.stat().st_mode) == 0o700
    assert stored_catalogue(version).read_bytes() == committed


def test_a_current_catalogue_keeps_no_copy(catalogue_path):
    Catalogue(catalogue_path).close()
    with Catalogue(catalogue_path) as catalogue:
        assert catalogue.migration_backup is None
    assert not backup_folder(catalogue_path).exists()


def test_only_the_last_three_copies_before_migrations_are_kept(tmp_path):
    folder = backup_folder(tmp_path / "catalogue.db")
    folder.mkdir(mode=0o700)
    # The user's own files, and a copy kept by restore, are never pruned.
    (folder / "my-notes.db").write_bytes(b"mine")
    (folder / "catalogue-replaced-20240101T000000Z.db").write_bytes(b"replaced")
    kept = []
    for day in range(1, 6):
        path = copy_of(2, tmp_path)
        moment = datetime(2025, 3, day, 12, 0, tzinfo=timezone.utc)
        with Catalogue(path, clock=lambda moment=moment: moment) as catalogue:
            kept.append(catalogue.migration_backup)
    assert [p.name for p in kept] == [f"catalogue-v2-202503{day:02}T120000Z.db" for day in range(1, 6)]
    assert migration_backups(path) == kept[-3:]
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["my-notes.db", "catalogue-replaced-20240101T000000Z.db", *(p.name for p in kept[-3:])]
    )


def test_two_migrations_in_the_same_second_keep_both_copies(tmp_path):
    moment = datetime(2025, 3, 1, tzinfo=timezone.utc)
    names = []
    for _ in range(2):
        with Catalogue(copy_of(1, tmp_path), clock=lambda: moment) as catalogue:
            names.append(catalogue.migration_backup.name)
    assert names == ["catalogue-v1-20250301T000000Z.db", "catalogue-v1-20250301T000000Z-2.db"]


def test_no_migration_without_a_copy_first(tmp_path):
    path = copy_of(2, tmp_path)
    before = path.read_bytes()
    # The backups folder cannot be made: a file has its name.
    (tmp_path / "backups").write_text("in the way")
    with pytest.raises(CatalogueError, match="was not upgraded from version 2, because no copy"):
        Catalogue(path)
    assert path.read_bytes() == before
    assert user_version(path) == 2
