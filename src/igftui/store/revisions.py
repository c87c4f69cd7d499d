"""The kept states of each session: what every save, restore, merge and import stored.

Revisions are rows of their own, found by the session's uid (they outlive a
deleted draft).  Autosaves of one editor visit fold into one revision while the
user keeps typing, so the history holds one revision per pause or visit, not
one per key.
"""

from __future__ import annotations

import functools
import getpass
import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, cast

from sqlalchemy import Connection, select, update
from sqlalchemy.dialects import sqlite

from igftui.model.merge import changed_fields
from igftui.model.tables import RevisionRecord

_REVISIONS = RevisionRecord.__table__  # type: ignore[attr-defined]

#: Autosaves of one visit closer together than this are one revision: a pause in
#: typing of a few seconds, or leaving the editor, starts the next one.
PAUSE = timedelta(seconds=5)

ORIGINS = ("typed", "restored", "merged", "imported", "deleted")


@dataclass(frozen=True)
class RevisionInfo:
    """One line of a session's history."""

    number: int
    saved_at: datetime
    origin: str
    author: str | None
    changed: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "revision": self.number,
            "saved_at": _iso(self.saved_at),
            "origin": self.origin,
            "author": self.author,
            "changed": list(self.changed),
        }


def local_time(moment: datetime) -> str:
    """``2026-06-23 11:30`` in the user's own time zone (the catalogue keeps UTC): "when did
    I write this?" is asked in local time, on the command line and in the app alike."""
    return _aware(moment).astimezone().strftime("%Y-%m-%d %H:%M")


def current_author() -> str | None:
    """Who is saving: the login name (on a shared catalogue, the database role).

    The environment is read each time, as ``getpass.getuser`` reads it; only the
    account's name, which it falls back to, is looked up once (an import keeps a
    revision for each of thousands of sessions, and the look-up reads the password file).
    """
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        user = os.environ.get(name)
        if user:
            return user
    return _account_name()


@functools.lru_cache(maxsize=1)
def _account_name() -> str | None:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return None


