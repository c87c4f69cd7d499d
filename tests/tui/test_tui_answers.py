"""Issue 12's answers in the editor: the IGF's themes offered by year, links checked as typed, languages.

The real app on a real catalogue file; what the editor stored is read back through
a second Catalogue on the same file.
"""

from __future__ import annotations

from pathlib import Path

from snapshot_apps import catalogue_app, new_draft, screen_text, settle, show_section
from textual.app import App
from textual.widgets import Input, OptionList

from igftui.model import ForumSession
from igftui.store import Catalogue
from igftui.tui.dialogs.theme_picker import ThemePicker
from igftui.tui.screens.proposal_editor import ProposalEditor
from igftui.tui.widgets.field_box import FieldBox
from igftui.tui.widgets.session_view import SessionView

SIZE = (120, 36)


async def answer(pilot, widget_id: str, text: str) -> None:
    """Put an answer in a box at once, as a paste would."""
    widget = pilot.app.screen.query_one(f"#{widget_id}")
    widget.focus()
    if hasattr(widget, "load_text"):
        widget.load_text(text)
    else:
        widget.value = text
    await pilot.pause()


async def save(pilot) -> None:
    await pilot.press("ctrl+s")
    await settle(pilot)


def stored(db: Path, session_id: int) -> ForumSession:
    with Catalogue(db) as other:
        return other.get(session_id)


def box(editor: ProposalEditor, name: str) -> FieldBox:
    return editor.query_one(f"#box-{name}", FieldBox)


async def test_the_theme_picker_offers_the_year_s_list_and_free_text_gets_a_gentle_note(db):
    app = catalogue_app(db, 2)
    async with app.run_test(size=SIZE) as pilot:
        editor = await new_draft(pilot)
        await answer(pilot, "input-year", "2023")
        await answer(pilot, "input-title", "Community networks after the flood")

        # ctrl+t in the subtheme box lists the IGF 2023 subthemes; enter puts one in.
        editor.query_one("#input-subtheme", Input).focus()
        await pilot.press("ctrl+t")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, ThemePicker)
        assert picker.query_one(OptionList).option_count == 8
        assert "IGF 2023 subthemes" in screen_text(app)
        await pilot.press("down", "down", "down", "enter")
        await settle(pilot)
        assert app.screen is editor
        assert editor.draft.subtheme == "Data Governance & Trust"
        assert editor.query_one("#input-subtheme", Input).value == "Data Governance & Trust"
        assert box(editor, "subtheme").remark is None

        # Free text is kept, with a note that says so without colour and stops nothing.
        await answer(pilot, "input-subtheme", "Flood recovery")
        assert editor.draft.subtheme == "Flood recovery"
        assert box(editor, "subtheme").remark == "Not one of the IGF 2023 subthemes: fine if it is for another forum."
        assert box(editor, "subtheme").problem is None
        assert "ℹ note: Not one of the IGF 2023 subthemes" in screen_text(app)

        # The list follows the year: 2022's belongs in the theme box, and completes as typed.
        await answer(pilot, "input-year", "2022")
        assert box(editor, "subtheme").remark is None
        theme = editor.query_one("#input-theme", Input)
        theme.focus()
        await pilot.press(*"avoid")
        await settle(pilot)
        await pilot.press("right")
        await pilot.pause()
        assert theme.value == "Avoiding Internet Fragmentation"
        assert editor.draft.theme == "Avoiding Internet Fragmentation"
        assert box(editor, "theme").remark is None
        await save(pilot)
        saved = stored(db, editor.draft.id)
        assert (saved.year, saved.theme, saved.subtheme) == (2022, "Avoiding Internet Fragmentation", "Flood recovery")


async def test_escape_leaves_the_theme_as_it_was(db):
    app = catalogue_app(db, 2)
    async with app.run_test(size=SIZE) as pilot:
        editor = await new_draft(pilot)
        await answer(pilot, "input-year", "2024")
        await answer(pilot, "input-theme", "My own theme")
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert isinstance(app.screen, ThemePicker)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is editor and editor.draft.theme == "My own theme"
        assert box(editor, "theme").remark == "Not one of the IGF 2024 themes: fine if it is for another forum."


async def test_without_a_year_igftui_says_what_it_needs(db, notes):
    # 2026 is a year the IGF form accepts but whose themes igftui does not know.
    app = catalogue_app(db, 2)
    async with app.run_test(size=SIZE) as pilot:
        editor = await new_draft(pilot)
        await answer(pilot, "input-year", "2026")
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert app.screen is editor
        assert any("themes of 2018 to 2025, not of 2026" in message for _t, message, _s in notes)
        await answer(pilot, "input-year", "")
        assert editor.draft.year is None
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert app.screen is editor
        assert any(message.startswith("Give the year first") for _t, message, _s in notes)


async def test_a_bad_link_is_refused_next_to_the_box_and_nothing_is_lost(db):
    app = catalogue_app(db, 2)
    async with app.run_test(size=SIZE) as pilot:
        editor = await new_draft(pilot)
        await answer(pilot, "input-title", "Links and languages")
        await show_section(pilot, "content", focus=False)
        await pilot.pause()
        await answer(pilot, "input-links", "Last year's report: https://igf.example/report-2024")
        await save(pilot)
        assert [link.url for link in stored(db, editor.draft.id).links] == ["https://igf.example/report-2024"]

        # A javascript: address is refused with a reason under the box; the good link stays stored.
        await answer(
            pilot, "input-links", "Last year's report: https://igf.example/report-2024\nClick me: javascript:alert(1)"
        )
        problem = box(editor, "links").problem
        assert problem is not None and problem.startswith("Line 2: “javascript:alert(1)”")
        assert "✖ Line 2: “javascript:alert(1)” is not a web or e-mail address" in screen_text(app)
        await save(pilot)
        assert [link.url for link in stored(db, editor.draft.id).links] == ["https://igf.example/report-2024"]

        # Fixed, the message goes and both links are kept.
        await answer(
            pilot, "input-links", "Last year's report: https://igf.example/report-2024\nhttps://igf.example/background"
        )
        assert box(editor, "links").problem is None
        await show_section(pilot, "format", focus=False)
        await pilot.pause()
        await answer(pilot, "input-languages", "English, Spanish")
        await save(pilot)
        saved = stored(db, editor.draft.id)
        assert [(link.label, link.url) for link in saved.links] == [
            ("Last year's report", "https://igf.example/report-2024"),
            (None, "https://igf.example/background"),
        ]
        assert saved.languages == ["English", "Spanish"]


class ViewApp(App):
    def __init__(self, session: ForumSession) -> None:
        super().__init__()
        self.session = session

    def compose(self):
        yield SessionView()

    def on_mount(self) -> None:
        self.query_one(SessionView).show(self.session)


async def test_the_session_view_shows_languages_and_links():
    session = ForumSession.from_json(
        {
            "title": "Links and languages",
            "languages": ["English", "Spanish"],
            "links": [
                {"label": "Last year's report", "url": "https://igf.example/report-2024"},
                {"url": "mailto:team@example.org"},
            ],
        }
    )
    app = ViewApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "Languages" in shown and "English, Spanish" in shown
        assert "Last year's report  https://igf.example/report-2024" in shown
        assert "Link                mailto:team@example.org" in shown
