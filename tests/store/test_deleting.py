"""Deleting drafts so they can be brought back, copying them, and compacting them away for good."""

from __future__ import annotations

import sqlite3

import pytest

from igftui.model.session import AgendaItem, ForumSession, Participant, Source
from igftui.store.catalogue import Catalogue
from igftui.store.deleting import DeletedDraftNotFound, NotYourOwn, gone_for_good_on_compact
from igftui.store.draft_keeper import DraftKeeper
from igftui.store.errors import SessionNotFound


@pytest.fixture
def catalogue(tmp_path):
    with Catalogue(tmp_path / "c.db") as catalogue:
        yield catalogue


def proposal(**fields) -> ForumSession:
    values = dict(
        status="draft",
        year=2025,
        session_type="workshop",
        title="Digital first aid for newsrooms",
        description="A hands-on clinic.",
        policy_questions=["Who helps a newsroom under attack?"],
        participants=[
            Participant(
                name="Ana Costa",
                organisation="Radio Livre",
                roles=["organizer", "speaker"],
                stakeholder_group="civil_society",
                region="grulac",
                gender="woman",
                email="ana@example.org",
            ),
            Participant(name="Kenji Sato", roles=["speaker"], stakeholder_group="government"),
        ],
        agenda=[AgendaItem(title="Opening", minutes=10), AgendaItem(title="Clinic", minutes=50, interactive=True)],
    )
    values.update(fields)
    return ForumSession(**values)


def test_a_deleted_draft_keeps_its_whole_text_in_its_history(catalogue):
    draft = catalogue.add(proposal())
    draft = catalogue.update(draft.model_copy(update={"title": "Digital first aid"}))
    deleted = catalogue.delete_draft(draft.id)
    assert (deleted.session_id, deleted.uid, deleted.title) == (draft.id, draft.uid, "Digital first aid")
    with pytest.raises(SessionNotFound):
        catalogue.get(draft.id)
    assert catalogue.list() == [] and catalogue.count() == 0
    assert catalogue.sessions_of_person("Ana Costa") == []
    # Its history still answers for the id it had, with a last revision marking the deletion.
    history = catalogue.history(draft.id)
    assert [(r.number, r.origin) for r in history] == [(1, "typed"), (2, "typed"), (3, "deleted")]
    kept = catalogue.revision(draft.id, 3)
    assert kept.to_document() == draft.to_document()
    assert [d.uid for d in catalogue.deleted_drafts()] == [draft.uid]


def test_undelete_brings_back_the_same_text_uid_id_and_history(catalogue):
    draft = catalogue.add(proposal())
    catalogue.delete_draft(draft.id)
    back = catalogue.undelete(draft.uid[:8])
    assert (back.id, back.uid) == (draft.id, draft.uid)
    assert back.to_document() == draft.to_document()
    assert catalogue.get(draft.id).participants[0].email == "ana@example.org"
    assert [r.origin for r in catalogue.history(draft.id)] == ["typed", "deleted", "restored"]
    assert catalogue.deleted_drafts() == []
    assert [s.id for s in catalogue.list()] == [draft.id]
    assert catalogue.count() == 1 and [s.id for s in catalogue.sessions_of_person("Ana Costa")] == [draft.id]
    with pytest.raises(DeletedDraftNotFound):
        catalogue.undelete(draft.uid)


def test_undelete_by_the_old_id_and_unknown_ones(catalogue):
    draft = catalogue.add(proposal())
    catalogue.delete_draft(draft.id)
    assert catalogue.undelete(str(draft.id)).uid == draft.uid
    with pytest.raises(DeletedDraftNotFound, match="no deleted draft has the id 99"):
        catalogue.undelete("99")
    with pytest.raises(DeletedDraftNotFound):
        catalogue.undelete("nope")


def test_a_new_draft_never_takes_the_id_of_a_deleted_one(catalogue):
    first = catalogue.add(proposal(title="One"))
    newest = catalogue.add(proposal(title="Two"))
    catalogue.delete_draft(newest.id)
    third = catalogue.add(proposal(title="Three"))
    assert third.id not in (first.id, newest.id)
    # So the old id still names the deleted draft alone, in history and undelete.
    assert [r.origin for r in catalogue.history(newest.id)][-1] == "deleted"
    assert catalogue.undelete(str(newest.id)).id == newest.id


def test_proposals_of_every_status_can_be_deleted_but_not_catalogued_pages(catalogue):
    for status in ("submitted", "accepted", "rejected", "withdrawn"):
        stored = catalogue.add(proposal(status=status))
        assert catalogue.delete_draft(stored.id).status == status
    page = catalogue.add(
        proposal(status="catalogued", source=Source(kind="igf_page", path="ws.txt")), origin="imported"
    )
    with pytest.raises(NotYourOwn, match="catalogued IGF session"):
        catalogue.delete_draft(page.id)
    assert catalogue.get(page.id).title == page.title
    with pytest.raises(SessionNotFound):
        catalogue.delete_draft(9999)


