"""Full-text search over the catalogue with SQLite FTS5.

What a user types is never handed to FTS5 as query syntax: quotes, colons or a
stray ``AND`` would be errors or surprises.  Each word becomes a quoted prefix
term, and all of them must match.

The index keeps no copy of the text it indexes (it is an external-content FTS5
table over the view ``session_text``): triggers on the session table write,
rewrite and take out each session's entry (see ``igftui.store.schema``).  Rowid
is the session id.
"""

from __future__ import annotations

from sqlalchemy import Connection, Float, Integer, Subquery, TextClause, column, text

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


def count_matches(connection: Connection, match: str, *, at_most: int | None = None) -> int:
    """How many sessions the search index finds for a MATCH expression.

    With ``at_most`` it stops after ``at_most + 1`` of them: a word found in most of
    a large catalogue costs FTS5 hundreds of milliseconds to count to the end.
    """
    if at_most is None:
        statement = text("SELECT count(*) FROM session_fts WHERE session_fts MATCH :match")
    else:
        statement = text(
            "SELECT count(*) FROM (SELECT 1 FROM session_fts WHERE session_fts MATCH :match LIMIT :enough)"
        ).bindparams(enough=max(at_most, 0) + 1)
    return int(connection.execute(statement, {"match": match}).scalar_one())


#: How much a word counts in each column of the search entry, for bm25: a word of the
#: title says most what the session is about, then the people in it.
WEIGHTS = {"title": 10.0, "description": 1.0, "policy_questions": 2.0, "people": 5.0, "organisations": 2.0}


def best_matches(match: str) -> Subquery:
    """The sessions matching ``match`` (column ``id``) with how well they match (``score``,
    lowest first: FTS5's bm25 is negative, the better the match the lower)."""
    weights = ", ".join(str(weight) for weight in WEIGHTS.values())
    return (
        text(
            f"SELECT rowid AS id, bm25(session_fts, {weights}) AS score FROM session_fts WHERE session_fts MATCH :match"
        )
        .bindparams(match=match)
        .columns(column("id", Integer), column("score", Float))
        .subquery("best_match")
    )


def rebuild(connection: Connection) -> None:
    """Write the whole search index afresh from the stored sessions.

    An entry is taken out of the index with the text it was indexed with (FTS5's
    'delete' command), which the triggers compute from the stored document; if the
    index ever disagrees with the documents (a file written by hand, a bug), only a
    rebuild brings it back in step.
    """
    connection.execute(text("INSERT INTO session_fts (session_fts) VALUES ('rebuild')"))


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
