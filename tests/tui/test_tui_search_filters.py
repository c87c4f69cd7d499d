"""Search, filters and sorting on the catalogue screen, driven by Pilot on a real catalogue."""

from __future__ import annotations

import threading

from snapshot_apps import SIZE, catalogue_app, screen_text, settle, wait_for_palette
from textual.widgets import Button, ContentSwitcher, Select

from igftui.store.interrupting import ReadInterrupted
from igftui.store.listing import RELEVANCE, SORT_COLUMNS, SessionFilter
from igftui.tui.app import IgfApp
from igftui.tui.delays import INSTANT
from igftui.tui.screens.catalogue import CatalogueScreen
from igftui.tui.screens.session_detail import SessionDetailScreen
from igftui.tui.widgets.filters import FilterChips, FilterPanel
from igftui.tui.widgets.search_box import SearchBox
from igftui.tui.widgets.session_table import SessionTable


def table_of(app: IgfApp) -> SessionTable:
    return app.screen.query_one(SessionTable)


def listed_ids(app: IgfApp) -> list[int]:
    table = table_of(app)
    return [session.id for session in table.loaded_items()]


def expected_ids(app: IgfApp, filters: SessionFilter, **order) -> list[int]:
    return [s.id for s in app.catalogue.list(filters, limit=None, **order)]


async def test_typing_a_search_narrows_the_list_and_escape_restores_it(db):
    app = catalogue_app(db, 40)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        everything = listed_ids(app)
        assert len(everything) == 40
        await pilot.press("slash")
        assert isinstance(app.focused, SearchBox)
        # The key that opened the search is not typed into it.
        assert app.focused.value == ""
        await pilot.press(*"cyber")
        await settle(pilot)
        found = listed_ids(app)
        assert found == expected_ids(app, SessionFilter(query="cyber"))
        assert 0 < len(found) < 40
        assert f"{len(found)} of 40 sessions" in screen_text(app)
        # Still typing: the focus stayed in the box while the list changed.
        assert isinstance(app.focused, SearchBox)
        await pilot.press("space", *"norms")
        await settle(pilot)
        assert listed_ids(app) == expected_ids(app, SessionFilter(query="cyber norms"))
        await pilot.press("escape")
        await settle(pilot)
        assert listed_ids(app) == everything
        assert app.screen.query_one(SearchBox).value == ""
        assert isinstance(app.focused, SessionTable)
        assert "40 sessions" in screen_text(app) and " of " not in screen_text(app).splitlines()[1]


async def test_a_searched_list_still_answers_textuals_own_dom_query(db):
    # The words searched for were once kept as the table's "query", hiding Textual's
    # query(): selecting all text on the screen then raised a TypeError.
    app = catalogue_app(db, 40)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"cyber")
        await settle(pilot)
        table = table_of(app)
        assert table.searched_for == "cyber"
        assert list(table.query("*")) == list(table.walk_children())


async def test_search_results_open_the_right_session(db):
    app = catalogue_app(db, 40)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"rural", "enter")
        await settle(pilot)
        assert isinstance(app.focused, SessionTable)
        found = app.catalogue.list(SessionFilter(query="rural"), limit=None)
        wanted = [s.id for s in found]
        # The second catalogued one (the user's own proposals open in the editor instead).
        row = [n for n, s in enumerate(found) if s.status == "catalogued"][1]
        await pilot.press(*"j" * row, "enter")
        await settle(pilot)
        assert isinstance(app.screen, SessionDetailScreen)
        assert app.screen.session_id == found[row].id
        assert "rural" in app.screen.session.title.lower()
        await pilot.press("escape")
        await settle(pilot)
        # Back on the list as it was left: still searched.
        assert listed_ids(app) == wanted


