"""The people view, driven by Pilot on a real temporary catalogue holding the bundled samples."""

from __future__ import annotations

from pathlib import Path

import pytest
from snapshot_apps import catalogue_app, screen_text, settle, wait_for_palette

from igftui.config import Settings
from igftui.model.vocabulary import label
from igftui.services.people import limit_for_people
from igftui.services.samples import load_samples
from igftui.store import Catalogue
from igftui.store.listing import SessionFilter
from igftui.tui.app import IgfApp
from igftui.tui.delays import INSTANT
from igftui.tui.dialogs.help import HelpScreen
from igftui.tui.screens.catalogue import CatalogueScreen
from igftui.tui.screens.people import (
    NOBODY,
    OVER_MARK,
    PeopleLayout,
    PeopleScreen,
    PeopleSearch,
    PeopleTable,
    legend,
)
from igftui.tui.screens.person_sessions import PersonSessionsScreen, PersonSessionsTable
from igftui.tui.screens.session_detail import SessionDetailScreen

SMALL = (80, 24)
#: The default rule set's limit (IGF-P001's max_sessions): what the people view marks against.
MAX_SESSIONS_A_YEAR = limit_for_people(None)
LEGEND = legend(MAX_SESSIONS_A_YEAR)


@pytest.fixture
def samples_db(db: Path) -> Path:
    """A catalogue file holding the bundled samples (closed: the app opens it itself)."""
    with Catalogue(db) as catalogue:
        load_samples(catalogue)
    return db


def everyone(catalogue: Catalogue):
    return catalogue.people(limit=100_000)


def the_busy_speaker(catalogue: Catalogue):
    """The one person of the samples in more sessions of one year than the IGF 2018 rule allows."""
    busy = [p for p in everyone(catalogue) if max(p.per_year.values(), default=0) > MAX_SESSIONS_A_YEAR]
    assert len(busy) == 1, busy
    return busy[0]


async def open_people(pilot) -> PeopleScreen:
    """Wait for the app to open the catalogue, then push the people view onto it."""
    await settle(pilot)
    app = pilot.app
    assert app.catalogue is not None
    await app.push_screen(PeopleScreen(app.catalogue))
    await settle(pilot)
    assert isinstance(app.screen, PeopleScreen)
    return app.screen


def people_table(app: IgfApp) -> PeopleTable:
    return app.screen.query_one(PeopleTable)


def row_texts(table, row: int) -> list[str]:
    return [cell.plain for cell in table.cells_at(row)]


async def test_the_list_shows_everyone_with_their_counts(samples_db):
    app = IgfApp(samples_db, Settings(), delays=INSTANT)
    async with app.run_test(size=SMALL) as pilot:
        await open_people(pilot)
        expected = everyone(app.catalogue)
        table = people_table(app)
        assert table.has_focus and table.cursor_row == 0
        assert table.row_count == len(expected) > 10
        assert [p.name for p in table.loaded_items()] == [p.name for p in expected]
        for row, person in enumerate(expected):
            cells = row_texts(table, row)
            assert cells[0] == person.name
            assert cells[1].split()[0] == str(person.sessions)
            # At 80 columns the years are written out in one column, newest first.
            written = [part.rstrip(OVER_MARK) for part in cells[2].split()]
            assert written == [f"{year}:{count}" for year, count in sorted(person.per_year.items(), reverse=True)]
        shown = screen_text(app)
        assert f"{len(expected)} people" in shown
        for header in ("Name", "Sessions", "Per year"):
            assert header in shown
        assert expected[0].name in shown


async def test_search_narrows_by_name_and_escape_restores(samples_db):
    app = IgfApp(samples_db, Settings(), delays=INSTANT)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_people(pilot)
        table = people_table(app)
        everybody = table.row_count
        await pilot.press("slash")
        box = app.screen.query_one(PeopleSearch)
        assert box.has_focus
        await pilot.press(*"and")
        await settle(pilot)
        expected = app.catalogue.people("and", limit=100_000)
        assert 0 < len(expected) < everybody
        assert [p.name for p in table.loaded_items()] == [p.name for p in expected]
        assert box.has_focus, "typing keeps the cursor in the box"
        assert f"{len(expected)} people match" in screen_text(app)

        await pilot.press("escape")
        await settle(pilot)
        assert box.value == "" and screen.search is None
        assert table.has_focus
        assert table.row_count == everybody
        assert isinstance(app.screen, PeopleScreen), "escape in the box does not leave the screen"


