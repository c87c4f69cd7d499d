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

import json

from sqlalchemy import Connection, Float, Integer, Subquery, TextClause, column, text

from igftui.store.listing import search_terms


def match_expression(query: str | None) -> str | None:
    """An FTS5 MATCH expression for what the user typed, or None when there is nothing to find."""
    words = search_terms(query)
    if not words:
        return None
    return " AND ".join(f'"{word}"*' for word in words)


#: A search that finds at most this many sessions has them looked up by id and
#: sorted; one that finds more is listed by walking the list's own order.  At
#: 100,000 sessions two thousand look-ups and their sort take about 3 ms, and a word
#: found in more than two thousand sessions fills a page within the first few
#: thousand of the order (about 10 ms).
FEW_MATCHES = 2_000


#: How far along the list's order a search is first walked for its page: a search
#: found in more than about 2% of the sessions fills a page of 200 within the first
#: 10,000 (about 2 ms at 100,000 sessions, and its matches are gathered only once,
#: where counting them first would gather them twice: 6 to 10 ms more for a common
#: word).  One that does not is then counted up to :data:`FEW_MATCHES`.
WALKED_FIRST = 10_000


def few_matches(connection: Connection, match: str, *, at_most: int | None = None) -> list[int] | None:
    """The ids of the sessions matching ``match`` when there are at most ``at_most``, else None.

    Reads at most ``at_most + 1`` matches: a word found in most of the catalogue
    stops the look at once.  ``at_most`` is :data:`FEW_MATCHES` unless given.
    """
    at_most = FEW_MATCHES if at_most is None else at_most
    # One row holding them all: a row at a time, the reading thread would wait for
    # Python's lock once per row while the UI thread draws (a thousand waits).
    found = connection.execute(
        text(
            "SELECT json_group_array(rowid) FROM"
            " (SELECT rowid FROM session_fts WHERE session_fts MATCH :match LIMIT :enough)"
        ),
        {"match": match, "enough": at_most + 1},
    ).scalar_one()
    ids: list[int] = json.loads(found)
    return ids if len(ids) <= at_most else None


def among_sessions(ids: list[int]) -> TextClause:
    """A WHERE clause for the sessions with these ids (the matches :func:`few_matches` found).

    Without the unary ``+`` of :func:`matching_sessions`, SQLite looks each one up by
    id and sorts the few it finds, instead of walking the whole order for them: a
    word found in 100 sessions is listed in about 1 ms instead of 40, a word found in
    none at once instead of one pass over the index.
    """
    return text("session.id IN (SELECT value FROM json_each(:ids))").bindparams(ids=json.dumps(ids))


def matching_sessions(match: str, *, ids: str = "session.id") -> TextClause:
    """A WHERE clause for the sessions whose search entry matches ``match``.

    The unary ``+`` keeps SQLite from looking each match up by id and then
    sorting them all: it walks the list's own index in the order the page is
    shown and stops when the page is full.  A word that matches most of a
    100,000-session catalogue then costs about 20 ms instead of 150; a word that
    matches few sessions is better looked up (:func:`few_matches`).  ``ids`` names
    the column of session ids it is about (``session.id`` unless given).
    """
    return text(f"+{ids} IN (SELECT rowid FROM session_fts WHERE session_fts MATCH :match)").bindparams(match=match)


def quickly_checked(query: str | None) -> bool:
    """Whether each session can be checked against ``query`` on its own in a few
    microseconds: every word is one or two letters, which the index holds lists for.

    A longer word is a prefix FTS5 gathers from every word it begins (``priv``:
    privacy, private…) each time it is asked, so asked once per session it costs a
    thousand times more; :func:`matching_sessions` gathers them once.
    """
    words = search_terms(query)
    return bool(words) and all(len(word) <= 2 for word in words)


def each_matching(match: str) -> TextClause:
    """A WHERE clause that asks the search index about each session as the list's order
    is walked (for queries :func:`quickly_checked`).

    The walk stops when the page is full, so a letter found in nearly every session
    is listed without gathering its 100,000 matches first (about 30 ms -> 14 ms at
    100,000 sessions).
    """
    return text(
        "EXISTS (SELECT 1 FROM session_fts WHERE session_fts MATCH :match AND session_fts.rowid = session.id)"
    ).bindparams(match=match)


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


#: A search matching more sessions than this is ordered by relevance in two parts:
#: the this many newest matches (the highest ids: the sessions last added) best
#: first, then the older ones best first.  FTS5 scores a match in about 1.5
#: microseconds plus a look-up of its length: scoring all 99,000 matches of a word
#: found in nearly every session of 100,000 cost about 300 ms before the first page
#: could show, scoring 2,000 of them about 20 ms.  Such a word says little about
#: which session is best (bm25 gives a word found nearly everywhere almost no
#: weight), and the sessions added last are the ones most often looked for.
#: With at most this many matches the order is bm25 over all of them.
SCORED_AT_ONCE = 2_000


def newest_scored(connection: Connection, match: str, *, scored: int | None = None) -> int | None:
    """The lowest id among the ``scored`` newest matches of ``match``, or None when
    there are no more than ``scored`` (:data:`SCORED_AT_ONCE` unless given) matches:
    all are scored together."""
    scored = SCORED_AT_ONCE if scored is None else scored
    row = connection.execute(
        text("SELECT rowid FROM session_fts WHERE session_fts MATCH :match ORDER BY rowid DESC LIMIT 1 OFFSET :scored"),
        {"match": match, "scored": scored},
    ).first()
    if row is None:
        return None
    # The match after the newest ``scored`` is older than all of them: they are those above it.
    return int(row[0]) + 1


def best_matches(match: str, *, from_id: int | None = None, below_id: int | None = None) -> Subquery:
    """The sessions matching ``match`` (column ``id``) with how well they match (``score``,
    lowest first: FTS5's bm25 is negative, the better the match the lower).

    ``from_id`` and ``below_id`` keep to the matches with ids in that range; FTS5
    scores only those (each score still weighs every word by how many of all the
    sessions hold it).
    """
    weights = ", ".join(str(weight) for weight in WEIGHTS.values())
    sql = f"SELECT rowid AS id, bm25(session_fts, {weights}) AS score FROM session_fts WHERE session_fts MATCH :match"
    bounds: dict[str, int] = {}
    if from_id is not None:
        sql += " AND rowid >= :from_id"
        bounds["from_id"] = from_id
    if below_id is not None:
        sql += " AND rowid < :below_id"
        bounds["below_id"] = below_id
    return (
        text(sql)
        .bindparams(match=match, **bounds)
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