def test_compact_removes_deleted_drafts_for_good(catalogue, tmp_path):
    kept = catalogue.add(proposal(title="Kept"))
    gone = catalogue.add(proposal(title="A secret title nobody may read again"))
    catalogue.delete_draft(gone.id)
    assert gone_for_good_on_compact(catalogue) == 1
    done = catalogue.compact()
    assert done.removed == 1 and done.bytes_gone
    assert catalogue.deleted_drafts() == []
    with pytest.raises(SessionNotFound):
        catalogue.history(gone.id)
    with pytest.raises(DeletedDraftNotFound):
        catalogue.undelete(gone.uid)
    assert [r.origin for r in catalogue.history(kept.id)] == ["typed"]
    catalogue.close()
    # The bytes are gone too, not just the rows.
    assert b"A secret title nobody" not in (tmp_path / "c.db").read_bytes()
    with sqlite3.connect(tmp_path / "c.db") as raw:
        assert raw.execute("SELECT count(*) FROM revision WHERE session_uid = ?", (gone.uid,)).fetchone()[0] == 0


def test_duplicate_is_a_new_draft_with_the_same_people_and_agenda(catalogue):
    original = catalogue.add(proposal(status="accepted", number=153, code="WS #153", room="Room 4"))
    copy = catalogue.duplicate(original.id)
    assert copy.id != original.id and copy.uid != original.uid
    assert copy.status.value == "draft"
    assert copy.title == "Copy of Digital first aid for newsrooms"
    assert (copy.code, copy.number, copy.room) == (None, None, None)
    assert copy.participants == original.participants
    assert copy.agenda == original.agenda
    assert copy.policy_questions == original.policy_questions
    assert [(r.number, r.origin) for r in catalogue.history(copy.id)] == [(1, "typed")]
    # The original is untouched.
    assert catalogue.get(original.id).to_document() == original.to_document()
    untitled = catalogue.duplicate(catalogue.add(proposal(title=None)).id)
    assert untitled.title == "Copy of an untitled session"


def test_an_editor_saving_a_draft_deleted_elsewhere_stores_it_again(catalogue, tmp_path):
    keeper = DraftKeeper(catalogue, clock=lambda: 0.0)
    draft = catalogue.add(proposal())
    keeper.opened(draft)
    with Catalogue(tmp_path / "c.db") as other:
        other.delete_draft(draft.id)
    draft.title = "Typed after it was deleted elsewhere"
    keeper.changed()
    job = keeper.begin(draft)
    outcome = keeper.store(job)
    assert outcome.recreated
    stored = keeper.finished(outcome, draft)
    assert (stored.id, stored.uid) == (draft.id, draft.uid)
    assert catalogue.get(draft.id).title == "Typed after it was deleted elsewhere"
    assert [r.origin for r in catalogue.history(draft.id)] == ["typed", "deleted", "typed"]
    assert catalogue.deleted_drafts() == []


def test_brought_back_elsewhere_under_another_id_is_merged_not_doubled(catalogue, tmp_path):
    draft = catalogue.add(proposal())
    keeper = DraftKeeper(catalogue, clock=lambda: 0.0)
    keeper.opened(draft)
    catalogue.delete_draft(draft.id)
    squatter = catalogue.add(
        proposal(title="Took the id"),
    )
    # (A new draft never takes a deleted id; force it, as an import asking for that id could.)
    with sqlite3.connect(tmp_path / "c.db") as raw:
        raw.execute("UPDATE session SET id = ? WHERE id = ?", (draft.id, squatter.id))
        raw.execute("UPDATE participant SET session_id = ? WHERE session_id = ?", (draft.id, squatter.id))
    back = catalogue.undelete(draft.uid)
    assert back.id != draft.id
    draft.description = "Typed here meanwhile."
    keeper.changed()
    outcome = keeper.store(keeper.begin(draft))
    stored = keeper.finished(outcome, draft)
    assert stored.id == back.id
    assert catalogue.get(back.id).description == "Typed here meanwhile."
    assert len([s for s in catalogue.list() if s.title == draft.title]) == 1


def test_a_uid_that_starts_with_digits_only_is_found_by_its_start(catalogue):
    # One uid in forty starts with eight digits: "35003277" is then a uid's start, not an id.
    draft = catalogue.add(proposal(uid="35003277-1111-4222-8333-444455556666"))
    catalogue.delete_draft(draft.id)
    assert catalogue.undelete("35003277").uid == draft.uid
