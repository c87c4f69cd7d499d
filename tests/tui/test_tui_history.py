"""The history screen, driven by Pilot on a real catalogue: revisions, differences, restoring."""

from __future__ import annotations

from datetime import timedelta

from history_apps import (
    FIRST_DESCRIPTION,
    SECOND_DESCRIPTION,
    catalogue_with_history,
    history_app,
    local_zone,  # noqa: F401 - a fixture
)
from snapshot_apps import screen_text, settle
from textual.widgets import Footer

from igftui.store import Catalogue
from igftui.tui.dialogs.confirm import ConfirmDialog
from igftui.tui.screens.history import HistoryScreen
from igftui.tui.screens.session_detail import SessionDetailScreen
from igftui.tui.widgets.change_watcher import ChangeWatcher
from igftui.tui.widgets.revision_table import RevisionTable

SIZE = (120, 36)


async def open_history(app, pilot, session_id: int, results: list | None = None) -> HistoryScreen:
    await settle(pilot)
    screen = HistoryScreen(app.catalogue, session_id)
    app.push_screen(screen, results.append if results is not None else None)
    await settle(pilot)
    assert app.screen is screen
    return screen


def rows_of(screen: HistoryScreen) -> list[list[str]]:
    table = screen.query_one(RevisionTable)
    return [[cell.plain for cell in table.get_row_at(row)] for row in range(table.row_count)]


