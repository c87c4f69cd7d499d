"""Full-text search over the catalogue with SQLite FTS5.

What a user types is never handed to FTS5 as query syntax: quotes, colons or a
stray ``AND`` would be errors or surprises.  Each word becomes a quoted prefix
term, and all of them must match.
"""

from __future__ import annotations

from sqlalchemy import Connection, TextClause, text

from igftui.model.session import ForumSession
from igftui.store.listing import search_terms


def match_expression(query: str | None) -> str | None:
    """An FTS5 MATCH expression for what the user typed, or None when there is nothing to find."""
    words = search_terms(query)
    if not words:
        return None
    return " AND ".join(f'"{word}"*' for word in words)


def matching_sessions(match: str) -> TextClause:
    """A WHERE clause for the sessions whose search entry matches ``match``.

    The unary ``+`` keeps SQLite from looking each match up by id and then
    sorting them all: it walks the list's own index in the order the page is
    shown and stops when the page is full.  A word that matches most of a
    100,000-session catalogue then costs about 20 ms instead of 150, and a word
    that matches nothing costs one pass over the index (about 12 ms).
    """
    return text("+session.id IN (SELECT rowid FROM session_fts WHERE session_fts MATCH :match)").bindparams(match=match)


def count_matches(connection: Connection, match: str) -> int:
    """How many sessions the search index finds for a MATCH expression."""
    return int(
        connection.execute(
            text("SELECT count(*) FROM session_fts WHERE session_fts MATCH :match"), {"match": match}
        ).scalar_one()
    )


def index_session(connection: Connection, session: ForumSession) -> None:
    """Write (or rewrite) the search entry of one session."""
    remove_session(connection, session.id)
    people = " ".join(p.name for p in session.participants if p.name)
    organisations = " ".join(p.organisation for p in session.participants if p.organisation)
    title = " ".join(filter(None, (session.title, session.short_title, session.display_code())))
    body = " ".join(
        filter(
            None,
            (session.description, session.expected_outcomes, session.theme, session.subtheme, " ".join(session.tags)),
        )
    )
    connection.execute(
        text(
            "INSERT INTO session_fts (rowid, title, description, policy_questions, people, organisations)"
            " VALUES (:id, :title, :body, :questions, :people, :orgs)"
        ),
        {
            "id": session.id,
            "title": title,
            "body": body,
            "questions": "\n".join(session.policy_questions),
            "people": people,
            "orgs": organisations,
        },
    )


def remove_session(connection: Connection, session_id: int | None) -> None:
    if session_id is not None:
        connection.execute(text("DELETE FROM session_fts WHERE rowid = :id"), {"id": session_id})


def sessions_mentioning(connection: Connection, words: list[str]) -> list[int]:
    """The ids of the search entries holding ``words`` one after the other (a phrase)."""
    if not words:
        return []
    phrase = '"' + " ".join(word.replace('"', "") for word in words) + '"'
    return [
        int(row[0])
        for row in connection.execute(
            text("SELECT rowid FROM session_fts WHERE session_fts MATCH :phrase"), {"phrase": phrase}
        )
    ]


def optimize(connection: Connection) -> None:
    """Merge the search index into one segment.

    FTS5 does not rewrite a segment when an entry is deleted or replaced: it adds a
    note that the entry is gone, and the old words stay in the file until the
    segments are merged.  Merging them all drops what was deleted.
    """
    connection.execute(text("INSERT INTO session_fts (session_fts) VALUES ('optimize')"))
