"""Where a catalogue is: a path stays a path, a URL is recognised, a password is never shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from igftui.store.location import BadLocation, ServerLocation, is_url, read_location, shown


@pytest.mark.parametrize(
    "text",
    [
        "catalogue.db",
        "/home/ana/igf/catalogue.db",
        "../shared/catalogue.db",
        "C:\\Users\\ana\\catalogue.db",
        "c:/Users/ana/catalogue.db",
        "notes: 2026.db",
        "postgresql.db",
        "file:catalogue.db",
    ],
)
def test_paths_stay_paths(text):
    assert not is_url(text)
    assert read_location(text) == Path(text)


def test_a_path_from_the_home_folder_is_expanded(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert read_location("~/igf.db") == tmp_path / "igf.db"


@pytest.mark.parametrize(
    ("text", "as_shown"),
    [
        ("postgresql+psycopg://ana@db.example.org/igf", "postgresql+psycopg://ana@db.example.org/igf"),
        ("postgresql+psycopg://ana:secret@db:5433/igf", "postgresql+psycopg://ana:***@db:5433/igf"),
        # SQLAlchemy's own default for postgresql:// is psycopg2; igftui speaks psycopg 3.
        ("postgresql://ana:secret@db/igf", "postgresql+psycopg://ana:***@db/igf"),
        ("postgresql:///igf?host=/run/postgresql", "postgresql+psycopg:///igf?host=%2Frun%2Fpostgresql"),
        ("postgresql+psycopg://ana@db/igf?password=secret", "postgresql+psycopg://ana@db/igf?password=***"),
        ("postgresql+psycopg://ana:se/cret@db/igf", "postgresql+psycopg://ana:***@db/igf"),
    ],
)
def test_postgresql_urls_are_recognised_and_shown_without_their_password(text, as_shown):
    assert is_url(text)
    location = read_location(text)
    assert isinstance(location, ServerLocation)
    assert location.url.drivername == "postgresql+psycopg"
    assert str(location) == as_shown
    assert "cret" not in str(location) and "cret" not in repr(location)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("mysql://ana:secret@db/igf", "not in mysql"),
        ("sqlite:///home/ana/catalogue.db", "give its path"),
        ("postgresql+psycopg2://ana:secret@db/igf", "through psycopg"),
        ("postgresql+psycopg://ana:secret@db:port/igf", "is not a database URL igftui can read"),
        # An "@" of the password not written %40: SQLAlchemy would take "ret" for the host.
        ("postgresql+psycopg://ana:sec@ret@db/igf", "is not a database URL igftui can read"),
    ],
)
def test_a_bad_url_is_one_line_without_its_password(text, says):
    with pytest.raises(BadLocation) as raised:
        read_location(text)
    message = str(raised.value)
    assert says in message
    assert "\n" not in message
    assert "secret" not in message and "cret" not in message and "ret@" not in message


@pytest.mark.parametrize(
    "text",
    [
        "postgresql+psycopg://ana:secret@db/igf",
        "postgresql+psycopg://ana:sec@ret@db/igf",
        "postgresql+psycopg://ana:se/cret@db/igf",
        "postgresql+psycopg://ana:secret@db:port/igf",
        "postgresql+psycopg://ana@db/igf?sslmode=require&password=secret",
        "unknown+driver://ana:secret@db/igf",
    ],
)
def test_a_password_is_hidden_in_any_text_shown(text):
    assert "secret" not in shown(text) and "cret" not in shown(text)
    assert "ana" in shown(text)


def test_text_that_is_no_url_is_shown_as_it_is():
    assert shown("/home/ana/catalogue.db") == "/home/ana/catalogue.db"
