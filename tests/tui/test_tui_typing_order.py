"""Keys typed fast arrive, in order, where the cursor is: after `n`, after tab, after a section key.

Textual runs a key's (non-priority) binding only once the key has bubbled up to
the App, and had handed the keys typed meanwhile to the widget being left; these
tests send keys as a terminal does when they are typed fast, all at once.
"""

from __future__ import annotations

import asyncio
from typing import ClassVar

from snapshot_apps import catalogue_app, settle, show_section
from test_tui_fields import open_filled_draft
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Static

from igftui.tui.screens.proposal_editor import ProposalEditor
from igftui.tui.widgets.field_box import value_of
from igftui.tui.widgets.line_field import LineField

SIZE = (120, 36)


def burst(app, *keys: str) -> None:
    """Send keys as a terminal does when they are typed fast: all at once, no wait between them.

    (``pilot.press`` waits for the app to be idle after every key, which hides the race.)
    """
    from textual import events

    named = {"tab", "f3", "enter", "backspace", "escape"}
    for key in keys:
        for one in [key] if key in named else list(key):
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
    from igftui.tui.dialogs.agenda_item_dialog import AgendaItemDialog
    from igftui.tui.widgets.agenda_editor import AgendaTable

    app = catalogue_app(db, 2)
    async with app.run_test(size=SIZE) as pilot:
        editor, _session_id = await open_filled_draft(pilot, db)
        await show_section(pilot, "format", focus=False)
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


def app_whose_safety_net_looks_every_millisecond(
    first: Widget, form: type[Screen]
) -> tuple[App, asyncio.Event, list[int]]:
    """An app of ``first`` (focused if it can be) where ``n`` opens ``form``, whose key-order
    safety net looks every millisecond; the event is set after three looks (or once no key
    waits), and the list says how many keys waited at each look."""
    from textual.binding import Binding

    from igftui.tui import key_order
    from igftui.tui.delays import Delays

    looked = asyncio.Event()
    waiting_when_looked: list[int] = []

    class Keys(key_order.KeysInOrder):
        BINDINGS: ClassVar = [Binding("n", "new", "New")]
        delays = Delays(keys_wait=0.001)

        def compose(self) -> ComposeResult:
            yield first

        def on_mount(self) -> None:
            if first.focusable:
                first.focus()

        def action_new(self) -> None:
            self.push_screen(form())

        async def _waited_too_long(self) -> None:
            await super()._waited_too_long()
            waiting_when_looked.append(len(self._waiting_keys))
            # Three looks of the safety net while the keys are held, or they were let go.
            if len(waiting_when_looked) >= 3 or not self._waiting_keys:
                looked.set()

    return Keys(), looked, waiting_when_looked


async def until_title_is(pilot, text: str) -> None:
    """Let the app work until the screen on top has ``text`` in its title box (or 200 turns)."""
    for _ in range(200):
        title = pilot.app.screen.query("#title")
        if title and title.first(Input).value == text:
            return
        await pilot.pause()


class Form(Screen):
    def compose(self) -> ComposeResult:
        yield Input(id="title")


async def test_a_key_slow_on_its_way_holds_the_next_keys_however_long_it_takes():
    """On a busy machine a key can take longer than the safety net's wait to climb its
    widgets: the keys typed after it still wait for it (they went to the screen being left)."""
    release = asyncio.Event()

    class Slow(Static, can_focus=True):
        async def on_key(self, event) -> None:
            await release.wait()  # the widget's queue is busy: the key waits here

    app, looked, waiting_when_looked = app_whose_safety_net_looks_every_millisecond(Slow("list"), Form)
    async with app.run_test() as pilot:
        await pilot.pause()
        burst(app, "n", "Safe")
        try:
            # A guard against a hang only.
            await asyncio.wait_for(looked.wait(), timeout=60)
        finally:
            release.set()  # the app cannot close while the widget is stuck
        assert waiting_when_looked[-1] == 4, "the keys typed after n still wait for it"
        await until_title_is(pilot, "Safe")
        assert isinstance(app.screen, Form)
        assert app.screen.query_one("#title", Input).value == "Safe"


async def test_keys_wait_for_a_screen_that_says_when_it_takes_them_however_long_it_opens():
    """A new screen that says itself when it is ready (the editor, once its title has the
    cursor) keeps the keys typed meanwhile however long it takes, even past the safety net:
    on a busy machine the first letter typed after n went to the editor before its title."""

    class SaysWhenReady(Form):
        AUTO_FOCUS = ""

        @property
        def takes_keys(self) -> bool:
            return self.focused is not None

    app, looked, waiting_when_looked = app_whose_safety_net_looks_every_millisecond(Static("list"), SaysWhenReady)
    async with app.run_test() as pilot:
        await pilot.pause()
        burst(app, "n", "Safe")
        await asyncio.wait_for(looked.wait(), timeout=60)  # a guard against a hang only
        assert isinstance(app.screen, SaysWhenReady) and app.screen.is_mounted
        assert waiting_when_looked[-1] == 4, "the keys typed after n still wait for the form"
        app.screen.query_one("#title", Input).focus()
        await until_title_is(pilot, "Safe")
        assert app.screen.query_one("#title", Input).value == "Safe"
