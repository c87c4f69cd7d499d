"""Help (f1/?) opens on the screen's own keys, fits 80 and 120 columns, and ends with the field's.

It used to open on two pages of Textual's generic input keys, in a column so
narrow each description took three to five lines.
"""

from __future__ import annotations

import io

from rich.console import Console
from snapshot_apps import catalogue_app, screen_text, settle, show_section
from textual.widgets import TextArea

from igftui.tui.dialogs.help import HelpScreen
from igftui.tui.screens.proposal_editor import ProposalEditor


async def open_editor_help(pilot, field: str = "#input-title") -> HelpScreen:
    await settle(pilot)
    await pilot.press("n")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ProposalEditor)
    pilot.app.screen.query_one(field).focus()
    await pilot.pause()
    await pilot.press("f1")
    await settle(pilot)
    help_screen = pilot.app.screen
    assert isinstance(help_screen, HelpScreen)
    return help_screen


def rendered(help_screen: HelpScreen, width: int) -> list[str]:
    """The help's text as laid out for a terminal ``width`` columns wide."""
    inner = min(width * 96 // 100, 120) - 6
    console = Console(file=io.StringIO(), width=inner, color_system=None, legacy_windows=False)
    console.print(HelpScreen._table(help_screen.keys, help_screen.note, inner))
    return console.file.getvalue().splitlines()


async def test_editor_help_starts_with_the_editors_own_keys_and_ends_with_the_fields(db):
    app = catalogue_app(db, 2)
    async with app.run_test(size=(120, 36)) as pilot:
        help_screen = await open_editor_help(pilot)
        keys = help_screen.keys
        assert keys[0].group == "Proposal editor" and keys[0].description == "Save"
        groups = list(dict.fromkeys(line.group for line in keys))
        assert groups == ["Proposal editor", "Everywhere", "Editing this field"]
        editing = [line for line in keys if line.editing]
        assert [line.description for line in editing[:2]] == ["Undo", "Redo"]
        assert editing[0].keys == "^z" and "^y" in editing[1].keys
        assert all(line.editing for line in keys[len(keys) - len(editing) :])
        # Undo across the whole form is the history, and help says so with its key.
        assert "f7 opens the history" in help_screen.note

        # What the user sees first: the editor's keys, not Textual's cursor moves.
        shown = screen_text(app).splitlines()
        top = "\n".join(shown[:8])
        assert "Proposal editor" in top and "Save now" in top
        assert "cursor" not in top.lower()


async def test_help_fits_80_and_120_columns_with_each_description_on_one_line(db):
    app = catalogue_app(db, 2)
    async with app.run_test(size=(120, 36)) as pilot:
        help_screen = await open_editor_help(pilot)
        for width in (80, 120):
            lines = rendered(help_screen, width)
            inner = min(width * 96 // 100, 120) - 6
            assert all(len(line.rstrip()) <= inner for line in lines)
            for line in help_screen.keys:
                if line.editing:
                    # One key and what it does are never broken over two lines.
                    piece = f"{line.keys} {line.description.lower()}"
                    assert any(piece in text for text in lines), (width, piece)
                else:
                    assert any(line.description in text for text in lines), (width, line.description)
            # At 120 columns what a key does sits on the same line as its name.
            if width == 120:
                assert any("Save" in text and "Save now" in text for text in lines)


async def test_undo_in_a_text_area_is_reachable_and_listed(db):
    app = catalogue_app(db, 2)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        editor = app.screen
        await show_section(pilot, "content", focus=False)
        area = editor.query_one("#input-description", TextArea)
        area.focus()
        await pilot.pause()
        # One key: how TextArea joins keys into one step depends on time.
        await pilot.press("H")
        await pilot.pause()
        assert area.text == "H"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert area.text == ""
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert area.text == "H"
        await pilot.press("f1")
        await settle(pilot)
        editing = [line for line in app.screen.keys if line.editing]
        assert [line.description for line in editing[:2]] == ["Undo", "Redo"]
