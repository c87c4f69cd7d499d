"""The agenda item dialog on the real app: minutes left, the kind's hint, validation."""

from __future__ import annotations

from snapshot_apps import SIZE, catalogue_app, screen_text, settle
from textual.widgets import Button, Checkbox, Input, Select, Static

from igftui.model import AgendaItem
from igftui.model.vocabulary import AgendaKind
from igftui.tui.dialogs.agenda_item_dialog import (
    BAD_MINUTES,
    TITLE_NEEDED,
    AgendaItemDialog,
)
from igftui.tui.dialogs.confirm import ConfirmDialog


async def open_dialog(pilot, item=None, **options) -> tuple[AgendaItemDialog, list]:
    app = pilot.app
    await settle(pilot)
    results: list = []
    dialog = AgendaItemDialog(item, **options)
    app.push_screen(dialog, results.append)
    await settle(pilot)
    assert app.screen is dialog
    return dialog, results


def error_text(dialog: AgendaItemDialog, field: str) -> str:
    return str(dialog.query_one(f"#{field}-error", Static).content)


async def choose_kind(pilot, dialog: AgendaItemDialog, kind: AgendaKind) -> None:
    """Pick ``kind`` from the list the way a user does: open it, move to it, enter."""
    select = dialog.query_one("#item-kind", Select)
    select.focus()
    await pilot.press("enter")
    await settle(pilot)
    # The list opens on the kind chosen; from its top: the blank choice, then the kinds in order.
    await pilot.press("home", *["down"] * (list(AgendaKind).index(kind) + 1), "enter")
    await settle(pilot)
    assert select.value == kind.value


async def test_a_new_item_starts_with_the_minutes_left(db):
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        dialog, results = await open_dialog(pilot, minutes_left=30)
        assert dialog.query_one("#agenda-item-dialog").border_title == "Add an agenda item"
        assert app.focused is dialog.query_one("#item-title", Input)
        assert dialog.query_one("#item-minutes", Input).value == "30"
        assert "30 minutes left of the session" in screen_text(app)
        assert dialog.query_one("#item-public", Checkbox).value is True
        await pilot.press(*"Welcome", "enter")  # enter in the title saves
        await settle(pilot)
        assert results == [AgendaItem(title="Welcome", minutes=30)]


async def test_nothing_left_gives_no_minutes_and_says_so(db):
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        dialog, _ = await open_dialog(pilot, minutes_left=-5)
        assert dialog.query_one("#item-minutes", Input).value == ""
        assert "The agenda is already 5 minutes longer than the session" in screen_text(app)


async def test_without_minutes_left_there_is_no_hint(db):
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        dialog, _ = await open_dialog(pilot)
        assert dialog.query_one("#item-minutes", Input).value == ""
        assert not dialog.query("#item-minutes-left")


async def test_minutes_must_be_a_whole_number(db):
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        dialog, results = await open_dialog(pilot, minutes_left=30)
        await pilot.press(*"Case presentations")
        minutes = dialog.query_one("#item-minutes", Input)
        for bad in ("", "abc", "0", "1441", "12.5", "-3"):
            minutes.value = bad
            await settle(pilot)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert not results, bad
            assert error_text(dialog, "item-minutes") == BAD_MINUTES
            assert BAD_MINUTES in screen_text(app)
            assert app.focused is minutes
        await pilot.press("ctrl+a", "ctrl+k")
        assert error_text(dialog, "item-minutes") == ""  # gone as soon as the field changes
        await pilot.press(*" 20 ", "enter")  # enter in the minutes saves too
        await settle(pilot)
        assert results == [AgendaItem(title="Case presentations", minutes=20)]


async def test_a_title_is_needed(db):
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        dialog, results = await open_dialog(pilot, minutes_left=30)
        dialog.query_one("#item-minutes", Input).value = "abc"
        await settle(pilot)
        await pilot.click("#item-save")
        await settle(pilot)
        assert not results
        assert error_text(dialog, "item-title") == TITLE_NEEDED
        assert error_text(dialog, "item-minutes") == BAD_MINUTES
        # The first field with a problem gets the cursor.
        assert app.focused is dialog.query_one("#item-title", Input)


async def test_the_kind_suggests_whether_an_item_is_interactive(db):
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        dialog, results = await open_dialog(pilot, minutes_left=30)
        interactive = dialog.query_one("#item-interactive", Checkbox)
        await choose_kind(pilot, dialog, AgendaKind.DISCUSSION)
        assert interactive.value is True
        await choose_kind(pilot, dialog, AgendaKind.PRESENTATION)
        assert interactive.value is False
        await choose_kind(pilot, dialog, AgendaKind.QUESTIONS)
        assert interactive.value is True
        dialog.query_one("#item-title", Input).value = "Questions from the room"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert results == [AgendaItem(title="Questions from the room", minutes=30, kind="questions", interactive=True)]


