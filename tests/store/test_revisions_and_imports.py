"""Nothing lost: revisions, versions, and imports that never overwrite what a user wrote."""

from __future__ import annotations

import pytest

from igftui.model.session import AgendaItem, ForumSession, Participant, Source
from igftui.store.catalogue import Catalogue
from igftui.store.errors import RevisionNotFound, VersionConflict


@pytest.fixture
def catalogue(tmp_path):
    with Catalogue(tmp_path / "c.db") as catalogue:
        yield catalogue


def page(**fields) -> ForumSession:
    """A session as the page importer reads it."""
    values = dict(
        status="catalogued",
        year=2025,
        session_type="workshop",
        number=12,
        title="Digital first aid",
        description="What the page says.",
        source=Source(kind="igf_page", path="/home/ana/pages/ws12.txt"),
    )
    values.update(fields)
    return ForumSession(**values)


def test_every_save_keeps_a_revision_and_any_can_be_restored(catalogue):
    draft = catalogue.add(ForumSession(title="One", description="A paragraph written an hour ago."))
    draft = catalogue.update(draft.model_copy(update={"description": None}), expected_version=draft.version)
    history = catalogue.history(draft.id)
    assert [(r.number, r.origin) for r in history] == [(1, "typed"), (2, "typed")]
    assert history[1].changed == ("description",)
    assert catalogue.revision(draft.id, 1).description == "A paragraph written an hour ago."
    restored = catalogue.restore(draft.id, 1)
    assert restored.description == "A paragraph written an hour ago."
    assert catalogue.history(draft.id)[-1].origin == "restored"
    with pytest.raises(RevisionNotFound):
        catalogue.revision(draft.id, 99)


def test_a_save_from_an_older_version_is_a_conflict_not_an_overwrite(catalogue, tmp_path):
    draft = catalogue.add(ForumSession(title="Ours"))
    with Catalogue(tmp_path / "c.db") as other:
        other.update(other.get(draft.id).model_copy(update={"title": "Theirs"}), expected_version=draft.version)
    with pytest.raises(VersionConflict) as raised:
        catalogue.update(draft.model_copy(update={"title": "Ours again"}), expected_version=draft.version)
    assert raised.value.stored.title == "Theirs"
    assert catalogue.get(draft.id).title == "Theirs"


def test_an_import_never_overwrites_a_draft_it_is_stored_beside_it(catalogue):
    draft = catalogue.add(
        page(
            status="draft",
            title="Our draft",
            private_notes="Ana is at risk",
            participants=[Participant(name="Ana", gender="woman", roles=["speaker"])],
        )
    )
    (outcome,) = catalogue.import_sessions([page(title="The accepted page")])
    assert outcome.action == "beside" and outcome.beside == draft.id and outcome.session.id != draft.id
    kept = catalogue.get(draft.id)
    assert (kept.title, kept.private_notes, kept.participants[0].gender.value) == (
        "Our draft",
        "Ana is at risk",
        "woman",
    )
    assert kept.status.value == "draft"


def test_a_page_imported_again_takes_its_changes_and_keeps_the_users(catalogue):
    (first,) = catalogue.import_sessions([page()])
    stored = first.session
    # The user adds an agenda and tags to the catalogued session.
    catalogue.update(
        stored.model_copy(
            update={"agenda": [AgendaItem(title="Round", minutes=30)], "tags": ["mine"], "venue": "Hall B"}
        )
    )
    (again,) = catalogue.import_sessions([page(title="Digital first aid, revised")])
    assert again.action == "merged" and again.taken == ("title",)
    now = catalogue.get(stored.id)
    assert now.title == "Digital first aid, revised"
    assert (now.tags, now.venue, [a.title for a in now.agenda]) == (["mine"], "Hall B", ["Round"])
    (third,) = catalogue.import_sessions([page(title="Digital first aid, revised")])
    assert third.action == "unchanged"
    assert catalogue.count() == 1


