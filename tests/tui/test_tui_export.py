"""The Markdown export dialog on the real app: preview, privacy, writing real files, copying.

Snapshots live in __snapshots__/; regenerate on purpose, after looking at the change:
    PYTHONPATH=src .venv/bin/python -m pytest tests/tui/test_tui_export.py --snapshot-update
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from snapshot_apps import SIZE, catalogue_app, generated_session, screen_text, settle
from textual.widgets import Checkbox, Input, Static, TextArea

from igftui.formats.markdown import suggested_file_name, to_markdown
from igftui.model import ForumSession, Participant
from igftui.tui.dialogs.confirm import ConfirmDialog
from igftui.tui.dialogs.export_dialog import ExportDialog
from igftui.tui.dialogs.help import HelpScreen
from igftui.tui.screens.catalogue import CatalogueScreen

#: A folder that the snapshots show; the dialog must not touch it before writing.
SNAPSHOT_FOLDER = Path("/tmp/igftui-exports")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The export folder, apart from the catalogue (which also lives in tmp_path)."""
    exports = tmp_path / "exports"
    exports.mkdir()
    return exports


def private_session() -> ForumSession:
    return ForumSession(
        id=5,
        year=2026,
        session_type="workshop",
        number=153,
        title="Protecting human rights defenders online",
        description="How defenders stay safe when they speak online.",
        private_notes="secret plan",
        participants=[
            Participant(
                name="Amina Diallo",
                organisation="Digital Rights Network",
                stakeholder_group="civil_society",
                region="african",
                roles=["speaker"],
                gender="woman",
                email="a@example.org",
            ),
        ],
    )


async def open_export(pilot, session: ForumSession, folder: Path) -> ExportDialog:
    await settle(pilot)
    dialog = ExportDialog(session, folder)
    results: list[Path | None] = []
    pilot.app.push_screen(dialog, results.append)
    await settle(pilot)
    assert pilot.app.screen is dialog
    dialog.results = results  # what it was dismissed with, for the tests to read
    return dialog


def status(dialog: ExportDialog) -> str:
    return str(dialog.query_one("#export-status", Static).render())


async def test_opens_on_the_suggested_file_in_the_folder_with_a_public_preview(db, folder):
    session = private_session()
    app = catalogue_app(db, 3)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_export(pilot, session, folder)
        path_box = dialog.query_one("#export-path", Input)
        assert app.focused is path_box
        assert path_box.value == str(folder / "ws-153-protecting-human-rights-defenders-online.md")
        assert Path(path_box.value).name == suggested_file_name(session)
        preview = dialog.query_one("#export-preview", TextArea).text
        assert preview == to_markdown(session, include_private=False)
        for private in ("a@example.org", "Woman", "woman", "secret plan", "Private notes"):
            assert private not in preview
        assert not dialog.query_one("#export-private", Checkbox).value
        assert not dialog.query_one("#export-private-warning").display
        shown = screen_text(app)
        assert f"Preview (read-only) · {len(preview.splitlines())} lines" in shown
        assert "private data" not in shown
        assert list(folder.iterdir()) == []


async def test_the_checkbox_puts_private_fields_in_the_preview_and_warns(db, folder):
    session = private_session()
    app = catalogue_app(db, 3)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_export(pilot, session, folder)
        await pilot.click("#export-private")
        await settle(pilot)
        preview = dialog.query_one("#export-preview", TextArea).text
        assert preview == to_markdown(session, include_private=True)
        assert "a@example.org" in preview and "Woman" in preview and "secret plan" in preview
        assert dialog.query_one("#export-private-warning").display
        assert "private data" in screen_text(app)
        # And off again.
        await pilot.click("#export-private")
        await settle(pilot)
        assert dialog.query_one("#export-preview", TextArea).text == to_markdown(session)
        assert not dialog.query_one("#export-private-warning").display


