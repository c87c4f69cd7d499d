"""The catalogue screen, driven by Pilot on a real temporary catalogue."""

from __future__ import annotations

import gc
import sqlite3
import threading
from contextlib import contextmanager
from dataclasses import replace

from snapshot_apps import (
    SIZE,
    catalogue_app,
    filled_catalogue,
    screen_text,
    settle,
    wait_for_palette,
    wait_until,
)
from sqlalchemy import text
from textual.widgets import ContentSwitcher, Footer

from igftui.config import Settings
from igftui.store import Catalogue, SessionFilter
from igftui.store.first_page import FirstPageReading
from igftui.store.paging import PAGE_SIZE
from igftui.tui.app import IgfApp
from igftui.tui.delays import INSTANT
from igftui.tui.dialogs.help import HelpScreen
from igftui.tui.screens.catalogue import CatalogueScreen
from igftui.tui.screens.session_detail import SessionDetailScreen
from igftui.tui.widgets.empty_state import EmptyState
from igftui.tui.widgets.session_table import SessionTable


def table_of(app: IgfApp) -> SessionTable:
    return app.screen.query_one(SessionTable)


async def test_list_shows_sessions_with_labels_and_count(db):
    app = catalogue_app(db, 30)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = table_of(app)
        assert table.row_count == 30
        shown = screen_text(app)
        assert "30 sessions" in shown
        for header in ("Code", "Year", "Type", "Title", "Format", "Status"):
            assert header in shown
        first = app.catalogue.list(limit=1)[0]
        cells = [cell.plain for cell in table.cells_at(0)]
        assert cells[0] == first.code and cells[3] == first.title
        labels = {cell.plain for row in range(table.row_count) for cell in table.cells_at(row)}
        assert {"Workshop", "Open Forum", "Round Table", "Panel", "Catalogued"} <= labels
        assert "round_table" not in labels and "open_forum" not in labels


async def test_one_session_is_counted_in_the_singular(db):
    app = catalogue_app(db, 1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "1 session " in screen_text(app)


class SlowCatalogue(Catalogue):
    """The real catalogue, but listing waits until the test lets it go."""

    def __init__(self, path):
        super().__init__(path)
        self.release = threading.Event()

    def list(self, *args, **kwargs):
        self.release.wait(10)
        return super().list(*args, **kwargs)


async def test_screen_paints_before_the_data_arrives(db):
    filled_catalogue(db, 5).close()
    catalogue = SlowCatalogue(db)
    app = IgfApp(catalogue, Settings(), delays=INSTANT)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Loading" in screen_text(app)
        assert app.screen.query_one("#catalogue-body", ContentSwitcher).current == "loading"
        catalogue.release.set()
        await settle(pilot)
        assert table_of(app).row_count == 5
        assert "Loading" not in screen_text(app)


async def test_keys_move_the_cursor(db):
    app = catalogue_app(db, 30)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = table_of(app)
        assert table.has_focus and table.cursor_row == 0
        await pilot.press("j", "j", "down")
        assert table.cursor_row == 3
        await pilot.press("k")
        assert table.cursor_row == 2
        await pilot.press("up")
        assert table.cursor_row == 1
        await pilot.press("G")
        assert table.cursor_row == 29
        await pilot.press("g")
        assert table.cursor_row == 0


async def test_enter_opens_the_selected_session_and_escape_returns(db):
    app = catalogue_app(db, 30)
    async with app.run_test(size=(120, 60)) as pilot:
        await settle(pilot)
        listed = app.catalogue.list(limit=30)
        # A catalogued session (the user's own proposals open in the editor instead).
        row = next(n for n, s in enumerate(listed) if n >= 3 and s.status == "catalogued")
        await pilot.press(*"j" * row)
        chosen = listed[row]
        await pilot.press("enter")
        await settle(pilot)
        detail = app.screen
        assert isinstance(detail, SessionDetailScreen)
        assert detail.session_id == chosen.id
        assert detail.session is not None and detail.session.title == chosen.title
        shown = screen_text(app)
        assert chosen.title in shown
        assert chosen.code in shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CatalogueScreen)
        assert table_of(app).cursor_row == row


