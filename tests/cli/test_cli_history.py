"""igftui history and show --revision, run as a user runs them."""

import json

import pytest

from igftui.model import ForumSession, Participant


@pytest.fixture
def edited(catalogue):
    """A draft saved three times: typed, then its title, then its description and outcomes."""
    draft = catalogue.add(
        ForumSession(
            year=2026,
            session_type="workshop",
            title="Rapid response for community radio",
            participants=[Participant(name="Ana Souza", roles=["speaker"], email="ana@example.org")],
            private_notes="ask about travel funding",
        )
    )
    draft = catalogue.update(draft.model_copy(update={"title": "Rapid response for radio under attack"}))
    draft = catalogue.update(
        draft.model_copy(update={"description": "Walk through a case.", "expected_outcomes": "A checklist."})
    )
    return draft


def test_history_json_is_the_contract(igftui, edited):
    result = igftui("history", str(edited.id), "--json")
    assert result.code == 0, result.err
    history = result.json()
    assert [entry["revision"] for entry in history] == [1, 2, 3]
    assert all(set(entry) == {"revision", "saved_at", "origin", "author", "changed"} for entry in history)
    assert all(entry["origin"] == "typed" and entry["saved_at"].endswith("Z") for entry in history)
    assert history[1]["changed"] == ["title"]
    assert history[2]["changed"] == ["description", "expected_outcomes"]


def test_history_table_names_fields_in_the_users_words(igftui, edited):
    result = igftui("history", str(edited.id))
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].split() == ["REVISION", "SAVED", "HOW", "BY", "CHANGED"]
    assert lines[1].split()[0] == "1" and "the first revision" in lines[1]
    assert lines[2].split()[0] == "2" and lines[2].endswith("title")
    assert lines[3].endswith("description, expected outcomes")
    assert f"igftui show {edited.id} --revision N" in lines[-1]


def test_show_a_revision_as_markdown_and_json(igftui, edited):
    old = igftui("show", str(edited.id), "--revision", "1")
    assert old.code == 0, old.err
    assert old.out.startswith(f"[#{edited.id} · Draft · revision 1]")
    assert "Rapid response for community radio" in old.out
    assert "ana@example.org" not in old.out and "travel funding" not in old.out
    data = json.loads(igftui("show", str(edited.id), "--revision", "2", "--json").out)
    assert data["title"] == "Rapid response for radio under attack" and data["description"] is None
    assert data["revision"] == 2 and data["uid"] == edited.uid
    assert data["participants"][0]["email"] is None and "private_notes" not in data


def test_an_unknown_revision_is_one_clear_line(igftui, edited):
    result = igftui("show", str(edited.id), "--revision", "9")
    assert result.code == 1
    assert result.err == f"igftui: session #{edited.id} has no revision 9 ('igftui history {edited.id}' lists them)\n"
    assert igftui("show", str(edited.id), "--revision", "0").code == 2
    assert igftui("show", str(edited.id), "--revision", "latest").code == 2
    missing = igftui("history", "999")
    assert missing.code == 1 and missing.err == "igftui: no session with id 999 in the catalogue\n"