def test_a_field_both_the_page_and_the_user_changed_keeps_the_users_and_the_pages_as_a_revision(catalogue):
    (first,) = catalogue.import_sessions([page()])
    catalogue.update(first.session.model_copy(update={"description": "My better description."}))
    (again,) = catalogue.import_sessions([page(description="The page's new description.")])
    assert again.conflicts == ("description",) and again.their_revision is not None
    assert catalogue.get(first.session.id).description == "My better description."
    theirs = catalogue.revision(first.session.id, again.their_revision)
    assert theirs.description == "The page's new description."


def test_the_same_page_with_and_without_a_year_is_one_session(catalogue):
    (first,) = catalogue.import_sessions([page(year=None)])
    (second,) = catalogue.import_sessions([page(year=2019)])
    assert second.session.id == first.session.id and second.action == "merged"
    (third,) = catalogue.import_sessions([page(year=None)])
    assert third.session.id == first.session.id
    assert catalogue.count() == 1
    assert catalogue.get(first.session.id).year == 2019


def test_a_copy_sent_to_a_co_organiser_comes_back_merged(catalogue):
    draft = catalogue.add(
        ForumSession(
            title="Ours",
            description="First text",
            private_notes="private",
            participants=[Participant(name="Ana", gender="woman", roles=["speaker"])],
        )
    )
    sent = catalogue.seal_revision(draft.id)
    assert sent.revision == 1 and sent.uid == draft.uid
    exported = sent.to_json()  # no private fields
    # Meanwhile the organiser edits the description...
    catalogue.update(catalogue.get(draft.id).model_copy(update={"description": "Our edit"}))
    # ...and the co-organiser the title, in the file.
    exported["title"] = "Their title"
    returned = ForumSession.from_json(exported)
    (outcome,) = catalogue.import_sessions([returned])
    assert outcome.action == "merged" and outcome.taken == ("title",) and not outcome.conflicts
    now = catalogue.get(draft.id)
    assert (now.title, now.description, now.private_notes, now.participants[0].gender.value) == (
        "Their title",
        "Our edit",
        "private",
        "woman",
    )


def test_a_copy_whose_field_both_changed_keeps_ours_and_stores_theirs(catalogue):
    draft = catalogue.add(ForumSession(title="Ours"))
    exported = catalogue.seal_revision(draft.id).to_json()
    catalogue.update(catalogue.get(draft.id).model_copy(update={"title": "Ours, edited"}))
    exported["title"] = "Theirs, edited"
    (outcome,) = catalogue.import_sessions([ForumSession.from_json(exported)])
    assert outcome.conflicts == ("title",)
    assert catalogue.get(draft.id).title == "Ours, edited"
    assert catalogue.revision(draft.id, outcome.their_revision).title == "Theirs, edited"


def test_a_copy_imported_into_a_catalogue_that_never_saw_it_is_a_new_draft_that_keeps_its_uid(tmp_path):
    with Catalogue(tmp_path / "a.db") as mine:
        exported = mine.seal_revision(mine.add(ForumSession(title="Shared")).id).to_json()
    with Catalogue(tmp_path / "b.db") as theirs:
        (outcome,) = theirs.import_sessions([ForumSession.from_json(exported)])
        assert outcome.action == "created" and outcome.session.uid == exported["uid"]
        (again,) = theirs.import_sessions([ForumSession.from_json(exported)])
        assert again.action == "unchanged" and theirs.count() == 1


def test_exports_name_the_file_a_session_came_from_never_its_folder(catalogue):
    (outcome,) = catalogue.import_sessions([page()])
    stored = catalogue.get(outcome.session.id)
    assert stored.source.path == "/home/ana/pages/ws12.txt"
    assert stored.to_json()["source"]["path"] == "ws12.txt"
    assert stored.to_json(include_private=True)["source"]["path"] == "ws12.txt"


