"""The form assistant on the real app: the web form's fields in order, copied one key at a time."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

from snapshot_apps import SIZE, screen_text, settle
from textual.widgets import Checkbox, OptionList

from igftui.config import Settings
from igftui.model import ForumSession, Participant
from igftui.store import Catalogue
from igftui.tui.app import IgfApp
from igftui.tui.delays import INSTANT
from igftui.tui.dialogs.help import HelpScreen
from igftui.tui.screens.form_assistant import FormAssistant
from igftui.tui.screens.proposal_editor import ProposalEditor
from igftui.tui.screens.session_detail import SessionDetailScreen


def proposal(**changes) -> ForumSession:
    session = ForumSession(
        year=2026,
        session_type="workshop",
        number=153,
        status="draft",
        title="Protecting human rights defenders online",
        theme="Human rights",
        description="How defenders stay safe when they speak online.",
        expected_outcomes="16. A list of *three* things\nSecond line   ",
        private_notes="secret plan",
        participants=[
            Participant(
                name="Amina Diallo",
                organisation="Digital Rights Network",
                stakeholder_group="civil_society",
                region="african",
                roles=["organizer", "speaker"],
                gender="woman",
                email="a@example.org",
            ),
        ],
    )
    return session.model_copy(update=changes)


def app_on(db: Path, session: ForumSession) -> tuple[IgfApp, int]:
    catalogue = Catalogue(db)
    stored = catalogue.add(session)
    return IgfApp(catalogue, Settings(), delays=INSTANT), stored.id


async def open_from_editor(pilot, session_id: int) -> FormAssistant:
    await settle(pilot)
    pilot.app.push_screen(ProposalEditor(pilot.app.catalogue, session_id=session_id))
    await settle(pilot)
    await pilot.press("f9")
    await settle(pilot)
    assistant = pilot.app.screen
    assert isinstance(assistant, FormAssistant)
    return assistant


def labels(assistant: FormAssistant) -> list[str]:
    return [entry.label for entry in assistant.entries]


async def select(pilot, assistant: FormAssistant, label: str) -> None:
    assistant.query_one(OptionList).highlighted = labels(assistant).index(label)
    await settle(pilot)


async def test_f9_in_the_editor_lists_the_form_fields_in_order_with_the_title_selected(db):
    app, session_id = app_on(db, proposal())
    async with app.run_test(size=SIZE) as pilot:
        assistant = await open_from_editor(pilot, session_id)
        assert labels(assistant)[:4] == ["Title", "Theme", "Subtheme", "Tags"]
        assert labels(assistant).index("Speakers") < labels(assistant).index("Description")
        assert app.focused is assistant.query_one(OptionList)
        shown = screen_text(app)
        assert "Title" in shown and "40/60 characters" in shown
        assert "Protecting human rights defenders online" in shown  # the selected value, in full
        assert "limits of igf-" in shown


async def test_enter_copies_the_selected_field_and_down_moves_on(db, notes):
    app, session_id = app_on(db, proposal())
    async with app.run_test(size=SIZE) as pilot:
        assistant = await open_from_editor(pilot, session_id)
        await pilot.press("enter")
        await settle(pilot)
        assert app.clipboard == "Protecting human rights defenders online"
        title, message, _severity = notes[-1]
        assert title == "Form assistant"
        # No clipboard tool here: the message does not claim that the copy arrived.
        assert message.startswith("Sent Title (40/60 characters) to the terminal's clipboard (OSC 52)")
        assert "✓ copied" in screen_text(app)
        await pilot.press("down", "c")
        await settle(pilot)
        assert app.clipboard == "Human rights"
        assert assistant.copied == {"title", "theme"}


async def test_values_are_pasted_as_plain_text(db):
    app, session_id = app_on(db, proposal())
    async with app.run_test(size=SIZE) as pilot:
        assistant = await open_from_editor(pilot, session_id)
        await select(pilot, assistant, "Expected outcomes")
        await pilot.press("c")
        await settle(pilot)
        assert app.clipboard == "16. A list of *three* things\nSecond line"
        await select(pilot, assistant, "Speakers")
        await pilot.press("c")
        await settle(pilot)
        assert app.clipboard == "Amina Diallo, Digital Rights Network, Civil Society, African Group"


async def test_a_clipboard_tool_that_copies_is_named(db, notes, tmp_path, monkeypatch):
    tools = tmp_path / "bin"
    tools.mkdir()
    got = tmp_path / "got.txt"
    xclip = tools / "xclip"
    xclip.write_text(f'#!/bin/sh\n{shutil.which("cat")} > "{got}"\n', encoding="utf-8")
    xclip.chmod(xclip.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", str(tools) + os.pathsep + os.environ["PATH"])
    monkeypatch.setenv("DISPLAY", ":99")
    app, session_id = app_on(db, proposal())
    async with app.run_test(size=SIZE) as pilot:
        await open_from_editor(pilot, session_id)
        await pilot.press("enter")
        await settle(pilot)
        assert got.read_text(encoding="utf-8") == "Protecting human rights defenders online"
        assert notes[-1] == ("Form assistant", "Copied Title (40/60 characters) with xclip.", "information")


async def test_inside_tmux_the_message_gives_the_setting_to_check(db, notes, monkeypatch):
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,1,0")
    app, session_id = app_on(db, proposal())
    async with app.run_test(size=SIZE) as pilot:
        await open_from_editor(pilot, session_id)
        await pilot.press("enter")
        await settle(pilot)
        assert notes[-1][1].endswith("in tmux `set -g set-clipboard on`.")


async def test_private_fields_are_left_out_until_ticked_with_a_warning(db):
    app, session_id = app_on(db, proposal())
    async with app.run_test(size=SIZE) as pilot:
        assistant = await open_from_editor(pilot, session_id)
        assert "Private notes" not in labels(assistant)
        assert not assistant.query_one("#form-private", Checkbox).value
        assert "private fields are listed" not in screen_text(app)
        assert not assistant.shows_private
        await pilot.press("p")
        await settle(pilot)
        assert assistant.shows_private
        assert labels(assistant)[-1] == "Private notes"
        assert "private fields are listed and copied" in screen_text(app)
        await select(pilot, assistant, "Organisers")
        await pilot.press("c")
        await settle(pilot)
        assert app.clipboard.endswith("African Group, Woman, a@example.org")


async def test_a_field_over_its_limit_says_so_in_words(db):
    title = ("Too long a title for the IGF web form; " * 2)[:65]
    assert len(title) == 65
    app, session_id = app_on(db, proposal(title=title))
    async with app.run_test(size=SIZE) as pilot:
        await open_from_editor(pilot, session_id)
        shown = screen_text(app)
        assert "✖ 65/60 characters: 5 over the limit" in shown
        assert "Cut 5 characters before pasting." in shown


async def test_an_empty_field_is_not_copied(db, notes):
    app, session_id = app_on(db, proposal())
    async with app.run_test(size=SIZE) as pilot:
        assistant = await open_from_editor(pilot, session_id)
        await pilot.press("enter")
        await settle(pilot)
        await select(pilot, assistant, "Subtheme")
        await pilot.press("enter")
        await settle(pilot)
        assert app.clipboard == "Protecting human rights defenders online"
        assert notes[-1] == ("Form assistant", "Subtheme is empty: nothing to copy.", "warning")


async def test_a_opens_it_from_the_session_view_and_escape_goes_back(db):
    app, session_id = app_on(db, proposal())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        detail = SessionDetailScreen(app.catalogue, session_id)
        app.push_screen(detail)
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, FormAssistant)
        assert app.screen.entries[0].value == "Protecting human rights defenders online"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is detail


async def test_the_palette_and_help_offer_it(db):
    app, session_id = app_on(db, proposal())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        editor = ProposalEditor(app.catalogue, session_id=session_id)
        app.push_screen(editor)
        await settle(pilot)
        assert "Form assistant" in {command.title for command in app.get_system_commands(editor)}
        assistant = await open_from_editor(pilot, session_id)
        titles = {command.title for command in app.get_system_commands(assistant)}
        assert {"Copy field", "Private fields", "Back"} <= titles
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        described = {line.description: line.keys for line in app.screen.keys}
        assert "Copy field" in described and "Private fields" in described


# ----- snapshots -----


def test_snapshot_the_form_assistant_at_80_by_24_on_a_field_over_its_limit(snap_compare, db):
    title = ("Too long a title for the IGF web form; " * 2)[:65]
    app, session_id = app_on(db, proposal(title=title))

    async def run_before(pilot) -> None:
        await settle(pilot)
        pilot.app.push_screen(FormAssistant(pilot.app.catalogue.get(session_id)))
        await settle(pilot)
        await pilot.press("enter")  # copied: the row says so
        await settle(pilot)
        pilot.app.clear_notifications()
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
