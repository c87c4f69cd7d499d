"""--db, IGFTUI_DB and db in config.toml take a PostgreSQL URL: until the store runs on PostgreSQL,
every command says so in one line (exit 2), creates nothing, and never shows a password."""

from __future__ import annotations

import pytest

URL = "postgresql+psycopg://ana:secret@localhost/x"
UNSUPPORTED = (
    "igftui: a PostgreSQL catalogue (postgresql+psycopg://ana:***@localhost/x) is not supported by this "
    "version yet; use a catalogue file\n"
)


@pytest.fixture
def elsewhere(tmp_path, monkeypatch):
    """An empty current folder: read as a path, the URL would make folders and a file in it."""
    folder = tmp_path / "here"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


@pytest.mark.parametrize(
    "command",
    [
        ["list"],
        ["show", "1"],
        ["import", "page.txt"],
        ["samples"],
        ["backup", "copy.db"],
        ["restore", "copy.db", "--yes"],
        ["history", "1"],
        [],  # the app
    ],
    ids=lambda command: " ".join(command) or "the app",
)
def test_a_postgresql_url_is_one_line_without_its_password_and_creates_nothing(igftui, elsewhere, command):
    done = igftui("--db", URL, *command, db=None)
    assert (done.code, done.out, done.err) == (2, "", UNSUPPORTED)
    assert "secret" not in done.out + done.err
    assert list(elsewhere.iterdir()) == []


def test_igftui_db_takes_a_url_too(igftui, elsewhere, monkeypatch):
    monkeypatch.setenv("IGFTUI_DB", URL)
    done = igftui("list", db=None)
    assert (done.code, done.err) == (2, UNSUPPORTED)
    assert list(elsewhere.iterdir()) == []


def test_db_in_config_toml_takes_a_url_too(igftui, elsewhere, tmp_path, monkeypatch):
    config = tmp_path / "config"
    (config / "igftui").mkdir(parents=True)
    (config / "igftui" / "config.toml").write_text(f'db = "{URL}"\n', encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    done = igftui("list", db=None)
    assert (done.code, done.err) == (2, UNSUPPORTED)
    assert list(elsewhere.iterdir()) == []


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("mysql://ana:secret@db/igf", "not in mysql"),
        ("postgresql+psycopg://ana:secret@db:port/igf", "is not a database URL igftui can read"),
    ],
)
def test_a_bad_url_is_one_line_without_its_password(igftui, elsewhere, url, says):
    done = igftui("--db", url, "list", db=None)
    assert done.code == 2
    assert done.err.startswith("igftui: ") and done.err.count("\n") == 1
    assert says in done.err
    assert "secret" not in done.out + done.err
    assert list(elsewhere.iterdir()) == []


def test_a_path_still_opens_a_catalogue_file(igftui, tmp_path):
    done = igftui("samples", db=tmp_path / "mine.db")
    assert done.code == 0, done.err
    assert (tmp_path / "mine.db").is_file()
