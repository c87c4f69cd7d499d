"""The draft keeper: when a draft is saved and what happens when another copy saved it first.

A fake clock stands for time; the catalogue is a real file, and "another copy of
igftui" is a second Catalogue object on the same file, as a second process would be.
"""

from __future__ import annotations

import pytest

from igftui.model.session import ForumSession
from igftui.store.catalogue import Catalogue
from igftui.store.draft_keeper import AT_MOST, PAUSE, ConflictFound, DraftKeeper, Saved


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def catalogue(tmp_path):
    with Catalogue(tmp_path / "c.db") as catalogue:
        yield catalogue


def type_into(keeper: DraftKeeper, draft: ForumSession, **answers) -> ForumSession:
    draft = draft.model_copy(update=answers)
    keeper.changed()
    return draft


def save(keeper: DraftKeeper, draft: ForumSession) -> ForumSession:
    job = keeper.begin(draft)
    assert job is not None
    return keeper.finished(keeper.store(job), draft)


def test_a_save_is_due_after_a_pause_in_typing():
    clock = Clock()
    keeper = DraftKeeper(catalogue=None, clock=clock)  # type: ignore[arg-type]
    assert keeper.due_in() is None
    keeper.changed()
    assert keeper.due_in() == pytest.approx(PAUSE)
    clock.advance(PAUSE)
    assert keeper.due_in() == 0


def test_steady_typing_is_saved_at_least_once_a_second():
    clock = Clock()
    keeper = DraftKeeper(catalogue=None, clock=clock)  # type: ignore[arg-type]
    keeper.changed()
    # A key every 0.1 s never leaves a pause, but the save is due by AT_MOST all the same.
    for _ in range(round(AT_MOST / 0.1)):
        clock.advance(0.1)
        keeper.changed()
    assert keeper.due_in() == pytest.approx(0, abs=1e-9)
    assert AT_MOST < 1


def test_one_save_at_a_time_and_changes_during_it_are_the_next_save(catalogue):
    clock = Clock()
    keeper = DraftKeeper(catalogue, clock=clock)
    draft = type_into(keeper, ForumSession(title="First"), title="First")
    job = keeper.begin(draft)
    assert job is not None and keeper.begin(draft) is None
    draft = type_into(keeper, draft, title="First and more")
    draft = keeper.finished(keeper.store(job), draft)
    assert draft.id is not None and keeper.unsaved
    assert catalogue.count() == 1
    clock.advance(PAUSE)
    draft = save(keeper, draft)
    assert not keeper.unsaved
    assert catalogue.get(draft.id).title == "First and more"
    assert catalogue.count() == 1


def test_autosaves_of_one_visit_are_one_revision_until_a_pause(catalogue):
    clock = Clock()
    keeper = DraftKeeper(catalogue, clock=clock)
    draft = save(keeper, type_into(keeper, ForumSession(title="A"), title="A"))
    for text in ("Ab", "Abc", "Abcd"):
        draft = save(keeper, type_into(keeper, draft, title=text))
    assert [r.number for r in catalogue.history(draft.id)] == [1]
    assert catalogue.revision(draft.id, 1).title == "Abcd"
    # A new visit of the editor starts a revision of its own.
    other_visit = DraftKeeper(catalogue, clock=clock)
    other_visit.opened(catalogue.get(draft.id))
    save(other_visit, type_into(other_visit, draft, title="Abcde"))
    assert [r.number for r in catalogue.history(draft.id)] == [1, 2]


def test_another_copys_save_is_merged_when_it_changed_other_fields(catalogue, tmp_path):
    keeper = DraftKeeper(catalogue, clock=Clock())
    draft = save(keeper, type_into(keeper, ForumSession(title="Ours"), title="Ours"))
    with Catalogue(tmp_path / "c.db") as elsewhere:
        theirs = elsewhere.get(draft.id)
        elsewhere.update(
            theirs.model_copy(update={"description": "Written elsewhere"}), expected_version=theirs.version
        )
    draft = type_into(keeper, draft, title="Ours, renamed")
    job = keeper.begin(draft)
    outcome = keeper.store(job)
    assert isinstance(outcome, Saved) and outcome.taken == ("description",)
    draft = keeper.finished(outcome, draft)
    assert (draft.title, draft.description) == ("Ours, renamed", "Written elsewhere")
    stored = catalogue.get(draft.id)
    assert (stored.title, stored.description) == ("Ours, renamed", "Written elsewhere")
    assert catalogue.history(draft.id)[-1].origin == "merged"


def test_a_field_changed_on_both_sides_waits_for_the_user_and_nothing_is_overwritten(catalogue, tmp_path):
    keeper = DraftKeeper(catalogue, clock=Clock())
    draft = save(keeper, type_into(keeper, ForumSession(title="Ours"), title="Ours"))
    with Catalogue(tmp_path / "c.db") as elsewhere:
        theirs = elsewhere.get(draft.id)
        elsewhere.update(theirs.model_copy(update={"title": "Theirs"}), expected_version=theirs.version)
    draft = type_into(keeper, draft, title="Ours again")
    outcome = keeper.store(keeper.begin(draft))
    assert isinstance(outcome, ConflictFound)
    assert [c.field for c in outcome.merge.conflicts] == ["title"]
    draft = keeper.finished(outcome, draft)
    assert catalogue.get(draft.id).title == "Theirs"
    assert keeper.due_in() is None and keeper.begin(draft) is None
    # Take theirs for the title: saved from their version, as a merge.
    draft = keeper.settle(draft, {"title": "theirs"})
    assert draft.title == "Theirs"
    draft = save(keeper, draft)
    assert catalogue.get(draft.id).title == "Theirs"
    assert catalogue.history(draft.id)[-1].origin in ("merged", "typed")
    # Keeping one's own text after a conflict also works.
    with Catalogue(tmp_path / "c.db") as elsewhere:
        theirs = elsewhere.get(draft.id)
        elsewhere.update(theirs.model_copy(update={"title": "Theirs 2"}), expected_version=theirs.version)
    draft = type_into(keeper, draft, title="Mine 2")
    draft = keeper.finished(keeper.store(keeper.begin(draft)), draft)
    draft = save(keeper, keeper.settle(draft, {"title": "mine"}))
    assert catalogue.get(draft.id).title == "Mine 2"
    # Both texts are in the history.
    titles = [catalogue.revision(draft.id, r.number).title for r in catalogue.history(draft.id)]
    assert "Theirs 2" in titles and "Mine 2" in titles