_LATEST = "SELECT id, number, document, origin, visit FROM revision WHERE session_uid = ? ORDER BY number DESC LIMIT 1"
_INSERT_SQL = (
    "INSERT INTO revision (session_uid, session_id, number, saved_at, origin, author, changed, visit, document)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
#: A moment as SQLAlchemy stores the catalogue's DATETIME columns in SQLite, for plain SQL.
_TIME = _REVISIONS.c.saved_at.type.dialect_impl(sqlite.dialect()).bind_processor(sqlite.dialect())


def stored_time(moment: datetime) -> str:
    """``moment`` as the catalogue's DATETIME columns hold it (what SQLAlchemy writes and reads back)."""
    return cast(str, _TIME(moment))


def driver(connection: Connection) -> sqlite3.Connection:
    """The SQLite connection under ``connection``: plain SQL on it runs in the same transaction,
    and the driver prepares each statement once (its statement cache)."""
    raw = connection.connection.driver_connection
    assert raw is not None, "an open connection has its driver's connection"
    return cast(sqlite3.Connection, raw)


def latest(connection: Connection, uid: str) -> Any:
    return connection.execute(
        select(_REVISIONS).where(_REVISIONS.c.session_uid == uid).order_by(_REVISIONS.c.number.desc()).limit(1)
    ).first()


def keep(
    connection: Connection,
    *,
    uid: str,
    session_id: int,
    document: str,
    origin: str,
    now: datetime,
    visit: str | None = None,
    author: str | None = None,
    first: bool = False,
    fields: dict[str, Any] | None = None,
) -> int:
    """Keep ``document`` as the session's newest revision; return its number.

    A typed save of the same editor visit within :data:`PAUSE` of the newest
    revision replaces that revision instead of adding one.  A save that changes
    nothing adds nothing.  ``first``: the uid was given just now, so it has no
    revision yet (not even of a deleted draft) and none is looked up.  ``fields``:
    ``document`` already parsed, which the caller has (it is not parsed again).
    """
    # Plain SQL to the driver, in the same transaction: an import keeps a revision for
    # each of thousands of sessions, and SQLAlchemy costs more per statement than SQLite.
    raw = driver(connection)
    last = None if first else raw.execute(_LATEST, (uid,)).fetchone()
    if last is not None and last[2] == document:
        return int(last[1])
    if last is not None and origin == "typed" and visit is not None and last[4] == visit and last[3] == "typed":
        newest = latest(connection, uid)  # with its time as a datetime, as SQLAlchemy reads it
        if now - _aware(newest.saved_at) < PAUSE:
            before = _document_of(connection, uid, int(last[1]) - 1)
            connection.execute(
                update(_REVISIONS)
                .where(_REVISIONS.c.id == last[0])
                .values(
                    document=document,
                    saved_at=now,
                    changed=json.dumps(changed_fields(before, json.loads(document))),
                )
            )
            return int(last[1])
    before = json.loads(last[2]) if last is not None else None
    number = int(last[1]) + 1 if last is not None else 1
    raw.execute(
        _INSERT_SQL,
        (
            uid,
            session_id,
            number,
            stored_time(now),
            origin,
            author if author is not None else current_author(),
            json.dumps(changed_fields(before, fields if fields is not None else json.loads(document))),
            visit if origin == "typed" else None,
            document,
        ),
    )
    return number


def seal(connection: Connection, uid: str) -> int | None:
    """Close the newest revision to folding (it was exported: it is a merge base); its number."""
    last = latest(connection, uid)
    if last is None:
        return None
    if last.visit is not None:
        connection.execute(update(_REVISIONS).where(_REVISIONS.c.id == last.id).values(visit=None))
    return int(last.number)


def history_mark(uid: str, first_saved_at: datetime | None) -> str | None:
    """What tells this catalogue's numbering of a session's revisions from another's.

    Each catalogue numbers revisions from 1: a co-organiser's catalogue that imported
    a copy has its own revision 5, which is not this one's.  A copy carries the mark
    of the history its ``revision`` counts in; a merge trusts that revision as its
    base only when the mark is this catalogue's.  The mark is the session's uid and
    the moment its history here began, hashed: it names no person and no machine,
    and a copy of the whole catalogue (backup, ``igftui copy``) keeps it.
    """
    if first_saved_at is None:
        return None
    text = f"{uid}|{_aware(first_saved_at).astimezone(timezone.utc).isoformat()}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def history_mark_of(connection: Connection, uid: str) -> str | None:
    row = connection.execute(
        select(_REVISIONS.c.saved_at).where(_REVISIONS.c.session_uid == uid, _REVISIONS.c.number == 1)
    ).first()
    return history_mark(uid, row[0]) if row is not None else None


def number_of(connection: Connection, uid: str, document: str) -> int | None:
    """The newest revision that kept exactly ``document``, if one did."""
    row = connection.execute(
        select(_REVISIONS.c.number)
        .where(_REVISIONS.c.session_uid == uid, _REVISIONS.c.document == document)
        .order_by(_REVISIONS.c.number.desc())
        .limit(1)
    ).first()
    return int(row[0]) if row is not None else None


def history(connection: Connection, uid: str) -> list[RevisionInfo]:
    rows = connection.execute(
        select(
            _REVISIONS.c.number, _REVISIONS.c.saved_at, _REVISIONS.c.origin, _REVISIONS.c.author, _REVISIONS.c.changed
        )
        .where(_REVISIONS.c.session_uid == uid)
        .order_by(_REVISIONS.c.number)
    ).all()
    return [
        RevisionInfo(int(n), _aware(at), origin, author, tuple(json.loads(changed or "[]")))
        for n, at, origin, author, changed in rows
    ]


def document(connection: Connection, uid: str, number: int) -> dict[str, Any] | None:
    return _document_of(connection, uid, number)


def last_import(connection: Connection, uid: str) -> dict[str, Any] | None:
    """What the page said when it was last imported: the base of the next import."""
    row = connection.execute(
        select(_REVISIONS.c.document)
        .where(_REVISIONS.c.session_uid == uid, _REVISIONS.c.origin == "imported")
        .order_by(_REVISIONS.c.number.desc())
        .limit(1)
    ).first()
    return json.loads(row[0]) if row is not None else None


def _document_of(connection: Connection, uid: str, number: int) -> dict[str, Any] | None:
    if number < 1:
        return None
    row = connection.execute(
        select(_REVISIONS.c.document).where(_REVISIONS.c.session_uid == uid, _REVISIONS.c.number == number)
    ).first()
    return json.loads(row[0]) if row is not None else None


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def _iso(moment: datetime) -> str:
    return _aware(moment).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
