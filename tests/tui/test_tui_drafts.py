"""Deleting, duplicating and bringing back drafts in the app, driven by Pilot on a real catalogue."""

from __future__ import annotations

from pathlib import Path

from snapshot_apps import screen_text, settle, wait_until
from textual.command import CommandList
from textual.widgets import Input

from igftui.config import Settings
from igftui.model import AgendaItem, ForumSession, Participant
from igftui.store import Catalogue
from igftui.tui.app import IgfApp
from igftui.tui.delays import INSTANT
from igftui.tui.dialogs.confirm import ConfirmDialog
from igftui.tui.dialogs.help import HelpScreen
from igftui.tui.screens.catalogue import CatalogueScreen
from igftui.tui.screens.deleted_drafts import DeletedDraftsScreen, DeletedTable
from igftui.tui.screens.proposal_editor import ProposalEditor
from igftui.tui.screens.session_detail import SessionDetailScreen
from igftui.tui.widgets.session_table import SessionTable

SIZE = (120, 36)


def app_with(db: Path) -> tuple[IgfApp, ForumSession, ForumSession]:
    """The app on a catalogue of one IGF page (2018) and one draft of the user's (2026, listed first)."""
    catalogue = Catalogue(db)
    page = catalogue.add(
        ForumSession(status="catalogued", year=2018, title="A page of the IGF's record"), origin="imported"
    )
    draft = catalogue.add(
        ForumSession(
            status="draft",
            year=2026,
            session_type="workshop",
            title="Rapid response for community radio",
            participants=[Participant(name="Ana Souza", roles=["speaker"])],
            agenda=[AgendaItem(title="Case", minutes=20)],
        )
    )
    return IgfApp(catalogue, Settings(), delays=INSTANT), page, draft


def table_of(app: IgfApp) -> SessionTable:
    return app.screen.query_one(SessionTable)


async def select(pilot, session_id: int) -> None:
    table = table_of(pilot.app)
    row = table.row_of(str(session_id))
    assert row is not None, "the session is not in the list"
    table.move_cursor(row)
    await pilot.pause()


def titles_listed(app: IgfApp) -> list[str]:
    table = table_of(app)
    return [table.cells_at(row)[3].plain for row in range(table.row_count)]


async def test_delete_asks_naming_the_title_and_cancel_keeps_it(tmp_path, notes):
    app, _page, draft = app_with(tmp_path / "c.db")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, draft.id)
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Rapid response for community radio" in screen_text(app)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, CatalogueScreen)
        assert app.catalogue.get(draft.id).title == draft.title
        assert "Rapid response for community radio" in titles_listed(app)


async def test_delete_then_bring_back_from_the_deleted_drafts_view(tmp_path, notes):
    app, _page, draft = app_with(tmp_path / "c.db")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, draft.id)
        await pilot.press("ctrl+d")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert app.catalogue.deleted_drafts()[0].uid == draft.uid
        assert "Rapid response for community radio" not in titles_listed(app)
        title, message, _severity = notes[-1]
        assert title == "Deleted" and "Deleted drafts" in message and "Rapid response" in message
        await pilot.press("u")
        await settle(pilot)
        assert isinstance(app.screen, DeletedDraftsScreen)
        shown = screen_text(app)
        assert "Rapid response for community radio" in shown and f"#{draft.id}" in shown
        assert "Draft" in shown and "Deleted" in shown
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one(DeletedTable).row_count == 0
        assert "No deleted drafts" in screen_text(app)
        back = app.catalogue.get(draft.id)
        assert back.uid == draft.uid and back.to_document() == draft.to_document()
        assert [r.origin for r in app.catalogue.history(draft.id)] == ["typed", "deleted", "restored"]
        await pilot.press("escape")
        await settle(pilot)
        assert "Rapid response for community radio" in titles_listed(app)


async def test_a_catalogued_session_is_not_deleted_and_nothing_is_asked(tmp_path, notes):
    app, page, _draft = app_with(tmp_path / "c.db")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, page.id)
        await pilot.press("delete")
        await settle(pilot)
        assert isinstance(app.screen, CatalogueScreen)
        assert notes[-1][0] == "Not deleted" and "catalogued IGF session" in notes[-1][1]
        assert app.catalogue.get(page.id).title == page.title


