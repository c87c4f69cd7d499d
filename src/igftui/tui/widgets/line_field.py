"""The one-line field every form of igftui is built with: no select-all on focus, and undo.

Textual's ``Input`` selects all of its text when it gets the focus, so the next
key typed replaces an answer the user only tabbed through, and it has no undo:
that is how a private note once replaced a template's tags, was saved a moment
later and went out in a public export.  :class:`LineField` keeps the text and the
cursor as they were on focus (``ctrl+shift+a``, ``shift+home`` and ``shift+end``
still select when asked), and keeps a small undo history of its own, as
``TextArea`` does: a run of typing (or of deleting) is one step.

:class:`LineHistory` is the history alone, plain Python, so its rules are tested
without a terminal.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.widgets import Input

#: The keys of every one-line field, listed in the help as "Editing this field".
UNDO_KEYS = "ctrl+z"
REDO_KEYS = "ctrl+y,ctrl+shift+z"


@dataclass(frozen=True)
class LineState:
    """What a field held at one moment: its text and where the cursor was."""

    text: str
    cursor: int


@dataclass
class _Run:
    """The run of typing (or deleting) the newest step is made of, while it can go on."""

    kind: str
    cursor: int
    at: float


class LineHistory:
    """The undo and redo steps of one field.

    A step is the state before an edit.  Single characters typed one after the
    other, or deleted one after the other, make one step, as long as the cursor
    did not move elsewhere in between and no more than ``pause`` seconds passed
    between two of them; anything else (a paste, a cut, a word deleted, a
    selection replaced) is a step of its own.  ``clock`` is given in tests.
    """

    def __init__(
        self, *, limit: int = 100, pause: float | None = 1.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit = limit
        self.pause = pause
        self.clock = clock
        self._undo: list[LineState] = []
        self._redo: list[LineState] = []
        self._run: _Run | None = None

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def edited(self, before: LineState, text: str, start: int, end: int) -> None:
        """``text`` replaced the characters from ``start`` to ``end`` of ``before``."""
        now = self.clock()
        if len(text) == 1 and start == end:
            kind, cursor, joins = "type", start + 1, start
        elif not text and end - start == 1:
            # Backspace ends where the last one started; delete starts where the last one did.
            kind, cursor, joins = "erase", start, -1
        else:
            kind, cursor, joins = "other", start + len(text), -2
        run = self._run
        goes_on = (
            run is not None
            and run.kind == kind != "other"
            and (self.pause is None or now - run.at <= self.pause)
            and (run.cursor == joins if kind == "type" else run.cursor in (start, end))
        )
        if not goes_on:
            self._undo.append(before)
            del self._undo[: -self.limit]
        self._redo.clear()
        self._run = _Run(kind, cursor, now) if kind != "other" else None

    def undo(self, now: LineState) -> LineState | None:
        """The state to go back to (``now`` can be redone), or None when there is none."""
        return self._step(self._undo, self._redo, now)

    def redo(self, now: LineState) -> LineState | None:
        """The state an undo left (``now`` can be undone again), or None when there is none."""
        return self._step(self._redo, self._undo, now)

    def _step(self, source: list[LineState], target: list[LineState], now: LineState) -> LineState | None:
        self._run = None
        if not source:
            return None
        target.append(now)
        return source.pop()

    def forget(self) -> None:
        """Drop every step: the field was given a new text (a draft filled in, a search cleared)."""
        self._undo.clear()
        self._redo.clear()
        self._run = None


class LineField(Input):
    """A one-line field: keeps its text on focus, and undoes and redoes with ctrl+z / ctrl+y.

    Text put in by the program (``field.value = ...``) starts the history afresh,
    as ``TextArea.load_text`` does: undo never takes a field back to before the
    draft was loaded into it.  Use it for every one-line box of a form.
    """

    HELP_TITLE: ClassVar[str] = "This field"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            UNDO_KEYS,
            "undo",
            "Undo",
            show=False,
            tooltip="Take back the last change typed in this field",
            id="field.undo",
        ),
        Binding(
            REDO_KEYS,
            "redo",
            "Redo",
            show=False,
            tooltip="Put back the change just taken back in this field",
            id="field.redo",
        ),
    ]

    def __init__(
        self, value: str | None = None, placeholder: str = "", *, select_on_focus: bool = False, **options
    ) -> None:
        #: This field's undo and redo steps.
        self.history = LineHistory()
        self._editing = False
        # Selecting all on focus is what let one key replace a whole answer.
        super().__init__(value, placeholder, select_on_focus=select_on_focus, **options)

    def on_focus(self) -> None:
        # Selecting all used to scroll the cursor into view; without it a long path would
        # show its start with the cursor out of sight at its end.
        self.call_after_refresh(self._show_cursor)

    def _show_cursor(self) -> None:
        self.scroll_to_region(Region(self._cursor_offset, 0, width=1, height=1), force=True, animate=False)

    def _state(self) -> LineState:
        return LineState(self.value, self.cursor_position)

    def replace(self, text: str, start: int, end: int) -> None:
        # Every edit the user makes (typing, deleting, paste, cut) comes through here.
        before = self._state()
        begin, finish = sorted((max(0, start), min(len(before.text), end)))
        self._editing = True
        try:
            super().replace(text, start, end)
        finally:
            self._editing = False
        if self.value != before.text:
            self.history.edited(before, text, begin, finish)

    def action_cursor_right(self, select: bool = False) -> None:
        # Accepting a suggestion sets the value directly: it is the user's edit all the same.
        before = self._state()
        self._editing = True
        try:
            super().action_cursor_right(select)
        finally:
            self._editing = False
        if self.value != before.text:
            self.history.edited(before, self.value, 0, len(before.text))

    def watch_value(self, value: str) -> None:
        if not self._editing:
            self.history.forget()

    def action_undo(self) -> None:
        """Take back the last change typed in this field."""
        self._go_to(self.history.undo(self._state()))

    def action_redo(self) -> None:
        """Put back the change just taken back."""
        self._go_to(self.history.redo(self._state()))

    def _go_to(self, state: LineState | None) -> None:
        if state is None:
            return
        self._editing = True
        try:
            self.value = state.text
        finally:
            self._editing = False
        self.cursor_position = state.cursor
