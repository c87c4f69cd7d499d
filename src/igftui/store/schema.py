"""The catalogue's schema and how a catalogue moves from one version to the next.

Versions are kept in SQLite's ``PRAGMA user_version``.  Each migration is a
list of SQL statements that takes a catalogue from the version before it to
its own; they run in one transaction, in order, when a catalogue is opened.
To change the schema: append a migration here (never edit a released one),
update the tables in ``igftui.model.tables`` to match, and add a test that
opens a catalogue of the previous version.  A catalogue of a newer version
than this igftui knows is refused rather than damaged.

Everything SQLite-only (pragmas, FTS5) lives in this module and in
``igftui.store.fulltext``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from igftui.store.errors import NewerCatalogue, NotACatalogue

if TYPE_CHECKING:
    # SQLAlchemy loads with the catalogue's engine, not with this module: the app reads
    # the schema version (igftui.store.checkfile) to glance at the first page before that.
    from sqlalchemy import Connection
    from sqlalchemy.engine import Engine


def _search_text(row: str) -> str:
    """The columns of a session's search entry, computed from its stored document.

    ``row`` is how the session row is named where this is used (``session.``,
    ``new.``, ``old.``).  The index keeps no copy of this text: FTS5 reads it
    through the view ``session_text`` when it needs it ('rebuild'), and the
    triggers below compute it from a row's old document to take the entry out
    exactly as it went in.  Only the tokens count, so the parts of a column are
    joined by a space (a line break between policy questions, as before).

    Migration 4 is built from this function: to index other text, add a migration
    that drops and recreates the view and the triggers, then rebuilds the index.
    """
    document = f"{row}document"

    def field(name: str) -> str:
        return f"coalesce(json_extract({document}, '$.{name}'), '')"

    def joined(array: str, member: str = "", separator: str = "' '") -> str:
        # Each item of an array in turn: json_each would be shorter, but FTS5 reads its
        # content ('rebuild') with statements that may not use a virtual table.
        count = f"json_array_length({document}, '$.{array}')"
        item = f"json_extract({document}, '$.{array}[' || i || ']{member}')"
        return (
            f"(WITH RECURSIVE item (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM item WHERE i + 1 < {count})"
            f" SELECT group_concat({item}, {separator}) FROM item)"
        )

    title = " || ' ' || ".join(field(name) for name in ("title", "short_title", "code"))
    body = " || ' ' || ".join(
        [
            *(field(name) for name in ("description", "expected_outcomes", "theme", "subtheme")),
            f"coalesce({joined('tags')}, '')",
        ]
    )
    return ", ".join(
        (
            title,
            body,
            joined("policy_questions", separator="char(10)"),
            joined("participants", ".name"),
            joined("participants", ".organisation"),
        )
    )


_SEARCH_COLUMNS = "title, description, policy_questions, people, organisations"


#: Migrations by the version they produce.  Version 1 is the first release.
MIGRATIONS: dict[int, list[str]] = {
    1: [
        """
        CREATE TABLE session (
            id INTEGER PRIMARY KEY,
            status VARCHAR NOT NULL,
            year INTEGER,
            session_type VARCHAR,
            code VARCHAR,
            number INTEGER,
            title VARCHAR,
            format VARCHAR,
            identity VARCHAR,
            document VARCHAR NOT NULL,
            created_at DATETIME NOT NULL,
            updated_at DATETIME NOT NULL
        )
        """,
        "CREATE INDEX ix_session_status ON session (status)",
        "CREATE INDEX ix_session_year ON session (year)",
        "CREATE INDEX ix_session_session_type ON session (session_type)",
        "CREATE INDEX ix_session_format ON session (format)",
        "CREATE INDEX ix_session_identity ON session (identity)",
        "CREATE INDEX ix_session_sort ON session (year DESC, session_type, number, title)",
        "CREATE INDEX ix_session_title ON session (title COLLATE NOCASE)",
        """
        CREATE TABLE participant (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            person_key VARCHAR,
            name VARCHAR,
            organisation VARCHAR,
            stakeholder_group VARCHAR,
            region VARCHAR,
            roles VARCHAR NOT NULL
        )
        """,
        "CREATE INDEX ix_participant_session_id ON participant (session_id)",
        "CREATE INDEX ix_participant_person_key ON participant (person_key)",
        # Full-text index over what users search for; rowid is the session id.
        """
        CREATE VIRTUAL TABLE session_fts USING fts5(
            title, description, policy_questions, people, organisations,
            tokenize = 'unicode61 remove_diacritics 2'
        )
        """,
    ],
    # The people view counts everyone's sessions per year.  With the session's year
    # on each participant row and one index holding all it reads, it never visits
    # the tables: 2.4 s -> about 0.3 s on a 100,000-session catalogue.
    2: [
        "ALTER TABLE participant ADD COLUMN year INTEGER",
        "UPDATE participant SET year = (SELECT year FROM session WHERE session.id = participant.session_id)",
        "CREATE INDEX ix_participant_person_year ON participant (person_key, year, session_id, name)",
    ],
    # Nothing lost: every session gets a stable identity across catalogues (uid) and a
    # version that each save raises, so a save made from an older version is refused
    # instead of overwriting; every save keeps a revision.  A page's path identity
    # (source_key) finds the page again whether or not the year was given.
    3: [
        "ALTER TABLE session ADD COLUMN uid VARCHAR",
        "ALTER TABLE session ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
        "ALTER TABLE session ADD COLUMN source_key VARCHAR",
        "UPDATE session SET uid = lower(hex(randomblob(16)))",
        "UPDATE session SET source_key = identity WHERE identity LIKE 'page:%'",
        "CREATE UNIQUE INDEX ix_session_uid ON session (uid)",
        "CREATE INDEX ix_session_source_key ON session (source_key)",
        # Revisions outlive their session (a deleted draft can be brought back), so no
        # foreign key; they are found by the session's uid.
        """
        CREATE TABLE revision (
            id INTEGER PRIMARY KEY,
            session_uid VARCHAR NOT NULL,
            session_id INTEGER NOT NULL,
            number INTEGER NOT NULL,
            saved_at DATETIME NOT NULL,
            origin VARCHAR NOT NULL,
            author VARCHAR,
            changed VARCHAR NOT NULL,
            visit VARCHAR,
            document VARCHAR NOT NULL
        )
        """,
        "CREATE UNIQUE INDEX ix_revision_session ON revision (session_uid, number)",
        # What was there before this release is the first revision of each session: a
        # catalogued page as imported (the base of its next import), a draft as typed.
        """
        INSERT INTO revision (session_uid, session_id, number, saved_at, origin, author, changed, visit, document)
        SELECT uid, id, 1, updated_at,
               CASE status WHEN 'catalogued' THEN 'imported' ELSE 'typed' END,
               NULL, '[]', NULL, document
        FROM session
        """,
    ],
    # Version 4: the search index keeps no second copy of the text (it was 31% of the
    # file).  It is an external-content FTS5 table over a view of the session table;
    # triggers keep it in step with every INSERT, UPDATE of the document and DELETE of a
    # session, whichever code writes it.  An entry is taken out with FTS5's 'delete'
    # command and the values it was indexed with, which the triggers compute from the
    # old row: the same document gives the same text.
    # Each word is also indexed by its first letter and first two: what a search box
    # holds after one or two keys.  Without them FTS5 gathers every word that begins so
    # (a second at 100,000 sessions); with them it reads one list.  They cost about 1 KB
    # per session, where the copy of the text cost 4 KB.
    4: [
        "DROP TABLE session_fts",
        f"CREATE VIEW session_text (id, {_SEARCH_COLUMNS}) AS SELECT id, {_search_text('session.')} FROM session",
        f"""
        CREATE VIRTUAL TABLE session_fts USING fts5(
            {_SEARCH_COLUMNS},
            content = 'session_text', content_rowid = 'id',
            tokenize = 'unicode61 remove_diacritics 2',
            prefix = '1 2'
        )
        """,
        f"""
        CREATE TRIGGER session_fts_insert AFTER INSERT ON session BEGIN
            INSERT INTO session_fts (rowid, {_SEARCH_COLUMNS}) VALUES (new.id, {_search_text("new.")});
        END
        """,
        f"""
        CREATE TRIGGER session_fts_update AFTER UPDATE OF id, document ON session BEGIN
            INSERT INTO session_fts (session_fts, rowid, {_SEARCH_COLUMNS})
                VALUES ('delete', old.id, {_search_text("old.")});
            INSERT INTO session_fts (rowid, {_SEARCH_COLUMNS}) VALUES (new.id, {_search_text("new.")});
        END
        """,
        f"""
        CREATE TRIGGER session_fts_delete AFTER DELETE ON session BEGIN
            INSERT INTO session_fts (session_fts, rowid, {_SEARCH_COLUMNS})
                VALUES ('delete', old.id, {_search_text("old.")});
        END
        """,
        # Every entry from the stored sessions, in the migration's one transaction.
        "INSERT INTO session_fts (session_fts) VALUES ('rebuild')",
    ],
}

SCHEMA_VERSION = max(MIGRATIONS)

APPLICATION_ID = 0x49474654  # "IGFT": marks the file as an igftui catalogue


#: Execution option that marks a transaction as one that will write.
WRITE = "igftui_write"


def install_pragmas(engine: Engine) -> None:
    """WAL, foreign keys, a wait instead of an error when another copy writes, real transactions.

    Python's sqlite3 driver begins a transaction only before it changes a row,
    so a read, or a CREATE, runs outside any transaction: two copies of igftui
    could both see a session missing and both add it.  Here the driver is told
    to leave transactions alone, and each one begins with ``BEGIN`` (reads see
    one state of the catalogue) or, for a transaction marked :data:`WRITE`,
    ``BEGIN IMMEDIATE``, which takes the write lock before the first read (the
    recipe of SQLAlchemy's documentation for pysqlite).
    """
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:  # pragma: no cover - trivial
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout = 5000")
        cursor.execute("PRAGMA foreign_keys = ON")
        # WAL lets the UI read while a worker (or a second copy of igftui) writes.
        cursor.execute("PRAGMA journal_mode = WAL")
        # 32 MiB of pages kept per connection (SQLite's default is 2 MiB): a search reads the
        # list's order index and the words' entries, several MiB at 100,000 sessions, which
        # with 2 MiB each search pushed out for the next to read again (a word found in a few
        # hundred sessions took 12 ms to list instead of 3).  Filled only as pages are read.
        cursor.execute("PRAGMA cache_size = -32768")
        cursor.close()
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:  # pragma: no cover - trivial
        writes = connection.get_execution_options().get(WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


#: Called with the version found before a catalogue of that version is migrated.
BeforeMigration = Callable[[int], None]


def open_catalogue_schema(engine: Engine, path: object, before_migration: BeforeMigration | None = None) -> int:
    """Check and migrate the catalogue in one write transaction; return the version found.

    Two copies of igftui may open a new catalogue at the same moment: the
    write lock, taken first, makes the second wait and then find the schema
    built, and the migration is all or nothing.  ``before_migration`` runs under
    that lock, so what it reads (a backup) is the catalogue exactly as the
    migration finds it; if it raises, nothing is migrated.
    """
    with engine.execution_options(**{WRITE: True}).begin() as connection:
        return migrate(connection, path, before_migration)


def newer_catalogue(path: object, version: int) -> NewerCatalogue:
    return NewerCatalogue(
        f"{path} was written by a newer igftui (catalogue version {version}, "
        f"this igftui reads up to {SCHEMA_VERSION}); update igftui to open it"
    )


def migrate(connection: Connection, path: object, before_migration: BeforeMigration | None = None) -> int:
    """Bring the catalogue behind ``connection`` to :data:`SCHEMA_VERSION`; return the version found."""
    from sqlalchemy import text

    application_id = connection.execute(text("PRAGMA application_id")).scalar() or 0
    version = connection.execute(text("PRAGMA user_version")).scalar() or 0
    if application_id not in (0, APPLICATION_ID):
        raise NotACatalogue(f"{path} is a SQLite database of another program, not an igftui catalogue")
    if version == 0:
        tables = connection.execute(text("SELECT count(*) FROM sqlite_master WHERE type = 'table'")).scalar()
        if tables:
            raise NotACatalogue(f"{path} is a SQLite database, but not an igftui catalogue")
    if version > SCHEMA_VERSION:
        raise newer_catalogue(path, version)
    if 0 < version < SCHEMA_VERSION and before_migration is not None:
        before_migration(version)
    for target in range(version + 1, SCHEMA_VERSION + 1):
        for statement in MIGRATIONS[target]:
            connection.execute(text(statement))
        connection.execute(text(f"PRAGMA user_version = {target}"))
    if version < SCHEMA_VERSION:
        connection.execute(text(f"PRAGMA application_id = {APPLICATION_ID}"))
    return version
