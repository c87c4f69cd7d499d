"""Sessions like the draft while it is written, and like the session read, on the bundled samples.

Driven as a new user would: a draft on a topic the samples cover, typed key by key
into the real editor, shows the sample on that topic before its description is
finished; reading it beside the draft and coming back keeps every letter and the
cursor; a session read lists the sessions like it, and enter reads one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from snapshot_apps import new_draft, screen_text, settle, show_section
from textual.widgets import TextArea

from igftui.config import Settings, config_path, load_settings
from igftui.services.samples import load_samples
from igftui.store import Catalogue
from igftui.store.listing import SessionFilter
from igftui.tui.app import IgfApp
from igftui.tui.delays import INSTANT
from igftui.tui.dialogs.help import keys_of
from igftui.tui.dialogs.session_beside import SessionBeside
from igftui.tui.screens.proposal_editor import ProposalEditor
from igftui.tui.screens.session_detail import SIMILAR_SHOWN, SessionDetailScreen
from igftui.tui.widgets.session_view import SessionView
from igftui.tui.widgets.similar_sessions import EMPTY_DRAFT_HINT, SimilarList, SimilarPanel

WIDE = (130, 40)
#: The sample on harmonising data protection rules (IGF 2019).
DATA_PROTECTION = "Harmonising data protection rules across regional economic communities"


@pytest.fixture
def samples_db(db: Path) -> Path:
    """A catalogue file holding the bundled samples (closed: the app opens it itself)."""
    with Catalogue(db) as catalogue:
        load_samples(catalogue)
    return db


def samples_app(db: Path, settings: Settings | None = None) -> IgfApp:
    return IgfApp(Catalogue(db), settings or Settings(), delays=INSTANT)


def id_of(db: Path, title: str) -> int:
    with Catalogue(db) as catalogue:
        [found] = [line for line in catalogue.list(SessionFilter(query=title)) if line.title == title]
    return found.id


def beside_the_form(app: IgfApp) -> str:
    """What the editor's side column (the checks, then the sessions like the draft) reads, as one text."""
    return " ".join(line.rpartition("\u258f")[2].strip() for line in screen_text(app).splitlines())


def listed(editor: ProposalEditor) -> list[str]:
    """The titles in the editor's "Like this draft", most alike first."""
    return [like.title or "" for like in editor.query_one(SimilarPanel).list.found]


async def type_keys(pilot, text: str) -> None:
    await pilot.press(*text)
    await settle(pilot)


async def write_a_data_protection_draft(pilot) -> ProposalEditor:
    """A new draft, its title and the start of its description typed key by key."""
    editor = await new_draft(pilot)
    await type_keys(pilot, "Data rules across borders")
    await show_section(pilot, "content", focus=False)
    editor.query_one("#input-description", TextArea).focus()
    await settle(pilot)
    await type_keys(pilot, "Regional economic communities harmonise protection")
    return editor


async def test_an_empty_draft_says_where_similar_sessions_will_appear(samples_db):
    app = samples_app(samples_db)
    async with app.run_test(size=WIDE) as pilot:
        editor = await new_draft(pilot)
        assert EMPTY_DRAFT_HINT in beside_the_form(app)
        assert listed(editor) == []
        # Nothing to go to yet: the key says so and the cursor stays in the title.
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert editor.focused is editor.query_one("#input-title")


async def test_the_sample_on_the_drafts_topic_shows_before_its_description_is_finished(samples_db):
    app = samples_app(samples_db)
    async with app.run_test(size=WIDE) as pilot:
        editor = await write_a_data_protection_draft(pilot)
        assert listed(editor)[0] == DATA_PROTECTION
        like = editor.query_one(SimilarPanel).list.found[0]
        text = beside_the_form(app)
        # Its score (two decimals), year and code, and the words they share, beside the form.
        assert f"{like.score:.2f}  2019  OF #12  Harmonising data" in text
        assert "shared: " + ", ".join(like.shared_terms) in text and "protection" in like.shared_terms
        # It stays the one the cursor left: typing went on in the description, not in the list.
        assert isinstance(editor.focused, TextArea)
        assert editor.draft is not None
        assert editor.draft.description == "Regional economic communities harmonise protection"


