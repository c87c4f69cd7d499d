"""The proposal editor, driven as a user drives it: new draft, people, agenda, checks, export.

Every test runs the real app on a real catalogue file; what the editor stores is
read back through a second, independent Catalogue on the same file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from snapshot_apps import (
    catalogue_app,
    new_draft,
    screen_text,
    settle,
    show_section,
    wait_for_palette,
    wait_until,
)
from textual.widgets import Checkbox, Input, Select, SelectionList, TabbedContent, TextArea

from igftui.model import ForumSession
from igftui.model.vocabulary import (
    Gender,
    ParticipantStatus,
    Region,
    Role,
    SessionStatus,
    SessionType,
    StakeholderGroup,
)
from igftui.store import Catalogue
from igftui.tui.screens.catalogue import CatalogueScreen
from igftui.tui.screens.proposal_editor import ProposalEditor
from igftui.tui.widgets.agenda_editor import AgendaTable
from igftui.tui.widgets.field_box import FieldBox
from igftui.tui.widgets.people_editor import SpeakerTable
from igftui.tui.widgets.session_table import SessionTable

SIZE = (120, 36)


def stored(db: Path, session_id: int) -> ForumSession:
    """The session as another program reading the catalogue file would see it."""
    with Catalogue(db) as other:
        return other.get(session_id)


async def wait_for_checks(pilot) -> None:
    """Wait for the checks of the latest change and their findings on screen.

    With INSTANT delays the run is queued at once, behind the change: settling lets the
    queue reach it, waits for its worker, then for the findings it posts.
    """
    editor = pilot.app.screen
    await wait_until(
        pilot,
        lambda: (
            editor._check_timer is None
            and not any(worker.group == "checks" and worker.is_running for worker in pilot.app.workers)
        ),
        "the checks ran after the latest change",
    )
    await settle(pilot)


async def type_in(pilot, widget_id: str, text: str) -> None:
    widget = pilot.app.screen.query_one(f"#{widget_id}")
    widget.focus()
    await pilot.pause()
    await pilot.press(*text) if text else None
    await pilot.pause()


async def answer(pilot, widget_id: str, text: str) -> None:
    """Put a long answer in a box at once (as a paste would); typing every key is slow under Pilot."""
    widget = pilot.app.screen.query_one(f"#{widget_id}")
    widget.focus()
    if isinstance(widget, TextArea):
        widget.load_text(text)
    else:
        widget.value = text
    await pilot.pause()


async def choose(pilot, widget_id: str, value) -> None:
    """Pick ``value`` in a Select with the keys: open it, walk down to it, enter."""
    select = pilot.app.screen.query_one(f"#{widget_id}", Select)
    select.focus()
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    for _ in range(30):
        if select.value == value:
            break
        await pilot.press("down", "enter")
        await pilot.pause()
        if select.value == value:
            break
        await pilot.press("enter")
        await pilot.pause()
    assert select.value == value


async def add_person(
    pilot, name: str, *, roles=(Role.SPEAKER,), group=None, region=None, gender=None, status=ParticipantStatus.CONFIRMED
) -> None:
    """Add a person through the people table and the person dialog."""
    editor = pilot.app.screen
    await show_section(pilot, "people", focus=False)
    await pilot.pause()
    editor.query_one(SpeakerTable).focus()
    await pilot.press("a")
    await settle(pilot)
    dialog = pilot.app.screen
    dialog.query_one("#person-name", Input).value = name
    await settle(pilot)
    chosen = dialog.query_one("#person-roles", SelectionList)
    chosen.deselect_all()
    for role in roles:
        chosen.select(role)
    for widget_id, value in (
        ("#person-group", group),
        ("#person-region", region),
        ("#person-gender", gender),
        ("#person-status", status),
    ):
        if value is not None:
            dialog.query_one(widget_id, Select).value = value
    await pilot.pause()
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert pilot.app.screen is editor, "the person dialog should close on ctrl+s"


async def add_item(pilot, title: str, minutes: int, *, interactive: bool = False) -> None:
    editor = pilot.app.screen
    await show_section(pilot, "format", focus=False)
    await pilot.pause()
    editor.query_one(AgendaTable).focus()
    await pilot.press("a")
    await settle(pilot)
    dialog = pilot.app.screen
    dialog.query_one("#item-title", Input).value = title
    dialog.query_one("#item-minutes", Input).value = str(minutes)
    dialog.query_one("#item-interactive", Checkbox).value = interactive
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert pilot.app.screen is editor


def rules_found(editor: ProposalEditor) -> set[str]:
    return {finding.rule for finding in editor.findings}


async def test_a_proposal_from_a_blank_draft_to_a_markdown_file(db, tmp_path):
    app = catalogue_app(db, 6)
    async with app.run_test(size=SIZE) as pilot:
        editor = await new_draft(pilot)
        assert editor.draft.status is SessionStatus.DRAFT and editor.draft.id is None

        # Type and title, from the keyboard.
        await choose(pilot, "input-session_type", SessionType.WORKSHOP)
        await type_in(pilot, "input-title", "Safe online spaces")
        await answer(pilot, "input-title", "Safe online spaces for human rights defenders")
        await wait_for_checks(pilot)
        assert editor.draft.session_type is SessionType.WORKSHOP
        assert "IGF-C001" in rules_found(editor)

        # Three speakers of one gender and one region: the checks say so.
        for name in ("Rosa Ibarra", "Marta Quispe", "Ines Duarte"):
            await add_person(
                pilot, name, group=StakeholderGroup.CIVIL_SOCIETY, region=Region.GRULAC, gender=Gender.WOMAN
            )
        await wait_for_checks(pilot)
        assert [p.name for p in editor.draft.speakers] == ["Rosa Ibarra", "Marta Quispe", "Ines Duarte"]
        assert {"IGF-D002", "IGF-D003", "IGF-D004"} <= rules_found(editor)
        shown = screen_text(app)
        assert "All 3 speakers are of one gender" in shown
        assert "Speakers by region: GRULAC 3" in shown

        # A fourth speaker changes the mix, and the findings with it.
        await add_person(
            pilot, "Kwame Mensah", group=StakeholderGroup.GOVERNMENT, region=Region.AFRICAN, gender=Gender.MAN
        )
        await wait_for_checks(pilot)
        assert not {"IGF-D002", "IGF-D003", "IGF-D004"} & rules_found(editor)
        assert "Speakers by region: GRULAC 3, African 1" in screen_text(app)

        # An agenda that does not add up is flagged, then it does.
        await show_section(pilot, "format", focus=False)
        await type_in(pilot, "input-duration_minutes", "90")
        await add_item(pilot, "Opening", 10)
        await add_item(pilot, "Open discussion", 40, interactive=True)
        await wait_for_checks(pilot)
        assert "40 not planned yet" in screen_text(app)
        assert "IGF-A002" in rules_found(editor)
        await add_item(pilot, "Breakout groups", 40, interactive=True)
        await wait_for_checks(pilot)
        assert "90 of 90 minutes planned" in screen_text(app)
        assert not {"IGF-A001", "IGF-A002"} & rules_found(editor)

        # The status moves on.
        await choose(pilot, "input-status", SessionStatus.SUBMITTED)

        # Export to a file.
        editor.query_one(AgendaTable).focus()
        await pilot.press("e")
        await settle(pilot)
        target = tmp_path / "proposal.md"
        path_box = app.screen.query_one("#export-path", Input)
        path_box.value = str(target)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is editor
        markdown = target.read_text(encoding="utf-8")
        assert markdown.startswith("# IGF ")
        assert "Safe online spaces for human rights defenders" in markdown
        assert "| Rosa Ibarra |" in markdown and "Kwame Mensah" in markdown
        assert "Status: Submitted" in markdown
        assert "Agenda: 90 of 90 minutes" in markdown
        assert "Woman" not in markdown, "gender is private: not exported unless asked for"

        # Back in the catalogue, the proposal is there, stored as the editor shows it.
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CatalogueScreen)
        saved = stored(db, editor.draft.id)
        assert saved.title == "Safe online spaces for human rights defenders"
        assert saved.status is SessionStatus.SUBMITTED
        assert [p.gender for p in saved.participants] == [Gender.WOMAN] * 3 + [Gender.MAN]
        assert saved.agenda_minutes() == 90 and saved.duration_minutes == 90
        assert "Safe online spaces" in screen_text(app)


async def test_edits_are_saved_without_a_key(db):
    """The editor saves by itself when the keeper says so (its pauses are tested with a fake
    clock in tests/store/test_draft_keeper.py; here there are none, so it follows the typing)."""
    app = catalogue_app(db, 2)
    async with app.run_test(size=SIZE) as pilot:
        editor = await new_draft(pilot)
        await type_in(pilot, "input-title", "Autosaved")
        assert editor.keeper.edits > 0
        await wait_until(pilot, lambda: not editor.unsaved, "the draft saved without ctrl+s")
        assert stored(db, editor.draft.id).title == "Autosaved"
        assert "Saved at" in screen_text(app)
        # A later edit goes to the same draft, not a new one.
        await answer(pilot, "input-theme", "Human rights")
        await pilot.press("ctrl+s")
        await settle(pilot)
        again = stored(db, editor.draft.id)
        assert again.theme == "Human rights" and again.title == "Autosaved"
        with Catalogue(db) as other:
            assert other.count() == 3


async def test_leaving_or_quitting_at_once_loses_nothing(db):
    app = catalogue_app(db, 2)
    async with app.run_test(size=SIZE) as pilot:
        editor = await new_draft(pilot)
        await type_in(pilot, "input-title", "Typed")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CatalogueScreen)
        first = editor.draft.id
        assert stored(db, first).title == "Typed"

        # enter on a draft opens it in the editor again; quitting from there saves too.
        table = app.screen.query_one(SessionTable)
        table.move_cursor(row=table.row_of(str(first)))
        await pilot.press("enter")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, ProposalEditor)
        assert editor.query_one("#input-title", Input).value == "Typed"
        await answer(pilot, "input-subtheme", "Quit at once")
        await pilot.press("ctrl+q")
        await settle(pilot)
    assert stored(db, first).subtheme == "Quit at once"


async def test_a_new_draft_left_untouched_is_not_stored(db):
    app = catalogue_app(db, 2)
    async with app.run_test(size=SIZE) as pilot:
        await new_draft(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CatalogueScreen)
    with Catalogue(db) as other:
        assert other.count() == 2


async def test_answers_that_cannot_be_read_are_explained_next_to_the_field(db):
    app = catalogue_app(db, 1)
    async with app.run_test(size=SIZE) as pilot:
        editor = await new_draft(pilot)
        year_box = editor.query_one("#input-year", Input)
        year_box.value = "20x6"
        await pilot.pause()
        box = editor.query_one("#box-year", FieldBox)
        assert box.problem == "Give the year in four digits, e.g. 2026."
        assert "✖ Give the year in four digits" in screen_text(app)
        assert editor.draft.year is not None  # the last good answer is kept
        year_box.value = "2027"
        await pilot.pause()
        assert box.problem is None and editor.draft.year == 2027

        await show_section(pilot, "content", focus=False)
        await answer(pilot, "input-sdgs", "5, 18")
        assert "“18” is not a goal" in editor.query_one("#box-sdgs", FieldBox).problem

        await show_section(pilot, "format", focus=False)
        await answer(pilot, "input-starts_at", "2026-06-23 10:00")
        await answer(pilot, "input-ends_at", "2026-06-23 09:00")
        assert editor.query_one("#box-ends_at", FieldBox).problem == "The session ends before it starts."


async def test_the_title_counts_against_the_rule_sets_limit_as_you_type(db):
    app = catalogue_app(db, 1)
    async with app.run_test(size=SIZE) as pilot:
        editor = await new_draft(pilot)
        await choose(pilot, "input-session_type", SessionType.WORKSHOP)
        await answer(pilot, "input-title", "x" * 61)
        await wait_for_checks(pilot)
        assert "61/60 characters" in screen_text(app)
        assert "IGF-C003" in rules_found(editor)
        await show_section(pilot, "content", focus=False)
        await answer(pilot, "input-description", "one two three")
        await wait_for_checks(pilot)
        assert "3/250 words" in screen_text(app)


async def test_a_finding_jumps_to_its_field(db):
    app = catalogue_app(db, 1)
    async with app.run_test(size=SIZE) as pilot:
        editor = await new_draft(pilot)
        await wait_for_checks(pilot)
        first = editor.findings[0]
        assert first.field == "session_type"
        await pilot.press("f8")
        await settle(pilot)
        assert app.focused.id == "input-session_type"
        # Walk on to a finding about the people: the people section opens, the table has the cursor.
        for _ in range(len(editor.findings)):
            await pilot.press("f8")
            await settle(pilot)
            if app.focused.id == "people-table":
                break
        assert app.focused.id == "people-table"
        assert editor.query_one(TabbedContent).active == "people"
        # From the checks panel itself, enter goes to the field.
        panel = editor.query_one("#live-findings")
        panel.focus()
        panel.highlighted = 0
        await pilot.press("enter")
        await settle(pilot)
        assert app.focused.id == "input-session_type"
        assert editor.query_one(TabbedContent).active == "basics"


async def test_sections_are_reached_from_the_keyboard(db):
    app = catalogue_app(db, 1)
    async with app.run_test(size=SIZE) as pilot:
        editor = await new_draft(pilot)
        tabs = editor.query_one(TabbedContent)
        await pilot.press("ctrl+pagedown")
        await settle(pilot)
        assert tabs.active == "content" and app.focused.id == "input-policy_questions"
        await pilot.press("f6")
        await settle(pilot)
        assert tabs.active == "online" and app.focused.id == "input-online_participation-platform"
        await pilot.press("ctrl+pageup")
        await settle(pilot)
        assert tabs.active == "people"


async def test_policy_questions_are_a_list_one_a_line(db):
    app = catalogue_app(db, 1)
    async with app.run_test(size=SIZE) as pilot:
        editor = await new_draft(pilot)
        await show_section(pilot, "content")
        await settle(pilot)
        area = editor.query_one("#input-policy_questions", TextArea)
        area.load_text("How can defenders stay safe online?\n\nWho is accountable?\n")
        await pilot.pause()
        assert editor.draft.policy_questions == ["How can defenders stay safe online?", "Who is accountable?"]
        assert "2 questions" in screen_text(app)


async def test_people_are_edited_moved_and_removed(db):
    app = catalogue_app(db, 1)
    async with app.run_test(size=SIZE) as pilot:
        editor = await new_draft(pilot)
        await add_person(pilot, "First Person")
        await add_person(pilot, "Second Person", roles=(Role.MODERATOR,))
        table = editor.query_one(SpeakerTable)
        assert table.cursor_row == 1
        await pilot.press("shift+up")
        await pilot.pause()
        assert [p.name for p in editor.draft.participants] == ["Second Person", "First Person"]
        assert table.cursor_row == 0
        await pilot.press("delete")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert [p.name for p in editor.draft.participants] == ["First Person"]
        # Editing keeps what the dialog does not change.
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one("#person-name", Input).value == "First Person"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is editor and len(editor.draft.participants) == 1


async def test_a_draft_from_a_template_takes_its_structure_and_people_only_if_asked(db):
    app = catalogue_app(db, 4)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#sessions")
        template_id = app.screen.query_one("#sessions").selected_id()
        template = stored(db, template_id)
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("enter")  # "Start the draft", people left out
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, ProposalEditor)
        assert editor.draft.agenda == template.agenda and editor.draft.format == template.format
        assert editor.draft.title is None and editor.draft.participants == []
        await pilot.press("escape")
        await settle(pilot)

        assert table.selected_id() == template_id
        await pilot.press("t")
        await settle(pilot)
        app.screen.query_one("#template-people", Checkbox).value = True
        await pilot.press("enter")
        await settle(pilot)
        editor = app.screen
        assert [p.name for p in editor.draft.participants] == [p.name for p in template.participants]
        assert all(p.status is None for p in editor.draft.participants)


async def test_a_save_that_fails_says_so_and_keeps_the_work(db, monkeypatch):
    """A second program holding the catalogue's write lock: the save fails, then succeeds."""
    from igftui.store import errors

    monkeypatch.setattr(errors, "BUSY_SECONDS", 0.5)  # the lock is held until the test lets go
    app = catalogue_app(db, 1)
    async with app.run_test(size=SIZE) as pilot:
        editor = await new_draft(pilot)
        await answer(pilot, "input-title", "Kept")
        await pilot.press("ctrl+s")
        await settle(pilot)
        other = sqlite3.connect(db, timeout=0)
        other.execute("BEGIN IMMEDIATE")
        try:
            await answer(pilot, "input-theme", "Locked out")
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert editor.unsaved
            assert "Could not save" in screen_text(app)
            # Leaving asks first, and staying keeps everything on screen.
            await pilot.press("escape")
            await settle(pilot)
            await pilot.press("n")  # Stay
            await settle(pilot)
            assert app.screen is editor and editor.draft.theme == "Locked out"
        finally:
            other.rollback()
            other.close()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not editor.unsaved
        assert stored(db, editor.draft.id).theme == "Locked out"


async def test_an_agenda_item_added_from_the_palette_opens_the_agenda_it_joins(db):
    """The agenda section is built the first time it is shown: from Basics, the palette's
    "Add an agenda item" shows it with the new item under the cursor."""
    app = catalogue_app(db, 1)
    async with app.run_test(size=SIZE) as pilot:
        editor = await new_draft(pilot)
        assert editor.query_one(TabbedContent).active == "basics"
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"add an agenda item")
        await wait_for_palette(pilot, "Add an agenda item")
        await pilot.press("enter")
        await settle(pilot)
        dialog = app.screen
        dialog.query_one("#item-title", Input).value = "Opening words"
        dialog.query_one("#item-minutes", Input).value = "10"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is editor
        assert editor.query_one(TabbedContent).active == "format"
        table = editor.query_one(AgendaTable)
        assert app.focused is table and table.row_count == 1
        assert [item.title for item in editor.draft.agenda] == ["Opening words"]
        assert "Opening words" in screen_text(app)
