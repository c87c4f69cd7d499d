"""The editor's times on the venue's clock, and answers that cannot be kept never lost in silence.

The real app on a real catalogue file; what the editor stores is read back
through a second Catalogue on the same file.  The catalogue's clock is fixed
where the day matters (the year a new draft is for), so no test depends on today.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from snapshot_apps import screen_text, settle, show_section
from textual.widgets import Input

from igftui.config import Settings
from igftui.model import ForumSession
from igftui.model.form import FIELDS
from igftui.store import Catalogue
from igftui.tui.app import IgfApp
from igftui.tui.delays import INSTANT
from igftui.tui.dialogs.confirm import ConfirmDialog
from igftui.tui.screens.catalogue import CatalogueScreen
from igftui.tui.screens.proposal_editor import ProposalEditor
from igftui.tui.widgets.field_box import FieldBox

SIZE = (120, 36)


def app_on(db: Path, *sessions: ForumSession, today: datetime | None = None) -> IgfApp:
    """The real app on a catalogue holding ``sessions``, whose clock says ``today``."""
    clock = (lambda: today) if today is not None else None
    catalogue = Catalogue(db, clock=clock)
    for session in sessions:
        catalogue.save(session)
    return IgfApp(catalogue, Settings(), delays=INSTANT)


def stored(db: Path, session_id: int) -> ForumSession:
    with Catalogue(db) as other:
        return other.get(session_id)


async def open_editor(pilot, session_id: int) -> ProposalEditor:
    await settle(pilot)
    app = pilot.app
    app.push_screen(ProposalEditor(app.catalogue, session_id=session_id))
    await settle(pilot)
    editor = app.screen
    assert isinstance(editor, ProposalEditor)
    return editor


async def put(pilot, widget_id: str, text: str) -> None:
    """Put ``text`` in a one-line box at once, as a paste would (its section shown first)."""
    section = next(spec.section for spec in FIELDS.values() if spec.widget_id == widget_id)
    await show_section(pilot, section, focus=False)
    box = pilot.app.screen.query_one(f"#{widget_id}", Input)
    box.focus()
    box.value = text
    await pilot.pause()


async def test_a_time_typed_on_the_venues_clock_is_stored_in_utc(db):
    app = app_on(db, ForumSession(status="draft", year=2019, title="Berlin session", duration_minutes=90))
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(pilot, 1)
        await show_section(pilot, "format", focus=False)
        await settle(pilot)
        starts = editor.query_one("#box-starts_at", FieldBox)
        assert "Starts (Berlin time)" in screen_text(app)
        # The example is a day of the Berlin forum, not of some other year.
        assert "e.g. 2019-11-25 09:30" in screen_text(app)
        await put(pilot, "input-starts_at", "2019-11-26 09:30")
        # Only the hour in the end box: the start's day is kept.
        await put(pilot, "input-ends_at", "10:30")
        assert starts.problem is None
        assert "CET · 2019-11-26 08:30 UTC" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        kept = stored(db, 1)
        assert kept.starts_at == datetime(2019, 11, 26, 8, 30, tzinfo=timezone.utc)
        assert kept.ends_at == datetime(2019, 11, 26, 9, 30, tzinfo=timezone.utc)
        # The times disagree with the 90 minutes: the check says so, on the venue's clock.
        editor._check_soon(0)
        await settle(pilot)
        assert any(
            f.rule == "IGF-A007" and "Starts 09:30 and ends 10:30 (Berlin, CET)" in f.message for f in editor.findings
        )


async def test_another_zone_shows_the_same_moment_on_its_clock(db):
    app = app_on(db, ForumSession(status="draft", year=2019, starts_at="2019-11-26T08:30:00Z"))
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(pilot, 1)
        await show_section(pilot, "format", focus=False)
        await settle(pilot)
        box = editor.query_one("#input-starts_at", Input)
        assert box.value == "2019-11-26 09:30"
        await put(pilot, "input-time_zone", "Asia/Tokyo")
        await settle(pilot)
        assert box.value == "2019-11-26 17:30"
        assert "Starts (Asia/Tokyo time)" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        kept = stored(db, 1)
        assert kept.time_zone == "Asia/Tokyo"
        assert kept.starts_at == datetime(2019, 11, 26, 8, 30, tzinfo=timezone.utc)


async def test_a_zone_typed_key_by_key_is_explained_until_it_is_one(db):
    # On the way to "Asia/Tokyo" the box holds "Asia", a folder of the zone database.
    app = app_on(db, ForumSession(status="draft", year=2019, starts_at="2019-11-26T08:30:00Z"))
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(pilot, 1)
        await show_section(pilot, "format", focus=False)
        await settle(pilot)
        editor.query_one("#input-time_zone", Input).focus()
        await pilot.press(*"Asia/")
        await pilot.pause()
        box = editor.query_one("#box-time_zone", FieldBox)
        assert "“Asia/” is not a time zone" in box.problem
        await pilot.press(*"Tokyo")
        await pilot.pause()
        assert box.problem is None and editor.draft.time_zone == "Asia/Tokyo"
        assert editor.query_one("#input-starts_at", Input).value == "2019-11-26 17:30"


async def test_a_bad_time_is_explained_and_the_last_good_one_kept(db):
    app = app_on(db, ForumSession(status="draft", year=2019, starts_at="2019-11-26T08:30:00Z"))
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(pilot, 1)
        await show_section(pilot, "format", focus=False)
        await settle(pilot)
        await put(pilot, "input-starts_at", "25:99")
        box = editor.query_one("#box-starts_at", FieldBox)
        assert "25:99 is not a time of day" in box.problem
        assert "✖ 25:99 is not a time of day" in screen_text(app)
        assert editor.query_one("#input-starts_at", Input).value == "25:99"
        assert editor.draft.starts_at == datetime(2019, 11, 26, 8, 30, tzinfo=timezone.utc)


async def test_an_impossible_year_is_explained_kept_in_the_box_and_leaving_asks(db):
    app = app_on(
        db,
        ForumSession(status="draft", year=2025, title="A proposal"),
        today=datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc),
    )
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(pilot, 1)
        await put(pilot, "input-year", "1999")
        box = editor.query_one("#box-year", FieldBox)
        assert box.problem.startswith("The IGF began in 2006")
        assert "✖ The IGF began in 2006" in screen_text(app)
        assert editor.query_one("#input-year", Input).value == "1999"
        assert editor.draft.year == 2025

        # Leaving asks, naming the box; "fix it" stays, with the cursor in the box.
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "Year: “1999” is not kept" in screen_text(app)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is editor
        assert app.focused.id == "input-year"
        assert editor.query_one("#input-year", Input).value == "1999"

        # Leaving anyway loses only that typing: the rest of the draft is stored.
        await put(pilot, "input-title", "A proposal, renamed")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, CatalogueScreen)
    kept = stored(db, 1)
    assert kept.year == 2025 and kept.title == "A proposal, renamed"


async def test_a_year_typed_as_letters_is_explained_not_dropped(db):
    app = app_on(db, ForumSession(status="draft", year=2025))
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(pilot, 1)
        await put(pilot, "input-year", "abc")
        assert editor.query_one("#box-year", FieldBox).problem == "Give the year in four digits, e.g. 2026."
        await put(pilot, "input-year", "2024")
        assert editor.query_one("#box-year", FieldBox).problem is None
        assert not editor.has_unread_boxes
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CatalogueScreen)
    assert stored(db, 1).year == 2024


async def test_a_new_draft_made_in_december_is_for_next_years_forum(db):
    # No meeting is known for 2026: in December, the next forum is 2027's.
    app = app_on(db, today=datetime(2026, 12, 2, 10, 0, tzinfo=timezone.utc))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, ProposalEditor)
        assert editor.draft.year == 2027
        assert editor.query_one("#input-year", Input).value == "2027"


async def test_a_new_draft_after_this_years_forum_ended_is_for_next_year(db):
    # The 2025 forum ended on 27 June.
    app = app_on(db, today=datetime(2025, 7, 1, 10, 0, tzinfo=timezone.utc))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen.draft.year == 2026


async def test_quitting_with_a_box_that_cannot_be_kept_asks_too(db):
    app = app_on(db, ForumSession(status="draft", year=2025, title="A proposal"))
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(pilot, 1)
        await put(pilot, "input-duration_minutes", "ninety")
        assert "not a whole number" in editor.query_one("#box-duration_minutes", FieldBox).problem
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "Duration (minutes): “ninety” is not kept" in screen_text(app)
        await pilot.press("escape")  # fix it
        await settle(pilot)
        assert app.screen is editor and app.focused.id == "input-duration_minutes"
        assert app.is_running