async def test_matched_words_are_highlighted_in_the_title(db):
    app = catalogue_app(db, 20)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"youth")
        await settle(pilot)
        table = table_of(app)
        title = table.cells_at(0)[3]
        assert "Youth" in title.plain
        marked = [title.plain[span.start : span.end] for span in title.spans if "reverse" in str(span.style)]
        assert marked == ["Youth"]


async def test_a_search_that_finds_nothing_says_so(db):
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zzyzx")
        await settle(pilot)
        body = app.screen.query_one("#catalogue-body", ContentSwitcher)
        assert body.current == "no-match"
        text = screen_text(app)
        assert "No session matches for “zzyzx”" in text
        assert "0 of 10 sessions" in text
        assert "The catalogue is empty" not in text
        await pilot.press("escape")
        await settle(pilot)
        assert body.current == "sessions" and len(listed_ids(app)) == 10


async def test_a_search_with_query_syntax_is_taken_as_words(db):
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *'"data" AND (')
        await settle(pilot)
        assert listed_ids(app) == expected_ids(app, SessionFilter(query='"data" AND ('))
        assert 0 < len(listed_ids(app)) < 10
        assert app.screen.query_one(SearchBox).value == '"data" AND ('


async def choose(pilot, select_id: str, value) -> None:
    """Pick ``value`` in the filter choice ``select_id`` from the keyboard."""
    app = pilot.app
    select = app.screen.query_one(f"#{select_id}", Select)
    select.focus()
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    # Walk the open list to the option and take it.
    options = [v for _label, v in select._options]
    await pilot.press(*["down"] * (options.index(value) - options.index(select.value)))
    await pilot.press("enter")
    await settle(pilot)


async def test_filters_combine_and_are_removed_one_by_one(db):
    app = catalogue_app(db, 60)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        panel = app.screen.query_one(FilterPanel)
        assert panel.display
        await choose(pilot, "filter-year", 2023)
        by_year = listed_ids(app)
        assert by_year == expected_ids(app, SessionFilter(year=2023))
        await choose(pilot, "filter-region", "grulac")
        both = SessionFilter(year=2023, region="grulac")
        assert listed_ids(app) == expected_ids(app, both)
        assert 0 < len(listed_ids(app)) < len(by_year)
        await choose(pilot, "filter-format", "break_out_groups")
        three = SessionFilter(year=2023, region="grulac", format="break_out_groups")
        assert listed_ids(app) == expected_ids(app, three)
        assert 0 < len(listed_ids(app)) < len(expected_ids(app, both))
        # The active filters are shown as chips, in words.
        chips = app.screen.query_one(FilterChips)
        labels = [str(button.label) for button in chips.query(Button)]
        assert labels == [
            "Year: 2023 ✕",
            "Format: Break-out Group Discussions ✕",
            "Speaker region: Latin American and Caribbean Group (GRULAC) ✕",
        ]
        # Closing the panel keeps the filters; a chip removes just its own.
        await pilot.press("escape")
        await settle(pilot)
        assert not panel.display and isinstance(app.focused, SessionTable)
        year_chip = next(b for b in chips.query(Button) if b.name == "year")
        await pilot.click(year_chip)
        await settle(pilot)
        left = SessionFilter(region="grulac", format="break_out_groups")
        assert app.screen.filters == left
        assert listed_ids(app) == expected_ids(app, left)
        # From the keyboard: the filter under the cursor in the panel.
        await pilot.press("f")
        await settle(pilot)
        app.screen.query_one("#filter-format", Select).focus()
        await pilot.press("delete")
        await settle(pilot)
        assert app.screen.filters == SessionFilter(region="grulac")
        assert app.screen.query_one("#filter-format", Select).is_blank()
        await pilot.press("escape")
        await pilot.press("x")
        await settle(pilot)
        assert app.screen.filters == SessionFilter()
        assert len(listed_ids(app)) == 60
        assert not chips.has_class("-active")


