"""The editor's people and agenda tables fit the window and keep the cursor row in sight.

Thirty people and thirty agenda items, at 80x24 and 120x36: every column header
is on screen, long text ends with an ellipsis instead of pushing columns off,
and after adding, moving or removing a row (and before the question about a
removal) the row under the cursor is on screen, named as the question names it.
"""

from __future__ import annotations

import threading

import pytest
from snapshot_apps import catalogue_app, filled_catalogue, screen_text, settle, show_section
from textual.widgets import Checkbox, ContentSwitcher, Input

from igftui.config import Settings
from igftui.model import AgendaItem, ForumSession, Participant
from igftui.model.vocabulary import ParticipantStatus, Region, StakeholderGroup
from igftui.store import Catalogue
from igftui.tui.app import IgfApp
from igftui.tui.delays import INSTANT
from igftui.tui.dialogs.confirm import ConfirmDialog
from igftui.tui.dialogs.template_dialog import TemplateDialog
from igftui.tui.labels import short_form
from igftui.tui.screens.proposal_editor import ProposalEditor
from igftui.tui.widgets.agenda_editor import AgendaTable
from igftui.tui.widgets.column_fit import Forms, ItemColumn, fit_columns
from igftui.tui.widgets.item_table import ItemTable
from igftui.tui.widgets.people_editor import SpeakerTable
from igftui.tui.widgets.session_table import COLUMNS, SessionTable, column_widths

SIZES = [(80, 24), (120, 36)]
REGIONS = ["african", "asia_pacific", "eastern_european", "grulac", "weog", "intergovernmental_organization"]
GROUPS = [
    "civil_society",
    "government",
    "intergovernmental_organization",
    "private_sector",
    "technical_community",
    "academia",
]
STATUSES = ["invited", "provisional", "confirmed", "declined"]


def person(number: int) -> Participant:
    """A person with a short, unique name and a long organisation."""
    return Participant(
        name=f"Speaker {number:02d}",
        organisation=f"Organisation {number} for the long-term study of Internet governance",
        stakeholder_group=GROUPS[number % 6],
        region=REGIONS[number % 6],
        roles=["speaker", "online_moderator"] if number % 3 else ["organizer"],
        status=STATUSES[number % 4],
        attendance="online" if number % 2 else "onsite",
    )


def item(number: int) -> AgendaItem:
    return AgendaItem(
        title=f"Item {number:02d}: a segment with a long and descriptive title",
        minutes=3,
        kind="questions" if number % 2 else "presentation",
        interactive=bool(number % 2),
        public=bool(number % 3),
    )


def crowded_draft(people: int = 30, items: int = 30) -> ForumSession:
    """A draft with more people and agenda items than any window shows at once."""
    return ForumSession(
        status="draft",
        year=2026,
        session_type="workshop",
        title="A crowded proposal",
        duration_minutes=90,
        participants=[person(n) for n in range(1, people + 1)],
        agenda=[item(n) for n in range(1, items + 1)],
    )


async def open_editor(pilot, draft: ForumSession, section: str) -> ProposalEditor:
    await settle(pilot)
    app = pilot.app
    app.push_screen(ProposalEditor(app.catalogue, draft=draft))
    await settle(pilot)
    editor = app.screen
    assert isinstance(editor, ProposalEditor)
    await show_section(pilot, section, focus=False)
    await settle(pilot)
    return editor


def line_of(app, region) -> str:
    return screen_text(app).splitlines()[region.y]


def assert_cursor_row_shown(app, table: ItemTable, first_cell: str) -> None:
    """The row under the cursor is on screen, and it is the row that starts with ``first_cell``."""
    region = table.cursor_region()
    assert region is not None, f"row {table.cursor_row} is out of sight"
    assert region.height == 1 and 0 <= region.y < app.size.height
    assert first_cell in line_of(app, region), (first_cell, line_of(app, region))


# ----- sharing the width -----