async def test_a_search_that_matches_nobody_says_so(samples_db):
    app = IgfApp(samples_db, Settings(), delays=INSTANT)
    async with app.run_test(size=SMALL) as pilot:
        await open_people(pilot)
        await pilot.press("slash", *"zzqx")
        await settle(pilot)
        shown = screen_text(app)
        assert "Nobody's name matches “zzqx”" in shown
        assert "No match" in shown
        await pilot.press("escape")
        await settle(pilot)
        assert people_table(app).row_count > 0
        assert "Nobody's name" not in screen_text(app)


async def test_someone_over_three_sessions_in_a_year_is_marked(samples_db):
    app = IgfApp(samples_db, Settings(), delays=INSTANT)
    async with app.run_test(size=SMALL) as pilot:
        await open_people(pilot)
        busy = the_busy_speaker(app.catalogue)
        (year,) = [y for y, n in busy.per_year.items() if n > MAX_SESSIONS_A_YEAR]
        table = people_table(app)
        for row, person in enumerate(table.loaded_items()):
            cells = row_texts(table, row)
            if person.key == busy.key:
                assert cells[1] == f"{busy.sessions} {OVER_MARK}"
                assert f"{year}:{busy.per_year[year]}{OVER_MARK}" in cells[2]
            else:
                assert OVER_MARK not in "".join(cells), person
        shown = screen_text(app)
        assert LEGEND in shown
        busy_line = next(line for line in shown.splitlines() if busy.name in line)
        assert OVER_MARK in busy_line
        # Narrowed to someone without the mark, the legend goes too.
        calm = next(p for p in table.loaded_items() if p.key != busy.key)
        await pilot.press("slash", *calm.name)
        await settle(pilot)
        assert busy.key not in [p.key for p in table.loaded_items()]
        assert LEGEND not in screen_text(app)


async def test_a_wide_terminal_gives_recent_years_their_own_columns(samples_db):
    app = IgfApp(samples_db, Settings(), delays=INSTANT)
    async with app.run_test(size=SMALL) as pilot:
        await open_people(pilot)
        table = people_table(app)
        assert table.column_keys == ["name", "sessions", "rest"]
        await pilot.press("j", "j")
        busy = the_busy_speaker(app.catalogue)
        years = app.catalogue.years()
        await pilot.resize_terminal(130, 30)
        await settle(pilot)
        keys = table.column_keys
        assert keys[:2] == ["name", "sessions"]
        assert keys[2:6] == [str(year) for year in years[:4]]
        assert table.cursor_row == 2, "a resize keeps the cursor where it was"
        row = [p.key for p in table.loaded_items()].index(busy.key)
        cells = dict(zip(keys, row_texts(table, row), strict=True))
        for year, count in busy.per_year.items():
            if str(year) in cells:
                mark = OVER_MARK if count > MAX_SESSIONS_A_YEAR else " "
                assert cells[str(year)] == f"{count}{mark}"


def test_layout_fits_years_to_the_width():
    years = list(range(2025, 2005, -1))
    narrow = PeopleLayout.fit(78, years)
    assert narrow.years == () and narrow.rest >= PeopleLayout.REST
    middle = PeopleLayout.fit(128, years)
    assert len(middle.years) >= PeopleLayout.MIN_YEARS and middle.years == tuple(years[: len(middle.years)])
    assert middle.rest >= PeopleLayout.REST
    wide = PeopleLayout.fit(300, years)
    assert wide.years == tuple(years) and wide.rest == 0
    for layout, width in ((narrow, 78), (middle, 128), (wide, 300)):
        columns = layout.columns()
        assert sum(w + 2 for _key, _header, w in columns) <= width


async def test_enter_lists_their_sessions_then_a_session_then_back_each_step(samples_db):
    app = IgfApp(samples_db, Settings(), delays=INSTANT)
    async with app.run_test(size=SMALL) as pilot:
        await open_people(pilot)
        busy = the_busy_speaker(app.catalogue)
        table = people_table(app)
        row = [p.key for p in table.loaded_items()].index(busy.key)
        await pilot.press(*["down"] * row)
        await pilot.press("enter")
        await settle(pilot)

        person_screen = app.screen
        assert isinstance(person_screen, PersonSessionsScreen)
        assert person_screen.person_name == busy.name
        sessions = person_screen.query_one(PersonSessionsTable)
        expected = app.catalogue.list(SessionFilter(person=busy.name), limit=None)
        assert sessions.row_count == app.catalogue.count(SessionFilter(person=busy.name)) == busy.sessions
        assert [sessions.key_at(r) for r in range(sessions.row_count)] == [str(s.id) for s in expected]
        # Their roles in each session, as the session itself has them.
        for r, summary in enumerate(expected):
            session = app.catalogue.get(summary.id)
            (them,) = [p for p in session.participants if p.name and p.name.casefold() == busy.name.casefold()]
            assert row_texts(sessions, r)[4] == ", ".join(label(role) for role in them.roles)
        shown = screen_text(app)
        assert f"{busy.name} · {busy.sessions} sessions" in shown
        assert OVER_MARK in shown and LEGEND in shown

        await pilot.press("down", "down", "enter")
        await settle(pilot)
        detail = app.screen
        assert isinstance(detail, SessionDetailScreen)
        assert detail.session_id == expected[2].id
        assert detail.session is not None and detail.session.title == expected[2].title

        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is person_screen and sessions.cursor_row == 2
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen) and people_table(app).cursor_row == row
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CatalogueScreen)


