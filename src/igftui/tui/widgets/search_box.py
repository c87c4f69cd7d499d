"""The search box above a list: the catalogue's, and (subclassed) the people's."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message

from igftui.tui.widgets.line_field import LineField


def search_bindings(found: str, *, clear_tooltip: str, clear_id: str, done_id: str) -> list[BindingType]:
    """The keys of a search box over a list of ``found`` ("sessions", "people").

    The ids are whole, not a prefix and a name: each box keeps the ids it first
    had, since a user's keymap names them.
    """
    return [
        Binding("escape", "clear_search", "Clear search", tooltip=clear_tooltip, id=clear_id),
        Binding("down,enter", "done", "To the list", tooltip=f"Go down to the {found} found", id=done_id),
    ]


class SearchBox(LineField):
    """Full-text search as you type.

    It only says what was typed (Input.Changed) and when the user is done with
    it; the screen runs the search in a worker, so typing never waits for it.
    A box over another list is a subclass that sets :attr:`PLACEHOLDER`,
    ``HELP_TITLE`` and ``BINDINGS`` (see :func:`search_bindings`).
    """

    HELP_TITLE: ClassVar[str] = "Search"
    #: What the empty box says.
    PLACEHOLDER: ClassVar[str] = "Search: press / and type (title, people, questions, text…)"

    BINDINGS: ClassVar[list[BindingType]] = search_bindings(
        "sessions",
        clear_tooltip="Empty the search box and show the whole list again",
        clear_id="search.clear",
        done_id="search.done",
    )

    DEFAULT_CSS = """
    SearchBox {
        width: 1fr;
    }
    """

    @dataclass
    class Done(Message):
        """The user wants to go on to the list (``cleared``: after emptying the box)."""

        cleared: bool

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder=self.PLACEHOLDER, id=id, compact=True, select_on_focus=False)

    def action_clear_search(self) -> None:
        """Empty the box (the list shows everything again) and go back to the list."""
        self.value = ""
        self.post_message(self.Done(cleared=True))

    def action_done(self) -> None:
        """Go on to the list, leaving the search as it is."""
        self.post_message(self.Done(cleared=False))
