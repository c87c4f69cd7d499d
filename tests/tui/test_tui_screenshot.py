"""Screenshots never leak: only to a file the user names, owner-only, with a warning over private fields.

Textual's own "Screenshot" command saves to ~/Downloads without asking, readable
by everyone; the app offers "Save screenshot" instead.

Snapshots live in __snapshots__/; regenerate on purpose, after looking at the change:
    PYTHONPATH=src .venv/bin/python -m pytest tests/tui/test_tui_screenshot.py --snapshot-update
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from snapshot_apps import SIZE, catalogue_app, screen_text, settle
from textual.command import CommandList, CommandPalette
from textual.widgets import Checkbox, Input, Static

from igftui.config import Settings
from igftui.model import ForumSession, Participant
from igftui.store import Catalogue
from igftui.tui.app import IgfApp
from igftui.tui.delays import INSTANT
from igftui.tui.dialogs.confirm import ConfirmDialog
from igftui.tui.dialogs.export_dialog import ExportDialog
from igftui.tui.dialogs.person_dialog import PersonDialog
from igftui.tui.dialogs.screenshot_dialog import PRIVATE_WARNING, ScreenshotDialog
from igftui.tui.screens.catalogue import CatalogueScreen
from igftui.tui.screens.proposal_editor import ProposalEditor
from igftui.tui.screens.session_detail import SessionDetailScreen

WARNING_START = PRIVATE_WARNING[:40]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The export folder of the settings, where the dialog suggests saving."""
    exports = tmp_path / "exports"
    exports.mkdir()
    return exports


@pytest.fixture
def downloads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where Textual's own screenshot would have gone: it must stay empty."""
    home = tmp_path / "home"
    (home / "Downloads").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DOWNLOAD_DIR", str(home / "Downloads"))
    return home / "Downloads"


def app_in(db: Path, folder: Path, count: int = 3) -> IgfApp:
    return catalogue_app(db, count, Settings(export_folder=str(folder)))


async def palette(pilot, typed: str = "") -> list[str]:
    """Open the command palette, type ``typed``, and give the titles it offers."""
    await pilot.press("ctrl+p")
    await settle(pilot)
    assert isinstance(pilot.app.screen, CommandPalette)
    if typed:
        await pilot.press(*typed)
        await settle(pilot)
    options = pilot.app.screen.query_one(CommandList).options
    return [str(option.prompt).split("\n")[0] for option in options]


async def take_screenshot(pilot) -> ScreenshotDialog:
    """Save screenshot, chosen from the palette as a user would."""
    assert "Save screenshot" in await palette(pilot, "save screenshot")
    await pilot.press("enter")
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, ScreenshotDialog)
    return dialog


async def save_as(pilot, dialog: ScreenshotDialog, path: Path | str) -> None:
    dialog.query_one("#screenshot-path", Input).value = str(path)
    await pilot.press("enter")
    await settle(pilot)


def status(dialog: ScreenshotDialog) -> str:
    return str(dialog.query_one("#screenshot-status", Static).render())


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# ----- the command -----


async def test_the_palette_offers_save_screenshot_not_textuals(db, folder):
    app = app_in(db, folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        offered = await palette(pilot)
        assert "Save screenshot" in offered and "Screenshot" not in offered
        assert "Theme" in offered and "Quit" in offered  # Textual's other commands stay
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, ProposalEditor)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert titles.count("Save screenshot") == 1 and "Screenshot" not in titles


