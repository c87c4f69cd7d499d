"""Sessions like a given one, and the pairs of a year's sessions most alike (the reading side).

Two steps, so that a catalogue of 100,000 sessions answers in well under the
pause after typing:

1. **Candidates** from the search index: the given text's most distinctive words
   (see :func:`igftui.model.similarity.distinctive_words`), any of them, best
   first by FTS5's bm25.  Only sessions sharing a rare word with the text can be
   much like it.
2. **Scores** over the candidates: the cosine of their TF-IDF vectors
   (:mod:`igftui.model.similarity`), with each word's document frequency read
   from the index's vocabulary (FTS5's ``fts5vocab``, a table of the connection's
   own temporary schema: nothing is written to the catalogue).

Document frequencies are remembered between questions (:class:`WordCounts`): the
editor asks after each pause in typing, and a word's count changes little from
one save to the next.
"""

from __future__ import annotations

import heapq
import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection

from igftui.model import similarity
from igftui.model.similarity import Profile, Vector
from igftui.store.listing import SessionSummary, SimilarPair, SimilarSession

#: How many sessions the search index proposes for scoring: enough that the best ten
#: by cosine are among them (bm25 and the cosine mostly agree on the best).
CANDIDATES = 40

#: How many of the text's heaviest terms the candidates are looked up by.
LOOKUP_TERMS = 12

#: A term found in more than this share of a year's sessions (or :data:`FEW_HOLDERS`,
#: whichever is more) does not pair them up for :func:`overlaps`: two proposals worth
#: merging share words few others use, and a common word would pair most of the year
#: (4,762 sessions compared 1.9 million times, 45 s).  It still counts in the score of
#: the pairs rarer terms found.
COMMON_SHARE = 0.01
FEW_HOLDERS = 10

#: How much of a pair's threshold its rare terms must make up for :func:`overlaps` to
#: compute its whole cosine.
RARE_PART = 0.5

#: How many sessions' vectors are remembered before they are all forgotten at once.
REMEMBERED_SESSIONS = 20_000

#: The line of the text compared, which is never listed (it may be a draft not yet saved).
_UNSAVED = SessionSummary(0, None, None, None, None, None, "draft")

_VOCABULARY = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.session_words USING fts5vocab(main, session_fts, row)"


@dataclass(frozen=True)
class SessionText:
    """What a session says about its topic, with the line that names it."""

    summary: SessionSummary
    profile: Profile
    #: (id, version): what its vector is remembered by.
    key: tuple[int, int] | None = None


def _raw(connection: Connection) -> sqlite3.Connection:
    from igftui.store.revisions import driver

    return driver(connection)