async def test_once_the_user_sets_interactive_the_kind_leaves_it_alone(db):
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        dialog, _ = await open_dialog(pilot, minutes_left=30)
        interactive = dialog.query_one("#item-interactive", Checkbox)
        interactive.focus()
        await pilot.press("space")  # on, by the user's own hand
        await settle(pilot)
        assert interactive.value is True
        await choose_kind(pilot, dialog, AgendaKind.PRESENTATION)
        assert interactive.value is True


async def test_editing_keeps_the_values_and_an_unknown_kind(db):
    item = AgendaItem(title="Fishbowl with the room", minutes=25, kind="fishbowl", interactive=False, public=False)
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        dialog, results = await open_dialog(pilot, item, minutes_left=10)
        assert dialog.query_one("#agenda-item-dialog").border_title == "Edit an agenda item"
        assert dialog.query_one("#item-title", Input).value == "Fishbowl with the room"
        assert dialog.query_one("#item-minutes", Input).value == "25"
        assert dialog.query_one("#item-kind", Select).value == "fishbowl"
        assert "fishbowl" in screen_text(app)
        # Editing: the item already says whether it is interactive; the kind does not change it.
        await choose_kind(pilot, dialog, AgendaKind.DISCUSSION)
        assert dialog.query_one("#item-interactive", Checkbox).value is False
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert results == [item.model_copy(update={"kind": "discussion"})]


async def test_editing_and_saving_unchanged_gives_the_same_item(db):
    item = AgendaItem(title="Open discussion", minutes=25, kind="discussion", interactive=True)
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        _, results = await open_dialog(pilot, item)
        await pilot.click("#item-save")
        await settle(pilot)
        assert results == [item]


async def test_escape_with_nothing_changed_closes_at_once(db):
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        dialog, results = await open_dialog(pilot, minutes_left=30)
        await pilot.press("escape")
        await settle(pilot)
        assert results == [None] and app.screen is not dialog


async def test_escape_after_typing_asks_before_throwing_it_away(db):
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        dialog, results = await open_dialog(pilot, minutes_left=30)
        await pilot.press(*"Half typed")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog) and not results
        assert "Discard your changes to this agenda item?" in screen_text(app)
        await pilot.press("enter")  # the default answer: keep editing
        await settle(pilot)
        assert app.screen is dialog and dialog.query_one("#item-title", Input).value == "Half typed"
        await pilot.press("escape", "y")
        await settle(pilot)
        assert results == [None] and app.screen is not dialog


async def test_a_changed_tick_box_counts_as_a_change(db):
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        dialog, results = await open_dialog(pilot, AgendaItem(title="Opening", minutes=10))
        dialog.query_one("#item-public", Checkbox).value = False
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog) and not results


async def test_cancel_button_cancels(db):
    app = catalogue_app(db, 10)
    async with app.run_test(size=SIZE) as pilot:
        _, results = await open_dialog(pilot, minutes_left=30)
        await pilot.click("#item-cancel")
        await settle(pilot)
        assert results == [None]


async def test_at_80_by_24_the_dialog_fits_and_saves(db):
    app = catalogue_app(db, 10)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog, results = await open_dialog(pilot, minutes_left=15)
        for button in ("#item-save", "#item-cancel"):
            assert dialog.region.contains_region(dialog.query_one(button).region)
        await pilot.press(*"Wrap-up", "ctrl+s")
        await settle(pilot)
        assert results == [AgendaItem(title="Wrap-up", minutes=15)]


def test_snapshot_adding_an_agenda_item(snap_compare, db):
    async def fill_in(pilot) -> None:
        dialog, _ = await open_dialog(pilot, minutes_left=45)
        await pilot.press(*"Break-out groups on the policy questions")
        await choose_kind(pilot, dialog, AgendaKind.BREAKOUT)
        dialog.query_one("#item-minutes", Input).value = "abc"
        # Textual shows a clicked button pressed for 0.2 s: the snapshot would show it or not
        # depending on how fast the test reached it.
        dialog.query_one("#item-save", Button).active_effect_duration = 0
        await pilot.click("#item-save")
        await settle(pilot)

    assert snap_compare(catalogue_app(db, 10), terminal_size=SIZE, run_before=fill_in)