def test_a_file_of_drafts_without_uid_imported_twice_adds_them_once(catalogue):
    drafts = [
        ForumSession(status="draft", year=2026, session_type="workshop", number=n, title=f"Draft {n}") for n in (1, 2)
    ]
    first = catalogue.import_sessions(drafts)
    assert [o.action for o in first] == ["created", "created"]
    again = catalogue.import_sessions([d.model_copy() for d in drafts])
    assert [o.action for o in again] == ["unchanged", "unchanged"]
    changed = catalogue.import_sessions([drafts[0].model_copy(update={"title": "Draft 1, other text"})])
    assert [o.action for o in changed] == ["beside"]
    assert catalogue.count() == 3


def test_a_page_merged_into_a_draft_when_asked_fills_only_what_the_draft_leaves_empty(catalogue):
    draft = catalogue.add(
        page(
            status="submitted",
            title="Our draft",
            description="Our description",
            room=None,
            private_notes="private",
            source=None,
        )
    )
    (outcome,) = catalogue.import_sessions(
        [page(title="The accepted page", room="Room 4", description="The page's description")], merge_into_drafts=True
    )
    assert outcome.action == "merged" and outcome.session.id == draft.id
    assert "room" in outcome.taken and set(outcome.conflicts) >= {"title", "description", "status"}
    now = catalogue.get(draft.id)
    assert (now.title, now.description, now.room, now.status.value, now.private_notes) == (
        "Our draft",
        "Our description",
        "Room 4",
        "submitted",
        "private",
    )
    assert catalogue.revision(draft.id, outcome.their_revision).title == "The accepted page"
    assert catalogue.count() == 1


@pytest.mark.parametrize("bad", [{"uid": "x"}, {"revision": 0}, {"revision": 10**23}, {"history": "?!"}])
def test_a_copy_with_an_impossible_identity_is_refused_with_a_reason(bad):
    from igftui.model.session import ContractError

    with pytest.raises(ContractError):
        ForumSession.from_json({"schema": "igftui.session/1", "title": "a", "uid": "abcdefgh12", **bad})


def test_imported_sessions_are_read_back_in_the_order_asked_and_a_removed_one_is_passed_over(catalogue):
    # More sessions than one query reads, so that the order holds across queries.
    count = 1_201
    stored = [o.session for o in catalogue.import_sessions(page(number=n, title=f"Talk {n}") for n in range(count))]
    removed = stored[600].id
    catalogue.delete(removed)
    asked = [s.id for s in reversed(stored)]
    read = list(catalogue.sessions_by_id(asked))
    assert [s.id for s in read] == [i for i in asked if i != removed]
    assert read[0] == catalogue.get(stored[-1].id)
    assert read[-1].title == "Talk 0"


def test_an_import_leaves_every_other_write_waiting_for_the_disk(catalogue):
    with catalogue.engine.connect() as connection:
        before = connection.exec_driver_sql("PRAGMA synchronous").scalar()
    catalogue.import_sessions([page()])
    with pytest.raises(ValueError):
        catalogue.import_sessions(_raising_after(page(number=13)))
    with catalogue.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == before == 2
    assert catalogue.count() == 1


def _raising_after(session: ForumSession):
    yield session
    raise ValueError("the file broke off here")


def test_a_copy_of_a_deleted_draft_imported_goes_on_with_its_history(catalogue):
    draft = catalogue.add(ForumSession(title="Mine", description="First words."))
    draft = catalogue.update(draft.model_copy(update={"description": "Second words."}))
    catalogue.delete_draft(draft.id)
    (outcome,) = catalogue.import_sessions([draft.model_copy(update={"id": None, "description": "Third words."})])
    assert outcome.action == "created" and outcome.session.uid == draft.uid
    numbers = [r.number for r in catalogue.history(outcome.session.id)]
    assert numbers[-1] > 2 and numbers == sorted(numbers)


def test_a_new_session_after_the_largest_id_is_stored_whole(catalogue):
    largest = 2**63 - 1
    catalogue.import_sessions([page(id=largest)])
    (outcome,) = catalogue.import_sessions([page(number=13, title="After the last id")])
    stored = catalogue.get(outcome.session.id)
    assert stored.id not in (None, largest) and stored.title == "After the last id"
    assert stored == outcome.session
    assert [r.origin for r in catalogue.history(stored.id)] == ["imported"]