async def test_search_and_filters_narrow_together(db):
    app = catalogue_app(db, 60)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await choose(pilot, "filter-session_type", "workshop")
        await pilot.press("escape", "slash", *"rural")
        await settle(pilot)
        wanted = SessionFilter(query="rural", session_type="workshop")
        assert listed_ids(app) == expected_ids(app, wanted)
        assert 0 < len(listed_ids(app)) < len(expected_ids(app, SessionFilter(session_type="workshop")))


async def test_sorting_by_column_and_back(db):
    app = catalogue_app(db, 30)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        newest_first = listed_ids(app)
        await pilot.press("o")  # by code
        await settle(pilot)
        assert listed_ids(app) == expected_ids(app, SessionFilter(), sort="code")
        await pilot.press("o", "o", "o")  # year, type, title
        await settle(pilot)
        by_title = expected_ids(app, SessionFilter(), sort="title")
        assert listed_ids(app) == by_title
        assert str(table_of(app).column_label("title")) == "Title ▲"
        await pilot.press("O")
        await settle(pilot)
        assert listed_ids(app) == expected_ids(app, SessionFilter(), sort="title", descending=True)
        assert str(table_of(app).column_label("title")) == "Title ▼"
        assert "by title ▼" in screen_text(app)
        await pilot.press("o", "o", "o")  # format, status, then back to the usual order
        await settle(pilot)
        assert listed_ids(app) == newest_first
        assert str(table_of(app).column_label("title")) == "Title"


async def test_a_search_can_be_ordered_by_best_match_and_the_order_is_named(tmp_path):
    from igftui.config import Settings
    from igftui.model import ForumSession
    from igftui.store import Catalogue

    catalogue = Catalogue(tmp_path / "c.db")
    # Newest first, the session that only mentions the word comes first; the best match is
    # the older one with the word in its title (the title weighs most).
    mentions = catalogue.add(
        ForumSession(status="catalogued", year=2025, title="Community networks", description="and satellites")
    )
    named = catalogue.add(ForumSession(status="catalogued", year=2012, title="Satellites for remote regions"))
    catalogue.add(ForumSession(status="catalogued", year=2020, title="Data protection"))
    app = IgfApp(catalogue, Settings(), delays=INSTANT)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "best match" not in screen_text(app)
        await pilot.press("slash", *"satellites", "enter")
        await settle(pilot)
        assert listed_ids(app) == [mentions.id, named.id]
        assert "2 of 3 sessions · newest first" in screen_text(app)
        # o goes through the columns, then the best match (offered while searching).
        await pilot.press(*"o" * (len(SORT_COLUMNS) + 1))
        await settle(pilot)
        assert app.screen.sort == RELEVANCE
        assert listed_ids(app) == [named.id, mentions.id]
        assert listed_ids(app) == expected_ids(app, SessionFilter(query="satellites"), sort=RELEVANCE)
        assert "2 of 3 sessions · best match first" in screen_text(app)
        # Without a search there is nothing to match: the usual order, not named.
        await pilot.press("slash", "escape")
        await settle(pilot)
        assert len(listed_ids(app)) == 3 and "best match" not in screen_text(app)
        assert "Sort by best match" not in [c.title for c in app.get_system_commands(app.screen)]
        app.screen.query_one(SearchBox).value = "satellites"
        await settle(pilot)
        assert "Sort by best match" in [c.title for c in app.get_system_commands(app.screen)]
        assert listed_ids(app) == [named.id, mentions.id]
        await pilot.press("o")  # after the best match, back to the usual order
        await settle(pilot)
        assert listed_ids(app) == [mentions.id, named.id] and app.screen.sort is None


async def test_palette_sorts_and_filters(db):
    app = catalogue_app(db, 20)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for title in ("Search", "Filters", "Sort by title", "Reverse sort", "People", "Import pages"):
            assert title in titles
        assert "Clear filters" not in titles
        app.screen.set_filter("year", 2024)
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Clear filters" in titles and "Remove filter: Year" in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"remove filter: year")
        await wait_for_palette(pilot, "Remove filter: Year")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.filters == SessionFilter()


