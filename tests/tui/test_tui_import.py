"""Import from the catalogue screen: the dialog, the import in a worker, the summary."""

from __future__ import annotations

import json
from pathlib import Path

from snapshot_apps import SIZE, catalogue_app, generated_sessions, screen_text, settle
from textual.widgets import ContentSwitcher, DirectoryTree, Input, ProgressBar

from igftui.tui.dialogs.import_dialog import ImportDialog
from igftui.tui.screens.catalogue import CatalogueScreen
from igftui.tui.widgets.session_table import SessionTable


def write_sessions(path: Path, first: int, count: int) -> None:
    """An igftui JSON file holding ``count`` generated sessions, from number ``first``."""
    sessions = generated_sessions(first + count)[first:]
    path.write_text(json.dumps([s.to_json() for s in sessions]), encoding="utf-8")


def folder_to_import(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    write_sessions(folder / "a.json", 100, 3)
    write_sessions(folder / "b.json", 103, 2)
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 binary \xff\xfe" * 50)
    return folder


async def import_path(pilot, path: Path) -> ImportDialog:
    app = pilot.app
    await pilot.press("i")
    await settle(pilot)
    dialog = app.screen
    assert isinstance(dialog, ImportDialog)
    box = dialog.query_one("#import-path", Input)
    assert app.focused is box
    box.value = str(path)
    await pilot.press("enter")
    await settle(pilot)
    return dialog


async def test_a_folder_imports_from_the_screen_with_a_summary(db, tmp_path):
    folder = folder_to_import(tmp_path)
    app = catalogue_app(db, 4)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        dialog = await import_path(pilot, folder)
        steps = dialog.query_one("#import-steps", ContentSwitcher)
        assert steps.current == "import-summary-panel"
        bar = dialog.query_one(ProgressBar)
        assert bar.total == 3 and bar.progress == 3
        shown = screen_text(app)
        assert "Imported 5, merged 0, unchanged 0, skipped 1" in shown
        assert "broken.txt" in shown and "binary" in shown
        await pilot.press("enter")  # Close
        await settle(pilot)
        assert isinstance(app.screen, CatalogueScreen)
        # The list was read again: the five new sessions are there.
        assert app.screen.query_one(SessionTable).total == 9 == app.catalogue.count()
        assert "9 sessions" in screen_text(app)


async def test_importing_the_same_folder_again_adds_nothing(db, tmp_path):
    folder = folder_to_import(tmp_path)
    app = catalogue_app(db, 0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # The empty catalogue offers the import.
        assert "i to import" in screen_text(app)
        await import_path(pilot, folder)
        await pilot.press("escape")
        await settle(pilot)
        assert app.catalogue.count() == 5
        dialog = await import_path(pilot, folder)
        assert dialog.report is not None
        assert (len(dialog.report.imported), dialog.report.count("unchanged")) == (0, 5)
        assert "Imported 0, merged 0, unchanged 5, skipped 1" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.catalogue.count() == 5


async def test_a_path_that_does_not_exist_is_reported(db, tmp_path):
    app = catalogue_app(db, 2)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await import_path(pilot, tmp_path / "nowhere")
        shown = screen_text(app)
        assert "skipped 1" in shown and "no such file or folder" in shown
        await pilot.press("escape")
        await settle(pilot)
        assert app.catalogue.count() == 2


async def test_a_file_chosen_in_the_tree_is_imported(db, tmp_path, monkeypatch):
    folder = folder_to_import(tmp_path)
    monkeypatch.chdir(folder)
    app = catalogue_app(db, 0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        dialog = app.screen
        tree = dialog.query_one(DirectoryTree)
        tree.focus()
        await settle(pilot)
        # The files are listed in name order: a.json first.
        await pilot.press("down")
        await settle(pilot)
        assert dialog.query_one("#import-path", Input).value == str(folder / "a.json")
        await pilot.press("enter")
        await settle(pilot)
        assert dialog.report is not None and len(dialog.report.imported) == 3
        assert not dialog.report.skipped


async def test_escape_cancels_without_importing(db, tmp_path):
    app = catalogue_app(db, 2)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CatalogueScreen)
        assert app.catalogue.count() == 2


PAGE = """IGF 2022 WS #412 Community radio and the open Internet

Organizer 1: Civil Society, African Group

Speaker 1: Nadia Okonkwo-Berg, Civil Society, African Group
Speaker 2: Tomasz Wielgosz , Private Sector, Eastern European Group

Round Table - Circle - 60 Min

Policy Question(s)

How can community radio stations reach listeners online without losing their licence?
"""

UNKNOWN = """IGF 2023 Networking Session #9 Meet the coalition on open standards

Come and meet us at the networking area.
"""


UNNAMED = """Speaker 1: Wanjiru Kamau, Civil Society, African Group

Round Table - 60 Min

Farmers keep notes on seeds, soil and rain that nobody else ever reads.
"""


async def test_a_page_without_title_year_or_type_is_named_in_the_summary(db, tmp_path):
    # The same words as the command line's warning (issue 15, pattern 9).
    page = tmp_path / "unnamed.txt"
    page.write_text(UNNAMED, encoding="utf-8")
    app = catalogue_app(db, 0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        dialog = await import_path(pilot, page)
        assert dialog.report is not None and len(dialog.report.imported) == 1
        shown = screen_text(app)
        # The row wraps inside the dialog's border: its two halves, each as written.
        assert "partly read" in shown and "unnamed.txt: imported without its title, year and session type" in shown
        assert "the page does not give" in shown


async def test_pages_import_from_the_screen_and_partial_pages_are_named(db, tmp_path):
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "ws412.txt").write_text(PAGE, encoding="utf-8")
    (folder / "networking.txt").write_text(UNKNOWN, encoding="utf-8")
    app = catalogue_app(db, 0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        dialog = await import_path(pilot, folder)
        report = dialog.report
        assert report is not None and len(report.imported) == 2 and not report.skipped
        shown = screen_text(app)
        assert "Imported 2, merged 0, unchanged 0, skipped 0" in shown
        assert "partly read" in shown and "networking.txt" in shown
        # The page without a description is named for that; nothing else is said of it.
        assert "ws412.txt: imported, but these fields were not found: description" in shown
        await pilot.press("escape")
        await settle(pilot)
        assert "WS #412" in screen_text(app)
        workshop = next(s for s in report.imported if s.number == 412)
        stored = app.catalogue.get(workshop.id)
        assert [p.name for p in stored.speakers] == ["Nadia Okonkwo-Berg", "Tomasz Wielgosz"]
        assert stored.duration_minutes == 60


async def test_a_co_organisers_copy_in_conflict_offers_the_conflict_view(db, tmp_path):
    from igftui.model import ForumSession
    from igftui.store import Catalogue
    from igftui.tui.dialogs.conflict_dialog import ConflictDialog

    app = catalogue_app(db, 2)
    catalogue = app.catalogue
    draft = catalogue.add(ForumSession(title="Our title", description="Our text"))
    sent = catalogue.seal_revision(draft.id).to_json()
    catalogue.update(catalogue.get(draft.id).model_copy(update={"title": "Our title, edited"}))
    sent["title"] = "Their title"
    sent["description"] = "Their text"
    copy = tmp_path / "back.json"
    copy.write_text(json.dumps(sent), encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        dialog = await import_path(pilot, copy)
        shown = screen_text(app)
        assert "merged 1" in shown and "conflict" in shown
        assert app.focused is dialog.query_one("#import-conflicts")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConflictDialog)
        assert "Our title, edited" in screen_text(app) and "Their title" in screen_text(app)
        await pilot.press("t", "ctrl+s")
        await settle(pilot)
        assert app.screen is dialog
        assert not dialog.query_one("#import-conflicts").display
    with Catalogue(db) as other:
        stored = other.get(draft.id)
    # The description only they changed was taken by the import; the title by the user's choice.
    assert (stored.title, stored.description) == ("Their title", "Their text")
