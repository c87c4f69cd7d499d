"""igftui delete, duplicate, deleted, undelete and compact, run as a user runs them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from igftui.model import AgendaItem, ForumSession, Participant

SRC = Path(__file__).resolve().parents[2] / "src"


@pytest.fixture
def draft(catalogue):
    return catalogue.add(
        ForumSession(
            status="draft",
            year=2026,
            session_type="workshop",
            title="Rapid response for community radio",
            participants=[Participant(name="Ana Souza", roles=["speaker"], email="ana@example.org")],
            agenda=[AgendaItem(title="Case", minutes=20)],
        )
    )


@pytest.fixture
def page(catalogue):
    return catalogue.add(ForumSession(status="catalogued", year=2018, title="A page of the IGF"), origin="imported")


def test_delete_says_what_and_how_to_get_it_back(igftui, draft):
    result = igftui("delete", str(draft.id))
    assert result.code == 0, result.err
    assert result.out.count("\n") == 1
    assert f"deleted #{draft.id} Rapid response for community radio" in result.out
    assert f"igftui undelete {draft.id}" in result.out
    assert igftui("show", str(draft.id)).code == 1


def test_the_history_of_a_deleted_draft_still_answers(igftui, draft):
    igftui("delete", str(draft.id), "--yes")
    history = igftui("history", str(draft.id), "--json")
    assert history.code == 0, history.err
    assert [entry["origin"] for entry in history.json()] == ["typed", "deleted"]
    shown = igftui("show", str(draft.id), "--revision", "2", "--json")
    assert shown.code == 0 and shown.json()["title"] == "Rapid response for community radio"


def test_deleted_lists_them_and_undelete_brings_one_back(igftui, draft):
    igftui("delete", str(draft.id), "--yes")
    listed = igftui("deleted", "--json")
    assert listed.code == 0
    [entry] = listed.json()
    assert set(entry) == {"uid", "id", "title", "code", "status", "deleted_at", "revisions"}
    assert (entry["id"], entry["uid"], entry["status"]) == (draft.id, draft.uid, "draft")
    assert entry["deleted_at"].endswith("Z")
    table = igftui("deleted")
    assert "Rapid response" in table.out and entry["uid"][:12] in table.out
    back = igftui("undelete", entry["uid"], "--json")
    assert back.code == 0, back.err
    assert (back.json()["id"], back.json()["title"]) == (draft.id, draft.title)
    assert [e["origin"] for e in igftui("history", str(draft.id), "--json").json()] == ["typed", "deleted", "restored"]
    assert igftui("deleted").out.strip() == "no deleted drafts"


def test_undelete_by_the_old_id(igftui, draft):
    igftui("delete", str(draft.id), "--yes")
    back = igftui("undelete", str(draft.id))
    assert back.code == 0 and f"brought back #{draft.id}" in back.out
    again = igftui("undelete", str(draft.id))
    assert again.code == 1 and again.err.count("\n") == 1
    assert "no deleted draft" in again.err and "Traceback" not in again.err


def test_errors_are_one_line_with_the_contract_exit_codes(igftui, draft, page):
    unknown = igftui("delete", "999")
    assert unknown.code == 1 and unknown.err == "igftui: no session with id 999 in the catalogue\n"
    refused = igftui("delete", str(page.id))
    assert refused.code == 1 and refused.err.count("\n") == 1
    assert "catalogued IGF session" in refused.err and "nothing was deleted" in refused.err
    assert igftui("show", str(page.id)).code == 0
    bad = igftui("delete", "abc")
    assert bad.code == 2 and bad.err.count("\n") == 1
    assert igftui("duplicate", "999").code == 1
    assert igftui("undelete", "999").code == 1


def test_duplicate_prints_the_new_id_and_json(igftui, draft):
    result = igftui("duplicate", str(draft.id))
    assert result.code == 0, result.err
    new_id = int(result.out.strip())
    assert new_id != draft.id
    copied = igftui("show", str(new_id), "--json").json()
    assert copied["title"] == "Copy of Rapid response for community radio"
    assert copied["status"] == "draft" and copied["code"] is None
    assert [p["name"] for p in copied["participants"]] == ["Ana Souza"]
    as_json = igftui("duplicate", str(draft.id), "--json")
    assert as_json.code == 0
    session = as_json.json()
    assert session["schema"] == "igftui.session/1" and session["id"] not in (draft.id, new_id)
    assert session["agenda"][0]["title"] == "Case"
    # The private e-mail is not printed unless asked for, as with show --json.
    assert session["participants"][0].get("email") is None


def test_compact_asks_or_wants_yes_and_removes_for_good(igftui, draft):
    igftui("delete", str(draft.id), "--yes")
    refused = igftui("compact")
    assert refused.code == 2 and "--yes" in refused.err
    assert igftui("deleted", "--json").json() != []
    done = igftui("compact", "--yes")
    assert done.code == 0, done.err
    assert "removed 1 deleted draft for good" in done.out
    assert igftui("deleted", "--json").json() == []
    assert igftui("history", str(draft.id)).code == 1
    assert igftui("undelete", str(draft.id)).code == 1


def _on_a_terminal(catalogue_path, *args: str, answer: str) -> subprocess.CompletedProcess:
    """Run igftui with a terminal as its stdin, answering ``answer`` to its question."""
    env = dict(os.environ, PYTHONPATH=str(SRC))
    main, other = os.openpty()
    try:
        os.write(main, answer.encode())
        return subprocess.run(
            [sys.executable, "-m", "igftui", "--db", str(catalogue_path), *args],
            stdin=other,
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
    finally:
        os.close(main)
        os.close(other)


def test_delete_on_a_terminal_asks_naming_the_title(catalogue_path, igftui, draft):
    kept = _on_a_terminal(catalogue_path, "delete", str(draft.id), answer="n\n")
    assert kept.returncode == 1
    assert "Rapid response for community radio" in kept.stderr and "[y/N]" in kept.stderr
    assert "nothing was deleted" in kept.stderr
    assert igftui("show", str(draft.id)).code == 0
    gone = _on_a_terminal(catalogue_path, "delete", str(draft.id), answer="y\n")
    assert gone.returncode == 0, gone.stderr
    assert igftui("show", str(draft.id)).code == 1


def test_compact_on_a_terminal_says_how_many(catalogue_path, igftui, draft):
    igftui("delete", str(draft.id), "--yes")
    kept = _on_a_terminal(catalogue_path, "compact", answer="no\n")
    assert kept.returncode == 1 and "Remove 1 deleted draft for good?" in kept.stderr
    assert igftui("deleted", "--json").json() != []
