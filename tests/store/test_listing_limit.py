"""A limit on a list of sessions is part of the query: SQLite hands over that many rows, not all.

`igftui list --json --limit 5` on 100,000 sessions must read 5 sessions, not read
them all and keep 5.
"""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from sqlalchemy import event

from igftui.model import ForumSession
from igftui.store.listing import SessionFilter


@pytest.fixture
def thirty(catalogue):
    for number in range(1, 31):
        catalogue.add(
            ForumSession(
                status="catalogued",
                year=2006 + number % 10,
                session_type="workshop",
                number=number,
                title=f"Workshop {number}",
            )
        )
    return catalogue


@contextmanager
def statements_sent(engine):
    """Each SQL statement ``engine`` sends to SQLite, with its parameters."""
    sent: list[tuple[str, tuple]] = []

    def record(_connection, _cursor, statement, parameters, _context, _executemany):
        sent.append((statement, tuple(parameters)))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", record)


def reading_documents(sent):
    """The statements that read whole sessions (their JSON documents)."""
    return [(sql, parameters) for sql, parameters in sent if "session.document" in sql and "FROM session" in sql]


def test_each_session_asks_sqlite_for_the_limit_only(thirty):
    everything = [s.id for s in thirty.each_session()]
    with statements_sent(thirty.engine) as sent:
        first = list(thirty.each_session(limit=5))
    assert [s.id for s in first] == everything[:5]  # the first five in catalogue order
    [(sql, parameters)] = reading_documents(sent)
    assert "LIMIT" in sql and 5 in parameters, sql


def test_each_session_limit_with_filters(thirty):
    wanted = SessionFilter(year=2010)
    everything = [s.id for s in thirty.each_session(wanted)]
    assert len(everything) == 3
    with statements_sent(thirty.engine) as sent:
        first = list(thirty.each_session(wanted, limit=2))
    assert [s.id for s in first] == everything[:2]
    [(sql, parameters)] = reading_documents(sent)
    assert "LIMIT" in sql and 2 in parameters, sql


def test_without_a_limit_every_session_is_read(thirty):
    with statements_sent(thirty.engine) as sent:
        assert len(list(thirty.each_session())) == 30
    [(sql, _)] = reading_documents(sent)
    assert "LIMIT" not in sql