async def test_ctrl_s_writes_the_preview_owner_only_and_closes(db, folder, notes):
    session = private_session()
    app = catalogue_app(db, 3)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_export(pilot, session, folder)
        await pilot.click("#export-private")
        await settle(pilot)
        preview = dialog.query_one("#export-preview", TextArea).text
        await pilot.press("ctrl+s")
        await settle(pilot)
        target = folder / suggested_file_name(session, private=True)
        assert target.name.endswith("-private.md")
        assert target.read_text(encoding="utf-8") == preview == to_markdown(session, include_private=True)
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        assert dialog.results == [target]
        assert isinstance(app.screen, CatalogueScreen)
        assert ("Export", f"Exported to {target} with private fields", "information") in notes


async def test_a_relative_name_is_written_in_the_folder(db, folder):
    app = catalogue_app(db, 3)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_export(pilot, private_session(), folder)
        dialog.query_one("#export-path", Input).value = "mine.md"
        await pilot.press("enter")  # in the path box, enter writes too
        await settle(pilot)
        assert (folder / "mine.md").read_text(encoding="utf-8") == to_markdown(private_session())
        assert dialog.results == [folder / "mine.md"]


async def test_an_existing_file_is_replaced_only_after_asking(db, folder, notes):
    session = private_session()
    target = folder / suggested_file_name(session)
    old = b"# my own notes\r\nkeep me \xe2\x9c\x93\n"
    target.write_bytes(old)
    app = catalogue_app(db, 3)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_export(pilot, session, folder)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert app.focused is app.screen.query_one("#confirm-no")
        shown = screen_text(app)
        assert target.name in shown and "already" in shown and "Replace it?" in shown
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is dialog
        assert target.read_bytes() == old
        assert "Not written" in status(dialog) and "kept" in status(dialog)
        assert dialog.results == []

        # Enter on the focused "no" button keeps the file too.
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog and target.read_bytes() == old

        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert target.read_text(encoding="utf-8") == to_markdown(session)
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        assert dialog.results == [target]
        assert isinstance(app.screen, CatalogueScreen)
        assert [n for n in notes if n[2] == "error"] == []


async def test_a_missing_folder_is_reported_and_the_dialog_stays(db, folder, notes):
    app = catalogue_app(db, 3)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_export(pilot, private_session(), folder)
        missing = folder / "no such folder" / "x.md"
        dialog.query_one("#export-path", Input).value = str(missing)
        await pilot.click("#export-write")
        await settle(pilot)
        assert app.screen is dialog
        said = status(dialog)
        assert "does not exist" in said and str(missing.parent) in said
        assert any(severity == "error" and "does not exist" in message for _t, message, severity in notes)
        assert "Traceback" not in screen_text(app)
        assert not missing.parent.exists()
        # Corrected, the same dialog writes.
        dialog.query_one("#export-path", Input).value = "x.md"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert (folder / "x.md").exists()
        assert dialog.results == [folder / "x.md"]


async def test_a_folder_as_the_target_and_an_empty_path_are_refused(db, folder):
    app = catalogue_app(db, 3)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_export(pilot, private_session(), folder)
        path_box = dialog.query_one("#export-path", Input)
        path_box.value = "   "
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "file" in status(dialog).lower()
        path_box.value = str(folder)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "is a folder" in status(dialog)
        assert app.screen is dialog and list(folder.iterdir()) == []


async def test_markup_in_a_path_is_shown_as_typed(db, folder):
    app = catalogue_app(db, 3)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_export(pilot, private_session(), folder)
        dialog.query_one("#export-path", Input).value = str(folder / "[bold]nope[/]" / "x.md")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "[bold]nope[/]" in status(dialog)


async def test_ctrl_t_copies_the_preview_from_any_field(db, folder, notes):
    session = private_session()
    app = catalogue_app(db, 3)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_export(pilot, session, folder)
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert app.clipboard == to_markdown(session)
        lines = len(to_markdown(session).splitlines())
        # No clipboard tool here (no display): the message claims no more than what was sent.
        title, message, _severity = notes[-1]
        assert title == "Export"
        assert message.startswith(
            f"Sent the Markdown ({lines} lines, without private fields) to the "
            "terminal's clipboard (OSC 52); if pasting gives nothing"
        )
        assert "Copied" not in message
        # From the preview too, and ctrl+y (redo in text boxes) no longer copies.
        await pilot.click("#export-private")
        dialog.query_one("#export-preview", TextArea).focus()
        await settle(pilot)
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert app.clipboard == to_markdown(session)
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert app.clipboard == to_markdown(session, include_private=True)
        assert "with private fields" in notes[-1][1]
        assert app.screen is dialog
        assert list(folder.iterdir()) == []