async def test_revisions_are_listed_newest_first_in_the_users_words(db, local_zone):
    app, session_id = history_app(db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(app, pilot, session_id)
        rows = rows_of(screen)
        assert [row[0] for row in rows] == ["3 (now)", "2", "1"]
        assert [row[2] for row in rows] == ["typed", "typed", "typed"]
        assert {row[3] for row in rows} == {"amina"}
        # Kept in UTC, shown in the user's own time (UTC+5:30).
        first = app.catalogue.history(session_id)[0].saved_at
        assert rows[2][1] == (first + timedelta(hours=5, minutes=30)).strftime("%Y-%m-%d %H:%M")
        assert first.utcoffset() == timedelta(0) and first.hour == 9
        assert rows[1][4] == "Description"
        assert rows[0][4] == "Title, Private notes"
        assert rows[2][4] == "(the first text)"
        shown = screen_text(app)
        assert "Trust and mistrust online · 3 revisions kept" in shown


async def test_an_older_revision_shows_the_changed_description_word_by_word(db, local_zone):
    app, session_id = history_app(db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(app, pilot, session_id)
        await pilot.press("j", "j")
        await settle(pilot)
        assert screen.compared == 1
        shown = screen_text(app)
        assert "Revision 1 · typed · 2026-03-02 15:17 · by amina, compared with the current text" in shown
        assert "Description" in shown
        assert "~ A round table on how [-distrust-]{+mistrust+} splits what people see {+and share +}online." in shown
        # Only the fields that differ: the format and the people are the same.
        assert "Round Table" not in shown and "Amina Diallo" not in shown
        assert "Private notes  (private: never exported unless you ask)" in shown
        assert "+ Ask Amina before naming her employer" in shown
        assert "~ Trust {+and mistrust +}online" in shown
        # What the marks mean is said, not left to colour.
        assert "-  only in revision 1   +  only in the current text   ~  words changed" in shown


async def test_the_newest_revision_is_the_current_text(db, local_zone, notes):
    app, session_id = history_app(db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(app, pilot, session_id)
        assert screen.compared == 3
        assert "Nothing differs: revision 3 holds the same text as the current text" in screen_text(app)
        await pilot.press("r")
        await settle(pilot)
        assert app.screen is screen
        assert notes[-1][1].startswith("Revision 3 is the current text: there is nothing to restore")


async def test_restoring_asks_first_and_keeps_the_restore_as_a_new_revision(db, local_zone):
    app, session_id = history_app(db)
    results: list = []
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(app, pilot, session_id, results)
        await pilot.press("j", "j")
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert "Bring back the text of revision 1" in dialog.question
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is screen
        session = app.catalogue.get(session_id)
        assert session.description == FIRST_DESCRIPTION and session.title == "Trust online"
        history = app.catalogue.history(session_id)
        assert [(r.number, r.origin) for r in history][-1] == (4, "restored")
        # The text it replaced is still there.
        assert app.catalogue.revision(session_id, 3).description == SECOND_DESCRIPTION
        assert rows_of(screen)[0][0] == "4 (now)" and rows_of(screen)[0][2] == "restored"
        # The cursor stayed on revision 1, which is now the same as the current text.
        assert screen.compared == 1
        assert "Nothing differs" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert results and results[0] is not None
        assert results[0].description == FIRST_DESCRIPTION
        assert results[0].version == session.version


async def test_saying_no_restores_nothing(db, local_zone):
    app, session_id = history_app(db)
    results: list = []
    async with app.run_test(size=SIZE) as pilot:
        await open_history(app, pilot, session_id, results)
        await pilot.press("j", "r")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert len(app.catalogue.history(session_id)) == 3
        await pilot.press("escape")
        await settle(pilot)
        assert results == [None]


async def test_a_save_made_elsewhere_meanwhile_is_never_overwritten(db, local_zone, notes):
    app, session_id = history_app(db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(app, pilot, session_id)
        await pilot.press("j", "j")
        await settle(pilot)
        with Catalogue(db) as elsewhere:
            theirs = elsewhere.get(session_id)
            elsewhere.update(theirs.model_copy(update={"description": "Typed in another window."}))
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.catalogue.get(session_id).description == "Typed in another window."
        assert all(r.origin != "restored" for r in app.catalogue.history(session_id))
        title, message, severity = notes[-1]
        assert title == "Revision 1 not restored" and severity == "warning"
        assert "Nothing was overwritten" in message
        # The history was read again: the other window's save is there.
        assert rows_of(screen)[0][0] == "4 (now)"


async def test_a_save_elsewhere_shows_in_the_open_history(db, local_zone):
    app, session_id = history_app(db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(app, pilot, session_id)
        await pilot.press("j")
        await settle(pilot)
        with Catalogue(db) as elsewhere:
            theirs = elsewhere.get(session_id)
            elsewhere.update(theirs.model_copy(update={"room": "Room 4"}))
        screen.query_one(ChangeWatcher).look()
        await settle(pilot)
        assert [row[0] for row in rows_of(screen)] == ["4 (now)", "3", "2", "1"]
        assert screen.query_one(RevisionTable).selected().number == 2


async def test_h_in_the_session_view_opens_the_history_and_a_restore_shows_there(db, local_zone):
    catalogue, session_id = catalogue_with_history(db)
    from igftui.config import Settings
    from igftui.tui.app import IgfApp
    from igftui.tui.delays import INSTANT

    app = IgfApp(catalogue, Settings(), delays=INSTANT)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        detail = SessionDetailScreen(app.catalogue, session_id)
        app.push_screen(detail)
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("j", "j", "r")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is detail
        assert detail.session.title == "Trust online"
        assert "Trust online" in screen_text(app)


async def test_every_binding_is_described_and_named(db, local_zone):
    app, session_id = history_app(db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(app, pilot, session_id)
        for node in (screen, screen.query_one(RevisionTable), screen.query_one("#differences")):
            for binding in node.BINDINGS:
                assert binding.description and binding.tooltip and binding.id, binding
        footer = screen.query_one(Footer)
        assert footer is not None
        assert "r Restore" in screen_text(app) and "esc Back" in screen_text(app)


async def test_history_is_in_the_palette_of_the_session_view(db, local_zone):
    app, session_id = history_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        detail = SessionDetailScreen(app.catalogue, session_id)
        app.push_screen(detail)
        await settle(pilot)
        titles = [command.title for command in app.get_system_commands(detail)]
        assert "History" in titles
        history = await open_history(app, pilot, session_id)
        await pilot.press("j")
        await settle(pilot)
        titles = [command.title for command in app.get_system_commands(history)]
        assert "Restore this revision" in titles and "Back" in titles


async def test_a_co_organisers_text_kept_beside_the_users_can_be_taken(db, local_zone):
    """An import in conflict with the user's text is kept as a newer revision; the user's
    text stays current, is marked "now", and the co-organiser's can be restored."""
    from igftui.config import Settings
    from igftui.model import ForumSession
    from igftui.tui.app import IgfApp
    from igftui.tui.delays import INSTANT

    catalogue = Catalogue(db)
    draft = catalogue.add(ForumSession(status="draft", year=2026, title="Our session", description="The first words."))
    sent = catalogue.seal_revision(draft.id)
    catalogue.update(catalogue.get(draft.id).model_copy(update={"description": "My words."}))
    returned = sent.model_copy(update={"description": "Their words.", "id": None})
    (outcome,) = catalogue.import_sessions([returned])
    assert outcome.conflicts == ("description",) and outcome.their_revision == 3
    app = IgfApp(catalogue, Settings(), delays=INSTANT)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(app, pilot, draft.id)
        rows = rows_of(screen)
        assert [(row[0], row[2]) for row in rows] == [("3", "imported"), ("2 (now)", "typed"), ("1", "typed")]
        assert "~ [-Their-]{+My+} words." in screen_text(app)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.catalogue.get(draft.id).description == "Their words."
        # Their text is the newest revision already: it becomes the current one, and
        # the user's words stay in revision 2.
        assert [row[0] for row in rows_of(screen)] == ["3 (now)", "2", "1"]
        assert app.catalogue.revision(draft.id, 2).description == "My words."
