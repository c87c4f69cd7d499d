"""The search box above the catalogue list."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class SearchBox(Input):
    """Full-text search as you type.

    It only says what was typed (Input.Changed) and when the user is done with
    it; the screen runs the search in a worker, so typing never waits for it.
    """

    HELP_TITLE: ClassVar[str] = "Search"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear_search", "Clear search",
                tooltip="Empty the search box and show the whole list again", id="search.clear"),
        Binding("down,enter", "done", "To the list", tooltip="Go down to the sessions found",
                id="search.done"),
    ]

    DEFAULT_CSS = """
    SearchBox {
        width: 1fr;
    }
    """

    class Done(Message):
        """The user wants to go on to the list (``cleared``: after emptying the box)."""

        def __init__(self, cleared: bool) -> None:
            super().__init__()
            self.cleared = cleared

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="Search: press / and type (title, people, questions, text…)",
                         id=id, compact=True, select_on_focus=False)

    def action_clear_search(self) -> None:
        """Empty the box (the list shows everything again) and go back to the list."""
        self.value = ""
        self.post_message(self.Done(cleared=True))

    def action_done(self) -> None:
        self.post_message(self.Done(cleared=False))