async def test_escape_closes_without_writing(db, folder):
    app = catalogue_app(db, 3)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_export(pilot, private_session(), folder)
        await pilot.press("escape")
        await settle(pilot)
        assert dialog.results == [None]
        assert isinstance(app.screen, CatalogueScreen)
        assert list(folder.iterdir()) == []


async def test_the_close_button_closes_without_writing(db, folder):
    app = catalogue_app(db, 3)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_export(pilot, private_session(), folder)
        await pilot.click("#export-close")
        await settle(pilot)
        assert dialog.results == [None]
        assert list(folder.iterdir()) == []


async def test_the_help_lists_the_export_keys(db, folder):
    app = catalogue_app(db, 3)
    async with app.run_test(size=SIZE) as pilot:
        await open_export(pilot, private_session(), folder)
        await pilot.press("f1")
        await settle(pilot)
        # The help itself, over the dialog: before dialogs had f1, this passed on the
        # dialog's own buttons while no help had opened.
        assert isinstance(app.screen, HelpScreen)
        described = {line.description: line.keys for line in app.screen.keys}
        assert described["Write file"] == "^s" and described["Copy"] == "^t"
        assert "Keys: Export" in screen_text(app)


# ----- snapshots -----


def _open_on_generated_session(index: int):
    async def run_before(pilot) -> None:
        await settle(pilot)
        pilot.app.push_screen(ExportDialog(generated_session(index), SNAPSHOT_FOLDER))
        await settle(pilot)

    return run_before


def test_export_dialog(snap_compare, db):
    assert snap_compare(catalogue_app(db, 3), terminal_size=SIZE, run_before=_open_on_generated_session(3))


def test_export_dialog_at_80_by_24_with_private_fields(snap_compare, db):
    async def run_before(pilot) -> None:
        await _open_on_generated_session(3)(pilot)
        await pilot.click("#export-private")
        pilot.app.screen.query_one("#export-path", Input).focus()
        await settle(pilot)

    assert snap_compare(catalogue_app(db, 3), terminal_size=(80, 24), run_before=run_before)


async def test_redacting_names_nobody_in_the_preview_or_the_file(db, folder):
    session = private_session().model_copy(
        update={"description": "Amina Diallo of the Digital Rights Network opens the session."}
    )
    app = catalogue_app(db, 3)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_export(pilot, session, folder)
        dialog.query_one("#export-redact", Checkbox).value = True
        await settle(pilot)
        preview = dialog.query_one("#export-preview", TextArea).text
        assert "Amina" not in preview and "Digital Rights Network" not in preview
        assert "Speaker 1" in preview and "Civil Society" in preview
        await pilot.press("ctrl+s")
        await settle(pilot)
        (written,) = folder.iterdir()
        text = written.read_text(encoding="utf-8")
        assert "Amina" not in text and "Speaker 1 of the Civil Society opens the session." in text


# ----- the file box: typing, completion, the default folder, names -----


async def test_the_path_is_edited_by_typing_and_that_name_is_written(db, folder):
    session = private_session()
    app = catalogue_app(db, 3)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_export(pilot, session, folder)
        path_box = dialog.query_one("#export-path", Input)
        assert app.focused is path_box and path_box.cursor_position == len(path_box.value)
        await pilot.press("ctrl+u")  # clear the box, as a reader of the help would
        await pilot.press(*"mine.md")
        await settle(pilot)
        assert path_box.value == "mine.md"
        assert "mine.md" in screen_text(app)
        await pilot.press("backspace", "backspace", *"txt")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert (folder / "mine.txt").read_text(encoding="utf-8") == to_markdown(session)


