"""The ways into the editor and the export besides `n`, and help inside a dialog."""

from __future__ import annotations

from snapshot_apps import catalogue_app, screen_text, settle, wait_until
from textual.widgets import Input, TextArea

from igftui.formats.markdown import to_markdown
from igftui.tui.dialogs.export_dialog import ExportDialog
from igftui.tui.dialogs.help import HelpScreen
from igftui.tui.dialogs.rule_set_picker import RuleSetPicker
from igftui.tui.dialogs.template_dialog import TemplateDialog
from igftui.tui.screens.catalogue import CatalogueScreen
from igftui.tui.screens.proposal_editor import ProposalEditor
from igftui.tui.screens.session_detail import SessionDetailScreen

SIZE = (120, 36)


async def test_e_on_the_catalogue_exports_the_selected_session(db, tmp_path):
    app = catalogue_app(db, 4)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down")
        chosen = app.catalogue.get(app.screen.query_one("#sessions").selected_id())
        await pilot.press("e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one("#export-preview", TextArea).text == to_markdown(chosen)
        target = tmp_path / "out.md"
        dialog.query_one("#export-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CatalogueScreen)
        assert target.read_text(encoding="utf-8") == to_markdown(chosen)


async def test_f1_inside_a_dialog_lists_the_dialogs_keys(db):
    app = catalogue_app(db, 2)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        described = {line.description for line in app.screen.keys}
        assert {"Write file", "Copy", "Close", "Help"} <= described
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ExportDialog)


async def test_a_draft_started_from_the_session_view_shows_in_the_catalogue(db):
    app = catalogue_app(db, 6)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        listed = app.catalogue.list(limit=6)
        row = next(n for n, s in enumerate(listed) if s.status == "catalogued")
        await pilot.press(*"j" * row, "enter")
        await settle(pilot)
        assert isinstance(app.screen, SessionDetailScreen)
        template = app.screen.session
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, TemplateDialog)
        await pilot.press("enter")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, ProposalEditor)
        assert editor.draft.agenda == template.agenda
        editor.query_one("#input-title", Input).value = "Drafted from a past session"
        await pilot.pause()
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, SessionDetailScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CatalogueScreen)
        assert app.catalogue.count() == 7
        assert "Drafted from a past session" in screen_text(app)


async def test_another_rule_set_checks_the_draft_again(db):
    app = catalogue_app(db, 1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await wait_until(pilot, lambda: "Checks · igf-2025" in screen_text(app), "the checks by igf-2025")
        await pilot.press("ctrl+r")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, RuleSetPicker)
        await pilot.press("home", "enter")  # the first rule set: igf-2017
        await settle(pilot)
        await wait_until(pilot, lambda: "Checks · igf-2017" in screen_text(app), "the checks by igf-2017")
