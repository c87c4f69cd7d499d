"""An import writes many new sessions in one statement: the catalogue it leaves is the one
a session-by-session import leaves, row for row, and its search index is whole.

Sessions of the same file that find one another (the same page twice, a copy of a
draft by its uid, an id asked for twice) are in the file on both sides of the point
where the waiting sessions are written, so each kind is met while they still wait.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

from igftui.model import ForumSession, Participant
from igftui.store import Catalogue, SessionFilter
from igftui.store.catalogue import _ROWS_AT_A_TIME

START = datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc)


class Ticks:
    """A clock that moves a second at each reading: both catalogues see the same times."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def workshop(number: int, title: str | None = None, **extra) -> ForumSession:
    return ForumSession(
        status="catalogued",
        year=2018,
        session_type="workshop",
        number=number,
        title=title or f"Workshop {number} on community networks",
        description=f"Description {number}: connectivity, quilombola libraries and open data.",
        tags=["access", f"tag{number}"],
        policy_questions=[f"Question one of {number}?", "How to fund it?"],
        participants=[
            Participant(name=f"Speaker {number}", organisation="Instituto Nupef", roles=["speaker"]),
            Participant(name="Ana Souza", organisation=f"Org {number % 7}", roles=["moderator", "organizer"]),
        ],
        **extra,
    )


def the_file() -> list[ForumSession]:
    count = _ROWS_AT_A_TIME * 2 + 50
    sessions = [workshop(number) for number in range(1, count + 1)]
    late = _ROWS_AT_A_TIME + 20  # written with the second batch: still waiting when met again
    sessions[late + 10 : late + 10] = [
        # The same page again, changed: merged into the waiting one.
        workshop(late, title="A title the page changed since"),
        # The same page again, unchanged.
        workshop(late - 1),
        # A draft of the user's, then the page of the same workshop: stored beside the draft.
        ForumSession(status="draft", year=2018, session_type="workshop", number=count + 1, title="My own notes"),
        workshop(count + 1),
        # A copy of a session by its uid, then the copy again, edited.
        ForumSession(status="draft", title="Shared draft", uid="c0ffee" * 5 + "ab"),
        ForumSession(status="draft", title="Shared draft, edited", uid="c0ffee" * 5 + "ab"),
        # An id asked for that a waiting session has: given another.
        ForumSession(status="draft", title="Asks for a taken id", id=late + 3),
        ForumSession(status="draft", title="Asks for a free id", id=count * 10),
    ]
    return sessions


def rows(path: Path) -> dict[str, list[tuple]]:
    connection = sqlite3.connect(path)
    try:
        connection.execute("INSERT INTO session_fts (session_fts, rank) VALUES ('integrity-check', 1)")
        # A uid made on import is random: each is named by the first session that had it.
        uids = {uid: n for n, (uid,) in enumerate(connection.execute("SELECT uid FROM session ORDER BY id"))}
        return {
            "session": [
                (*row[:-1], uids[row[-1]])
                for row in connection.execute(
                    "SELECT id, status, year, session_type, code, number, title, format, identity, source_key,"
                    " version, document, created_at, updated_at, uid FROM session ORDER BY id"
                )
            ],
            "participant": connection.execute("SELECT * FROM participant ORDER BY id").fetchall(),
            "revision": [
                (*row[:-1], uids.get(row[-1]))
                for row in connection.execute(
                    "SELECT id, session_id, number, saved_at, origin, author, changed, visit, document, session_uid"
                    " FROM revision ORDER BY id"
                )
            ],
            "index": connection.execute("SELECT id, * FROM session_fts_docsize ORDER BY id").fetchall(),
        }
    finally:
        connection.close()


def test_one_import_leaves_what_a_session_by_session_import_leaves(tmp_path):
    sessions = the_file()
    with Catalogue(tmp_path / "together.db", clock=Ticks()) as together:
        outcomes = together.import_sessions(sessions)
        assert together.list(SessionFilter(query="quilombola"), limit=None)
    with Catalogue(tmp_path / "one-by-one.db", clock=Ticks()) as one_by_one:
        expected = [outcome for session in sessions for outcome in one_by_one.import_sessions([session])]
    assert [(o.created, o.action, o.session.id, o.session.title) for o in outcomes] == [
        (o.created, o.action, o.session.id, o.session.title) for o in expected
    ]
    # Each kind of meeting happened while the first session still waited to be written.
    actions = {o.action for o in outcomes}
    assert {"merged", "unchanged", "beside"} <= actions
    assert rows(tmp_path / "together.db") == rows(tmp_path / "one-by-one.db")


def test_a_file_that_fails_part_way_leaves_nothing_of_it(tmp_path):
    def broken():
        yield from the_file()[: _ROWS_AT_A_TIME + 5]
        raise ValueError("the file ends in the middle of a session")

    with Catalogue(tmp_path / "catalogue.db") as catalogue:
        catalogue.add(workshop(9999))
        try:
            catalogue.import_sessions(broken())
        except ValueError:
            pass
        else:
            raise AssertionError("the import should have failed")
        assert catalogue.count() == 1
        assert catalogue.import_sessions([workshop(1)])[0].created
    assert len(rows(tmp_path / "catalogue.db")["session"]) == 2