async def test_the_path_box_completes_folders_and_files(db, folder):
    (folder / "IGF 2026").mkdir()
    (folder / "IGF 2026" / "first-draft.md").write_text("old", encoding="utf-8")
    (folder / ".hidden").mkdir()
    app = catalogue_app(db, 3)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_export(pilot, private_session(), folder)
        path_box = dialog.query_one("#export-path", Input)
        path_box.value = ""
        await pilot.press(*"IG")
        await settle(pilot)
        assert path_box._suggestion == "IGF 2026/"
        await pilot.press("right")  # takes the completion
        await pilot.press("f")
        await settle(pilot)
        assert path_box.value == "IGF 2026/f"
        assert path_box._suggestion == "IGF 2026/first-draft.md"
        # A full path completes too, and hidden folders only when asked for.
        path_box.value = str(folder) + "/."
        await settle(pilot)
        assert path_box._suggestion == str(folder) + "/.hidden/"


async def test_a_tilde_is_the_home_folder(db, tmp_path, monkeypatch):
    home = tmp_path / "home"
    (home / "Exports").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    app = catalogue_app(db, 3)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_export(pilot, private_session(), tmp_path)
        path_box = dialog.query_one("#export-path", Input)
        path_box.value = "~/Ex"
        await settle(pilot)
        assert path_box._suggestion == "~/Exports/"
        path_box.value = "~/Exports/p.md"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert (home / "Exports" / "p.md").read_text(encoding="utf-8") == to_markdown(private_session())
        assert dialog.results == [home / "Exports" / "p.md"]


async def test_a_folder_under_home_is_shown_with_a_tilde(db, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    folder = tmp_path / "Documents"
    folder.mkdir()
    app = catalogue_app(db, 3)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_export(pilot, private_session(), folder)
        value = dialog.query_one("#export-path", Input).value
        assert value == "~/Documents/ws-153-protecting-human-rights-defenders-online.md"
        assert dialog.target() == folder / "ws-153-protecting-human-rights-defenders-online.md"


async def test_ticking_private_fields_changes_the_suggested_name_and_back(db, folder):
    session = private_session()
    app = catalogue_app(db, 3)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_export(pilot, session, folder)
        path_box = dialog.query_one("#export-path", Input)
        await pilot.click("#export-private")
        await settle(pilot)
        assert path_box.value == str(folder / "ws-153-protecting-human-rights-defenders-online-private.md")
        await pilot.click("#export-private")
        await settle(pilot)
        assert path_box.value == str(folder / "ws-153-protecting-human-rights-defenders-online.md")


async def test_a_name_the_user_typed_is_kept_when_the_tick_changes(db, folder):
    app = catalogue_app(db, 3)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_export(pilot, private_session(), folder)
        path_box = dialog.query_one("#export-path", Input)
        await pilot.press("ctrl+u", *"for-me.md")
        await pilot.click("#export-private")
        await settle(pilot)
        assert path_box.value == "for-me.md"


async def test_e_with_no_export_folder_set_suggests_the_documents_folder(db, tmp_path, monkeypatch):
    documents = tmp_path / "My documents"
    documents.mkdir()
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(documents))
    monkeypatch.chdir(tmp_path)  # the current folder, where exports used to land
    app = catalogue_app(db, 3)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.target().parent == documents
        await pilot.press("ctrl+s")
        await settle(pilot)
        (written,) = documents.iterdir()
        assert written.suffix == ".md"
        assert [p.name for p in tmp_path.iterdir() if p.suffix == ".md"] == []


async def test_a_long_title_gives_a_name_cut_at_a_whole_word(db, folder):
    session = private_session().model_copy(
        update={"title": "When death threats go viral: defending human rights on the Internet"}
    )
    app = catalogue_app(db, 3)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_export(pilot, session, folder)
        name = Path(dialog.query_one("#export-path", Input).value).name
        assert name == "ws-153-when-death-threats-go-viral-defending-human-rights.md"