async def test_save_screenshot_writes_an_owner_only_file_where_the_user_said(db, folder, tmp_path, downloads, notes):
    app = app_in(db, folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        dialog = await take_screenshot(pilot)
        path_box = dialog.query_one("#screenshot-path", Input)
        # Suggested in the export folder, not written until the user says so.
        assert Path(path_box.value).parent == folder and path_box.value.endswith(".svg")
        assert app.focused is path_box
        assert list(folder.iterdir()) == []
        assert not dialog.query("#screenshot-private-warning")
        chosen = tmp_path / "elsewhere" / "catalogue.svg"
        chosen.parent.mkdir()
        await save_as(pilot, dialog, chosen)
        assert isinstance(app.screen, CatalogueScreen)
        assert ("Screenshot", f"Saved the screenshot to {chosen}", "information") in notes
    svg = chosen.read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "Meaningful" in svg  # the catalogue, as it was on screen
    assert "Search&#160;for&#160;commands" not in svg and "Save&#160;screenshot" not in svg
    assert mode_of(chosen) == 0o600
    assert list(folder.iterdir()) == [] and list(downloads.iterdir()) == []


async def test_a_relative_name_is_saved_in_the_export_folder(db, folder):
    app = app_in(db, folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        dialog = await take_screenshot(pilot)
        await save_as(pilot, dialog, "shot.svg")
        assert mode_of(folder / "shot.svg") == 0o600


async def test_textuals_own_way_in_asks_too(db, folder, downloads):
    # deliver_screenshot and the "screenshot" action are how Textual saves unasked;
    # both open the dialog instead.
    app = app_in(db, folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.deliver_screenshot()
        await settle(pilot)
        assert isinstance(app.screen, ScreenshotDialog)
        await pilot.press("escape")
        await settle(pilot)
        await app.run_action("screenshot('mine.svg')")
        await settle(pilot)
        assert isinstance(app.screen, ScreenshotDialog)
        assert app.screen.query_one("#screenshot-path", Input).value == str(folder / "mine.svg")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CatalogueScreen)
    assert list(folder.iterdir()) == [] and list(downloads.iterdir()) == []


# ----- problems, told in the dialog -----


async def test_a_missing_folder_is_reported_in_the_dialog(db, folder, tmp_path):
    app = app_in(db, folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        dialog = await take_screenshot(pilot)
        await save_as(pilot, dialog, tmp_path / "no-such-folder" / "shot.svg")
        assert app.screen is dialog
        assert status(dialog) == (
            f"Not saved: cannot write {tmp_path / 'no-such-folder' / 'shot.svg'}: "
            f"the folder {tmp_path / 'no-such-folder'} does not exist"
        )
        # Shown on screen (the long temporary path wraps, so look for the start of the message).
        assert "Not saved: cannot write" in screen_text(app)
        # Corrected, it saves.
        await save_as(pilot, dialog, folder / "shot.svg")
        assert (folder / "shot.svg").exists()


async def test_a_folder_named_as_the_file_is_reported(db, folder):
    app = app_in(db, folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        dialog = await take_screenshot(pilot)
        await save_as(pilot, dialog, folder)
        assert app.screen is dialog
        assert status(dialog) == f"Not saved: {folder} is a folder; give the name of a file to write"


async def test_an_existing_file_is_replaced_only_when_the_user_says_so(db, folder):
    existing = folder / "shot.svg"
    existing.write_text("mine", encoding="utf-8")
    existing.chmod(0o644)
    app = app_in(db, folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        dialog = await take_screenshot(pilot)
        await save_as(pilot, dialog, existing)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is dialog
        assert status(dialog) == "Not saved: the file already there was kept as it was."
        assert existing.read_text(encoding="utf-8") == "mine"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, CatalogueScreen)
    assert existing.read_text(encoding="utf-8").startswith("<svg")
    assert mode_of(existing) == 0o600


# ----- the warning -----


async def test_the_editor_warns_that_private_fields_may_show(db, folder):
    app = app_in(db, folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, ProposalEditor)
        dialog = await take_screenshot(pilot)
        assert dialog.private
        assert dialog.query_one("#screenshot-private-warning").display
        assert WARNING_START in screen_text(app)
        await save_as(pilot, dialog, folder / "editor.svg")
        assert mode_of(folder / "editor.svg") == 0o600


async def test_a_dialog_over_the_editor_warns_too(db, folder):
    app = app_in(db, folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        person = Participant(name="Amina Diallo", roles=["speaker"], gender="woman", email="a@example.org")
        app.push_screen(PersonDialog(person, app.catalogue))
        await settle(pilot)
        dialog = await take_screenshot(pilot)
        assert dialog.private and WARNING_START in screen_text(app)


async def test_the_catalogue_and_a_catalogued_session_do_not_warn(db, folder):
    app = app_in(db, folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        dialog = await take_screenshot(pilot)
        assert not dialog.private and WARNING_START not in screen_text(app)


async def test_the_export_preview_warns_once_private_fields_are_in_it(db, folder):
    app = app_in(db, folder)
    session = ForumSession(year=2025, title="Mine", private_notes="secret plan")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        export = ExportDialog(session, folder)
        app.push_screen(export)
        await settle(pilot)
        dialog = await take_screenshot(pilot)
        assert not dialog.private
        await pilot.press("escape")
        await settle(pilot)
        export.query_one("#export-private", Checkbox).value = True
        await settle(pilot)
        dialog = await take_screenshot(pilot)
        assert dialog.private


@pytest.mark.parametrize(("status_", "warns"), [("catalogued", False), ("draft", True), ("submitted", True)])
async def test_the_session_view_warns_on_the_users_own_proposals(db, folder, status_, warns):
    with Catalogue(db) as catalogue:
        stored = catalogue.add(
            ForumSession(
                status=status_,
                year=2025,
                title="Own or not",
                participants=[Participant(name="Amina Diallo", roles=["speaker"], gender="woman")],
            )
        )
    app = IgfApp(db, Settings(export_folder=str(folder)), delays=INSTANT)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(SessionDetailScreen(app.catalogue, stored.id))
        await settle(pilot)
        dialog = await take_screenshot(pilot)
        assert dialog.private is warns
        assert (WARNING_START in screen_text(app)) is warns


def test_snapshot_the_warning_over_a_draft(snap_compare, db):
    async def screenshot_of_the_draft(pilot) -> None:
        await settle(pilot)
        app = pilot.app
        draft = next(summary for summary in app.catalogue.list() if summary.status == "draft")
        app.push_screen(SessionDetailScreen(app.catalogue, draft.id))
        await settle(pilot)
        # A fixed name and folder: the suggested one has the time in it.
        app.action_screenshot("igftui-draft.svg", "/tmp/igftui-screenshots")
        await settle(pilot)

    assert snap_compare(catalogue_app(db, 28), terminal_size=SIZE, run_before=screenshot_of_the_draft)
