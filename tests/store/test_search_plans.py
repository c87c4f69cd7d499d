"""A search lists the same sessions in the same order whichever way it is read.

The catalogue reads a search's page by the plan that suits how many sessions it
finds (few: looked up by id and sorted; many: the list's own order walked), and
orders the best matches of a search found nearly everywhere in two parts (the
newest matches scored first).  The limits are made small here so that a small
catalogue takes every path; each page is compared with a plain reading: every
session in the list's order, kept if FTS5 finds it.  A read can be stopped from
another thread; an interrupted read raises and leaves the catalogue as it was.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from igftui.model import ForumSession, Participant
from igftui.store import RELEVANCE, SORT_COLUMNS, Catalogue, Interruption, ReadInterrupted, SessionFilter, fulltext

WORDS = ("access", "accountability", "data", "digital", "rights", "rural", "youth", "privacy", "policy")
PEOPLE = ("Ana Lima", "Kofi Mensah", "Mei Wang", "Ana Rossi")


def session(rng: random.Random, number: int) -> ForumSession:
    # Common words in most sessions, rare ones in few: Zipf-like weights.
    def words(count: int) -> str:
        return " ".join(rng.choices(WORDS, weights=[1 / (i + 1) for i in range(len(WORDS))], k=count))

    return ForumSession(
        status=rng.choice(("catalogued", "catalogued", "draft")),
        year=rng.choice((2019, 2020, 2021, None)),
        session_type=rng.choice(("workshop", "open_forum")),
        number=rng.randint(1, 40),
        title=words(rng.randint(1, 3)).capitalize(),
        # A word in three sessions only.
        description=words(rng.randint(0, 12)) + (" ombudsman" if number % 27 == 5 else ""),
        participants=[Participant(name=rng.choice(PEOPLE), roles=["speaker"]) for _ in range(rng.randint(0, 2))],
    )


QUERIES = ("data", "acc", "a", "ru", "privacy policy", "youth rights data", "ana", "lima", "nowhere", "ombudsman")


@pytest.fixture(scope="module")
def searched_file(tmp_path_factory) -> Path:
    """The catalogue of 80 sessions, imported once for the module (most of each test's time)."""
    path = tmp_path_factory.mktemp("searched") / "catalogue.db"
    rng = random.Random(14)
    with Catalogue(path) as catalogue:
        catalogue.import_sessions(session(rng, n) for n in range(80))
    return path


@pytest.fixture
def searched(searched_file, catalogue_path, monkeypatch):
    """A catalogue of 80 sessions, a copy of its own; five matches count as many, six are
    scored at once, a search is first walked for along the first 30 of the order."""
    # Closed, the catalogue is all in its one file (SQLite folds the WAL back in).
    shutil.copyfile(searched_file, catalogue_path)
    monkeypatch.setattr(fulltext, "FEW_MATCHES", 5)
    monkeypatch.setattr(fulltext, "SCORED_AT_ONCE", 6)
    monkeypatch.setattr(fulltext, "WALKED_FIRST", 30)
    with Catalogue(catalogue_path) as catalogue:
        yield catalogue


def plainly(catalogue: Catalogue, query: str, sort: str | None, descending: bool) -> list[int]:
    """The ids the search finds in the list's order: every session in order, kept if FTS5 finds it."""
    every = [s.id for s in catalogue.list(sort=sort, descending=descending, limit=None)]
    connection = sqlite3.connect(catalogue.path)
    try:
        match = fulltext.match_expression(query)
        hits = {
            row[0] for row in connection.execute("SELECT rowid FROM session_fts WHERE session_fts MATCH ?", (match,))
        }
    finally:
        connection.close()
    return [i for i in every if i in hits]


def best_first(catalogue: Catalogue, query: str, descending: bool, scored: int) -> list[int]:
    """The ids by relevance, plainly: every match scored; the ``scored`` newest (highest ids)
    first, then the rest, each part by score then the list's order."""
    order = {i: n for n, i in enumerate(s.id for s in catalogue.list(limit=None))}
    weights = ", ".join(str(w) for w in fulltext.WEIGHTS.values())
    connection = sqlite3.connect(catalogue.path)
    try:
        scores = dict(
            connection.execute(
                f"SELECT rowid, bm25(session_fts, {weights}) FROM session_fts WHERE session_fts MATCH ?",
                (fulltext.match_expression(query),),
            ).fetchall()
        )
    finally:
        connection.close()
    newest = set(sorted(scores, reverse=True)[:scored]) if len(scores) > scored else set(scores)

    def key(i: int) -> tuple[int, float, int]:
        part = 0 if i in newest else 1
        return (-part if descending else part, -scores[i] if descending else scores[i], order[i])

    return sorted(scores, key=key)


def pages(
    catalogue: Catalogue, query: str, sort: str | None, descending: bool
) -> dict[tuple[int, int | None], list[int]]:
    """The search read in pages of several sizes, from several places."""
    read = {}
    for offset, limit in ((0, None), (0, 3), (2, 4), (4, 5), (5, 2), (6, 10), (11, 7), (40, 100)):
        listed = catalogue.list(
            SessionFilter(query=query), sort=sort, descending=descending, limit=limit, offset=offset
        )
        read[offset, limit] = [s.id for s in listed]
    return read


def sliced(ids: list[int]) -> dict[tuple[int, int | None], list[int]]:
    return {
        (offset, limit): ids[offset:] if limit is None else ids[offset : offset + limit]
        for offset, limit in ((0, None), (0, 3), (2, 4), (4, 5), (5, 2), (6, 10), (11, 7), (40, 100))
    }


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("sort", [None, *SORT_COLUMNS])
@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
def test_a_search_lists_what_a_plain_reading_lists(searched, query, sort, descending):
    expected = plainly(searched, query, sort, descending)
    assert pages(searched, query, sort, descending) == sliced(expected)


def test_the_queries_take_every_plan(searched):
    found = {query: len(plainly(searched, query, None, False)) for query in QUERIES}
    # None, a few (looked up), many (walked), and more than are scored at once.
    assert min(found.values()) == 0
    assert any(0 < n <= fulltext.FEW_MATCHES for n in found.values())
    assert any(n > 4 * fulltext.SCORED_AT_ONCE for n in found.values())


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
def test_best_matches_score_the_newest_first_when_there_are_many(searched, query, descending):
    expected = best_first(searched, query, descending, fulltext.SCORED_AT_ONCE)
    assert pages(searched, query, RELEVANCE, descending) == sliced(expected)


@pytest.mark.parametrize("query", QUERIES)
def test_best_matches_of_a_search_scored_at_once_are_all_scored(searched, query, monkeypatch):
    monkeypatch.setattr(fulltext, "SCORED_AT_ONCE", 10_000)
    expected = best_first(searched, query, False, 10_000)
    assert pages(searched, query, RELEVANCE, False) == sliced(expected)


def test_best_matches_with_other_filters_page_through_both_parts(searched):
    narrowed = SessionFilter(query="data", year=2020)
    every = [s.id for s in searched.list(narrowed, sort=RELEVANCE, limit=None)]
    assert set(every) == {s.id for s in searched.list(narrowed, limit=None)}
    assert len(every) > fulltext.SCORED_AT_ONCE
    for offset in range(len(every) + 1):
        assert [s.id for s in searched.list(narrowed, sort=RELEVANCE, limit=3, offset=offset)] == every[offset:][:3]


def test_an_interrupted_read_raises_and_the_next_reads_normally(searched):
    interruption = Interruption()
    interruption.interrupt()
    with pytest.raises(ReadInterrupted):
        searched.list(SessionFilter(query="data"), interruption=interruption)
    with pytest.raises(ReadInterrupted):
        searched.count(SessionFilter(query="data"), interruption=interruption)
    # The connection it would have used is not left interrupted.
    assert searched.list(SessionFilter(query="data"), interruption=Interruption())
    assert searched.count(SessionFilter(query="data"), interruption=Interruption()) > 0


def test_an_interruption_stops_a_statement_while_it_runs(tmp_path):
    interruption = Interruption()
    connection = sqlite3.connect(tmp_path / "slow.db")
    # A statement that would run for long: it interrupts itself after a thousand rows,
    # as another thread's interrupt() would.
    seen = []

    def step() -> int:
        seen.append(1)
        if len(seen) == 1000:
            interruption.interrupt()
        return 1

    connection.create_function("step", 0, step)
    slow = (
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000000) SELECT sum(step()) FROM n"
    )
    with pytest.raises(ReadInterrupted), interruption.reading(connection):
        connection.execute(slow).fetchall()
    assert len(seen) < 10_000
    # The connection answers again.
    assert connection.execute("SELECT 1").fetchone() == (1,)
    connection.close()


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("sort", [None, "title"])
def test_a_search_with_other_filters_lists_what_a_plain_reading_lists(searched, query, sort):
    narrowed = SessionFilter(query=query, status="catalogued", session_type="workshop")
    every = [
        s.id for s in searched.list(SessionFilter(status="catalogued", session_type="workshop"), sort=sort, limit=None)
    ]
    expected = [i for i in plainly(searched, query, sort, False) if i in set(every)]
    for offset, limit in ((0, None), (0, 3), (2, 4), (5, 2), (11, 7)):
        listed = searched.list(narrowed, sort=sort, limit=limit, offset=offset)
        assert [s.id for s in listed] == (expected[offset:] if limit is None else expected[offset : offset + limit])
