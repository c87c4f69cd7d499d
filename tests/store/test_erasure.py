"""Forgetting a person: nothing of them left in any byte of the catalogue, everyone else kept."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from igftui.model import AgendaItem, ForumSession, Participant
from igftui.store import Catalogue, CatalogueError, SessionFilter
from igftui.store.erasure import EMAIL_REMOVED, NAME_REMOVED, NameFinder, erase_from_document

NAME = "Zeynep Kowalczyk-Ntuli"
EMAIL = "zeynep.k@example.org"
#: Every form of the person that may be stored, and the words the search index holds.
FORMS = [
    NAME,
    "Zéynep  KOWALCZYK ntuli",
    "zeynep kowalczyk ntuli",
    "Zeynep",
    "Zéynep",
    "Kowalczyk",
    "kowalczyk",
    "KOWALCZYK",
    "Ntuli",
    "ntuli",
    EMAIL,
    "Digital Shield Collective",
    "Valparaíso",
]


def zeynep(**extra) -> Participant:
    values = dict(
        name=NAME,
        organisation="Digital Shield Collective",
        country="Valparaíso",
        stakeholder_group="civil_society",
        region="grulac",
        roles=["speaker", "organizer"],
        gender="woman",
        email=EMAIL,
    )
    values.update(extra)
    return Participant(**values)


def ana() -> Participant:
    return Participant(
        name="Ana Souza",
        organisation="Coding Rights",
        stakeholder_group="civil_society",
        region="grulac",
        roles=["speaker"],
        email="ana@example.org",
        gender="woman",
    )


@pytest.fixture
def stored(catalogue):
    """The person in three sessions (one deleted, one edited twice), written in several forms."""
    first = catalogue.add(
        ForumSession(
            status="catalogued",
            year=2019,
            session_type="workshop",
            number=12,
            title="Safety online",
            description=f"Moderated by {NAME}. Write to {EMAIL.upper()} to take part.",
            participants=[zeynep(), ana()],
            agenda=[AgendaItem(title="Opening by ZEYNEP KOWALCZYK NTULI", minutes=10)],
            private_notes="ask zéynep kowalczyk-ntuli about travel",
        )
    )
    draft = catalogue.add(ForumSession(title="A draft", participants=[zeynep(name="Zéynep  KOWALCZYK ntuli")]))
    draft.title = "A draft, renamed"
    draft = catalogue.update(draft)
    draft.description = "Kowalczyk-Ntuli, Zeynep wrote this part"  # her name turned round
    draft = catalogue.update(draft)
    gone = catalogue.add(ForumSession(title="Deleted later", participants=[zeynep(name="zeynep kowalczyk ntuli")]))
    catalogue.delete(gone.id)
    other = catalogue.add(
        ForumSession(title="Without her", participants=[ana()], description="Ana Souza on encryption")
    )
    return first, draft, gone, other


def raw_bytes(path: Path) -> bytes:
    """Every byte of the catalogue file and its journals, as they are on disk."""
    data = b""
    for suffix in ("", "-wal", "-journal"):
        part = path.with_name(path.name + suffix)
        if part.exists():
            data += part.read_bytes()
    return data


def assert_nowhere(path: Path, forms: list[str]) -> None:
    data = raw_bytes(path)
    lowered = data.lower()
    for form in forms:
        for encoded in {form.encode(), form.lower().encode(), form.upper().encode()}:
            assert encoded not in data and encoded.lower() not in lowered, form


def search_terms(path: Path) -> set[str]:
    """The words the search index holds, as FTS5 itself lists them."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("CREATE VIRTUAL TABLE temp.words USING fts5vocab(main, session_fts, 'row')")
        return {row[0] for row in connection.execute("SELECT term FROM temp.words")}
    finally:
        connection.close()


def revision_documents(path: Path) -> list[dict]:
    connection = sqlite3.connect(path)
    try:
        return [json.loads(row[0]) for row in connection.execute("SELECT document FROM revision")]
    finally:
        connection.close()


