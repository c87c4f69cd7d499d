"""Sessions like the one being written or read, the most alike first (see ``igftui.services.similar``).

Two places show them: beside the editor's checks, the sessions like the draft as
it is typed (:class:`SimilarPanel`), and at the end of a session read, "Sessions
like this" (:class:`SimilarSection`).  Both are a :class:`SimilarList`: enter on a
line asks the screen to open that session (:class:`SimilarList.Picked`); the
screen finds the sessions in a worker and hands them over with ``show``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from igftui.model.wording import plural, session_line

if TYPE_CHECKING:
    from igftui.store.listing import SimilarSession

#: What the editor's panel says while the draft has no words to compare yet.
EMPTY_DRAFT_HINT = "Sessions like this draft appear here as you write its title and description"


def score_text(score: float) -> str:
    """How alike, as the command line writes it: ``"0.41"``."""
    return f"{score:.2f}"


class SimilarList(OptionList):
    """The sessions found, one option each: the score, year, code and title; with ``shared``,
    the words they share on a line under it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Open", tooltip="Read this session", id="similar.open"),
        Binding("j", "cursor_down", "Down", show=False, tooltip="The next session", id="similar.down"),
        Binding("k", "cursor_up", "Up", show=False, tooltip="The session before", id="similar.up"),
    ]
    HELP_TITLE: ClassVar[str] = "Sessions like this"

    @dataclass
    class Picked(Message):
        """The user chose a session of the list to read."""

        session_id: int

    def __init__(self, *, shared: bool, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shared = shared
        #: The sessions on screen, most alike first.
        self.found: list[SimilarSession] = []

    def show(self, found: Sequence[SimilarSession]) -> None:
        """Show ``found``, keeping the highlight on the same session if it is still there."""
        before = self.highlighted
        kept = self.found[before].id if before is not None and before < len(self.found) else None
        self.found = list(found)
        self.clear_options()
        self.add_options(self._option(like) for like in self.found)
        ids = [like.id for like in self.found]
        if kept in ids:
            self.highlighted = ids.index(kept)

    def forget(self, session_id: int) -> None:
        """Take ``session_id`` off the list (the draft itself, once it is stored)."""
        if any(like.id == session_id for like in self.found):
            self.show([like for like in self.found if like.id != session_id])

    def _option(self, like: SimilarSession) -> Option:
        prompt = Text()
        prompt.append(score_text(like.score), style="bold")
        prompt.append("  ")
        prompt.append(session_line(like.year, like.code, like.title))
        if self._shared and like.shared_terms:
            prompt.append("\nshared: " + ", ".join(like.shared_terms), style="dim")
        return Option(prompt)

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Picked(self.found[event.option_index].id))


class SimilarPanel(Vertical):
    """The editor's "Like this draft": a line saying what was found, then the sessions."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "back_to_draft",
            "Back to the draft",
            tooltip="Put the cursor back where it was in the draft",
            id="similar.back",
        ),
    ]
    HELP_TITLE: ClassVar[str] = "Sessions like this draft"

    DEFAULT_CSS = """
    SimilarPanel {
        height: 1fr;
        border-left: vkey $panel;
        padding: 0 1;
    }
    SimilarPanel #similar-title {
        text-style: bold;
        color: $text-accent;
    }
    SimilarPanel #similar-state {
        color: $text-muted;
    }
    SimilarPanel SimilarList, SimilarPanel SimilarList:focus {
        height: 1fr;
        scrollbar-gutter: stable;
        border: none;
        padding: 0;
        background: transparent;
    }
    """

    class BackWanted(Message):
        """The user is done looking: the cursor goes back into the draft."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.list = SimilarList(shared=True, id="similar-list")

    def compose(self) -> ComposeResult:
        yield Static("Like this draft", id="similar-title", markup=False)
        yield Static(EMPTY_DRAFT_HINT, id="similar-state", markup=False)
        yield self.list

    def _say(self, text: str) -> None:
        self.query_one("#similar-state", Static).update(Content(text))

    def show_hint(self) -> None:
        """The draft has no words to compare yet."""
        self.list.show([])
        self._say(EMPTY_DRAFT_HINT)

    def show(self, found: Sequence[SimilarSession]) -> None:
        """Show the sessions most like the draft now."""
        self.list.show(found)
        self._say(
            f"{plural(len(found), 'session')} share its words"
            if found
            else "No session in the catalogue shares its words yet"
        )

    def show_problem(self, text: str) -> None:
        self.list.show([])
        self._say(text)

    def action_back_to_draft(self) -> None:
        self.post_message(self.BackWanted())


class SimilarSection(Vertical):
    """The session view's "Sessions like this": the most alike, a line each; enter reads one."""

    DEFAULT_CSS = """
    SimilarSection {
        height: auto;
    }
    SimilarSection #similar-heading {
        text-style: bold;
        color: $text-accent;
        margin-top: 1;
    }
    SimilarSection #similar-state {
        color: $text-muted;
    }
    SimilarSection SimilarList, SimilarSection SimilarList:focus {
        height: auto;
        border: none;
        padding: 0;
        background: transparent;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.list = SimilarList(shared=False, id="similar-list")
        self._state = Static("Looking for sessions like this…", id="similar-state", markup=False)

    def compose(self) -> ComposeResult:
        yield Static("Sessions like this", id="similar-heading", markup=False)
        yield self._state
        yield self.list

    def show(self, found: Sequence[SimilarSession]) -> None:
        """Show the sessions most like this one."""
        self.list.show(found)
        self._state.update(Content("No other session shares its words."))
        # The list says it all once there is one.
        self._state.display = not found

    def show_problem(self, text: str) -> None:
        self.list.show([])
        self._state.update(Content(text))
        self._state.display = True
