"""One-line fields that never trap the user: no select-all on focus, undo and redo in each.

The trap these tests close: tabbing into a filled box selected all of it, the next
key replaced it, there was no undo, and the autosave stored the loss a moment later.
"""

from __future__ import annotations

import ast
from pathlib import Path

from snapshot_apps import catalogue_app, settle

from igftui.model import AgendaItem, ForumSession
from igftui.store import Catalogue
from igftui.tui.dialogs.agenda_item_dialog import AgendaItemDialog
from igftui.tui.screens.proposal_editor import ProposalEditor
from igftui.tui.widgets.line_field import LineField, LineHistory, LineState

SIZE = (120, 36)
TUI = Path(__file__).resolve().parents[2] / "src" / "igftui" / "tui"


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def typed(history: LineHistory, text: str, cursor: int, characters: str) -> tuple[str, int]:
    """Type ``characters`` one by one at ``cursor`` into ``text``, as the field records them."""
    for character in characters:
        history.edited(LineState(text, cursor), character, cursor, cursor)
        text, cursor = text[:cursor] + character + text[cursor:], cursor + 1
    return text, cursor


# ----- the history alone -----


def test_a_run_of_typing_is_one_step_and_a_pause_starts_another():
    clock = FakeClock()
    history = LineHistory(clock=clock)
    text, cursor = typed(history, "tags", 4, ", youth")
    clock.now += 5
    text, cursor = typed(history, text, cursor, ", privacy")
    assert text == "tags, youth, privacy"
    assert history.undo(LineState(text, cursor)) == LineState("tags, youth", 11)
    assert history.undo(LineState("tags, youth", 11)) == LineState("tags", 4)
    assert history.undo(LineState("tags", 4)) is None
    assert history.redo(LineState("tags", 4)) == LineState("tags, youth", 11)


def test_typing_elsewhere_or_deleting_starts_a_new_step():
    history = LineHistory(clock=FakeClock())
    text, _cursor = typed(history, "", 0, "abc")
    text, _cursor = typed(history, text, 0, "X")  # the cursor moved to the start
    assert text == "Xabc"
    history.edited(LineState(text, 4), "", 3, 4)  # backspace
    history.edited(LineState("Xab", 3), "", 2, 3)  # backspace again: the same step
    assert history.undo(LineState("Xa", 2)) == LineState("Xabc", 4)
    assert history.undo(LineState("Xabc", 4)) == LineState("abc", 0)
    assert history.undo(LineState("abc", 0)) == LineState("", 0)


def test_an_edit_after_undo_drops_the_redo_and_the_history_is_bounded():
    history = LineHistory(limit=3, pause=None, clock=FakeClock())
    for number in range(5):
        history.edited(LineState(str(number), 1), str(number + 1), 0, 1)  # a replace: its own step
    assert history.undo(LineState("5", 1)) == LineState("4", 1)
    history.edited(LineState("4", 1), "z", 1, 1)
    assert not history.can_redo
    steps = 0
    state = LineState("4z", 2)
    while (state := history.undo(state)) is not None:
        steps += 1
    assert steps == 3


# ----- every one-line field is one -----


def test_every_one_line_field_of_the_app_is_a_line_field():
    """No form builds Textual's Input itself (it selects all on focus and has no undo)."""
    found = []
    for path in TUI.rglob("*.py"):
        if path.name == "line_field.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Input":
                found.append(f"{path.name}:{node.lineno} builds Input")
            if isinstance(node, ast.ClassDef) and any(
                isinstance(base, ast.Name) and base.id == "Input" for base in node.bases
            ):
                found.append(f"{path.name}:{node.lineno} subclasses Input")
    assert not found


# ----- in the editor -----


def stored_tags(db: Path, session_id: int) -> list[str]:
    with Catalogue(db) as other:
        return other.get(session_id).tags


async def open_filled_draft(pilot, db: Path) -> tuple[ProposalEditor, int]:
    """The editor on a stored draft whose tags say "privacy, youth"."""
    app = pilot.app
    session_id = app.catalogue.add(
        ForumSession(status="draft", year=2025, title="Safe spaces", tags=["privacy", "youth"])
    ).id
    await settle(pilot)
    editor = ProposalEditor(app.catalogue, session_id=session_id)
    app.push_screen(editor)
    await settle(pilot)
    return editor, session_id


async def test_tab_into_a_filled_field_then_type_keeps_its_text_and_ctrl_z_takes_the_key_back(db):
    app = catalogue_app(db, 2)
    async with app.run_test(size=SIZE) as pilot:
        editor, session_id = await open_filled_draft(pilot, db)
        tags = editor.query_one("#input-tags", LineField)
        tags.history.clock = lambda: 0.0  # one run of typing, however slow the machine is
        editor.query_one("#input-subtheme").focus()
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is tags
        assert tags.selection.is_empty, "tabbing into the field must not select its text"
        await pilot.press(*", ngo")
        await settle(pilot)
        assert tags.value == "privacy, youth, ngo"
        assert editor.draft.tags == ["privacy", "youth", "ngo"]

        await pilot.press("ctrl+z")
        await pilot.pause()
        assert tags.value == "privacy, youth"
        assert editor.draft.tags == ["privacy", "youth"]
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert tags.value == "privacy, youth, ngo"
        await pilot.press("ctrl+z")
        await pilot.pause()
        # What undo gave back is what is stored, once saved.
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert stored_tags(db, session_id) == ["privacy", "youth"]

        # The text the draft was opened with is not an edit: undo stops there.
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert tags.value == "privacy, youth"


async def test_ctrl_shift_z_redoes_too(db):
    app = catalogue_app(db, 2)
    async with app.run_test(size=SIZE) as pilot:
        editor, _session_id = await open_filled_draft(pilot, db)
        title = editor.query_one("#input-title", LineField)
        title.history.clock = lambda: 0.0
        title.focus()
        await pilot.pause()
        await pilot.press(*["backspace"] * 7)
        await pilot.pause()
        assert title.value == "Safe"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert title.value == "Safe spaces"
        await pilot.press("ctrl+shift+z")
        await pilot.pause()
        assert title.value == "Safe"


async def test_a_dialog_field_keeps_its_text_when_tabbed_into(db):
    app = catalogue_app(db, 2)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(AgendaItemDialog(AgendaItem(title="Opening", minutes=10)))
        await settle(pilot)
        title = app.screen.query_one("#item-title", LineField)
        minutes = app.screen.query_one("#item-minutes", LineField)
        title.focus()
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is minutes and minutes.selection.is_empty
        await pilot.press("5")
        await pilot.pause()
        assert minutes.value == "105"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert minutes.value == "10"