def test_forget_leaves_no_byte_of_the_person(catalogue, stored):
    first, draft, _gone, other = stored
    before = {s.id: catalogue.history(s.id) for s in (first, draft, other)}
    assert "kowalczyk" in search_terms(catalogue.path)
    # What the test looks for is there to find before.
    assert EMAIL.encode() in raw_bytes(catalogue.path) and NAME.encode() in raw_bytes(catalogue.path)

    erased = catalogue.forget("ZEYNEP kowalczyk-ntulí")

    assert erased.found and not erased.dry_run
    assert erased.sessions == [first.id, draft.id]
    assert erased.participants == 2
    # description (name, e-mail), agenda title and private notes of the first session;
    # the description of the draft.
    assert erased.mentions == 5
    # first: 1; draft: 3; the deleted session's: 1.
    assert erased.revisions == 5
    assert erased.bytes_gone is True
    catalogue.close()
    path = catalogue.path
    assert_nowhere(path, FORMS)
    assert not {"zeynep", "kowalczyk", "ntuli"} & search_terms(path)
    connection = sqlite3.connect(path)
    try:
        # Rebuilt: no free page is left to hold what was deleted.
        assert connection.execute("PRAGMA freelist_count").fetchone()[0] == 0
    finally:
        connection.close()
    for document in revision_documents(path):
        text = json.dumps(document, ensure_ascii=False).lower()
        assert not any(form.lower() in text for form in FORMS), document

    with Catalogue(path) as again:
        # Everyone else is as they were.
        assert [p.name for p in again.people()] == ["Ana Souza"]
        assert {s.id for s in again.list(SessionFilter(query="Souza"))} == {first.id, other.id}
        assert again.list(SessionFilter(query="Kowalczyk")) == []
        assert again.sessions_of_person(NAME) == []
        # Her place in the session stays, unnamed, with what the diversity counts need.
        session = again.get(first.id)
        slot, kept = session.participants
        assert (
            slot.model_dump()
            == Participant(
                stakeholder_group="civil_society", region="grulac", roles=["speaker", "organizer"]
            ).model_dump()
        )
        assert slot.display_name() == "Speaker (civil society)"  # one short label (model.people)
        assert kept == ana()
        assert session.description == f"Moderated by {NAME_REMOVED}. Write to {EMAIL_REMOVED} to take part."
        assert session.agenda[0].title == f"Opening by {NAME_REMOVED}"
        assert session.private_notes == f"ask {NAME_REMOVED} about travel"
        # Nothing else of the sessions changed; their history is as long as before.
        assert session.title == "Safety online" and session.year == 2019
        for session_id, history in before.items():
            assert len(again.history(session_id)) == len(history)
        assert again.revision(draft.id, 1).participants[0].name is None
        assert again.get(draft.id).description == f"{NAME_REMOVED} wrote this part"


def test_a_dry_run_changes_no_byte(catalogue_path, stored, catalogue):
    catalogue.close()
    before = catalogue_path.read_bytes()
    mtime = catalogue_path.stat().st_mtime_ns
    with Catalogue(catalogue_path) as opened:
        would = opened.forget(NAME, dry_run=True)
    assert would.dry_run and would.bytes_gone is None
    assert catalogue_path.read_bytes() == before
    assert catalogue_path.stat().st_mtime_ns == mtime
    with Catalogue(catalogue_path) as opened:
        done = opened.forget(NAME)
    assert (would.sessions, would.participants, would.mentions, would.revisions) == (
        done.sessions,
        done.participants,
        done.mentions,
        done.revisions,
    )


def test_forgetting_someone_who_is_not_there(catalogue, stored):
    erased = catalogue.forget("Nobody Atall")
    assert not erased.found
    assert erased.describe() == ["no one named Nobody Atall in any session or revision: nothing to erase"]
    assert [p.name for p in catalogue.people()] == ["Ana Souza", NAME]


def test_forgetting_twice_finds_nothing_the_second_time(catalogue, stored):
    assert catalogue.forget(NAME).found
    assert not catalogue.forget(NAME).found


def test_a_name_is_needed(catalogue):
    with pytest.raises(CatalogueError, match="is not a name"):
        catalogue.forget(" -- ")


def test_what_forget_says(catalogue, stored):
    lines = catalogue.forget(NAME, dry_run=True).describe()
    assert lines[0].startswith(f"would forget {NAME}: 2 sessions (2 participant entries unnamed, 5 mentions")
    assert lines[-2] == "nothing was changed (--dry-run)"
    folder = catalogue.path.parent / "backups"
    assert str(folder) in lines[-1] and "may still hold the name" in lines[-1]


# ----- finding a name in text -----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zeynep Kowalczyk-Ntuli said", "[name removed] said"),
        ("ZEYNEP KOWALCZYK NTULI", "[name removed]"),
        ("by zéynep   kowalczyk–ntuli.", "by [name removed]."),
        ("Zeynep Kowalczyk-Ntulis", "Zeynep Kowalczyk-Ntulis"),
        ("XZeynep Kowalczyk-Ntuli", "XZeynep Kowalczyk-Ntuli"),
        ("Zeynep Kowalczyk-Ntuli and Zeynep Kowalczyk Ntuli", "[name removed] and [name removed]"),
        ("Kowalczyk-Ntuli, Zeynep wrote", "[name removed] wrote"),
        ("Zeynep alone, or Kowalczyk alone", "Zeynep alone, or Kowalczyk alone"),
    ],
)
def test_the_name_is_found_as_the_catalogue_matches_people(text, expected):
    assert NameFinder(NAME).replace(text)[0] == expected


def test_a_letter_that_folds_to_two_is_replaced_whole():
    assert NameFinder("Hans Strauß").replace("Thanks to HANS STRAUSS and hans strauß!") == (
        "Thanks to [name removed] and [name removed]!",
        2,
    )


def test_another_person_whose_name_holds_hers_keeps_it():
    document = {
        "participants": [
            {"name": "Ana Costa", "roles": ["speaker"], "email": "a@x.org"},
            {"name": "Ana Costa Lima", "roles": ["speaker"]},
        ],
        "description": "Ana Costa Lima and Ana Costa",
    }
    result = erase_from_document(document, NameFinder("ana costa"), {"a@x.org"})
    assert [p["name"] for p in result.document["participants"]] == [None, "Ana Costa Lima"]
    assert result.participants == 1
    assert document["participants"][0]["name"] == "Ana Costa"  # the original is not changed