@dataclass
class WordCounts:
    """How many sessions hold each word, as the search index counts them, remembered.

    Forgotten when the catalogue has grown or shrunk by more than a fiftieth since
    they were read: a count a few sessions off changes no score that matters.
    """

    total: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    #: (session id, version) -> the session's profile and its vector at ``total``: the
    #: editor asks again after each pause, and finds mostly the same sessions.
    vectors: dict[tuple[int, int], tuple[Profile, int, Vector | None]] = field(default_factory=dict)
    #: The editor's checks and its list of similar sessions ask from two workers at once.
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def refresh(self, connection: Connection) -> int:
        """Count the catalogue's sessions again (forgetting the words' counts if it changed
        much) and return the count."""
        total = int(_raw(connection).execute("SELECT count(*) FROM session").fetchone()[0])
        with self._lock:
            if abs(total - self.total) > max(1, self.total // 50):
                self.counts.clear()
            if total != self.total or len(self.vectors) > REMEMBERED_SESSIONS:
                self.vectors.clear()
            self.total = total
        return total

    def of(self, connection: Connection, words: Iterable[str]) -> dict[str, int]:
        """How many sessions hold each of ``words``."""
        wanted = set(words)
        with self._lock:
            missing = [word for word in wanted if word not in self.counts]
            if missing:
                raw = _raw(connection)
                raw.execute(_VOCABULARY)
                # One look-up a word: fts5vocab finds `term = ?` at once but walks the whole
                # vocabulary for `term IN (...)`.
                for word in missing:
                    row = raw.execute("SELECT doc FROM temp.session_words WHERE term = ?", (word,)).fetchone()
                    self.counts[word] = int(row[0]) if row else 0
            return {word: self.counts[word] for word in wanted}


def _summaries_and_texts(
    raw: sqlite3.Connection,
    counts: WordCounts,
    where: str,
    parameters: Sequence[object],
    progress: Callable[[int], None] | None = None,
) -> list[SessionText]:
    rows = raw.execute(
        "SELECT id, code, year, session_type, title, format, status, version,"
        " json_extract(document, '$.policy_questions'), json_extract(document, '$.description'),"
        f" json_extract(document, '$.expected_outcomes') FROM session WHERE {where}",
        parameters,
    )
    texts: list[SessionText] = []
    for row in rows:
        if progress is not None:
            progress(len(texts))
        summary = SessionSummary(*row[:7])
        key = (summary.id, row[7])
        remembered = counts.vectors.get(key)
        if remembered is not None:
            texts.append(SessionText(summary, remembered[0], key))
            continue
        questions = json.loads(row[8]) if row[8] else []
        made = similarity.profile(summary.title, [q for q in questions if isinstance(q, str)], row[9], row[10])
        counts.vectors[key] = (made, 0, None)
        texts.append(SessionText(summary, made, key))
    return texts


def _texts_by_id(connection: Connection, counts: WordCounts, ids: list[int]) -> list[SessionText]:
    if not ids:
        return []
    return _summaries_and_texts(_raw(connection), counts, "id IN (SELECT value FROM json_each(?))", [json.dumps(ids)])


def _candidates(connection: Connection, words: list[str], *, year: int | None, limit: int) -> list[int]:
    if not words:
        return []
    match = " OR ".join(f'"{word}"' for word in words)
    if year is None:
        sql = "SELECT rowid FROM session_fts WHERE session_fts MATCH ? ORDER BY bm25(session_fts) LIMIT ?"
        parameters: list[object] = [match, limit]
    else:
        # Every match scored first, then kept to the year by its row (CROSS JOIN keeps that
        # order): asked "rowid IN (that year's ids)", SQLite walked the year's ids through
        # the index one by one, 1.3 s at 100,000 sessions against 20 ms this way.
        sql = (
            "SELECT found.rowid FROM (SELECT rowid, bm25(session_fts) AS score FROM session_fts"
            " WHERE session_fts MATCH ?) AS found CROSS JOIN session ON session.id = found.rowid"
            " WHERE session.year = ? ORDER BY found.score LIMIT ?"
        )
        parameters = [match, year, limit]
    return [int(row[0]) for row in _raw(connection).execute(sql, parameters)]


def _vectors(connection: Connection, counts: WordCounts, total: int, texts: Sequence[SessionText]) -> list[Vector]:
    """The vectors of ``texts`` with the catalogue's counts of their words (``total`` sessions)."""
    vectors: list[Vector | None] = []
    missing: list[int] = []
    for index, text in enumerate(texts):
        remembered = counts.vectors.get(text.key) if text.key is not None else None
        if remembered is not None and remembered[1] == total and remembered[2] is not None:
            vectors.append(remembered[2])
        else:
            vectors.append(None)
            missing.append(index)
    if missing:
        known = counts.of(connection, (word for index in missing for word in texts[index].profile.all_words))
        for index in missing:
            text = texts[index]
            made = similarity.vector(text.profile, similarity.stem_frequencies(text.profile, known, total), total)
            vectors[index] = made
            if text.key is not None:
                counts.vectors[text.key] = (text.profile, total, made)
    return [vector for vector in vectors if vector is not None]


def similar_to(
    connection: Connection,
    counts: WordCounts,
    made: Profile,
    *,
    own_id: int | None = None,
    year: int | None = None,
    limit: int = 10,
) -> list[SimilarSession]:
    """The ``limit`` sessions most like the text ``made``, best first, without the session ``own_id``."""
    if not made or limit <= 0:
        return []
    total = counts.refresh(connection)
    known = counts.of(connection, made.all_words)
    frequencies = similarity.stem_frequencies(made, known, total)
    # A stored session's own words are counted once for it: held by it alone, they find nothing else.
    lookup = similarity.distinctive_words(
        made, frequencies, total, LOOKUP_TERMS, held_by_more_than=1 if own_id is not None else 0
    )
    ids = [found for found in _candidates(connection, lookup, year=year, limit=CANDIDATES + 1) if found != own_id]
    texts = _texts_by_id(connection, counts, ids)
    mine, *theirs = _vectors(connection, counts, total, [SessionText(_UNSAVED, made), *texts])
    scored = []
    for text, other in zip(texts, theirs, strict=True):
        score = similarity.likeness(mine, other)
        if score > 0:
            scored.append(SimilarSession(text.summary, round(score, 4), similarity.shared_terms(mine, other)))
    return heapq.nsmallest(limit, scored, key=lambda found: (-found.score, found.summary.id))


def overlaps(
    connection: Connection,
    counts: WordCounts,
    year: int,
    *,
    threshold: float,
    progress: Callable[[int, int], None] | None = None,
) -> list[SimilarPair]:
    """Every pair of ``year``'s sessions scoring at least ``threshold``, most alike first.

    Pairs are found by the rare terms they share (held by at most :data:`COMMON_SHARE`
    of the year, or :data:`FEW_HOLDERS` sessions): their part of the cosine is summed
    for every pair at once, along each rare term's list of sessions, and only pairs
    whose rare part reaches :data:`RARE_PART` of the threshold get their whole cosine.
    Proposals worth merging share words few others use; a pair alike only by common
    words is not what a committee merges.
    """
    total = counts.refresh(connection)
    raw = _raw(connection)
    size = int(raw.execute("SELECT count(*) FROM session WHERE year = ?", [year]).fetchone()[0])
    # Reading each session's words is half the work, comparing them the other half.
    steps = 2 * size

    def read(done: int) -> None:
        if progress is not None:
            progress(done, steps)

    texts = _summaries_and_texts(raw, counts, "year = ?", [year], read)
    vectors = _vectors(connection, counts, total, texts)
    holders: dict[str, list[int]] = {}
    for index, vector in enumerate(vectors):
        for term in vector.weights:
            holders.setdefault(term, []).append(index)
    common = max(FEW_HOLDERS, int(len(texts) * COMMON_SHARE))
    rare = {term: held for term, held in holders.items() if 1 < len(held) <= common}
    floor = threshold * RARE_PART
    pairs: list[SimilarPair] = []
    for index, vector in enumerate(vectors):
        if progress is not None:
            progress(len(texts) + index, len(texts) * 2)
        # The rare part of this session's cosine with each later session.
        rare_part: dict[int, float] = {}
        for term, weight in vector.weights.items():
            for other in rare.get(term, ()):
                if other > index:
                    rare_part[other] = rare_part.get(other, 0.0) + weight * vectors[other].weights[term]
        for other, part in rare_part.items():
            if part < floor:
                continue
            score = similarity.likeness(vector, vectors[other])
            if score >= threshold and score > 0:
                pairs.append(
                    SimilarPair(
                        texts[index].summary,
                        texts[other].summary,
                        round(score, 4),
                        similarity.shared_terms(vector, vectors[other]),
                    )
                )
    if progress is not None:
        progress(len(texts) * 2, len(texts) * 2)
    pairs.sort(key=lambda pair: (-pair.score, pair.first.id, pair.second.id))
    return pairs