async def test_only_the_compared_answers_look_again(samples_db):
    app = samples_app(samples_db)
    async with app.run_test(size=WIDE) as pilot:
        editor = await write_a_data_protection_draft(pilot)
        looks = editor._similar_generation
        editor.query_one("#input-tags").focus()
        await settle(pilot)
        await type_keys(pilot, "privacy")
        assert editor.draft is not None and editor.draft.tags == ["privacy"]
        assert editor._similar_generation == looks
        editor.query_one("#input-expected_outcomes", TextArea).focus()
        await type_keys(pilot, "A model law")
        assert editor._similar_generation > looks


async def test_a_session_read_beside_the_draft_and_back_keeps_the_cursor_and_the_text(samples_db):
    app = samples_app(samples_db)
    async with app.run_test(size=WIDE) as pilot:
        editor = await write_a_data_protection_draft(pilot)
        description = editor.query_one("#input-description", TextArea)
        await pilot.press("left", "left", "left")
        await settle(pilot)
        where = description.cursor_location
        assert editor.draft is not None and editor.draft.id is not None
        with Catalogue(samples_db) as other:
            revisions = len(other.history(editor.draft.id))

        await pilot.press("ctrl+l")
        await settle(pilot)
        panel = editor.query_one(SimilarPanel)
        assert editor.focused is panel.list and panel.list.highlighted == 0
        await pilot.press("enter")
        await settle(pilot)
        beside = app.screen
        assert isinstance(beside, SessionBeside)
        assert beside.session is not None and beside.session.title == DATA_PROTECTION
        text = screen_text(app)
        assert "Read only, beside the draft" in text and "OF #12" in text
        # The draft stays in sight on the left.
        assert "Data rules across borders" in text or "Regional economic" in text

        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is editor
        assert editor.focused is description
        assert description.cursor_location == where
        assert description.text == "Regional economic communities harmonise protection"
        # Reading another session stored nothing.
        with Catalogue(samples_db) as other:
            assert len(other.history(editor.draft.id)) == revisions
        # And the next key goes where the cursor was.
        await type_keys(pilot, "X")
        assert description.text == "Regional economic communities harmonise protectXion"


async def test_escape_in_the_list_goes_back_to_the_draft_not_to_the_catalogue(samples_db):
    app = samples_app(samples_db)
    async with app.run_test(size=WIDE) as pilot:
        editor = await write_a_data_protection_draft(pilot)
        description = editor.query_one("#input-description", TextArea)
        await pilot.press("ctrl+l")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is editor and editor.focused is description
        # ctrl+l again and again: there and back.
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert isinstance(editor.focused, SimilarList)
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert editor.focused is description


async def test_the_session_view_lists_sessions_like_it_and_enter_reads_one(samples_db):
    session_id = id_of(samples_db, DATA_PROTECTION)
    app = samples_app(samples_db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.navigate.open_session(app.catalogue, session_id)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionDetailScreen)
        similar = screen.query_one(SessionView).similar
        found = similar.list.found
        assert 0 < len(found) <= SIMILAR_SHOWN
        assert session_id not in [like.id for like in found]

        await pilot.press("l")
        await settle(pilot)
        assert screen.focused is similar.list
        text = screen_text(app)
        assert "Sessions like this" in text
        first = found[0]
        assert f"{first.score:.2f}  {first.year}" in text and (first.title or "")[:30] in text

        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SessionDetailScreen) and app.screen.session_id == first.id
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen


async def test_help_and_the_footer_name_the_key(samples_db):
    app = samples_app(samples_db)
    async with app.run_test(size=WIDE) as pilot:
        editor = await new_draft(pilot)
        [line] = [line for line in keys_of(editor) if line.action == "like_this"]
        assert line.keys == "^l" and line.description == "Like this"
        assert "^l Like this" in screen_text(app).splitlines()[-1]


async def test_the_keymap_moves_the_key(samples_db, notes):
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[keymap]\n"editor.like_this" = "f12"\n', encoding="utf-8")
    app = samples_app(samples_db, load_settings())
    async with app.run_test(size=WIDE) as pilot:
        editor = await write_a_data_protection_draft(pilot)
        assert [message for title, message, _severity in notes if title == "Keys not changed"] == []
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert isinstance(editor.focused, TextArea)
        await pilot.press("f12")
        await settle(pilot)
        assert isinstance(editor.focused, SimilarList)
        [line] = [line for line in keys_of(editor) if line.action == "like_this"]
        assert line.keys == "f12"