def test_short_columns_keep_their_width_and_long_ones_share_the_rest():
    columns = (
        ItemColumn("name", "Name", share=2),
        ItemColumn("org", "Organisation", share=1),
        ItemColumn("region", "Region"),
        ItemColumn("minutes", "Min"),
    )
    rows = [
        ("A name much longer than the table is wide, really", "An organisation just as long as it", "GRULAC", "120")
    ]
    fit = fit_columns(columns, rows, 60)
    assert fit.widths["region"] == 6 and fit.widths["minutes"] == 3
    assert sum(fit.widths.values()) + 2 * len(columns) == 60
    assert fit.widths["name"] > fit.widths["org"] >= len("Organisation")
    # Room to spare: no column is wider than its widest cell.
    wide = fit_columns(columns, [("Ana", "Lab", "WEOG", "5")], 120)
    assert wide.widths == {"name": 4, "org": 12, "region": 6, "minutes": 3}


def test_short_forms_are_used_only_when_the_full_ones_do_not_fit():
    columns = (ItemColumn("name", "Name", share=1), ItemColumn("region", "Region"))
    rows = [("Someone", Forms("Western European and Others Group", "WEOG"))]
    assert not fit_columns(columns, rows, 80).short
    narrow = fit_columns(columns, rows, 40)
    assert narrow.short and narrow.widths["region"] == len("Region")


def test_the_short_forms_come_from_the_vocabulary():
    assert [short_form(region) for region in Region] == ["African", "APAC", "EEG", "GRULAC", "WEOG", "IGO"]
    assert short_form(StakeholderGroup.INTERGOVERNMENTAL_ORGANIZATION) == "IGO"
    assert short_form(StakeholderGroup.CIVIL_SOCIETY) == "CSO"
    assert short_form(ParticipantStatus.PROVISIONAL) == "Provisional"
    assert short_form(ParticipantStatus.CONFIRMED) == "Confirmed"


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    ("section", "table_type", "headers"),
    [
        ("people", SpeakerTable, ["Name", "Roles", "Organisation", "Group", "Region", "Status", "Where"]),
        ("format", AgendaTable, ["#", "At", "Item", "Kind", "Min", "Interactive", "Public"]),
    ],
)
async def test_every_column_header_is_on_screen(db, size, section, table_type, headers):
    app = catalogue_app(db, 1)
    async with app.run_test(size=size) as pilot:
        editor = await open_editor(pilot, crowded_draft(), section)
        table = editor.query_one(table_type)
        table.focus()
        await settle(pilot)
        assert table.max_scroll_x == 0, "the columns are wider than the table"
        header = line_of(app, table.content_region)
        for label in headers:
            assert f" {label} " in f"{header} ", (label, header)
        first = line_of(app, table.content_region.translate((0, 1)))
        assert "…" in first, "the long text should be cut with an ellipsis"
        if table_type is SpeakerTable:
            assert "Speaker 01" in first and "APAC" in first and "Asia-Pacific" not in first


async def test_columns_are_shared_again_when_the_window_changes(db):
    app = catalogue_app(db, 1)
    async with app.run_test(size=(120, 36)) as pilot:
        editor = await open_editor(pilot, crowded_draft(), "people")
        table = editor.query_one(SpeakerTable)
        table.focus()
        await settle(pilot)
        wide = table.columns["organisation"].width
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert table.max_scroll_x == 0
        assert table.columns["organisation"].width <= wide
        assert "Where" in line_of(app, table.content_region)


# ----- the cursor row stays in sight -----


@pytest.mark.parametrize("size", SIZES)
async def test_the_cursor_row_stays_in_sight_as_people_are_added_moved_and_removed(db, size):
    app = catalogue_app(db, 1)
    async with app.run_test(size=size) as pilot:
        editor = await open_editor(pilot, crowded_draft(people=27), "people")
        table = editor.query_one(SpeakerTable)
        table.focus()
        await settle(pilot)
        assert_cursor_row_shown(app, table, "Speaker 01")

        for number in (28, 29, 30):
            await pilot.press("a")
            await settle(pilot)
            app.screen.query_one("#person-name", Input).value = f"Speaker {number}"
            await pilot.pause()
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert app.screen is editor
            assert table.cursor_row == number - 1
            assert_cursor_row_shown(app, table, f"Speaker {number}")

        await pilot.press("shift+up", "shift+up")
        await settle(pilot)
        assert table.cursor_row == 27
        assert_cursor_row_shown(app, table, "Speaker 30")

        # Far up the list, then a removal: the question names the row in sight beside it.
        await pilot.press(*["up"] * 12)
        await settle(pilot)
        assert_cursor_row_shown(app, table, "Speaker 16")
        await pilot.press("delete")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert "Remove Speaker 16 from the proposal?" in dialog.question
        row = table.cursor_region()
        assert row is not None and "Speaker 16" in line_of(app, row)
        assert not row.overlaps(dialog.query_one("#confirm-dialog").region), "the question hides its row"
        await pilot.press("y")
        await settle(pilot)
        assert "Speaker 16" not in [p.name for p in editor.draft.participants]
        assert len(editor.draft.participants) == 29
        assert_cursor_row_shown(app, table, "Speaker 17")


