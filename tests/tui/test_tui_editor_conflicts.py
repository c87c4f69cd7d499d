"""Two copies of igftui on one draft: the editor never overwrites the other's save silently.

"The other copy" is a second Catalogue on the same file, saving as another process would.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from snapshot_apps import SAVE_WHEN_ASKED, screen_text, settle, show_section
from textual.widgets import Input, TextArea

from igftui.config import Settings
from igftui.model import ForumSession
from igftui.store import Catalogue
from igftui.tui.app import IgfApp
from igftui.tui.dialogs.conflict_dialog import ConflictDialog
from igftui.tui.screens.proposal_editor import ProposalEditor

SIZE = (120, 36)


def saved_elsewhere(db: Path, session_id: int, **changes) -> None:
    with Catalogue(db) as other:
        stored = other.get(session_id)
        other.update(stored.model_copy(update=changes), expected_version=stored.version)


def saved_by_another_process(db: Path, session_id: int, **changes) -> None:
    """Another igftui process saving the draft: a real second process on the same file."""
    code = (
        "import json, sys\n"
        "from igftui.store import Catalogue\n"
        "with Catalogue(sys.argv[1]) as c:\n"
        "    s = c.get(int(sys.argv[2]))\n"
        "    c.update(s.model_copy(update=json.loads(sys.argv[3])), expected_version=s.version)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2] / "src"))
    subprocess.run(
        [sys.executable, "-c", code, str(db), str(session_id), json.dumps(changes)], check=True, env=env, timeout=120
    )


async def open_editor(db: Path, pilot, draft_id: int) -> ProposalEditor:
    app = pilot.app
    editor = ProposalEditor(app.catalogue, session_id=draft_id)
    app.push_screen(editor)
    await settle(pilot)
    return editor


def app_with_draft(db: Path) -> tuple[IgfApp, int]:
    catalogue = Catalogue(db)
    draft = catalogue.add(ForumSession(title="Our title", description="Our description"))
    # Each test saves with a key at the moment it chooses: no autosave before it.
    return IgfApp(catalogue, Settings(), delays=SAVE_WHEN_ASKED), draft.id


async def test_another_copys_changes_to_other_fields_merge_by_themselves(tmp_path):
    db = tmp_path / "c.db"
    app, draft_id = app_with_draft(db)
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(db, pilot, draft_id)
        saved_elsewhere(db, draft_id, description="Their description")
        editor.query_one("#input-title", Input).value = "Our new title"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        with Catalogue(db) as other:
            stored = other.get(draft_id)
        assert (stored.title, stored.description) == ("Our new title", "Their description")
        # Their description is in the box once its section is shown (built after the merge).
        await show_section(pilot, "content", focus=False)
        assert editor.query_one("#input-description", TextArea).text == "Their description"
        assert not editor.unsaved
        assert "Saved at" in screen_text(app)


async def test_a_field_changed_on_both_sides_asks_and_takes_theirs_when_told(tmp_path):
    db = tmp_path / "c.db"
    app, draft_id = app_with_draft(db)
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(db, pilot, draft_id)
        saved_by_another_process(db, draft_id, title="Their title")
        editor.query_one("#input-title", Input).value = "My title"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConflictDialog)
        text = screen_text(app)
        assert "My title" in text and "Their title" in text and "Title" in text
        with Catalogue(db) as other:
            assert other.get(draft_id).title == "Their title", "nothing is overwritten while asking"
        await pilot.press("t")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is editor
        with Catalogue(db) as other:
            stored = other.get(draft_id)
            history = other.history(draft_id)
        assert stored.title == "Their title"
        assert editor.query_one("#input-title", Input).value == "Their title"
        assert not editor.unsaved and editor.keeper.conflict is None
        assert history[-1].origin != "typed" or history[-1].changed == ("title",)


async def test_keeping_ones_own_text_after_a_conflict_keeps_theirs_in_the_history(tmp_path):
    db = tmp_path / "c.db"
    app, draft_id = app_with_draft(db)
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(db, pilot, draft_id)
        saved_elsewhere(db, draft_id, title="Their title")
        editor.query_one("#input-title", Input).value = "My title"
        await pilot.pause()
        await pilot.press("escape")  # leaving saves first, and so meets the conflict
        await settle(pilot)
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("m", "ctrl+s")
        await settle(pilot)
        with Catalogue(db) as other:
            assert other.get(draft_id).title == "My title"
            titles = [other.revision(draft_id, r.number).title for r in other.history(draft_id)]
        assert "Their title" in titles
        assert app.screen is not editor, "the editor closes once the choice is saved"


async def test_writing_one_text_from_both(tmp_path):
    db = tmp_path / "c.db"
    app, draft_id = app_with_draft(db)
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(db, pilot, draft_id)
        saved_elsewhere(db, draft_id, description="Their paragraph.")
        await show_section(pilot, "content", focus=False)
        editor.query_one("#input-description", TextArea).load_text("My paragraph.")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("e")
        # Wait for what the key set off, not one turn of the loop: on a busy machine the
        # text box of the dialog was not there yet.
        await settle(pilot)
        area = app.screen.query_one(TextArea)
        assert area.text == "My paragraph.\n\nTheir paragraph."
        area.load_text("Both paragraphs, edited.")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        with Catalogue(db) as other:
            assert other.get(draft_id).description == "Both paragraphs, edited."
        assert editor.query_one("#input-description", TextArea).text == "Both paragraphs, edited."


async def test_f7_in_the_editor_restores_an_earlier_text_into_the_draft(tmp_path):
    from igftui.tui.screens.history import HistoryScreen

    db = tmp_path / "c.db"
    app, draft_id = app_with_draft(db)
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(db, pilot, draft_id)
        editor.query_one("#input-title", Input).value = "A title I regret"
        await pilot.pause()
        await pilot.press("f7")  # saves what is typed first, then opens the history
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("j", "r")  # the revision before: "Our title"
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is editor
        assert editor.query_one("#input-title", Input).value == "Our title"
        with Catalogue(db) as other:
            assert other.get(draft_id).title == "Our title"
            assert [r.origin for r in other.history(draft_id)][-1] == "restored"
        # Typing on saves from the restored version: no conflict with oneself.
        editor.query_one("#input-title", Input).value = "Our title, kept"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, ConflictDialog)
        with Catalogue(db) as other:
            assert other.get(draft_id).title == "Our title, kept"
