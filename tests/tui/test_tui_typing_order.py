"""Keys typed fast arrive, in order, where the cursor is: after `n`, after tab, after a section key.

Textual runs a key's (non-priority) binding only once the key has bubbled up to
the App, and had handed the keys typed meanwhile to the widget being left; these
tests send keys as a terminal does when they are typed fast, all at once.
"""

from __future__ import annotations

from igftui.tui.screens.proposal_editor import ProposalEditor
from igftui.tui.widgets.field_box import value_of
from igftui.tui.widgets.line_field import LineField
from snapshot_apps import catalogue_app, settle
from test_tui_fields import open_filled_draft

SIZE = (120, 36)


def burst(app, *keys: str) -> None:
    """Send keys as a terminal does when they are typed fast: all at once, no wait between them.

    (``pilot.press`` waits for the app to be idle after every key, which hides the race.)
    """
    from textual import events

    named = {"tab", "f3", "enter", "backspace", "escape"}
    for key in keys:
        for one in ([key] if key in named else list(key)):
            if one == " ":
                event = events.Key("space", " ")
            elif len(one) == 1:
                event = events.Key(one, one)
            else:
                event = events.Key(one, None)
            app._driver.send_message(event)


async def test_keys_typed_right_after_n_all_arrive_in_the_title(db):
    app = catalogue_app(db, 4)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        burst(app, "n", "Safe spaces online")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, ProposalEditor), f"the editor should be open, not {editor!r}"
        title = editor.query_one("#input-title", LineField)
        assert title.value == "Safe spaces online"
        assert editor.draft.title == "Safe spaces online"


async def test_keys_typed_right_after_tab_go_to_the_next_field(db):
    app = catalogue_app(db, 2)
    async with app.run_test(size=SIZE) as pilot:
        editor, _session_id = await open_filled_draft(pilot, db)
        title = editor.query_one("#input-title", LineField)
        title.focus()
        await pilot.pause()
        burst(app, " for all", "tab", "Spaces")
        await settle(pilot)
        assert title.value == "Safe spaces for all"
        assert editor.query_one("#input-short_title", LineField).value == "Spaces"


async def test_keys_typed_right_after_a_section_key_go_to_its_first_field(db):
    app = catalogue_app(db, 2)
    async with app.run_test(size=SIZE) as pilot:
        _editor, _session_id = await open_filled_draft(pilot, db)
        burst(app, "f3", "What")
        await settle(pilot)
        first = app.focused
        assert first is not None and first.id is not None
        assert first.id.startswith("input-")
        assert value_of(first).startswith("What")


async def test_keys_typed_while_a_stored_draft_is_read_wait_for_its_title(db):
    app = catalogue_app(db, 2)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        from igftui.model import ForumSession

        session_id = app.catalogue.add(ForumSession(status="draft", year=2025, title="Safe spaces")).id
        await settle(pilot)
        # The editor reads the draft in a worker; keys typed meanwhile wait for the title.
        app.push_screen(ProposalEditor(app.catalogue, session_id=session_id))
        burst(app, " online")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, ProposalEditor)
        assert editor.query_one("#input-title", LineField).value == "Safe spaces online"


async def test_keys_typed_right_after_a_key_that_opens_a_dialog_go_into_it(db):
    from igftui.tui.screens.agenda_item_dialog import AgendaItemDialog
    from igftui.tui.widgets.agenda_editor import AgendaTable

    app = catalogue_app(db, 2)
    async with app.run_test(size=SIZE) as pilot:
        editor, _session_id = await open_filled_draft(pilot, db)
        editor.show_section("format", focus=False)
        await pilot.pause()
        editor.query_one(AgendaTable).focus()
        await pilot.pause()
        burst(app, "a", "Opening")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, AgendaItemDialog)
        assert dialog.query_one("#item-title", LineField).value == "Opening"


async def test_escape_typed_while_a_draft_cannot_be_read_still_goes_back(db):
    from igftui.tui.screens.catalogue import CatalogueScreen

    app = catalogue_app(db, 2)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(ProposalEditor(app.catalogue, session_id=999_999))
        burst(app, "escape")
        await settle(pilot)
        assert isinstance(app.screen, CatalogueScreen)
