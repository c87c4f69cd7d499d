"""The first page read before the catalogue service loads is the page that service would read."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from igftui.model import ForumSession
from igftui.model.vocabulary import SessionType
from igftui.store import Catalogue, SessionFilter
from igftui.store.first_page import FirstPageReading, read_first_page
from igftui.store.schema import SCHEMA_VERSION

#: A catalogue written by igftui's first version (see catalogues/README.md).
FIRST_VERSION = Path(__file__).parent / "catalogues" / "v1.db"


def mixed_catalogue(path):
    """Sessions that test every key of the default order: years (one missing), types, numbers, titles."""
    types = [SessionType.WORKSHOP, SessionType.OPEN_FORUM, None]
    with Catalogue(path) as catalogue:
        for n in range(30):
            catalogue.add(
                ForumSession(
                    title=f"Session {n % 7}" if n % 5 else None,
                    year=None if n % 11 == 0 else 2020 + n % 3,
                    session_type=types[n % 3],
                    number=n % 4 if n % 6 else None,
                )
            )
    return path


@pytest.mark.parametrize("limit", [1, 7, 40])
def test_the_first_page_is_the_catalogue_s_own(tmp_path, limit):
    path = mixed_catalogue(tmp_path / "catalogue.db")
    with Catalogue(path) as catalogue:
        expected = catalogue.list(SessionFilter(), limit=limit)
        total = catalogue.count()
    page = read_first_page(path, limit)
    assert page is not None
    assert page.sessions == expected
    assert page.total == total == 30


def test_an_empty_catalogue_has_an_empty_first_page(tmp_path):
    path = tmp_path / "catalogue.db"
    Catalogue(path).close()
    page = read_first_page(path, 40)
    assert page is not None
    assert (page.sessions, page.total) == ([], 0)


def test_reading_the_first_page_changes_nothing_in_the_catalogue(tmp_path):
    path = mixed_catalogue(tmp_path / "catalogue.db")
    data = path.read_bytes()
    assert read_first_page(path, 40) is not None
    assert path.read_bytes() == data


def test_what_the_catalogue_service_must_see_first_has_no_first_page(tmp_path):
    # Missing (to be created), empty (being created), another program's, not SQLite,
    # and an earlier version (to be migrated): the service creates, migrates or refuses it.
    empty = tmp_path / "empty.db"
    empty.touch()
    text = tmp_path / "notes.db"
    text.write_text("my notes\n" * 50)
    earlier = tmp_path / "earlier.db"
    shutil.copyfile(FIRST_VERSION, earlier)
    others = tmp_path / "contacts.db"
    with sqlite3.connect(others) as connection:
        connection.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    connection.close()
    for path in (tmp_path / "missing.db", empty, text, earlier, others):
        assert read_first_page(path, 40) is None, path
    assert not (tmp_path / "missing.db").exists()
    # The earlier catalogue was not migrated behind the service's back.
    connection = sqlite3.connect(earlier)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 1 < SCHEMA_VERSION
    connection.close()


def test_a_first_page_read_in_its_own_thread_is_the_same_page(tmp_path):
    path = mixed_catalogue(tmp_path / "catalogue.db")
    reading = FirstPageReading(path, 12)
    assert reading.wait() == read_first_page(path, 12)
    assert reading.ready()


def test_a_file_the_catalogue_service_must_see_first_gives_no_page_in_a_thread_either(tmp_path):
    not_a_catalogue = tmp_path / "notes.db"
    not_a_catalogue.write_bytes(b"\x00\xff binary, not SQLite" * 10)
    for path in (tmp_path / "missing.db", not_a_catalogue, tmp_path):
        reading = FirstPageReading(path, 12)
        assert reading.wait() is None, path
        assert reading.ready()