@pytest.mark.parametrize("size", SIZES)
async def test_the_cursor_row_stays_in_sight_as_agenda_items_are_added_moved_and_removed(db, size):
    app = catalogue_app(db, 1)
    async with app.run_test(size=size) as pilot:
        editor = await open_editor(pilot, crowded_draft(items=27), "format")
        table = editor.query_one(AgendaTable)
        # Focus from the keyboard's point of view: the form was at its top, the table below it.
        table.focus()
        await settle(pilot)
        assert_cursor_row_shown(app, table, " 1 ")

        for number in (28, 29, 30):
            await pilot.press("a")
            await settle(pilot)
            dialog = app.screen
            dialog.query_one("#item-title", Input).value = f"Added {number}"
            dialog.query_one("#item-minutes", Input).value = "2"
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert app.screen is editor
            assert_cursor_row_shown(app, table, f"Added {number}")

        await pilot.press("shift+up")
        await settle(pilot)
        assert [i.title for i in editor.draft.agenda[-2:]] == ["Added 30", "Added 29"]
        assert_cursor_row_shown(app, table, "Added 30")

        await pilot.press(*["up"] * 20)
        await settle(pilot)
        assert table.cursor_row == 8
        await pilot.press("delete")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert "Item 09" in dialog.question
        row = table.cursor_region()
        assert row is not None and "Item 09" in line_of(app, row)
        assert not row.overlaps(dialog.query_one("#confirm-dialog").region)
        await pilot.press("y")
        await settle(pilot)
        assert len(editor.draft.agenda) == 29
        assert_cursor_row_shown(app, table, "Item 10")


async def test_focusing_the_table_brings_its_cursor_row_into_sight(db):
    app = catalogue_app(db, 1)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(pilot, crowded_draft(), "people")
        table = editor.query_one(SpeakerTable)
        table.move_cursor(row=25)
        editor.query_one("#people-add").focus()
        form = editor.query_one("#form-people")
        form.scroll_home(animate=False, immediate=True)
        await settle(pilot)
        table.focus()
        await settle(pilot)
        assert_cursor_row_shown(app, table, "Speaker 26")


# ----- the catalogue's list and the template dialog -----


class SlowCatalogue(Catalogue):
    """The real catalogue, but listing waits until the test lets it go."""

    def __init__(self, path):
        super().__init__(path)
        self.release = threading.Event()

    def list(self, *args, **kwargs):
        self.release.wait(10)
        return super().list(*args, **kwargs)


@pytest.mark.parametrize("size", SIZES)
async def test_the_session_list_has_its_final_columns_before_the_rows_arrive(db, size):
    filled_catalogue(db, 5).close()
    catalogue = SlowCatalogue(db)
    app = IgfApp(catalogue, Settings(), delays=INSTANT)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#catalogue-body", ContentSwitcher).current == "loading"
        table = app.screen.query_one(SessionTable)
        before = {key: table.column_width(key) for key, _ in COLUMNS}
        catalogue.release.set()
        await settle(pilot)
        assert table.row_count == 5
        after = {key: table.column_width(key) for key, _ in COLUMNS}
        assert before == after == column_widths(table.scrollable_content_region.width, table.cell_padding)


async def test_the_template_dialog_puts_the_people_choice_first_and_whole(db):
    app = catalogue_app(db, 4)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, TemplateDialog)
        tick = dialog.query_one("#template-people", Checkbox)
        assert app.focused is tick
        text = screen_text(app)
        assert "Copy its people too" in text
        assert "Names, roles and groups; not who has confirmed." in text
        await pilot.press("space")
        assert tick.value
        await pilot.press("enter")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, ProposalEditor)
        assert editor.draft.participants, "the people were ticked to be copied"
