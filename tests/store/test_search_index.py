"""The search index: no second copy of the text, always in step, best matches first, counts that stop.

The index is an external-content FTS5 table: it holds the words, and reads the text
from the sessions' documents when it needs it.  Triggers take an entry out with the
text it went in with; if that ever went wrong, the entry would stay findable by its
old words, or FTS5's own integrity check would fail.  These tests edit sessions in
every way the catalogue offers and look for exactly that.
"""

from __future__ import annotations

import random
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from igftui.model import ForumSession, Participant
from igftui.store import RELEVANCE, SORT_COLUMNS, SORT_ORDERS, Catalogue, SessionFilter

# Made-up words: each is in no other session, so a search for it finds one session or none.
SYLLABLES = ("ka", "lo", "mi", "ru", "te", "so", "vu", "zi")


def made_up_word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(5))


def workshop(number: int, title: str, year: int = 2018, **extra) -> ForumSession:
    return ForumSession(status="catalogued", year=year, session_type="workshop", number=number, title=title, **extra)


def draft(title: str, **extra) -> ForumSession:
    return ForumSession(status="draft", year=2025, title=title, **extra)


def index_is_whole(path: Path) -> None:
    """FTS5 checks its index against the text it reads from the sessions (raises if they differ)."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("INSERT INTO session_fts (session_fts, rank) VALUES ('integrity-check', 1)")
        # One entry per session, none for a session that is gone.
        assert (
            connection.execute("SELECT count(*) FROM session_fts_docsize").fetchone()
            == connection.execute("SELECT count(*) FROM session").fetchone()
        )
    finally:
        connection.close()


def found(catalogue: Catalogue, word: str) -> set[int]:
    return {s.id for s in catalogue.list(SessionFilter(query=word), limit=None)}


def test_the_file_keeps_no_second_copy_of_the_text(catalogue):
    catalogue.add(workshop(1, "Quilombola connectivity", description="Community networks in the Amazon"))
    connection = sqlite3.connect(catalogue.path)
    try:
        tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        # A plain FTS5 table keeps its text in session_fts_content; this one reads the documents.
        assert "session_fts_content" not in tables
        assert {"session_fts", "session_fts_data", "session_fts_docsize"} <= tables
        # What the index reads is the session's text, from its document.
        row = connection.execute("SELECT title, description FROM session_text").fetchone()
        assert "Quilombola connectivity" in row[0] and "Community networks in the Amazon" in row[1]
    finally:
        connection.close()
    assert found(catalogue, "amazon") == found(catalogue, "quilombola") != set()


def test_every_field_searched_is_found_and_only_the_last_words_are(catalogue):
    session = catalogue.add(
        workshop(
            1,
            "Old title",
            short_title="Oldshort",
            theme="Oldtheme",
            subtheme="Oldsub",
            tags=["oldtag", "two words"],
            description="Olddescription",
            expected_outcomes="Oldoutcome",
            policy_questions=["Oldquestion one?", "Oldquestion two?"],
            participants=[Participant(name="Olga Oldname", organisation="Oldorg", roles=["speaker"])],
        )
    )
    old_words = ["old", "oldshort", "oldtheme", "oldsub", "oldtag", "olddescription", "oldoutcome"]
    old_words += ["oldquestion", "oldname", "oldorg", "WS 1"]
    for word in old_words:
        assert found(catalogue, word) == {session.id}, word
    changed = session.model_copy(
        update={
            "title": "New title",
            "number": 2,
            "code": None,
            "short_title": "Newshort",
            "theme": "Newtheme",
            "subtheme": "Newsub",
            "tags": ["newtag"],
            "description": "Newdescription",
            "expected_outcomes": "Newoutcome",
            "policy_questions": ["Newquestion?"],
            "participants": [Participant(name="Nina Newname", organisation="Neworg", roles=["speaker"])],
        }
    )
    catalogue.update(changed)
    for word in [w for w in old_words if w != "WS 1"]:
        assert found(catalogue, word) == set(), word
    for word in ["new", "newshort", "newtheme", "newsub", "newtag", "newdescription", "newoutcome", "newquestion"]:
        assert found(catalogue, word) == {session.id}, word
    assert found(catalogue, "newname") == found(catalogue, "neworg") == {session.id}
    assert found(catalogue, "WS 2") == {session.id}
    index_is_whole(catalogue.path)


def test_after_many_edits_each_session_is_found_by_its_words_of_now_only(catalogue):
    # Adds, edits, imports over a stored session, deletes, drafts deleted and brought
    # back, duplicates: after each round, every word ever used finds exactly the
    # sessions whose text holds it now.
    rng = random.Random(14)
    words_of: dict[int, set[str]] = {}
    ever: set[str] = set()

    def text_for(words: list[str]) -> dict:
        return {
            "description": " ".join(words[:2]),
            "policy_questions": [words[2] + "?"],
            "participants": [Participant(name=f"Ana {words[3]}", organisation=words[4], roles=["speaker"])],
        }

    def fresh() -> list[str]:
        words = [made_up_word(rng) for _ in range(6)]
        ever.update(words)
        return words

    for round_ in range(6):
        for _ in range(8):
            words = fresh()
            stored = catalogue.add(draft(words[5], **text_for(words)))
            words_of[stored.id] = set(words)
        ids = sorted(words_of)
        for session_id in rng.sample(ids, 5):
            words = fresh()
            catalogue.update(catalogue.get(session_id).model_copy(update={"title": words[5], **text_for(words)}))
            words_of[session_id] = set(words)
        for session_id in rng.sample(sorted(words_of), 2):
            catalogue.delete(session_id)
            del words_of[session_id]
        victim = rng.choice(sorted(i for i in words_of if catalogue.get(i).status == "draft"))
        gone = catalogue.delete_draft(victim)
        back = catalogue.undelete(gone.uid)
        words_of[back.id] = words_of.pop(victim)
        copy = catalogue.duplicate(rng.choice(sorted(words_of)))
        words_of[copy.id] = set(catalogue_words(catalogue.get(copy.id)))
        ever.update(words_of[copy.id])
        # An import of a catalogued session over itself, with new text.
        words = fresh()
        imported = catalogue.import_sessions([workshop(100 + round_, words[5], **text_for(words))])[0].session
        words = fresh()
        catalogue.import_sessions([workshop(100 + round_, words[5], **text_for(words))])
        words_of[imported.id] = set(catalogue_words(catalogue.get(imported.id)))
        ever.update(words_of[imported.id])
        for word in ever:
            assert found(catalogue, word) == {i for i, words in words_of.items() if word in words}, (round_, word)
        index_is_whole(catalogue.path)


def catalogue_words(session: ForumSession) -> list[str]:
    """The made-up words in a session's text (the test's own words, nothing else)."""
    text = " ".join(
        filter(
            None,
            [
                session.title,
                session.description,
                *session.policy_questions,
                *(p.name for p in session.participants),
                *(p.organisation for p in session.participants),
            ],
        )
    )
    return [w for w in re.findall(r"\w+", text.lower()) if len(w) == 10 and set(w[::2]) <= set("klmrtsvz")]


def test_forget_rebuilds_an_entry_no_session_stands_behind(catalogue):
    catalogue.add(workshop(1, "Safety", participants=[Participant(name="Zeynep Kowalczyk", roles=["speaker"])]))
    # A stray entry with her name (a file written by another tool, an old bug): its
    # text is nowhere to take it out with, so the whole index is written afresh.
    connection = sqlite3.connect(catalogue.path)
    try:
        connection.execute("INSERT INTO session_fts (rowid, people) VALUES (999, 'Zeynep Kowalczyk')")
        connection.commit()
    finally:
        connection.close()
    catalogue.forget("Zeynep Kowalczyk")
    connection = sqlite3.connect(catalogue.path)
    try:
        connection.execute("CREATE VIRTUAL TABLE temp.words USING fts5vocab(main, session_fts, 'row')")
        terms = {term for (term,) in connection.execute("SELECT term FROM temp.words")}
    finally:
        connection.close()
    assert "safety" in terms and not {"zeynep", "kowalczyk"} & terms
    index_is_whole(catalogue.path)


def test_relevance_puts_the_title_first(catalogue):
    # Sessions of the same length (FTS5's bm25 favours short ones): the word once in the
    # title beats it in a speaker's name, which beats it three times in the description,
    # which beats it once there.
    filler = "what the session is about in a few plain words " * 3

    def described(number: int, title: str, words: str, year: int, **extra) -> ForumSession:
        return workshop(number, title, year=year, description=f"{words} {filler}", **extra)

    body = catalogue.add(described(1, "Open standards", "privacy privacy privacy", 2018))
    title = catalogue.add(described(2, "Privacy at home", "open access network", 2010))
    someone = [Participant(name="Ana Privacy", roles=["speaker"])]
    people = catalogue.add(described(3, "Connectivity", "open", 2005, participants=someone))
    mention = catalogue.add(described(5, "Access", "privacy once again", 2004))
    catalogue.import_sessions(workshop(n, f"Unrelated {n}") for n in range(10, 20))
    search = SessionFilter(query="privacy")
    by_relevance = [s.id for s in catalogue.list(search, sort=RELEVANCE)]
    assert by_relevance == [title.id, people.id, body.id, mention.id]
    # The column sorts are as they were: newest year first.
    assert [s.id for s in catalogue.list(search)] == [body.id, title.id, people.id, mention.id]
    assert [s.id for s in catalogue.list(search, sort=RELEVANCE, descending=True)] == by_relevance[::-1]
    # Paged, with other filters.
    assert [s.id for s in catalogue.list(search, sort=RELEVANCE, limit=2, offset=1)] == by_relevance[1:3]
    narrowed = SessionFilter(query="privacy", year=2018)
    assert [s.id for s in catalogue.list(narrowed, sort=RELEVANCE)] == [body.id]
    # Every word must match, as in any search.
    assert [s.id for s in catalogue.list(SessionFilter(query="privacy home"), sort=RELEVANCE)] == [title.id]


def test_relevance_without_a_search_is_the_default_order(catalogue):
    catalogue.import_sessions(workshop(n, f"Session {n}", year=2000 + n % 7) for n in range(1, 30))
    assert catalogue.list(sort=RELEVANCE) == catalogue.list()
    assert catalogue.list(SessionFilter(year=2003), sort=RELEVANCE) == catalogue.list(SessionFilter(year=2003))
    assert catalogue.list(SessionFilter(query="  "), sort=RELEVANCE) == catalogue.list()


def test_the_orders_are_the_columns_and_relevance():
    assert (*SORT_COLUMNS, RELEVANCE) == SORT_ORDERS
    # The columns stay columns: a list header sorts by each of them.
    assert RELEVANCE not in SORT_COLUMNS


@pytest.mark.parametrize(
    "filters",
    [
        SessionFilter(),
        SessionFilter(query="privacy"),
        SessionFilter(query="priv sess"),
        SessionFilter(query="privacy", year=2019),
        SessionFilter(year=2019),
        SessionFilter(query="nowhere"),
    ],
    ids=["all", "search", "two words", "search and year", "year", "nothing"],
)
def test_a_count_can_stop_early_and_says_when_it_did(catalogue, filters):
    catalogue.import_sessions(
        workshop(n, f"Session {n}" + (" on privacy" if n % 3 else ""), year=2018 + n % 2) for n in range(1, 61)
    )
    exact = catalogue.count(filters)
    assert exact == len(catalogue.list(filters, limit=None))
    for at_most in (0, 1, exact - 1, exact, exact + 1, 1000):
        if at_most < 0:
            continue
        capped = catalogue.count(filters, at_most=at_most)
        # The exact number when it is at most at_most, else one more: "more than at_most".
        assert capped == min(exact, at_most + 1), at_most


@pytest.mark.parametrize("version", [1, 2, 3])
def test_an_older_catalogue_gets_the_new_index_whole(tmp_path, version):
    path = tmp_path / "catalogue.db"
    shutil.copyfile(Path(__file__).parent / "catalogues" / f"v{version}.db", path)
    path.chmod(0o600)
    with Catalogue(path) as catalogue:
        summary = catalogue.list(limit=1)[0]
        session = catalogue.get(summary.id)
        index_is_whole(path)
        word = made_up_word(random.Random(version))
        assert found(catalogue, word) == set()
        catalogue.update(session.model_copy(update={"description": word}))
        assert found(catalogue, word) == {session.id}
        catalogue.delete(session.id)
        assert found(catalogue, word) == set()
        index_is_whole(path)


def test_one_or_two_letters_find_every_word_they_begin(catalogue):
    # What the search box holds after one or two keys is looked up in the index's own
    # lists of first letters: they must find what a longer prefix would.
    zoe = catalogue.add(workshop(1, "Data justice", participants=[Participant(name="Zoë Élan", roles=["speaker"])]))
    zine = catalogue.add(workshop(2, "Zines and zealots"))
    catalogue.add(workshop(3, "Encryption"))
    assert found(catalogue, "z") == found(catalogue, "Z") == {zoe.id, zine.id}
    assert found(catalogue, "zo") == {zoe.id}
    assert found(catalogue, "ze") == {zine.id}
    assert found(catalogue, "e") == found(catalogue, "é") == {zoe.id, 3}
    assert found(catalogue, "el") == {zoe.id}
    assert catalogue.count(SessionFilter(query="z"), at_most=1) == 2
    zoe_gone = catalogue.get(zoe.id).model_copy(update={"participants": []})
    catalogue.update(zoe_gone)
    assert found(catalogue, "z") == {zine.id}
    assert found(catalogue, "el") == set()
    index_is_whole(catalogue.path)