async def test_duplicate_key_copies_the_selected_session(tmp_path, notes):
    app, page, draft = app_with(tmp_path / "c.db")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, draft.id)
        await pilot.press("D")
        await settle(pilot)
        assert "Copy of Rapid response for community radio" in titles_listed(app)
        assert notes[-1][0] == "Copied"
        copy = next(s for s in app.catalogue.list() if s.title.startswith("Copy of"))
        assert copy.status == "draft" and copy.id not in (page.id, draft.id)
        assert [p.name for p in app.catalogue.get(copy.id).participants] == ["Ana Souza"]


async def test_the_palette_and_help_offer_delete_duplicate_and_deleted_drafts(tmp_path):
    app, page, draft = app_with(tmp_path / "c.db")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, draft.id)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for title in ("Delete draft", "Duplicate", "Deleted drafts"):
            assert titles.count(title) == 1, title
        await select(pilot, page.id)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Delete draft" not in titles and "Duplicate" in titles
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = {line.description: line.keys for line in app.screen.keys}
        assert keys["Delete"] == "del, ^d" and keys["Duplicate"] == "D" and keys["Deleted drafts"] == "u"
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"deleted drafts")
        # The palette searches in a worker: wait for it, then for the list it fills.
        await settle(pilot)
        options = app.screen.query_one(CommandList).options
        assert str(options[0].prompt).split("\n")[0] == "Deleted drafts"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DeletedDraftsScreen)


async def test_the_session_view_duplicates_and_refuses_to_delete_a_page(tmp_path, notes):
    app, page, _draft = app_with(tmp_path / "c.db")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(SessionDetailScreen(app.catalogue, page.id))
        await settle(pilot)
        await pilot.press("delete")
        await settle(pilot)
        assert isinstance(app.screen, SessionDetailScreen)
        assert notes[-1][0] == "Not deleted"
        await pilot.press("D")
        await settle(pilot)
        assert notes[-1][0] == "Copied"
        assert any(
            s.title == "Copy of A page of the IGF's record" and s.status == "draft" for s in app.catalogue.list()
        )


async def test_the_editor_palette_deletes_the_draft_and_goes_back(tmp_path, notes):
    app, _page, draft = app_with(tmp_path / "c.db")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, draft.id)
        await pilot.press("enter")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, ProposalEditor)
        titles = [command.title for command in app.get_system_commands(editor)]
        assert "Delete this draft" in titles and "Duplicate this draft" in titles
        editor.query_one("#input-title", Input).value = "Typed just before deleting"
        await pilot.pause()
        editor.action_delete_draft()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, CatalogueScreen)
        [deleted] = app.catalogue.deleted_drafts()
        # What was typed last is what was deleted, so it comes back too.
        assert deleted.title == "Typed just before deleting"
        # The list is read again once the deletion is stored: a chain of workers (save, leave,
        # delete, read) that a busy machine may not finish within one settle.
        await wait_until(
            pilot, lambda: "Typed just before deleting" not in titles_listed(app), "the deleted draft leaves the list"
        )


async def test_a_draft_deleted_elsewhere_while_open_is_stored_again_on_the_next_save(tmp_path, notes):
    db = tmp_path / "c.db"
    app, _page, draft = app_with(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        editor = ProposalEditor(app.catalogue, session_id=draft.id)
        app.push_screen(editor)
        await settle(pilot)
        with Catalogue(db) as other:
            other.delete_draft(draft.id)
        editor.query_one("#input-title", Input).value = "Still being written"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is editor and not editor.unsaved
        stored = app.catalogue.get(draft.id)
        assert (stored.uid, stored.title) == (draft.uid, "Still being written")
        assert [r.origin for r in app.catalogue.history(draft.id)] == ["typed", "deleted", "typed"]
        assert any(title == "Draft stored again" for title, _message, _severity in notes)
        assert "Saved at" in screen_text(app)


async def test_the_editor_duplicates_what_is_typed_and_stays_open(tmp_path, notes):
    app, _page, draft = app_with(tmp_path / "c.db")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        editor = ProposalEditor(app.catalogue, session_id=draft.id)
        app.push_screen(editor)
        await settle(pilot)
        editor.query_one("#input-title", Input).value = "Typed before copying"
        await pilot.pause()
        editor.action_duplicate()
        await settle(pilot)
        assert app.screen is editor
        assert notes[-1][0] == "Copied"
        titles = [s.title for s in app.catalogue.list()]
        assert "Copy of Typed before copying" in titles and "Typed before copying" in titles
