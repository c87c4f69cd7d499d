"""Changes made elsewhere show by themselves: the list and an open session follow the catalogue.

A second Catalogue object on the same file stands for another copy of igftui;
one test runs the real command line in a second process.  The tests ask the
screens' ChangeWatcher to look (the app is built with no timer), so they wait
for the check and its reading, never for time.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from snapshot_apps import SIZE, filled_catalogue, screen_text, settle
from textual.widgets import Input

from igftui.config import Settings
from igftui.model import ForumSession
from igftui.store import Catalogue
from igftui.tui.app import IgfApp
from igftui.tui.delays import INSTANT
from igftui.tui.screens.catalogue import CatalogueScreen
from igftui.tui.screens.session_detail import SessionDetailScreen
from igftui.tui.widgets.change_watcher import ChangeWatcher
from igftui.tui.widgets.search_box import SearchBox
from igftui.tui.widgets.session_table import SessionTable

SRC = Path(__file__).resolve().parents[2] / "src"


def quiet_app(db: Path, count: int = 30) -> IgfApp:
    """The real app on ``count`` generated sessions, looking for changes only when told."""
    return IgfApp(filled_catalogue(db, count), Settings(), delays=INSTANT)


async def look(pilot) -> None:
    """Let the screen on top look for changes now, and wait until what it read is shown."""
    pilot.app.screen.query_one(ChangeWatcher).look()
    await settle(pilot)


def table_of(app: IgfApp) -> SessionTable:
    return app.screen.query_one(SessionTable)


def newest(title: str) -> ForumSession:
    # A year after every generated one: it comes first in the list (newest year first).
    return ForumSession(status="catalogued", year=2031, session_type="workshop", number=900, title=title)


async def test_a_session_added_elsewhere_shows_and_the_cursor_stays_on_its_session(db):
    app = quiet_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*"j" * 6)
        table = table_of(app)
        chosen, line = table.selected_id(), table.cursor_row - round(table.scroll_y)
        with Catalogue(db) as elsewhere:
            added = elsewhere.add(newest("Added by another copy of igftui"))
        await look(pilot)
        assert table.row_count == 31
        assert table.cells_at(0)[3].plain == "Added by another copy of igftui"
        assert table.selected_id() == chosen and table.cursor_row == 7
        assert table.cursor_row - round(table.scroll_y) in (line, line + 1)
        assert "31 sessions" in screen_text(app)
        assert added.id is not None


async def test_a_title_changed_elsewhere_shows_in_the_list(db):
    app = quiet_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "j")
        table = table_of(app)
        chosen = table.selected_id()
        with Catalogue(db) as elsewhere:
            session = elsewhere.get(chosen)
            elsewhere.update(session.model_copy(update={"title": "Renamed in another window"}))
        await look(pilot)
        assert table.selected_id() == chosen and table.cursor_row == 2
        assert table.cells_at(2)[3].plain == "Renamed in another window"


async def test_nothing_changed_nothing_is_read_again(db):
    app = quiet_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        before = screen.query_one(SessionTable).paging.listing
        await look(pilot)
        await look(pilot)
        assert screen.query_one(SessionTable).paging.listing == before


async def test_a_session_gone_elsewhere_leaves_the_cursor_on_the_same_row(db):
    app = quiet_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*"j" * 4)
        table = table_of(app)
        gone = table.selected_id()
        with Catalogue(db) as elsewhere:
            elsewhere.delete(gone)
        await look(pilot)
        assert table.row_count == 29
        assert table.cursor_row == 4 and table.selected_id() != gone


async def test_what_is_typed_in_the_search_box_is_kept(db):
    app = quiet_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"human")
        await settle(pilot)
        box = app.screen.query_one(SearchBox)
        matches = table_of(app).row_count
        with Catalogue(db) as elsewhere:
            elsewhere.add(newest("Human rights online, added elsewhere"))
        await look(pilot)
        assert box.value == "human" and app.focused is box
        assert table_of(app).row_count == matches + 1
        await pilot.press(*" rights")
        await settle(pilot)
        assert box.value == "human rights"
        assert app.screen.filters.query == "human rights"


async def test_an_open_session_shows_its_new_title(db):
    app = quiet_app(db)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        session_id = app.catalogue.list(limit=1)[0].id
        app.push_screen(SessionDetailScreen(app.catalogue, session_id))
        await settle(pilot)
        detail = app.screen
        with Catalogue(db) as elsewhere:
            session = elsewhere.get(session_id)
            elsewhere.update(session.model_copy(update={"title": "A title saved in another window"}))
        await look(pilot)
        assert detail.session.title == "A title saved in another window"
        assert "A title saved in another window" in screen_text(app)
        # The list underneath catches up once it is on top again.
        await pilot.press("escape")
        await look(pilot)
        assert isinstance(app.screen, CatalogueScreen)
        assert "A title saved in another window" in screen_text(app)


async def test_the_timer_looks_by_itself(db, monkeypatch):
    # About the timer itself: it looks every 10 ms (the rest stays instant).
    app = IgfApp(filled_catalogue(db, 5), Settings(), delays=replace(INSTANT, watch_every=0.01))
    noticed = asyncio.Event()
    read_again = CatalogueScreen.read_again

    def noticing(screen: CatalogueScreen) -> None:
        noticed.set()
        read_again(screen)

    monkeypatch.setattr(CatalogueScreen, "read_again", noticing)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        with Catalogue(db) as elsewhere:
            elsewhere.add(newest("Noticed without a key pressed"))
        # Waits for the screen to be told, not for a length of time (the bound only stops a hang).
        await asyncio.wait_for(noticed.wait(), timeout=30)
        await settle(pilot)
        assert table_of(app).cells_at(0)[3].plain == "Noticed without a key pressed"


async def test_an_import_by_the_command_line_in_another_process_shows(db, tmp_path):
    app = quiet_app(db, 10)
    page = tmp_path / "session.json"
    page.write_text(json.dumps(newest("Imported from another terminal").to_json()), encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "j")
        chosen = table_of(app).selected_id()
        env = dict(os.environ, PYTHONPATH=str(SRC))
        done = subprocess.run(
            [sys.executable, "-m", "igftui", "--db", str(db), "import", str(page)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        await look(pilot)
        table = table_of(app)
        assert table.cells_at(0)[3].plain == "Imported from another terminal"
        assert table.selected_id() == chosen


async def test_the_watcher_asks_in_a_worker_not_on_the_ui_thread(db, monkeypatch):
    import threading

    app = quiet_app(db, 3)
    asked_from: list[threading.Thread] = []
    real = Catalogue.data_version

    def data_version(self):
        asked_from.append(threading.current_thread())
        return real(self)

    monkeypatch.setattr(Catalogue, "data_version", data_version)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await look(pilot)
        assert asked_from and threading.main_thread() not in asked_from


async def test_the_search_box_keeps_its_text_when_the_list_is_read_again(db):
    app = quiet_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"data")
        await settle(pilot)
        box = app.screen.query_one("#search", Input)
        box.cursor_position = 2
        with Catalogue(db) as elsewhere:
            elsewhere.add(newest("Data added elsewhere"))
        await look(pilot)
        assert box.value == "data" and box.cursor_position == 2


async def test_an_open_session_read_again_stays_scrolled_where_it_was(db):
    app = quiet_app(db)
    async with app.run_test(size=(100, 20)) as pilot:
        await settle(pilot)
        session_id = app.catalogue.list(limit=1)[0].id
        app.push_screen(SessionDetailScreen(app.catalogue, session_id))
        await settle(pilot)
        await pilot.press(*"j" * 8)
        await settle(pilot)
        view = app.screen.query_one("#session")
        assert view.scroll_y == 8
        with Catalogue(db) as elsewhere:
            session = elsewhere.get(session_id)
            elsewhere.update(session.model_copy(update={"expected_outcomes": "Changed elsewhere."}))
        await look(pilot)
        assert app.screen.session.expected_outcomes == "Changed elsewhere."
        assert view.scroll_y == 8


async def test_an_empty_catalogue_shows_what_another_copy_imported(db):
    app = quiet_app(db, 0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "The catalogue is empty" in screen_text(app)
        with Catalogue(db) as elsewhere:
            elsewhere.add(newest("The first session, from elsewhere"))
        await look(pilot)
        table = table_of(app)
        assert table.row_count == 1 and app.focused is table
        assert "The first session, from elsewhere" in screen_text(app)


async def test_an_open_session_deleted_elsewhere_says_so(db, notes):
    app = quiet_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        drafts = [s for s in app.catalogue.list(limit=30) if s.status == "draft"]
        session_id = drafts[0].id
        app.push_screen(SessionDetailScreen(app.catalogue, session_id))
        await settle(pilot)
        with Catalogue(db) as elsewhere:
            elsewhere.delete(session_id)
        await look(pilot)
        assert app.screen.session is None
        assert "This session cannot be shown: no session with id" in screen_text(app)
        assert not app.screen.check_action("export", ())


async def test_the_same_filters_and_sort_are_read_again(db):
    app = quiet_app(db, 40)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        screen.set_filter("year", 2024)
        screen.sort_by("title", descending=True)
        await settle(pilot)
        table = table_of(app)
        before = table.row_count
        await pilot.press("j")
        chosen = table.selected_id()
        with Catalogue(db) as elsewhere:
            elsewhere.add(
                ForumSession(
                    status="catalogued",
                    year=2024,
                    session_type="workshop",
                    number=901,
                    title="ZZZ first when sorted by title, downwards",
                )
            )
            elsewhere.add(newest("Another year: filtered out"))
        await look(pilot)
        titles = [table.cells_at(row)[3].plain for row in range(table.row_count)]
        assert table.row_count == before + 1
        assert titles[0] == "ZZZ first when sorted by title, downwards"
        assert titles == sorted(titles, key=str.casefold, reverse=True)
        assert "Another year: filtered out" not in titles
        assert table.selected_id() == chosen and table.cursor_row == 2


async def test_far_down_a_long_list_the_cursor_stays_on_its_session(db):
    app = quiet_app(db, 260)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = table_of(app)
        table.move_cursor(row=199)
        await settle(pilot)
        assert table.row_count == 260  # the second page, loaded as the cursor came near
        table.move_cursor(row=230)
        await settle(pilot)
        chosen = table.selected_id()
        line = table.cursor_row - round(table.scroll_y)
        with Catalogue(db) as elsewhere:
            elsewhere.add(newest("Added at the top while the user is far down"))
        await look(pilot)
        await settle(pilot)
        assert table.row_count == 261
        assert table.selected_id() == chosen and table.cursor_row == 231
        # The row is still where the user was looking on the screen.
        assert table.cursor_row - round(table.scroll_y) == line


class HeldCatalogue(Catalogue):
    """The real catalogue, whose listing waits, once asked to, until the test lets it go."""

    def __init__(self, path):
        super().__init__(path)
        import threading

        self.hold = False
        self.release = threading.Event()

    def list(self, *args, **kwargs):
        if self.hold:
            self.release.wait(30)
        return super().list(*args, **kwargs)


async def test_keys_pressed_while_the_list_is_read_again_count(db):
    filled_catalogue(db, 30).close()
    catalogue = HeldCatalogue(db)
    app = IgfApp(catalogue, Settings(), delays=INSTANT)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j")
        with Catalogue(db) as elsewhere:
            elsewhere.add(newest("Added while the user moves"))
        catalogue.hold = True
        app.screen.query_one(ChangeWatcher).look()
        await pilot.pause()
        await pilot.pause()
        # The list is being read again; the user goes on moving meanwhile.
        await pilot.press("j", "j")
        table = table_of(app)
        wanted = table.selected_id()
        catalogue.hold = False
        catalogue.release.set()
        await settle(pilot)
        assert table.row_count == 31
        assert table.selected_id() == wanted and table.cursor_row == 4


async def test_back_on_top_a_screen_catches_up_at_once(db):
    app = quiet_app(db)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        session_id = app.catalogue.list(limit=1)[0].id
        app.push_screen(SessionDetailScreen(app.catalogue, session_id))
        await settle(pilot)
        with Catalogue(db) as elsewhere:
            elsewhere.add(newest("Added while the list was underneath"))
        await pilot.press("escape")
        # No look asked for, no timer (INSTANT delays): coming back on top is enough.
        await settle(pilot)
        assert table_of(app).cells_at(0)[3].plain == "Added while the list was underneath"