async def test_help_describes_search_filters_and_sorting(db):
    app = catalogue_app(db, 5)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        described = {line.description: line.keys for line in app.screen.keys}
        for description in ("Search", "Filters", "Sort", "Reverse sort", "People", "Import"):
            assert description in described, description
        assert all(line.details for line in app.screen.keys if line.group == "Catalogue")


async def test_keys_wait_until_the_catalogue_is_open(tmp_path):
    from igftui.config import Settings

    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"not a database " * 100)
    app = IgfApp(bogus, Settings(), delays=INSTANT)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", "f", "o", "p", "i")
        await settle(pilot)
        assert isinstance(app.screen, CatalogueScreen)
        assert app.screen.filter_panel is None


async def test_a_search_typed_while_the_next_page_loads_shows_the_search(db):
    app = catalogue_app(db, 1000)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # The cursor near the end of the first page asks for the next one; the search
        # is typed before it has arrived.
        await pilot.press("end")
        await pilot.press("slash", *"youth")
        await settle(pilot)
        found = expected_ids(app, SessionFilter(query="youth"))
        table = table_of(app)
        assert table.total == len(found)
        assert table.row_count == len(found)
        assert listed_ids(app) == found[: len(listed_ids(app))]
        assert len(listed_ids(app)) == min(len(found), SessionTable.PAGE_SIZE)


async def test_clicking_a_column_header_sorts_by_it_and_again_reverses(db):
    app = catalogue_app(db, 30)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = table_of(app)
        # The header row is the table's first line; the title column starts after
        # code, year and type (each with a cell of padding either side).
        x = sum(table.column_width(key) + 2 * table.cell_padding for key in ("code", "year", "type")) + 2
        await pilot.click("#sessions", offset=(x, 0))
        await settle(pilot)
        assert (app.screen.sort, app.screen.descending) == ("title", False)
        assert listed_ids(app) == expected_ids(app, SessionFilter(), sort="title")
        assert str(table.column_label("title")) == "Title ▲"
        await pilot.click("#sessions", offset=(x, 0))
        await settle(pilot)
        assert listed_ids(app) == expected_ids(app, SessionFilter(), sort="title", descending=True)
        assert str(table.column_label("title")) == "Title ▼"


async def test_a_search_typed_past_is_stopped_and_its_rows_never_shown(db, monkeypatch):
    app = catalogue_app(db, 60)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        catalogue = app.catalogue
        read = catalogue.list
        typed_on = threading.Event()
        outcomes: list[tuple[str | None, str]] = []

        def list_slowly(filters=None, **options):
            query = filters.query if filters else None
            if query == "cyber":
                # This search is still being read when the user types on.
                assert typed_on.wait(timeout=60), "the test never typed on"
            try:
                found = read(filters, **options)
            except ReadInterrupted:
                outcomes.append((query, "stopped"))
                raise
            outcomes.append((query, "read"))
            return found

        monkeypatch.setattr(catalogue, "list", list_slowly)
        # What each listing put on screen was searched for.
        shown: list[str | None] = []
        start = table_of(app).start

        def start_showing(query: str | None = None) -> None:
            shown.append(query)
            start(query)

        monkeypatch.setattr(table_of(app), "start", start_showing)
        await pilot.press("slash", *"cyber")
        await pilot.press("space", *"norms")
        typed_on.set()
        await settle(pilot)
        # The search typed past was stopped, not read to the end, and never listed.
        assert ("cyber", "stopped") in outcomes and ("cyber", "read") not in outcomes
        assert "cyber" not in shown and shown[-1] == "cyber norms"
        found = expected_ids(app, SessionFilter(query="cyber norms"))
        assert listed_ids(app) == found
        assert f"{len(found)} of 60 sessions" in screen_text(app)