async def test_help_lists_the_people_keys(samples_db):
    app = IgfApp(samples_db, Settings(), delays=INSTANT)
    async with app.run_test(size=SMALL) as pilot:
        await open_people(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        described = {line.description: line for line in app.screen.keys}
        assert described["Search"].keys == "/"
        assert described["Back"].keys == "esc"
        assert described["Their sessions"].keys == "⏎"
        assert described["Down"].keys == "↓, j"
        for line in app.screen.keys:
            assert line.details, f"{line.description} has no tooltip"
        assert "Keys: People" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        # In the search box, help lists the box's own keys.
        await pilot.press("slash", "f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert {"Clear search", "To the list"} <= {line.description for line in app.screen.keys}


async def test_every_binding_has_an_id_a_description_and_a_tooltip():
    for owner in (PeopleScreen, PeopleTable, PeopleSearch, PersonSessionsScreen, PersonSessionsTable):
        for binding in owner.BINDINGS:
            assert binding.id and binding.description and binding.tooltip, (owner, binding)
            assert binding.id.startswith(("people.", "person.")), binding.id


async def test_palette_offers_the_people_actions(samples_db):
    app = IgfApp(samples_db, Settings(), delays=INSTANT)
    async with app.run_test(size=SMALL) as pilot:
        await open_people(pilot)
        first = everyone(app.catalogue)[0]
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for title in (f"Sessions of {first.name}", "Search people", "Back", "Help"):
            assert titles.count(title) == 1, title
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"sessions of")
        await wait_for_palette(pilot, f"Sessions of {first.name}")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PersonSessionsScreen)
        assert app.screen.person_name == first.name
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Open session" in titles and "Back" in titles


async def test_people_page_in_from_the_database(samples_db, monkeypatch):
    monkeypatch.setattr(PeopleTable, "PAGE_SIZE", 10)
    monkeypatch.setattr(PeopleTable, "PREFETCH", 3)
    app = IgfApp(samples_db, Settings(), delays=INSTANT)
    async with app.run_test(size=SMALL) as pilot:
        await open_people(pilot)
        total = len(everyone(app.catalogue))
        table = people_table(app)
        # The pages that fill the screen (and a few rows more), not everyone.
        read = table.row_count
        assert read % 10 == 0 and table.rows_in_sight < read < total
        assert f"{read}+ people, more as you scroll" in screen_text(app)
        await pilot.press(*["down"] * 5)
        await settle(pilot)
        assert table.row_count == read, "a little move does not read more"
        for _ in range(total // 10 + 1):
            await pilot.press("end")
            await settle(pilot)
        assert table.row_count == total
        # The last rows read are the last people, in order (pages far above are let go).
        names = [p.name for p in table.loaded_items()]
        assert names == [p.name for p in everyone(app.catalogue)][-len(names) :]
        assert table.selected() == everyone(app.catalogue)[-1]
        assert f"{total} people" in screen_text(app)


async def test_an_empty_catalogue_says_how_to_fill_it(db):
    app = catalogue_app(db, 0)
    async with app.run_test(size=SMALL) as pilot:
        await open_people(pilot)
        shown = screen_text(app)
        assert NOBODY.splitlines()[0] in shown
        assert "Nobody yet" in shown
        assert LEGEND not in shown, "no mark, so no legend for it"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CatalogueScreen)


def test_snapshot_people_at_80x24(snap_compare, db):
    async def open_and_move(pilot) -> None:
        await open_people(pilot)
        await pilot.press("j")
        await settle(pilot)

    assert snap_compare(catalogue_app(db, 28), terminal_size=SMALL, run_before=open_and_move)


async def test_the_limit_comes_from_the_rule_set_in_use(samples_db, tmp_path):
    # A national IGF that allows more sessions a year: nobody of the samples is over it.
    lenient = tmp_path / "lenient.toml"
    lenient.write_text(
        'name = "lenient"\nextends = "igf-2025"\n[rules.IGF-P001]\nmax_sessions = 10\n', encoding="utf-8"
    )
    app = IgfApp(samples_db, Settings(rules=str(lenient)))
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_people(pilot)
        assert screen.limit == 10
        assert people_table(app).row_count
        shown = screen_text(app)
        assert OVER_MARK not in shown and "more than" not in shown