async def test_detail_shows_people_and_agenda_with_labels(db):
    app = catalogue_app(db, 10)
    async with app.run_test(size=(120, 80)) as pilot:
        await settle(pilot)
        listed = app.catalogue.list(limit=10)
        row = next(n for n, s in enumerate(listed) if s.status == "catalogued")
        chosen = listed[row]
        session = app.catalogue.get(chosen.id)
        await pilot.press(*"j" * row, "enter")
        await settle(pilot)
        shown = screen_text(app)
        for person in session.participants:
            assert person.name in shown
        # Labels, not contract values (long ones wrap in their column, so check short ones).
        for label in ("Civil Society", "Government", "African Group", "Asia-Pacific Group", "Organizer, Moderator"):
            assert label in shown
        assert "civil_society" not in shown
        assert "Open discussion with the room and online" in shown
        assert str(session.agenda_minutes()) in shown
        assert session.policy_questions[0] in shown


async def test_empty_catalogue_says_what_igftui_is(db):
    app = catalogue_app(db, 0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#catalogue-body", ContentSwitcher).current == "empty"
        assert app.screen.query_one(EmptyState).display
        assert not table_of(app).display
        shown = screen_text(app)
        assert "Internet Governance Forum" in shown
        assert "Press s to load the sample catalogue" in shown
        # Nothing to open: enter is not offered and does nothing.
        assert "Open" not in shown.splitlines()[-1]
        await pilot.press("enter")
        assert isinstance(app.screen, CatalogueScreen)


async def test_s_loads_the_samples_once(db, notes):
    from igftui.formats.samples import sample_sessions

    expected = len(sample_sessions())
    app = catalogue_app(db, 0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert table_of(app).row_count == min(expected, SessionTable.PAGE_SIZE)
        assert app.screen.query_one("#catalogue-body", ContentSwitcher).current == "sessions"
        assert f"{expected} sessions" in screen_text(app)
        assert ("", f"Loaded {expected} sample sessions", "information") in notes
        await pilot.press("s")
        await settle(pilot)
        assert ("", "The sample sessions are already in the catalogue", "information") in notes
        assert app.catalogue.count() == expected


async def test_samples_loaded_by_another_copy_show_up(db, notes):
    # A second igftui on the same catalogue loads the samples while this one shows it empty.
    from igftui.formats.samples import sample_sessions
    from igftui.services.samples import load_samples
    from igftui.store import Catalogue

    app = catalogue_app(db, 0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#catalogue-body", ContentSwitcher).current == "empty"
        with Catalogue(db) as other_copy:
            load_samples(other_copy)
        await pilot.press("s")
        await settle(pilot)
        assert ("", "The sample sessions are already in the catalogue", "information") in notes
        assert table_of(app).row_count == len(sample_sessions())
        assert app.screen.query_one("#catalogue-body", ContentSwitcher).current == "sessions"


async def test_samples_that_cannot_be_read_are_reported(db, notes, monkeypatch):
    import igftui.formats.samples as samples

    def missing():
        raise FileNotFoundError(2, "No such file or directory", "samples.json")

    monkeypatch.setattr(samples, "sample_sessions", missing)
    app = catalogue_app(db, 0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert app.is_running
        assert [(t, sev) for t, _m, sev in notes] == [("Could not load the samples", "error")]
        assert app.screen.query_one("#catalogue-body", ContentSwitcher).current == "empty"


async def test_a_failing_catalogue_is_reported_not_a_traceback(db, notes):
    catalogue = filled_catalogue(db, 3)
    with catalogue.engine.begin() as connection:
        connection.execute(text("DROP TABLE participant"))
        connection.execute(text("DROP TABLE session"))
    app = IgfApp(catalogue, Settings(), delays=INSTANT)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.is_running
        assert any(
            title == "Could not read the catalogue" and severity == "error" for title, _message, severity in notes
        )
        assert "The catalogue could not be read." in screen_text(app)


async def test_help_lists_the_keys_of_the_screen(db):
    app = catalogue_app(db, 5)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        described = {line.description: line.keys for line in help_screen.keys}
        assert described["Open"] == "⏎"
        assert described["Quit"] in ("q", "^q")
        assert "Load samples" in described and "Help" in described
        assert any(line.keys == "↓, j" for line in help_screen.keys)
        # The screen's own keys come first, on the first page; the list's come after them.
        assert help_screen.keys[0].group == "Catalogue"
        assert "New draft" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CatalogueScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, CatalogueScreen)


async def test_help_on_the_detail_screen_lists_back(db):
    app = catalogue_app(db, 5)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "Back" in {line.description for line in app.screen.keys}


async def test_q_quits(db):
    app = catalogue_app(db, 5)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


async def test_palette_offers_the_screen_actions(db):
    app = catalogue_app(db, 5)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for title in ("Open session", "Load samples", "Help", "Quit", "Theme"):
            assert titles.count(title) == 1, title
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"open session")
        await wait_for_palette(pilot, "Open session")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SessionDetailScreen)


#: A guard against a hang only: a gate is always opened by its test (see GatedCatalogue.opened).
GATE_HELD_AT_MOST = 120


class GatedCatalogue(Catalogue):
    """The real catalogue, but reading rows past the first page, or counting, waits until the test lets it go."""

    def __init__(self, path):
        super().__init__(path)
        self.pages = threading.Event()
        self.counting = threading.Event()
        self.pages.set()
        self.counting.set()

    @contextmanager
    def opened(self):
        """Open both gates on leaving, whatever happened: a held worker would keep the app from closing."""
        try:
            yield self
        finally:
            self.pages.set()
            self.counting.set()

    def list(self, *args, **kwargs):
        if kwargs.get("offset", 0):
            self.pages.wait(GATE_HELD_AT_MOST)
        return super().list(*args, **kwargs)

    def count(self, *args, **kwargs):
        self.counting.wait(GATE_HELD_AT_MOST)
        return super().count(*args, **kwargs)


async def test_the_list_is_as_long_as_the_catalogue_but_only_pages_in_sight_are_read(db):
    app = catalogue_app(db, 1000)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = table_of(app)
        assert table.total == table.row_count == 1000
        assert "1,000 sessions" in screen_text(app)
        assert table.item_at(SessionTable.PAGE_SIZE) is None
        # Moving a little does not read more.
        await pilot.press(*["down"] * 20)
        await settle(pilot)
        assert table.item_at(SessionTable.PAGE_SIZE) is None
        # The scroll bar knows every row: the list scrolls as far as the 1,000th.
        assert table.max_scroll_y == 1000 - table.rows_in_sight


async def test_g_goes_to_the_last_of_a_thousand_sessions_and_g_back_to_the_first(db):
    app = catalogue_app(db, 1000)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = table_of(app)
        await pilot.press("G")
        assert table.cursor_row == 999
        await settle(pilot)
        last = app.catalogue.list(limit=1, offset=999)[0]
        assert table.selected_id() == last.id
        assert last.code in screen_text(app)
        # Only the pages near the end were read on the way.
        assert table.item_at(500) is None
        await pilot.press("g")
        await settle(pilot)
        first = app.catalogue.list(limit=1)[0]
        assert table.cursor_row == 0 and table.selected_id() == first.id
        assert first.code in screen_text(app)
        await pilot.press("end")
        assert table.cursor_row == 999
        await pilot.press("home")
        await pilot.press("ctrl+end")
        assert table.cursor_row == 999


async def test_page_down_moves_one_screen_and_page_up_back(db):
    app = catalogue_app(db, 1000)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = table_of(app)
        sight = table.rows_in_sight
        assert sight > 10
        await pilot.press("down", "down")
        await pilot.press("pagedown")
        assert table.cursor_row == 2 + sight and table.first_row_in_sight == sight
        for _ in range(10):
            await pilot.press("pagedown")
        await settle(pilot)
        assert table.cursor_row == 2 + 11 * sight and table.first_row_in_sight == 11 * sight
        expected = app.catalogue.list(limit=1, offset=table.cursor_row)[0]
        assert table.selected_id() == expected.id
        await pilot.press("pageup")
        assert table.cursor_row == 2 + 10 * sight and table.first_row_in_sight == 10 * sight


async def test_rows_not_read_yet_show_as_placeholders_then_arrive(db):
    filled_catalogue(db, 1000).close()
    catalogue = GatedCatalogue(db)
    app = IgfApp(catalogue, Settings(), delays=INSTANT)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = table_of(app)
        catalogue.pages.clear()
        with catalogue.opened():
            await pilot.press("G")
            await wait_until(pilot, lambda: table.paging.waiting, "the last page asked for", workers=False)
            await pilot.pause()
            assert table.cursor_row == 999 and table.selected_id() is None
            shown = screen_text(app)
            assert "…" in shown and "Catalogued" not in shown
        # (the gate is open again)
        await settle(pilot)
        last = app.catalogue.list(limit=1, offset=999)[0]
        assert table.selected_id() == last.id and last.code in screen_text(app)


async def test_the_first_page_shows_before_the_count(db):
    filled_catalogue(db, 300).close()
    catalogue = GatedCatalogue(db)
    catalogue.counting.clear()
    app = IgfApp(catalogue, Settings(), delays=INSTANT)
    async with app.run_test(size=SIZE) as pilot:
        with catalogue.opened():
            table = table_of(app)
            await wait_until(pilot, lambda: table.row_count, "the first page shown", workers=False)
            await pilot.pause()
            assert "counting…" in screen_text(app)
            first = catalogue.list(limit=1)[0]
            assert first.code in screen_text(app)
            # Until counted, the list is as long as what was read, and grows as pages come.
            assert table.total is None and table.row_count == SessionTable.PAGE_SIZE
            await pilot.press("G")
            await wait_until(pilot, lambda: table.row_count == 300, "the second page read", workers=False)
            catalogue.counting.set()
            await settle(pilot)
        assert table.total == 300 and "300 sessions" in screen_text(app)


class ExactSearchCountGated(GatedCatalogue):
    """Only the exact count of a search waits for the test: the count up to a limit does not."""

    def count(self, filters=None, **kwargs):
        if filters is not None and filters.query and kwargs.get("at_most") is None:
            self.counting.wait(GATE_HELD_AT_MOST)
        return Catalogue.count(self, filters, **kwargs)


async def test_a_search_found_in_many_sessions_says_more_than_until_counted(db):
    filled_catalogue(db, 30).close()
    catalogue = ExactSearchCountGated(db)
    # One letter: found in many of the sessions.
    word = catalogue.list()[0].title[0].lower()
    found = catalogue.count(SessionFilter(query=word))
    assert found > 2
    catalogue.counting.clear()
    app = IgfApp(catalogue, Settings(), delays=INSTANT)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        screen.COUNTED_AT_ONCE = found - 1
        with catalogue.opened():
            await pilot.press("slash", word)
            await wait_until(
                pilot, lambda: f"more than {found - 1} of 30 sessions" in screen_text(app), "more than", workers=False
            )
            catalogue.counting.set()
            await settle(pilot)
        assert f"{found} of 30 sessions" in screen_text(app) and "more than" not in screen_text(app)
        assert table_of(app).total == found
        # Found no more than it counts at once: that count is the exact one, and the count
        # that would wait for the test is never asked for (settle would wait for it).
        await pilot.press("escape")
        await settle(pilot)
        screen.COUNTED_AT_ONCE = found
        catalogue.counting.clear()
        with catalogue.opened():
            await pilot.press("slash", word)
            await settle(pilot)
            assert f"{found} of 30 sessions" in screen_text(app) and "more than" not in screen_text(app)


async def test_usable_at_80_by_24(db):
    app = catalogue_app(db, 30)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = table_of(app)
        footer = app.screen.query_one(Footer)
        assert table.display and footer.display
        assert table.region.height >= 15 and table.region.width == 80
        assert footer.region.y == 23
        assert sum(table.column_width(key) + 2 * table.cell_padding for key in table.column_keys) <= 78
        title = table.column_width("title")
        assert title >= 20
        bottom = screen_text(app).splitlines()[-1]
        for word in ("Open", "Quit", "Help"):
            assert word in bottom


async def test_theme_comes_from_the_settings(db, notes):
    app = catalogue_app(db, 1, Settings(theme="nord"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "nord"


async def test_an_unknown_theme_is_reported_and_ignored(db, notes):
    app = catalogue_app(db, 1, Settings(theme="no-such-theme"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"
        assert any("no-such-theme" in message for _title, message, _severity in notes)


async def test_a_theme_picked_in_the_app_is_kept_for_next_time(db):
    from igftui.config import load_settings

    app = catalogue_app(db, 1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.theme = "gruvbox"
        await settle(pilot)
    assert load_settings().theme == "gruvbox"


async def test_no_color_is_respected(db, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = catalogue_app(db, 3)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.no_color
        assert table_of(app).row_count == 3


async def test_the_app_opens_its_catalogue_after_the_first_paint(db):
    # As `igftui` runs it: given the path, the app paints, then opens the catalogue.
    filled_catalogue(db, 5).close()
    app = IgfApp(db, Settings(), delays=INSTANT)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.catalogue is not None and app.catalogue_problem is None
        assert table_of(app).row_count == 5
        assert "5 sessions" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SessionDetailScreen)


async def test_the_first_page_is_on_screen_while_the_catalogue_is_still_opening(db):
    # The first page is read before the catalogue opens: opening it waits here for the
    # write lock another program holds, and the sessions are on screen meanwhile.
    filled_catalogue(db, 5).close()
    other_program = sqlite3.connect(db, isolation_level=None)
    other_program.execute("BEGIN IMMEDIATE")
    app = IgfApp(db, Settings(), delays=INSTANT)
    try:
        async with app.run_test(size=SIZE) as pilot:
            # Not settle(): it would wait for the worker that waits for the lock.
            for _ in range(2000):
                if "5 sessions" in screen_text(app):
                    break
                await pilot.pause()
            assert "5 sessions" in screen_text(app)
            assert table_of(app).row_count == 5
            assert app.catalogue is None
            other_program.execute("COMMIT")
            await settle(pilot)
            assert app.catalogue is not None and app.catalogue_problem is None
            assert table_of(app).row_count == 5
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, SessionDetailScreen)
    finally:
        other_program.close()


async def test_a_first_page_read_while_textual_loaded_is_in_the_first_screen(db):
    # The command line starts reading the first page before it imports Textual: once read,
    # the screen mounts with its rows, without a worker or a second paint to wait for.
    filled_catalogue(db, 5).close()
    reading = FirstPageReading(db, PAGE_SIZE)
    assert reading.wait() is not None
    other_program = sqlite3.connect(db, isolation_level=None)
    other_program.execute("BEGIN IMMEDIATE")  # the catalogue cannot open meanwhile
    app = IgfApp(db, Settings(), delays=INSTANT, first_page=reading)
    try:
        async with app.run_test(size=SIZE) as pilot:
            assert table_of(app).row_count == 5
            assert app.catalogue is None
            assert not [worker for worker in app.workers if worker.group == "first page"]
            assert "5 sessions" in screen_text(app)
            other_program.execute("COMMIT")
            await settle(pilot)
            assert app.catalogue is not None and table_of(app).row_count == 5
    finally:
        other_program.close()


async def test_what_start_up_loaded_is_frozen_once_the_catalogue_is_open_in_a_real_run(db):
    # `igftui` asks for it (run_app); an app made without it (tests, scripts) leaves the collector alone.
    filled_catalogue(db, 3).close()
    gc.unfreeze()
    plain = IgfApp(db, Settings(), delays=INSTANT)
    async with plain.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert plain.catalogue is not None
        assert gc.get_freeze_count() == 0
    plain.catalogue.close()
    app = IgfApp(db, Settings(), delays=INSTANT, freeze_startup=True)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert app.catalogue is not None
            assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()  # this process goes on making apps: their objects must stay collectable
        if app.catalogue is not None:
            app.catalogue.close()


async def test_a_search_typed_while_the_catalogue_is_still_opening_is_not_lost(db):
    # The rows are on screen before the catalogue is open; a user who sees them and types a
    # search at once gets it: the keys wait for the catalogue, then go to the search box.
    catalogue = filled_catalogue(db, 5)
    word = catalogue.list()[0].title.split()[-1].lower()
    found = catalogue.count(SessionFilter(query=word))
    catalogue.close()
    other_program = sqlite3.connect(db, isolation_level=None)
    other_program.execute("BEGIN IMMEDIATE")
    # The key-order safety net (lets held keys go after a while) is out of the way: the
    # keys must wait for the catalogue itself, however long the lock is held.
    app = IgfApp(db, Settings(), delays=replace(INSTANT, keys_wait=3600.0))
    try:
        async with app.run_test(size=SIZE) as pilot:
            # Not wait_until(): it would wait for the worker that waits for the lock.
            for _ in range(2000):
                if table_of(app).row_count == 5:
                    break
                await pilot.pause()
            assert table_of(app).row_count == 5
            assert app.catalogue is None
            await pilot.press("slash", *word)
            assert app.catalogue is None
            other_program.execute("COMMIT")
            await settle(pilot)
            await wait_until(pilot, lambda: table_of(app).row_count == found, "the search's results")
            assert app.screen.query_one("#search").value == word
            assert f"{found} of 5 sessions" in screen_text(app)
    finally:
        other_program.close()


async def test_a_catalogue_that_cannot_be_opened_is_said_on_screen(tmp_path, notes):
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"this is not a database at all " * 100)
    app = IgfApp(bogus, Settings(), delays=INSTANT)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.is_running and app.catalogue is None
        assert "is not an igftui catalogue" in (app.catalogue_problem or "")
        assert "could not be opened" in screen_text(app), screen_text(app)
        assert ("Could not open the catalogue", "error") in [(t, sev) for t, _m, sev in notes]
        # Nothing to load samples into: the key does nothing and is not offered.
        await pilot.press("s")
        await settle(pilot)
        assert app.catalogue is None
        assert "Load samples" not in screen_text(app)
        await pilot.press("q")
    assert bogus.read_bytes().startswith(b"this is not a database")


async def test_a_catalogue_that_becomes_unreadable_is_said_once_in_the_users_words(db, notes):
    # A failing worker reaches the user one way: one notification naming what could not be
    # done, with the store's own sentence as the reason; no traceback, and the app goes on.
    app = IgfApp(filled_catalogue(db, 5), Settings(), delays=INSTANT)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert table_of(app).row_count == 5
        with app.catalogue.engine.begin() as connection:
            connection.execute(text("DROP TABLE participant"))
            connection.execute(text("DROP TABLE session"))
        await pilot.press("slash", "x")
        await settle(pilot)
        assert app.is_running
        failures = [(title, message) for title, message, severity in notes if severity == "error"]
        assert len(failures) == 1, notes
        [(title, message)] = failures
        assert title == "Could not read the catalogue"
        assert message.startswith(f"the catalogue {db}") and "Traceback" not in message
        assert "Traceback" not in screen_text(app)
        # What was shown stays: the user can go on reading it.
        assert table_of(app).row_count == 5


async def test_a_click_selects_a_session_and_a_click_on_the_selected_one_opens_it(db):
    app = catalogue_app(db, 30)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = table_of(app)
        listed = app.catalogue.list(limit=30)
        row = next(n for n, s in enumerate(listed) if n >= 2 and s.status == "catalogued")
        # The header is the list's first line: row n is on line n + 1.
        await pilot.click("#sessions", offset=(5, row + 1))
        assert table.cursor_row == row and isinstance(app.screen, CatalogueScreen)
        await pilot.click("#sessions", offset=(5, row + 1))
        await settle(pilot)
        assert isinstance(app.screen, SessionDetailScreen) and app.screen.session_id == listed[row].id
