"""A short list to pick one thing from: the shape the theme and rule-set pickers share."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.console import RenderableType
from textual import on
from textual.app import ComposeResult
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from igftui.tui.dialogs.dialog import IgfDialog
from igftui.tui.widgets.dialog_box import DialogBox


class ChoiceDialog(IgfDialog[str | None]):
    """One of ``choices``, one a line: enter dismisses with the one chosen, escape with None.

    A subclass names its frame and list (``DIALOG_ID``, ``LIST_ID``), says how wide it is
    in its own ``DEFAULT_CSS``, and gives its escape binding the words of its place.
    """

    DIALOG_ID: ClassVar[str] = "choice-dialog"
    LIST_ID: ClassVar[str] = "choices"
    #: Whether each option carries its value as its id (a rule set's name can be one; a
    #: theme's name, with its spaces, cannot).
    VALUES_AS_IDS: ClassVar[bool] = False

    DEFAULT_CSS = """
    ChoiceDialog OptionList, ChoiceDialog OptionList:focus {
        height: auto;
        max-height: 20;
        border: none;
    }
    """

    def __init__(self, title: str, hint: str, choices: Sequence[tuple[str, RenderableType]], current: str | None):
        """``choices`` are (what to dismiss with, what to show) pairs, in the order shown."""
        super().__init__()
        self.title_text = title
        self.hint = hint
        self.choices = list(choices)
        self.current = current

    def compose(self) -> ComposeResult:
        with DialogBox(self.title_text, self.hint, id=self.DIALOG_ID):
            # Chosen by position, so that a value need not be a widget id.
            yield OptionList(
                *(Option(prompt, id=value if self.VALUES_AS_IDS else None) for value, prompt in self.choices),
                id=self.LIST_ID,
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        values = [value for value, _prompt in self.choices]
        if self.current in values:
            options.highlighted = values.index(self.current)
        options.focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.choices[event.option_index][0])

    def action_cancel(self) -> None:
        self.dismiss(None)
